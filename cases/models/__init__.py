"""Citizens, their cases and routes, plan items, appointments and the transition log.

One module per subject; everything is re-exported here, so `from cases.models import Case`
and the app label `cases` stay as they were.
"""

from .appointments import Appointment
from .audit import AccessLog, AppendOnly
from .base import CentreScopedQuerySet, fold
from .case import Case, TransitionLog
from .citizens import Citizen
from .employers import Employer, Vacancy
from .ipra import (
    Ipra,
    IpraImport,
    IpraImportError,
    IpraMeasure,
    IpraReport,
    IpraTransitionLog,
)
from .jobs import Employment, JobReferral
from .notices import Notice
from .plan import PlanItem
from .queue import QueueTicket
from .reception import ReceptionRecord
from .referrals import Referral
from .retention import RetentionCheck
from .scripts import ScriptRun
from .surveys import SurveyInvitation, _invitation_token
from .tracked import track


def _case_label(pk):
    opened = Case.objects.filter(pk=pk).values_list("opened_at", flat=True).first()
    return f"Случай № {opened:%Y}-{int(pk):06d}" if opened else f"Случай № {pk}"


# The change log (django-auditlog): one line a model holding personal data.
track(Citizen, lambda pk: f"Гражданин № {pk}")
track(Case, _case_label, exclude=["state_changed_at", "suspended_from"])
track(PlanItem, lambda pk: f"Пункт плана № {pk}", exclude=["sort_order"])
track(Appointment, lambda pk: f"Запись на приём № {pk}", exclude=["duration_minutes"])
track(Ipra, lambda pk: f"ИПРА, запись № {pk}", exclude=["state_changed_at", "import_job"])
track(IpraMeasure, lambda pk: f"Мероприятие ИПРА № {pk}", exclude=["sort_order"])
track(RetentionCheck, lambda pk: f"Проверка закрепляемости № {pk}")
track(QueueTicket, lambda pk: f"Талон очереди № {pk}", exclude=["priority"])
track(Notice, lambda pk: f"Уведомление № {pk}", exclude=["claimed_at", "attempts", "task_id"])
track(ReceptionRecord, lambda pk: f"Экран приёма № {pk}", m2m=["categories"])
track(Referral, lambda pk: f"Направление к партнёру № {pk}")
track(JobReferral, lambda pk: f"Направление на работу № {pk}")
track(Employment, lambda pk: f"Трудоустройство № {pk}")
track(Employer, lambda pk: f"Работодатель № {pk}")
track(Vacancy, lambda pk: f"Вакансия № {pk}", m2m=["working_conditions"])

__all__ = [
    "AccessLog",
    "AppendOnly",
    "Appointment",
    "Case",
    "CentreScopedQuerySet",
    "Citizen",
    "Employer",
    "Employment",
    "Ipra",
    "IpraImport",
    "IpraImportError",
    "IpraMeasure",
    "IpraReport",
    "IpraTransitionLog",
    "JobReferral",
    "Notice",
    "PlanItem",
    "QueueTicket",
    "ReceptionRecord",
    "Referral",
    "RetentionCheck",
    "ScriptRun",
    "SurveyInvitation",
    "TransitionLog",
    "Vacancy",
    "_invitation_token",  # named by migration 0005
    "fold",
]
