"""What the case module's models share."""

from django.db import models

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
