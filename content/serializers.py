"""REST serializers of the snippets exposed by the headless API."""

from rest_framework import serializers

from content.models.snippets import Partner, Role, ServiceCategory


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
