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
from .snippets import (
    INDICATOR_GROUPS,
    ClientIndicator,
    ClientProfile,
    Partner,
    Role,
    ServiceCategory,
)

__all__ = [
    "INDICATOR_GROUPS",
    "ClientIndicator",
    "ClientProfile",
    "ContactsPage",
    "FAQPage",
    "HomePage",
    "LifeSituationPage",
    "LifeSituationService",
    "Partner",
    "Role",
    "ServiceCategory",
    "ServiceIndexPage",
    "ServicePage",
    "StandardPage",
    "normalise_search_text",
]
