"""The IPRA (индивидуальная программа реабилитации или абилитации инвалида) as the centre
receives it from the bureau of medical-social expertise, its own route, the measures assigned to
the employment service, the reports of execution sent back, and the import jobs that bring IPRA
in from files."""

from .imports import IpraImport, IpraImportError
from .parts import IpraMeasure, IpraReport
from .record import Ipra, IpraQuerySet, IpraTransitionLog

__all__ = [
    "Ipra",
    "IpraImport",
    "IpraImportError",
    "IpraMeasure",
    "IpraQuerySet",
    "IpraReport",
    "IpraTransitionLog",
]
