from .pages import (
    HomePage,
    LifeSituationPage,
    LifeSituationService,
    ServiceIndexPage,
    ServicePage,
)
from .routes import Route, RouteStep
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
    "Route",
    "RouteStep",
    "ServiceCategory",
    "ServiceIndexPage",
    "ServicePage",
]
