"""The browser security policies, as data (portal/settings.py reads them; portal/headers.py
sends them). How a template stays within them: docs/security.md "Security headers"."""

from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE

# Content-Security-Policy (django-csp; docs/security.md "Security headers"): scripts and styles
# only from our own static files; an inline <script> needs nonce="{{ CSP_NONCE }}"; inline
# style attributes, event handlers (onclick=) and javascript: URLs are refused everywhere.
CSP_REPORT_URL = "/csp-report"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "media-src": [SELF],
        "worker-src": [SELF],
        "manifest-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        # Wagtail's live preview frames our own pages; no other site may frame us.
        "frame-ancestors": [SELF],
        "report-uri": CSP_REPORT_URL,
    }
}
# The Wagtail admin (/admin/, portal/headers.py) gets the same policy but for what Wagtail 7.4
# needs, measured in Chromium (docs/security.md "Security headers"): its date/time widgets and
# inline panels write inline <script>s (and jQuery re-runs them when a panel form is added), and
# its JavaScript sets style attributes. No 'unsafe-eval' there either.
ADMIN_URL_PREFIX = "/admin/"
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
    }
}
# Powerful browser features none of our pages uses are switched off for every page and frame.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "browsing-topics": [],
    "camera": [],
    "display-capture": [],
    "geolocation": [],
    "gyroscope": [],
    "hid": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "serial": [],
    "usb": [],
}


# What portal/settings.py takes from here, under these names.
HEADER_SETTINGS = {
    "CONTENT_SECURITY_POLICY": CONTENT_SECURITY_POLICY,
    "ADMIN_CONTENT_SECURITY_POLICY": ADMIN_CONTENT_SECURITY_POLICY,
    "ADMIN_URL_PREFIX": ADMIN_URL_PREFIX,
    "CSP_REPORT_URL": CSP_REPORT_URL,
    "PERMISSIONS_POLICY": PERMISSIONS_POLICY,
}
