from .pages import (
    ContactsPage,
    FAQPage,
    HomePage,
    LifeSituationPage,
    LifeSituationService,
    ServiceIndexPage,
    ServicePage,
    StandardPage,
    normalise_search_text,
)
from .routes import Route, RouteStep
from .scripts import OUTCOME_LABELS, Script, validate_script_steps
from .snippets import (
    INDICATOR_GROUPS,
    ClientIndicator,
    ClientProfile,
    Partner,
    Role,
    ServiceCategory,
)
from .surveys import (
    CHANNELS,
    QUESTION_TYPES,
    SCALES,
    SurveyPage,
    SurveyQuestion,
    SurveySubmission,
)

__all__ = [
    "CHANNELS",
    "QUESTION_TYPES",
    "SCALES",
    "SurveyPage",
    "SurveyQuestion",
    "SurveySubmission",
    "INDICATOR_GROUPS",
    "ClientIndicator",
    "ClientProfile",
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
    "normalise_search_text",
]
