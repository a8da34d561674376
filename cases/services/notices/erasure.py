"""An erased citizen's notices keep what was sent and when (the delivery log's counts), not to
whom or what it said. Registered in cases.services.erasure.SCRUBBERS."""

from django.db.models import Q

from cases.choices import NoticeStatus
from cases.models import Notice
from cases.services.erasure import SCRUBBERS, _anonymise_change_log


def scrub_notices(citizen_pk, case_pks):
    notices = Notice.objects.filter(
        Q(citizen_id=citizen_pk) | Q(case__in=case_pks) | Q(appointment__citizen_id=citizen_pk)
    )
    pks = list(notices.values_list("pk", flat=True))
    notices.filter(status__in=NoticeStatus.waiting()).update(
        status=NoticeStatus.CANCELLED, reason="Данные гражданина удалены."
    )
    notices.update(recipient="", text="")
    _anonymise_change_log([(Notice, pks)])


SCRUBBERS.append(scrub_notices)
