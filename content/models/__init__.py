from .pages import (
    HomePage,
    LifeSituationPage,
    LifeSituationService,
    ServiceIndexPage,
    ServicePage,
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
    "HomePage",
    "LifeSituationPage",
    "LifeSituationService",
    "Partner",
    "Role",
    "ServiceCategory",
    "ServiceIndexPage",
    "ServicePage",
]
