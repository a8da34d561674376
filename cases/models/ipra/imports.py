"""An import of IPRA from a file: its progress, its outcome and the rows it rejected.

The file itself is kept (outside the media served to anyone) only until the import has run;
the rejected rows are kept as line, column and reason — never the row's data.
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils.functional import LazyObject
from django.utils.translation import gettext_lazy as _

from cases.choices import ImportState
from cases.models.base import CentreScopedQuerySet, centre_field


class _UploadStorage(LazyObject):
    """Uploaded IPRA files wait here for the worker (settings.IPRA_UPLOAD_DIR, not served)."""

    def _setup(self):
        self._wrapped = FileSystemStorage(location=settings.IPRA_UPLOAD_DIR)


def upload_storage():
    return _UploadStorage()


class IpraImport(models.Model):
    centre = centre_field(related_name="ipra_imports")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("загрузил"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    upload = models.FileField(
        _("файл"), storage=upload_storage, upload_to="ipra/%Y/%m/", blank=True, max_length=255
    )
    filename = models.CharField(_("имя файла"), max_length=255)
    state = models.CharField(
        _("состояние"), max_length=10, choices=ImportState, default=ImportState.QUEUED
    )
    # How much of the file there is to read and how much is read: bytes of a CSV, rows of an XLSX.
    progress_total = models.PositiveBigIntegerField(_("объём файла"), default=0)
    progress_done = models.PositiveBigIntegerField(_("прочитано"), default=0)
    rows_read = models.PositiveIntegerField(_("строк прочитано"), default=0)
    rows_imported = models.PositiveIntegerField(_("ИПРА загружено"), default=0)
    rows_unchanged = models.PositiveIntegerField(_("уже были в реестре"), default=0)
    rows_rejected = models.PositiveIntegerField(_("строк отклонено"), default=0)
    rows_superseded = models.PositiveIntegerField(_("ИПРА заменены более новыми"), default=0)
    citizens_created = models.PositiveIntegerField(_("граждан добавлено"), default=0)
    message = models.TextField(_("сообщение"), blank=True)
    created_at = models.DateTimeField(_("загружен"), auto_now_add=True)
    started_at = models.DateTimeField(_("начат"), null=True, blank=True)
    finished_at = models.DateTimeField(_("завершён"), null=True, blank=True)

    objects = CentreScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("импорт ИПРА")
        verbose_name_plural = _("импорт ИПРА")

    def __str__(self):
        return f"Импорт ИПРА № {self.pk}"

    @property
    def is_active(self):
        return self.state in ImportState.active()

    @property
    def is_queued(self):
        return self.state == ImportState.QUEUED

    @property
    def percent(self):
        """How far the import has read its file, 0–100."""
        if self.state == ImportState.DONE:
            return 100
        if not self.progress_total:
            return 0
        return min(99, int(self.progress_done * 100 / self.progress_total))


class IpraImportError(models.Model):
    """A rejected row: its line number in the file, the column, the reason (in Russian)."""

    job = models.ForeignKey(IpraImport, on_delete=models.CASCADE, related_name="errors")
    line = models.PositiveIntegerField(_("строка"))
    column = models.CharField(_("столбец"), max_length=100, blank=True)
    reason = models.CharField(_("причина"), max_length=300)

    class Meta:
        ordering = ["line", "pk"]
        verbose_name = _("отклонённая строка")
        verbose_name_plural = _("отклонённые строки")

    def __str__(self):
        return f"{self.line}: {self.reason}"
