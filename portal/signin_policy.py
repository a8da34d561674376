"""The sign-in lockout's fixed policy, as data (portal/settings.py reads it; the limits that an
administrator tunes, MARSHRUT_LOCKOUT_FAILURES and MARSHRUT_LOCKOUT_MINUTES, stay there).

django-axes (docs/security.md "Sign-in lockout and passwords"): so many wrong passwords lock that
username from every address, and as many from one address lock that address for every username,
until the cool-off after the last counted failure. Attempts are kept in the database, so every
app process sees them. The staff and the Wagtail admin login forms show the lockout
(portal/forms.py); AXES_LOCKOUT_CALLABLE only sets the status code of that page.
"""

AUTHENTICATION_BACKENDS = [
    # First: refuses every sign-in of a locked-out username or address before any password check.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AXES_POLICY = {
    "AXES_LOCKOUT_PARAMETERS": ["username", "ip_address"],
    "AXES_CLIENT_IP_CALLABLE": "portal.lockout.client_address",
    "AXES_LOCKOUT_CALLABLE": "portal.lockout.lockout_response",
    # Tries made while locked out are refused without being counted: the lockout ends at the
    # time the page promises, and a locked-out person's retries do not push it further away.
    "AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT": False,
    # A success does not wipe the failures: it would also wipe those of the address, so anyone
    # with an account could sign in between guesses at a colleague's password, never stopped.
    "AXES_RESET_ON_SUCCESS": False,
    "AXES_HTTP_RESPONSE_CODE": 429,
    # No start-up banner; what axes logs names the path only (it masks the username and the
    # address, AXES_SENSITIVE_PARAMETERS); the attempts' posted data keep neither password nor
    # username.
    "AXES_VERBOSE": False,
}
