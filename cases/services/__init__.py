"""Domain operations of the case module: the one place where cases change.

Views, management commands, the demo loader and tests all call these functions (`from cases
import services; services.run_transition(...)`); each runs in one database transaction together
with its log entries. One module per subject; the public functions are re-exported here.
"""

from . import employment_reports, ipra, jobs, matching, notices, referrals, vacancy_import
from .appointments import book_appointment, set_appointment_status
from .audit import purge_logs, record_access, scrub_citizen, search_kind
from .base import Conflict, TransitionRefused
from .citizens import find_citizens, open_case, register_citizen, update_citizen
from .handover import hand_over_case, may_hand_over
from .history import case_history, citizen_history, ipra_history, object_history, record_history
from .overdue import centre_overdue, mark_overdue
from .plan import PLAN_ACTIONS, add_plan_item, change_plan_item_status, update_plan_item
from .reception import reception_of, save_reception
from .retention import Recorded, record_check
from .scripts import answer_script, script_version, scripts_for, start_script
from .steps import (
    Step,
    available_steps,
    live_route_revision,
    required_documents,
    route_steps,
    set_received_documents,
    stage_deadline,
    user_may_run,
    user_role_ids,
)
from .surveys import (
    AlreadyAnswered,
    answer_invitation,
    invitation_url,
    invite_to_survey,
    record_phone_survey,
    send_invitation,
    surveys_for,
)
from .transitions import move_to_latest_route, run_transition
from .versions import StaleEdit
from .work import (
    appointments_of_day,
    day_bounds,
    due_checks,
    items_to_deliver,
    job_answers_awaiting,
    referrals_awaiting,
)

__all__ = [
    "AlreadyAnswered",
    "Conflict",
    "PLAN_ACTIONS",
    "StaleEdit",
    "Step",
    "TransitionRefused",
    "add_plan_item",
    "hand_over_case",
    "may_hand_over",
    "centre_overdue",
    "mark_overdue",
    "reception_of",
    "record_check",
    "due_checks",
    "appointments_of_day",
    "day_bounds",
    "items_to_deliver",
    "job_answers_awaiting",
    "referrals_awaiting",
    "Recorded",
    "save_reception",
    "answer_invitation",
    "answer_script",
    "available_steps",
    "book_appointment",
    "case_history",
    "change_plan_item_status",
    "citizen_history",
    "find_citizens",
    "employment_reports",
    "ipra",
    "jobs",
    "matching",
    "notices",
    "referrals",
    "vacancy_import",
    "ipra_history",
    "object_history",
    "invitation_url",
    "invite_to_survey",
    "live_route_revision",
    "move_to_latest_route",
    "open_case",
    "purge_logs",
    "record_access",
    "record_phone_survey",
    "record_history",
    "register_citizen",
    "required_documents",
    "route_steps",
    "run_transition",
    "scrub_citizen",
    "scripts_for",
    "search_kind",
    "script_version",
    "send_invitation",
    "set_appointment_status",
    "set_received_documents",
    "stage_deadline",
    "start_script",
    "surveys_for",
    "update_citizen",
    "update_plan_item",
    "user_may_run",
    "user_role_ids",
]
