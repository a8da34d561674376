"""Backup and restore on the suite's database (SQLite or PostgreSQL): one archive with the
database, the media and a manifest; a restore brings back both and checks the counts; a damaged
archive is refused."""

import json
import tarfile

import pytest
from django.conf import settings
from django.db import connection

from cases.models import Appointment
from portal import backup

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def media(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "documents").mkdir(parents=True)
    (settings.MEDIA_ROOT / "documents" / "scan.pdf").write_bytes(b"%PDF-1.4 test")
    return settings.MEDIA_ROOT


def test_backup_then_restore_brings_back_database_and_media(tmp_path, media):
    counts = backup.table_counts()
    assert counts["cases_citizen"] > 0 and counts["cases_appointment"] >= 3
    archive = backup.backup(tmp_path / "backups")
    assert archive.name.startswith("marshrut-") and archive.name.endswith(".tar.gz")
    assert (archive.parent / f"{archive.name}.sha256").exists()
    assert archive.stat().st_mode & 0o777 == 0o600  # personal data: the owner's only
    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
        manifest = json.load(tar.extractfile("manifest.json"))
    dump = {"sqlite": "db.sqlite3", "postgresql": "db.dump"}[connection.vendor]
    assert {dump, "manifest.json", "media/documents/scan.pdf"} <= names
    assert manifest["tables"] == counts and manifest["engine"] == connection.vendor
    assert "media/documents/scan.pdf" in manifest["files"]
    # Damage after the backup: rows gone, a file gone.
    Appointment.objects.filter(pk__in=Appointment.objects.values("pk")[:3]).delete()
    (media / "documents" / "scan.pdf").unlink()
    assert backup.table_counts() != counts
    assert backup.newest_backup(tmp_path / "backups") == archive
    backup.restore(archive)
    assert backup.table_counts() == counts
    assert (settings.MEDIA_ROOT / "documents" / "scan.pdf").read_bytes() == b"%PDF-1.4 test"


def test_a_damaged_archive_is_refused(tmp_path, media):
    archive = backup.backup(tmp_path)
    with open(archive, "ab") as fh:
        fh.write(b"x")
    with pytest.raises(backup.BackupError, match="checksum"):
        backup.restore(archive)
    assert (media / "documents" / "scan.pdf").exists()


def test_no_backup_is_a_clear_error(tmp_path):
    with pytest.raises(backup.BackupError, match="No backup"):
        backup.newest_backup(tmp_path)
