"""What each role of the role model may do: Django permissions given to the role's group.

Least privilege (docs/security.md, "Least privilege"; the table in docs/roles.md is generated
from this and from the permission each staff view demands, `manage.py roles_table`):
- the hall administrator keeps the queue and the appointments journal, nothing of the citizens'
  records (no citizen card, no case, no plan, no registry, no SNILS, no health data);
- reception and curators register and match people, so they alone see the full SNILS
  (`view_snils`); everyone else sees it masked («***-***-789 01»);
- only curators export the registry (`export_registry`): a file of personal data leaves the
  system, so the fewest hands;
- specialists (career, psychologist, individual support, employer relations) read the cases
  they serve and carry out plan items, but neither register citizens nor plan;
- the IPRA (health data) only for those who work with it: never the hall administrator nor
  reception (docs/ipra.md, "Who sees the IPRA").
"""

from django.contrib.auth.models import Permission

VIEW = [
    "view_citizen",
    "view_case",
    "view_planitem",
    "view_appointment",
    "view_receptionrecord",
    "view_retentioncheck",
    "view_notice",  # the delivery log of the case's notices
    "view_referral",  # referrals to partners and the journal of referred citizens
    "view_jobreferral",
    "view_employment",
]
# Retention checks (контроль закрепляемости) are held by the curator and the employer-zone
# specialist, who knows the employer.
RETENTION = ["change_retentioncheck", "view_retention_report"]
APPOINTMENTS = ["view_appointment", "add_appointment", "change_appointment"]
RECEPTION = [
    *VIEW,
    "add_citizen",
    "change_citizen",
    "view_snils",
    "add_case",
    "transition_case",
    "add_receptionrecord",
    "change_receptionrecord",
    "add_appointment",
    "change_appointment",
]
# The curator records the profiling on the reception screen (the seed: «профилирование»).
CURATOR = [
    *RECEPTION,
    "add_planitem",
    "change_planitem",
    "export_registry",
    "record_profiling",
    "handover_case",
]
SPECIALIST = [*VIEW, "change_planitem", "transition_case", "add_appointment", "change_appointment"]
# Referrals to partners are issued by whoever decides the need: the curator and the specialists
# who deliver services (the seed: the psychologist refers to ЦРИ «Изгелек»).
REFERRALS = ["add_referral", "change_referral"]
# Employers and vacancies are kept by the employer-zone specialist (and curators in a small
# centre); job referrals are issued by them and by career consultants; the employer's answer and
# the employment are recorded by the employer-zone specialist and curators.
VACANCIES = ["view_employer", "view_vacancy"]
EMPLOYERS = [*VACANCIES, "add_employer", "change_employer", "add_vacancy", "change_vacancy"]
EMPLOYERS += ["import_vacancy"]
JOBS = [*VACANCIES, "add_jobreferral"]
EMPLOYMENT = [*JOBS, "answer_jobreferral", "add_employment", "view_employment_report"]
# The IPRA is health data (docs/ipra.md, "Who sees the IPRA"): curators run the registry —
# import, the route, the list of measures, the journal and the reports; the specialists who
# deliver measures (career, psychologist, individual support) see it and record execution; the
# employer-zone specialist sees it (the seed: always have the IPRA when visiting an employer).
IPRA_CURATOR = ["view_ipra", "change_ipra", "execute_ipra", "import_ipra", "export_ipra"]
IPRA_SPECIALIST = ["view_ipra", "execute_ipra"]

# The hall queue (docs/queue.md): the hall administrator issues tickets and keeps the hall board
# on the hall screen (a board shows numbers and windows only); reception and curators may issue
# too (small centres have no hall administrator); whoever receives visitors calls; curators see
# the day report.
QUEUE_HALL = ["issue_ticket", "view_queue_board"]
QUEUE_CALL = ["call_ticket"]
QUEUE_CURATOR = [*QUEUE_HALL, *QUEUE_CALL, "view_queue_report"]

ROLE_PERMISSIONS = {
    "hall-administrator": [*APPOINTMENTS, *QUEUE_HALL],
    "reception": [*RECEPTION, *QUEUE_HALL, *QUEUE_CALL],
    "curator": [
        *CURATOR,
        *IPRA_CURATOR,
        *RETENTION,
        *QUEUE_CURATOR,
        *REFERRALS,
        *EMPLOYERS,
        *EMPLOYMENT,
    ],
    "career": [*SPECIALIST, *IPRA_SPECIALIST, *QUEUE_CALL, *REFERRALS, *JOBS],
    "psychologist": [*SPECIALIST, *IPRA_SPECIALIST, *QUEUE_CALL, *REFERRALS],
    "individual": [*SPECIALIST, *IPRA_SPECIALIST, *QUEUE_CALL, *REFERRALS, *JOBS],
    "employer": [*SPECIALIST, "view_ipra", *RETENTION, *QUEUE_CALL, *EMPLOYERS, *EMPLOYMENT],
    # Reads the access log and the change log of their centre (docs/security.md); the records
    # themselves only to look (every look is in the access log too).
    "data-protection": [*VIEW, "view_ipra", "view_accesslog"],
    # The head of the centre sees everything overdue in the centre and hands items over
    # (docs/calendar.md, "Overdue and escalation"), and reads the centre's reports; not the IPRA
    # (health data, for those who work with it).
    "head": [
        *VIEW,
        "change_planitem",
        "handover_case",
        "view_overdue",
        "view_queue_report",
        "view_retention_report",
        "view_employment_report",
        *VACANCIES,
    ],
}


def sync_role_permissions(roles):
    """Give each role's group exactly the case-module permissions of its role."""
    perms = {p.codename: p for p in Permission.objects.filter(content_type__app_label="cases")}
    for role in roles:
        if role.group_id is None or role.slug not in ROLE_PERMISSIONS:
            continue
        wanted = [perms[c] for c in ROLE_PERMISSIONS[role.slug]]
        current = role.group.permissions.exclude(content_type__app_label="cases")
        role.group.permissions.set([*current, *wanted])
