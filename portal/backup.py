"""Backup and restore of the database and the media files into one dated archive.

`make backup` / `make restore [FILE=…]` (manage.py backup / restore). The archive
(var/backups or BACKUP_DIR, `marshrut-YYYYMMDD-HHMMSS.tar.gz`, with a `.sha256` beside it) holds
- `db.sqlite3`, copied with SQLite's online backup API (consistent while the site runs), or
  `db.dump`, PostgreSQL's custom format from `pg_dump -Fc` (restored with `pg_restore`);
- `media/`, the uploaded files (MARSHRUT_VAR_DIR/media);
- `manifest.json`: when, which database engine, the row count of every table and the SHA-256
  of every file in the archive. A restore checks the archive's checksum and every file's, and
  afterwards compares the restored tables' counts with the manifest, failing loudly.
docs/security.md, "Backups".
"""

import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, connections, models
from django.forms.models import model_to_dict

ARCHIVE_GLOB = "marshrut-*.tar.gz"


class BackupError(Exception):
    pass


def backup_dir():
    return Path(settings.BACKUP_DIR)


def is_sqlite():
    return connection.vendor == "sqlite"


def table_counts():
    """Rows of every table of the database (Django's and the libraries' alike)."""
    with connection.cursor() as cursor:
        tables = sorted(connection.introspection.table_names(cursor))
        counts = {}
        for table in tables:
            # Table names come from the database's own catalogue, quoted.
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"SELECT COUNT(*) FROM {quoted}")  # noqa: S608
            counts[table] = cursor.fetchone()[0]
    return counts


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _pg_env():
    db = connection.settings_dict
    env = dict(os.environ)
    env.update(
        {
            "PGHOST": str(db.get("HOST") or ""),
            "PGPORT": str(db.get("PORT") or ""),
            "PGUSER": str(db.get("USER") or ""),
            "PGDATABASE": str(db["NAME"]),
        }
    )
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return env


def _run(command):
    # A fixed argument list (pg_dump/pg_restore and our own paths), no shell.
    result = subprocess.run(  # noqa: S603
        command, env=_pg_env(), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()[-2000:]}")


def _dump_database(work):
    if is_sqlite():
        target = work / "db.sqlite3"
        source = sqlite3.connect(connection.settings_dict["NAME"])
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
            source.close()
        return target
    target = work / "db.dump"
    _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={target}"])
    return target


def _files(root):
    return sorted(p for p in root.rglob("*") if p.is_file())


def backup(destination=None, now=None):
    """Write the archive; returns its path."""
    destination = Path(destination or backup_dir())
    destination.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = (now or datetime.datetime.now(datetime.UTC)).strftime("%Y%m%d-%H%M%S")
    archive = destination / f"marshrut-{stamp}.tar.gz"
    # Every citizen's personal data is in the archive: readable by its owner only, from its
    # first byte (the file is created with mode 0600, not narrowed afterwards).
    os.close(os.open(archive, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        counts = table_counts()
        _dump_database(work)
        media = Path(settings.MEDIA_ROOT)
        if media.is_dir():
            shutil.copytree(media, work / "media")
        else:
            (work / "media").mkdir()
        manifest = {
            "created": stamp,
            "engine": connection.vendor,
            "tables": counts,
            "files": {str(p.relative_to(work)): sha256(p) for p in _files(work)},
        }
        (work / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True))
        with tarfile.open(archive, "w:gz") as tar:
            for name in sorted(os.listdir(work)):
                tar.add(work / name, arcname=name)
    (archive.parent / f"{archive.name}.sha256").write_text(f"{sha256(archive)}  {archive.name}\n")
    return archive


def newest_backup(directory=None):
    found = sorted(Path(directory or backup_dir()).glob(ARCHIVE_GLOB))
    if not found:
        raise BackupError(f"No backup in {directory or backup_dir()}.")
    return found[-1]


def _check_archive(archive):
    sums = archive.parent / f"{archive.name}.sha256"
    if not sums.exists():
        raise BackupError(f"No checksum file {sums.name} beside the archive.")
    if sums.read_text().split()[0] != sha256(archive):
        raise BackupError("The archive's checksum does not match: the file is damaged.")


def _restore_database(work, engine):
    if engine != connection.vendor:
        raise BackupError(f"The backup is of {engine}, the database is {connection.vendor}.")
    connections.close_all()
    if engine == "sqlite":
        source = sqlite3.connect(work / "db.sqlite3")
        target = sqlite3.connect(connection.settings_dict["NAME"])
        try:
            source.backup(target)
        finally:
            target.close()
            source.close()
        return
    _run(
        [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
        ]
        + ["--exit-on-error", f"--dbname={_pg_env()['PGDATABASE']}", str(work / "db.dump")]
    )


def restore(archive=None):
    """Replace the database and the media by the archive's (the newest by default); returns
    the manifest. Raises BackupError on a damaged archive or different counts afterwards."""
    archive = Path(archive) if archive else newest_backup()
    _check_archive(archive)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(work, filter="data")
        manifest = json.loads((work / "manifest.json").read_text())
        for name, digest in manifest["files"].items():
            if sha256(work / name) != digest:
                raise BackupError(f"{name} in the archive is damaged (checksum).")
        _restore_database(work, manifest["engine"])
        media = Path(settings.MEDIA_ROOT)
        if media.exists():
            shutil.rmtree(media)
        shutil.copytree(work / "media", media)
    counts = table_counts()
    differ = {t: (n, counts.get(t)) for t, n in manifest["tables"].items() if counts.get(t) != n}
    if differ:
        raise BackupError(f"Restored table counts differ from the manifest: {differ}")
    return manifest


def case_history(case_pk=None):
    """One case's full history for the restore drill: its transition log, its change-log
    entries (django-auditlog) and its Wagtail log entries, every field. The case with the
    longest transition log unless one is named. (Models looked up by name: portal does not
    import cases.)"""
    case_model = apps.get_model("cases", "Case")
    transitions = apps.get_model("cases", "TransitionLog").objects
    if case_pk is None:
        busiest = transitions.values("case").annotate(n=models.Count("pk")).order_by("-n", "case")
        case_pk = busiest[0]["case"] if busiest else case_model.objects.order_by("pk")[0].pk
    content_type = ContentType.objects.get_for_model(case_model)
    logs = {
        "transitions": transitions.filter(case_id=case_pk).order_by("pk"),
        "changes": apps.get_model("auditlog", "LogEntry").objects.filter(
            content_type=content_type, object_pk=str(case_pk)
        ),
        "wagtail_log": apps.get_model("wagtailcore", "ModelLogEntry").objects.filter(
            content_type=content_type, object_id=str(case_pk)
        ),
    }
    history = {"case": model_to_dict(case_model.objects.get(pk=case_pk))}
    for name, qs in logs.items():
        history[name] = [{"pk": o.pk, **model_to_dict(o)} for o in qs.order_by("pk")]
    return json.loads(json.dumps(history, cls=DjangoJSONEncoder, default=str))


def snapshot(case_pk=None):
    """Table counts and one case's full history: what the restore drill compares."""
    return {"tables": table_counts(), "case": case_history(case_pk)}
