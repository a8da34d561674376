"""Marshrut settings: the one place where configuration is read from the environment.

The environment variables, their meaning and defaults: docs/configuration.md.
"""

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from portal import process_settings, security_headers, signin_policy

BASE_DIR = Path(__file__).resolve().parent.parent

ENV_CHOICES = ("production", "demo", "test", "development")
MARSHRUT_ENV = os.environ.get("MARSHRUT_ENV", "production").strip().lower()
if MARSHRUT_ENV not in ENV_CHOICES:
    raise ImproperlyConfigured(f"MARSHRUT_ENV must be one of {', '.join(ENV_CHOICES)}")
IS_PRODUCTION = MARSHRUT_ENV == "production"
IS_TEST = MARSHRUT_ENV == "test"


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=()):
    value = os.environ.get(name)
    if not value:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


VAR_DIR = Path(os.environ.get("MARSHRUT_VAR_DIR", BASE_DIR / "var")).resolve()


def _secret_key():
    key = os.environ.get("DJANGO_SECRET_KEY", "").strip()
    if key:
        return key
    if IS_TEST:
        return "test-only-secret-key-not-for-production-" + "x" * 24
    if MARSHRUT_ENV in {"demo", "development"}:
        # A per-machine key, generated once and kept beside the demo database.
        path = VAR_DIR / "secret_key"
        if path.exists():
            return path.read_text().strip()
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(50)
        path.write_text(key)
        path.chmod(0o600)
        return key
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set in production")


SECRET_KEY = _secret_key()
DEBUG = env_bool("DJANGO_DEBUG", False)

_local_hosts = ["127.0.0.1", "localhost", "[::1]"]
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", () if IS_PRODUCTION else _local_hosts)
if IS_PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must be set in production")
if IS_TEST:
    ALLOWED_HOSTS = [*ALLOWED_HOSTS, "testserver"]
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
CSRF_FAILURE_VIEW = "portal.errors.csrf_failure"

INSTALLED_APPS = [
    # Project apps first, so the theme's templates override the libraries' ones.
    "themes",
    "portal",
    "content",
    "cases",
    "fixtures",
    # Wagtail
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    # Libraries
    "django_fsm",
    "django_tables2",
    "django_filters",
    "django_htmx",
    "template_partials",
    "auditlog",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",  # its widget templates, for FORM_RENDERER (TemplatesSetting)
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "portal.headers.ContentSecurityPolicyMiddleware",
    "portal.headers.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "portal.change_log.ChangeLogMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "portal.two_factor.middleware.IdleTimeoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # After OTPMiddleware (is_verified) and the messages; see docs/security.md.
    "portal.two_factor.middleware.TwoFactorMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: turns a sign-in refused by the lockout into the login page with its message.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

FORM_RENDERER = "portal.renderers.FormRenderer"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.two_factor.context_processors.session_timeout",
                "csp.context_processors.nonce",
            ],
        },
    },
]

# --- Database ---------------------------------------------------------------------------------
_sqlite_default = f"sqlite:///{VAR_DIR / 'marshrut.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or _sqlite_default,
        conn_max_age=0 if IS_TEST else 60,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers go on while one writer commits; IMMEDIATE takes the write lock at the
    # start of a transaction, so two concurrent transitions queue instead of failing.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = False
    if not IS_TEST:
        VAR_DIR.mkdir(parents=True, exist_ok=True)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ------------------------------------------------------------------------------------
# "limits" holds the rate limits (portal/ratelimit.py): it must be one store for every app
# process, so it is Redis when REDIS_URL is set and otherwise the database (Django's
# DatabaseCache in the table of portal.models.LimitsCacheEntry, made by the migrations). Never
# LocMemCache: each gunicorn worker would count on its own. Sign-in lockouts live in the
# database (django-axes' tables) whatever the cache.
LIMITS_CACHE_TABLE = "portal_limits_cache"
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "marshrut",
        },
        "limits": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "marshrut-limits",
        },
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "limits": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": LIMITS_CACHE_TABLE,
            # Above MAX_ENTRIES the cache drops a third of its keys, counts included.
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        },
    }

# --- Background tasks and SMS (docs/configuration.md "Background tasks", "Notices and SMS") ---
# "default": Wagtail's own small tasks, at once; "background": ours, for `manage.py worker`.
TASKS = process_settings.TASKS
SMS_BACKEND, SMS_URL, SMS_FILE_PATH = process_settings.sms(os.environ, VAR_DIR, IS_PRODUCTION)

# --- Mail (survey invitations) ---------------------------------------------------------------
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "no-reply@marshrut.local")
if os.environ.get("EMAIL_URL"):
    from urllib.parse import parse_qs, unquote, urlparse

    _mail = urlparse(os.environ["EMAIL_URL"])
    EMAIL_HOST = _mail.hostname or "localhost"
    EMAIL_PORT = _mail.port or 25
    EMAIL_HOST_USER = unquote(_mail.username or "")
    EMAIL_HOST_PASSWORD = unquote(_mail.password or "")
    EMAIL_USE_TLS = parse_qs(_mail.query).get("tls", ["0"])[0] in {"1", "true", "yes"}
    EMAIL_USE_SSL = _mail.scheme == "smtps"
elif not IS_PRODUCTION:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = VAR_DIR / "mail"
EMAIL_TIMEOUT = 10

# --- Auth -------------------------------------------------------------------------------------
AUTH_USER_MODEL = "portal.User"
LOGIN_URL = "portal:login"
LOGIN_REDIRECT_URL = "cases:my-work"
LOGOUT_REDIRECT_URL = "portal:login"
PASSWORD_MIN_LENGTH = int(
    os.environ.get("MARSHRUT_PASSWORD_MIN_LENGTH") or (12 if IS_PRODUCTION else 8)
)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": PASSWORD_MIN_LENGTH},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # Russian common passwords, also typed in the wrong keyboard layout (portal/passwords.py).
    {"NAME": "portal.passwords.RussianCommonPasswordValidator"},
]
# Sign-in lockout (django-axes, docs/security.md): the fixed policy is in portal/signin_policy.py.
AXES_FAILURE_LIMIT = int(os.environ.get("MARSHRUT_LOCKOUT_FAILURES") or 5)
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("MARSHRUT_LOCKOUT_MINUTES") or 30))
AUTHENTICATION_BACKENDS = signin_policy.AUTHENTICATION_BACKENDS
globals().update(signin_policy.AXES_POLICY)
# Two-factor sign-in (portal/two_factor): required of every signed-in user in production.
MARSHRUT_REQUIRE_2FA = env_bool("MARSHRUT_REQUIRE_2FA", IS_PRODUCTION)
OTP_TOTP_ISSUER = "Маршрут"
OTP_TOTP_THROTTLE_FACTOR = 1  # 1, 2, 4, 8 … seconds after each wrong code in a row
# Idle timeout: the session cookie lives as long as the idle time and every request that is
# not a background one moves it on (IdleTimeoutMiddleware); a hard cap ends it in any case.
IDLE_TIMEOUT_SECONDS = int(os.environ.get("MARSHRUT_IDLE_TIMEOUT_MINUTES", 30)) * 60
IDLE_WARNING_SECONDS = 60
SESSION_MAX_SECONDS = int(os.environ.get("MARSHRUT_SESSION_MAX_HOURS", 12)) * 3600
SESSION_COOKIE_AGE = IDLE_TIMEOUT_SECONDS
if IS_TEST:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# --- Internationalisation ---------------------------------------------------------------------
LANGUAGE_CODE = "ru"
LANGUAGES = [("ru", "Русский"), ("tt", "Татарча"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "themes" / "locale"]
TIME_ZONE = "Europe/Moscow"
USE_I18N = True
USE_TZ = True

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = [("ru", "Русский"), ("en", "English")]

# --- Static and media -------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "static_collected"))
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
IPRA_UPLOAD_DIR = VAR_DIR / "private" / "ipra-imports"  # uploads awaiting import; never served
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if IS_TEST or DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# --- Wagtail ----------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Маршрут"
# The address citizens reach the portal by (links in e-mails and on the case page, the API's
# URLs); empty: the host each request came to (portal/links.py).
PUBLIC_URL = os.environ.get("MARSHRUT_PUBLIC_URL", "").strip()
WAGTAILADMIN_BASE_URL = (
    os.environ.get("WAGTAILADMIN_BASE_URL") or PUBLIC_URL or "http://127.0.0.1:8000"
)
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Uploads (the admin's documents and images are the only ones): type and size limited.
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# No SVG: an SVG is a document that may carry script.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40 * 1000 * 1000
WAGTAIL_ENABLE_UPDATE_CHECK = False
# The admin's login form shows the sign-in lockout like the staff one (portal/forms.py).
WAGTAILADMIN_USER_LOGIN_FORM = "portal.forms.AdminLoginForm"
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# --- Public site caching (issue 3) -------------------------------------------------------------
# Public pages send "Cache-Control: public, max-age=N, s-maxage=N" (content/caching.py); set
# MARSHRUT_FRONTEND_PURGE_URL (e.g. http://varnish:8000) to let Wagtail purge a page on publish.
# Personal data of a citizen whose last case closed this many years ago are erased
# (cases.services.erasure; docs/security.md, "Data minimisation and erasure").
RETENTION_YEARS = int(os.environ.get("MARSHRUT_RETENTION_YEARS", 5))
# Where `make backup` writes its archives (portal.backup; docs/security.md, "Backups").
BACKUP_DIR = Path(os.environ.get("BACKUP_DIR") or VAR_DIR / "backups")

PUBLIC_PAGE_CACHE_SECONDS = int(os.environ.get("MARSHRUT_PUBLIC_CACHE_SECONDS", 300))
if os.environ.get("MARSHRUT_FRONTEND_PURGE_URL"):
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["MARSHRUT_FRONTEND_PURGE_URL"],
        }
    }
# The API's URLs: the configured public address, else (content/api.py) the request's host.
WAGTAILAPI_BASE_URL = PUBLIC_URL or None
WAGTAILAPI_LIMIT_MAX = 100
REST_FRAMEWORK = {"DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"]}

# --- Security ---------------------------------------------------------------------------------
# Request bodies: a form's fields at most 2.5 MB in memory and 2000 fields (the Wagtail editor
# posts one field per block); a larger body is refused with the 400 page (portal/errors.py).
# Uploaded files beyond 2.5 MB stream to a temporary file; their size limits are above.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
DATA_UPLOAD_MAX_NUMBER_FILES = 20
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
SESSION_COOKIE_HTTPONLY = True
# Messages name citizens («Фамилия Имя: пришёл.»): kept in the session, never in a cookie.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
SECURE_CONTENT_TYPE_NOSNIFF = True
# No address of ours goes to other sites; same-origin keeps the referrer Django's CSRF check needs.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Wagtail's live preview renders the page in a same-origin iframe, so DENY would break it;
# SAMEORIGIN still refuses framing by any other site (security.W019 silenced for this reason).
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]
if IS_PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", 31536000))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    if env_bool("DJANGO_SECURE_PROXY_SSL_HEADER"):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content-Security-Policy (django-csp), its /admin/ variant and Permissions-Policy: the policies
# are in portal/security_headers.py, applied by portal/headers.py (docs/security.md).
globals().update(security_headers.HEADER_SETTINGS)
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # a Gravatar lookup would tell another site who works here
# Proxies whose X-Forwarded-For is believed (portal/ratelimit.py; docs/configuration.md).
TRUSTED_PROXIES = env_list("MARSHRUT_TRUSTED_PROXIES")

# --- Access and change logs (docs/security.md): kept this many days, then purged by
# `manage.py purge_audit_logs` (the only way their entries are ever deleted).
ACCESS_LOG_RETENTION_DAYS = int(os.environ.get("MARSHRUT_ACCESS_LOG_RETENTION_DAYS", 1095))
CHANGE_LOG_RETENTION_DAYS = int(os.environ.get("MARSHRUT_CHANGE_LOG_RETENTION_DAYS", 1095))
AUDITLOG_DISABLE_REMOTE_ADDR = False
AUDITLOG_DISABLE_ON_RAW_SAVE = True  # loading a dump or fixture is not a change by anyone

# --- Logging: personal data never goes to the logs; requests are logged without query strings.
LOGGING = process_settings.LOGGING
