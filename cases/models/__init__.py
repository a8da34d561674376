"""Citizens, their cases and routes, plan items, appointments and the transition log.

One module per subject; everything is re-exported here, so `from cases.models import Case`
and the app label `cases` stay as they were.
"""

from .appointments import Appointment
from .base import CentreScopedQuerySet, fold
from .case import Case, TransitionLog
from .citizens import Citizen
from .plan import PlanItem
from .scripts import ScriptRun
from .surveys import SurveyInvitation, _invitation_token

__all__ = [
    "Appointment",
    "Case",
    "CentreScopedQuerySet",
    "Citizen",
    "PlanItem",
    "ScriptRun",
    "SurveyInvitation",
    "TransitionLog",
    "_invitation_token",  # named by migration 0005
    "fold",
]
