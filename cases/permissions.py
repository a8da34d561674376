"""What each role of the role model may do: Django permissions given to the role's group."""

from django.contrib.auth.models import Permission

VIEW = ["view_citizen", "view_case", "view_planitem", "view_appointment"]
RECEPTION = [
    *VIEW,
    "add_citizen",
    "change_citizen",
    "add_case",
    "transition_case",
    "add_appointment",
    "change_appointment",
]
CURATOR = [*RECEPTION, "add_planitem", "change_planitem"]
SPECIALIST = [*VIEW, "change_planitem", "transition_case", "add_appointment", "change_appointment"]

ROLE_PERMISSIONS = {
    "hall-administrator": [*VIEW, "add_appointment", "change_appointment"],
    "reception": RECEPTION,
    "curator": CURATOR,
    "career": SPECIALIST,
    "psychologist": SPECIALIST,
    "individual": SPECIALIST,
    "employer": SPECIALIST,
    # Reads the access log and the change log of their centre (docs/security.md); the records
    # themselves only to look (every look is in the access log too).
    "data-protection": [*VIEW, "view_accesslog"],
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
