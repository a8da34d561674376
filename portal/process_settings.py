"""Settings of the processes beside the web server, as data (portal/settings.py reads them):
the background-task backends and their worker, and the logging configuration."""

# django-tasks (docs/configuration.md, "Background tasks"). Wagtail enqueues its own small tasks
# (search index and reference index updates) on "default": they run at once, in the request, as
# they always did. The project's work that must not hold up a request or must survive a restart
# (imports with a progress bar, reminders and notices, reports) goes to "background": rows in
# the database (django-tasks-db), taken by `manage.py db_worker` — one or more, on any node; a
# row is claimed with SELECT … FOR UPDATE SKIP LOCKED on PostgreSQL, so two workers never take
# the same task.
BACKGROUND = "background"
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    BACKGROUND: {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default", "imports", "notices", "reports"],
    },
}


def sms(env, var_dir, is_production):
    """The SMS backend (portal/sms), like Django's e-mail backends: an HTTP gateway when
    SMS_URL is set; otherwise, outside production, files under var/sms/ (one a message) to read;
    in production without SMS_URL every SMS fails with a plain reason on the case's notices.
    Returns SMS_BACKEND, SMS_URL, SMS_FILE_PATH."""
    url = env.get("SMS_URL", "")
    backend = env.get("SMS_BACKEND") or (
        "portal.sms.backends.http.SmsBackend"
        if url or is_production
        else "portal.sms.backends.filebased.SmsBackend"
    )
    return backend, url, env.get("SMS_FILE_PATH") or str(var_dir / "sms")


# Personal data never goes to the logs; requests are logged without query strings.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "django": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "django_tasks": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "marshrut": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
