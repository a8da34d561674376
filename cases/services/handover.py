"""Handing a case over to another curator of the centre, with a comment for the new one.

The case's curator hands over their own case; the head of the centre (`view_overdue`) any case
of the centre (a curator on leave, an overloaded one). The form carries the curator the page
showed: if a colleague handed the case over meanwhile, the second handover is refused, not
silently applied. The comment stays on the case (the new curator reads it on the case page and
in «Моя работа»); every handover is in the change log.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.models import Case
from cases.services.base import Conflict, log_case


def may_hand_over(user, case):
    if not (case.is_open and user.has_perm("cases.handover_case")):
        return False
    return case.curator_id == user.pk or user.has_perm("cases.view_overdue")


def hand_over_case(user, case, new_curator, comment, expected_curator_id):
    """Make `new_curator` the case's curator; raises ValidationError (nothing saved),
    PermissionDenied, or Conflict when the case changed hands meanwhile."""
    comment = (comment or "").strip()
    errors = {}
    if new_curator is None:
        errors["curator"] = _("Выберите куратора.")
    elif new_curator.centre_id != case.centre_id:
        errors["curator"] = _("Куратор должен работать в том же центре.")
    elif new_curator.pk == case.curator_id:
        errors["curator"] = _("Случай уже у этого куратора: выберите другого.")
    if not comment:
        errors["comment"] = _("Напишите, что важно знать новому куратору.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        fresh = Case.objects.select_for_update().get(pk=case.pk)
        if not may_hand_over(user, fresh):
            raise PermissionDenied(_("Передать случай может его куратор или руководитель центра."))
        if fresh.curator_id != expected_curator_id:
            name = fresh.curator.get_full_name() if fresh.curator else _("не назначен")
            raise Conflict(
                fresh,
                _(
                    "Случай уже передан другим сотрудником: сейчас его куратор — %(name)s. "
                    "Страница обновлена."
                )
                % {"name": name},
            )
        previous = fresh.curator
        fresh.curator = new_curator
        fresh.handover_note = comment
        fresh.handed_over_at = timezone.now()
        fresh.handed_over_by = user
        fresh.save(update_fields=["curator", "handover_note", "handed_over_at", "handed_over_by"])
        log_case(
            fresh,
            "marshrut.case.handover",
            user,
            {"from": previous.pk if previous else None, "to": new_curator.pk},
        )
    return fresh
