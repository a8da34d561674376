from .applicants import ApplicantCategory
from .catalogue import ServiceIndexPage, ServicePage
from .conditions import RehabilitationMeasure, WorkingCondition, match_wordings
from .editorial import FAQPage, StandardPage
from .pages import ContactsPage, HomePage, LifeSituationPage, LifeSituationService
from .routes import Route, RouteStep
from .scripts import OUTCOME_LABELS, Script, validate_script_steps
from .settings import ContactSettings
from .snippets import (
    ClientIndicator,
    ClientProfile,
    Partner,
    Role,
    ServiceCategory,
)
from .surveys import SurveyPage, SurveyQuestion, SurveySubmission

__all__ = [
    "ApplicantCategory",
    "SurveyPage",
    "SurveyQuestion",
    "SurveySubmission",
    "ClientIndicator",
    "ClientProfile",
    "ContactSettings",
    "ContactsPage",
    "FAQPage",
    "HomePage",
    "LifeSituationPage",
    "LifeSituationService",
    "Partner",
    "OUTCOME_LABELS",
    "Role",
    "Route",
    "RouteStep",
    "Script",
    "ServiceCategory",
    "ServiceIndexPage",
    "ServicePage",
    "validate_script_steps",
    "StandardPage",
    "RehabilitationMeasure",
    "WorkingCondition",
    "match_wordings",
]
