"""What the case module's models share."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from cases.validators import format_snils, mask_snils
from content.text import normalise_search_text

# Case-folded text for searching Cyrillic regardless of case on SQLite and PostgreSQL alike
# (SQLite's LOWER() and LIKE fold ASCII only); shared with the public catalogue's search.
fold = normalise_search_text


class CentreScopedQuerySet(models.QuerySet):
    def for_user(self, user):
        """Only the records of the user's own centre; nothing for a user without a centre."""
        if not user.is_authenticated or user.centre_id is None:
            return self.none()
        return self.filter(centre_id=user.centre_id)


def centre_field(related_name):
    """The employment centre a record belongs to: what CentreScopedQuerySet.for_user filters."""
    return models.ForeignKey(
        "portal.Centre",
        verbose_name=_("центр занятости"),
        on_delete=models.PROTECT,
        related_name=related_name,
    )


class PersonMixin:
    """A person's name and SNILS as shown (Citizen, and an IPRA's copy of the person)."""

    @property
    def full_name(self):
        return " ".join(p for p in (self.last_name, self.first_name, self.patronymic) if p)

    @property
    def snils_display(self):
        return format_snils(self.snils)

    @property
    def snils_masked(self):
        """«***-***-789 01»: the last digits that tell people apart in a list, not the number."""
        return mask_snils(self.snils)
