"""Who may open which staff screen: the role × screen table of docs/roles.md.

One source of truth: the permission each staff view demands (`staff_view(...)`, read from the
URLconf) and the permissions each role is given (cases.permissions.ROLE_PERMISSIONS). The
table is generated (`manage.py roles_table`), docs/roles.md is checked against it, and a test
walks every staff URL as each demo role and compares the answers with it.
"""

from django.urls import URLPattern, URLResolver, get_resolver

from cases.permissions import ROLE_PERMISSIONS

ROLE_TITLES = {
    "hall-administrator": "Администратор зала",
    "reception": "Приём",
    "curator": "Куратор",
    "career": "Карьерный консультант",
    "psychologist": "Психолог",
    "individual": "Специалист сопровождения",
    "employer": "Работа с работодателями",
    "data-protection": "Защита персональных данных",
    "head": "Руководитель центра",
}

# What each staff URL is, for the table (English, like the rest of the docs).
SCREENS = {
    "overdue": "Everything overdue in the centre, escalated items first (head of the centre)",
    "my-work": "My work (own cases, own overdue items, today's appointments)",
    "intake": "Intake: search citizens, register a citizen",
    "open-case": "Open a case for a citizen",
    "citizen-edit": "Edit the citizen card",
    "case-detail": "Case page (citizen card, stage, plan, history)",
    "case-transition": "Move a case along its route (the route step's role decides further)",
    "case-route-version": "Move a case to the route's newest version",
    "case-handover": "Hand a case over to another curator, with a comment (own case; the head any)",
    "case-documents": "Mark documents received",
    "retention-report": "Retention report (share still at work after 1, 3, 6, 12 months)",
    "retention-report-export": "Retention report, CSV/XLSX",
    "queue-panel": "Hall queue: my calls, «call next», tickets waiting for me or my role",
    "queue-issue": "Hall queue: issue a ticket (purpose, priority, separate window)",
    "queue-slip": "Hall queue: the printable ticket slip",
    "queue-board": "Hall queue: the hall board (numbers and windows only)",
    "queue-report": "Hall queue: day report (waiting and service times), CSV",
    "queue-redirect": "Hall queue: redirect a called ticket to a colleague or role",
    "queue-act": "Hall queue: start serving, finish, no-show",
    "case-retention-check": "Record a retention check (контроль закрепляемости)",
    "referral-new": "Refer the citizen to a partner: the partner, then reason, package, offer",
    "referral-detail": "Referral to a partner: its card, the offer, the package, the conclusion",
    "referral-edit": "Change a drafted referral to a partner",
    "referral-offer": "Print the offer («Предложение о предоставлении государственной услуги»)",
    "referral-action": "Send a referral, record the conclusion, close it, recommendations to plan",
    "referral-journal": "Journal of referred citizens (per partner and period)",
    "referral-journal-print": "Journal of referred citizens, print (A4 landscape)",
    "referral-journal-export": "Journal of referred citizens, CSV/XLSX",
    "job-referral": "Issue a job referral to a vacancy (a contraindicated one with a reason)",
    "job-referral-print": "Print a job referral for the citizen",
    "job-referral-answer": "Record the employer's answer to a job referral",
    "case-employment": "Record the employment (moves the case to «Трудоустроен»)",
    "vacancies": "Vacancies of the centre (search, quota and special workplaces)",
    "vacancy-new": "Add a vacancy",
    "vacancy-edit": "Edit a vacancy",
    "vacancy-import": "Import vacancies from a CSV/XLSX file (all or nothing)",
    "employers": "Employers of the centre",
    "employer-new": "Add an employer (INN checked by its check digits)",
    "employer-edit": "Edit an employer",
    "employment-report": "Report: referrals per partner, job referrals and employment per employer",
    "employment-report-export": "That report, CSV/XLSX",
    "case-reception": "Reception screen (identity document, employment, categories, profiling)",
    "script-start": "Start a conversation script",
    "script-answer": "Answer a script step",
    "phone-survey": "Phone survey of the citizen",
    "plan-add": "Add a plan item",
    "plan-print": "Print the plan",
    "plan-item": "Edit a plan item",
    "plan-item-status": "Start/complete/refuse/cancel a plan item",
    "registry": "Registry of recipients",
    "registry-export": "Registry export (CSV/XLSX)",
    "appointments": "Appointments journal",
    "appointment-status": "Mark an appointment (came, no-show, cancelled)",
    "audit-log": "Access log of the centre (data-protection officer)",
    "audit-export": "Access log export (CSV/XLSX)",
    "audit-citizen": "Access and change log of one citizen",
    "audit-citizen-export": "Access and change log of one citizen, export",
    "audit-user": "Access log of one staff member",
    "audit-user-export": "Access log of one staff member, export",
    "ipra-registry": "IPRA registry (health data)",
    "ipra-export": "IPRA registry export (CSV/XLSX)",
    "ipra-detail": "IPRA card (document, conditions of work, measures, history)",
    "ipra-print": "IPRA list of measures, print (for the citizen, for employer visits)",
    "ipra-transition": "Move an IPRA along its route (acquaint, form the list, decline …)",
    "ipra-measure-add": "Add a measure to an IPRA's list",
    "ipra-measure": "Record a measure's execution (its period: with change_ipra)",
    "ipra-measure-remove": "Remove a measure from a list not yet formed",
    "ipra-report": "Execution report of one IPRA, print",
    "ipra-report-export": "Execution report of one IPRA, CSV/XLSX",
    "ipra-report-sent": "Record the report of one IPRA sent to the bureau",
    "ipra-journal": "Journal of drawing up the list of measures (screen)",
    "ipra-journal-print": "Journal, print (A4 landscape)",
    "ipra-journal-export": "Journal, CSV/XLSX",
    "ipra-reports": "Execution report for a period (and record its sending)",
    "ipra-reports-print": "Execution report for a period, print",
    "ipra-reports-export": "Execution report for a period, CSV/XLSX",
    "ipra-imports": "Import IPRA files (upload, recent imports)",
    "ipra-import": "An import's progress and rejected rows",
    "ipra-import-rejected": "An import's rejected rows, CSV/XLSX",
    "case-ipra-plan": "Add the IPRA's measures to the plan (also needs add_planitem)",
}

# Actions inside screens, each guarded by a permission of its own.
ACTIONS = [
    ("Book an appointment in the journal", "cases.add_appointment"),
    ("See the full SNILS (otherwise «***-***-789 01»)", "cases.view_snils"),
    ("Be chosen as a case's curator", "cases.add_planitem"),
    ("See the IPRA section on the case page", "cases.view_ipra"),
    ("Record the sending of a period's execution report", "cases.change_ipra"),
]


def staff_screens():
    """(url name, permission or None) of every named URL of the `cases` namespace."""
    found = []

    def walk(patterns, namespace):
        for p in patterns:
            if isinstance(p, URLResolver):
                walk(p.url_patterns, p.namespace or namespace)
            elif isinstance(p, URLPattern) and namespace == "cases" and p.name:
                found.append((p.name, getattr(p.callback, "staff_permission", None)))

    walk(get_resolver().url_patterns, None)
    return found


def role_may(role, permission):
    """Whether the role's permissions include `permission` ("cases.codename"; None: any staff)."""
    if permission is None:
        return True
    app_label, codename = permission.split(".", 1)
    return app_label == "cases" and codename in ROLE_PERMISSIONS[role]


def markdown_table():
    roles = list(ROLE_PERMISSIONS)
    head = ["Screen / action", "URL name", "Permission", *(ROLE_TITLES[r] for r in roles)]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    rows = [(SCREENS.get(name, name), f"`{name}`", perm) for name, perm in staff_screens()]
    rows += [(label, "", perm) for label, perm in ACTIONS]
    for label, name, perm in rows:
        marks = ["yes" if role_may(r, perm) else "—" for r in roles]
        lines.append(
            "| " + " | ".join([label, name, f"`{perm}`" if perm else "any staff", *marks]) + " |"
        )
    return "\n".join(lines) + "\n"
