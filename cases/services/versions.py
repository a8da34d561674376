"""No lost edits: an edit saved only if the record is still the version it was opened with.

The version is raised by a conditional UPDATE (… SET version = n + 1 WHERE pk = … AND
version = n) in the same transaction as the save: of two saves of version n, truly at once or
not, exactly one matches a row; the other is refused with what the colleague changed (read
back from the change log) and the version to try again on.
"""

from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.services.history import changes_since


class StaleEdit(Exception):
    """Someone saved the record after this edit was opened: nothing of this edit was saved."""

    def __init__(self, obj, what, opened, current):
        self.obj = obj
        self.version = current  # the version now: the form, sent again, saves over it
        self.entries = changes_since(obj, opened)
        self.message = stale_message(what, self.entries)
        super().__init__(self.message)


def stale_message(what, entries):
    """«Пока вы редактировали, карточку изменил(а) Рева Н. С. в 14:05: телефон — «…».»"""
    if not entries:
        return _(
            "Пока вы редактировали, %(what)s изменил другой сотрудник. Проверьте данные и "
            "сохраните ещё раз."
        ) % {"what": what}
    parts = []
    for row in entries:
        actor = row.entry.actor.get_short_name() if row.entry.actor else _("другой сотрудник")
        at = timezone.localtime(row.entry.timestamp).strftime("%H:%M")
        fields = "; ".join(f"{c.label} — «{c.new}»" for c in row.changes) or _("без изменений")
        parts.append(
            _("%(what)s изменил(а) %(actor)s в %(at)s: %(fields)s")
            % {"what": what, "actor": actor, "at": at, "fields": fields}
        )
    return (
        _("Пока вы редактировали, ")
        + "; ".join(parts)
        + _(". Ваши изменения не сохранены: проверьте их и сохраните ещё раз.")
    )


def claim_version(obj, expected, what):
    """Raise obj's version from `expected` (call inside the save's transaction) or refuse."""
    model = type(obj)
    claimed = model._base_manager.filter(pk=obj.pk, version=expected).update(
        version=F("version") + 1
    )
    if not claimed:
        current = model._base_manager.filter(pk=obj.pk).values_list("version", flat=True).first()
        raise StaleEdit(obj, what, expected, current)
    obj.version = expected + 1
