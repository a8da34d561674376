"""The IPRA registry's domain operations: the record's route and measures (`records`), the
import of files (`imports`, reading, rows, writing), the plan from the IPRA and the
contraindication warnings (`plan`), the journal and the execution reports (`reports`), the
erasure of a citizen's IPRA (`erasure`). Views, the management command, the task and the tests
call these."""

from . import erasure  # noqa: F401 - registers the IPRA's clean-up with the erasure
from .conditions import ConditionLine, condition_lines, contraindicated_lines, vocabulary
from .imports import import_file, run_import, run_import_task, start_import
from .plan import (
    ContraindicationWarning,
    add_measures_to_plan,
    add_plan_item_checked,
    current_ipra,
)
from .reading import ImportFileError
from .records import (
    IpraConflict,
    add_measure,
    available_transitions,
    ipra_deadlines,
    record_report,
    remove_measure,
    reportable,
    run_ipra_transition,
    update_measure,
)

__all__ = [
    "ConditionLine",
    "condition_lines",
    "vocabulary",
    "ContraindicationWarning",
    "ImportFileError",
    "IpraConflict",
    "add_measure",
    "add_measures_to_plan",
    "add_plan_item_checked",
    "available_transitions",
    "contraindicated_lines",
    "current_ipra",
    "import_file",
    "ipra_deadlines",
    "record_report",
    "remove_measure",
    "reportable",
    "run_import",
    "run_import_task",
    "run_ipra_transition",
    "start_import",
    "update_measure",
]
