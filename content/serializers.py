"""REST serializers of the snippets exposed by the headless API."""

from rest_framework import serializers

from content.models.snippets import Partner, Role, ServiceCategory
from content.visibility import public_pages, public_service_links


class PartnerSerializer(serializers.ModelSerializer):
    locale = serializers.CharField(source="locale.language_code", read_only=True)

    class Meta:
        model = Partner
        fields = [
            "id",
            "name",
            "short_name",
            "slug",
            "address",
            "phone",
            "website",
            "agreement",
            "description",
            "locale",
        ]


class RoleSerializer(serializers.ModelSerializer):
    locale = serializers.CharField(source="locale.language_code", read_only=True)

    class Meta:
        model = Role
        fields = ["id", "name", "slug", "duties", "key_documents", "workplace", "locale"]


class ServiceCategorySerializer(serializers.ModelSerializer):
    locale = serializers.CharField(source="locale.language_code", read_only=True)

    class Meta:
        model = ServiceCategory
        fields = ["id", "name", "slug", "description", "sort_order", "locale"]


class PublicServiceLinksField(serializers.Field):
    """A life situation's complex of services in the API: links to public services only.

    The same shape as Wagtail's child-relation field (`id`, `meta.type` and the link's own
    `api_fields`), with the unpublished and private services left out.
    """

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, situation):
        links = public_service_links(situation).select_related("service", "category")
        return [
            {
                "id": link.pk,
                "meta": {"type": link._meta.label},
                "service_id": link.service_id,
                "service_title": link.service_title,
                "category_name": link.category_name,
            }
            for link in links.order_by("sort_order", "pk")
        ]


class PublicPageStreamField(serializers.Field):
    """A StreamField of page choosers in the API, without the pages the public may not see."""

    def to_representation(self, stream):
        blocks = stream.stream_block.get_api_representation(stream, self.context)
        chosen = [block["value"] for block in blocks if block.get("value") is not None]
        visible = set(public_pages().filter(pk__in=chosen).values_list("pk", flat=True))
        return [block for block in blocks if block.get("value") in visible]
