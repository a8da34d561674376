"""Import jobs: a file of IPRA read as a stream, checked row by row and written in batches.

`start_import(user, uploaded_file)` keeps the upload and enqueues the background task (queue
"imports"); `import_file(path, centre)` is what `manage.py import_ipra` runs at once; both end in
`run_import(job, path)`. Progress (rows read, imported, rejected) is written with each batch, so
the staff screen polling the job sees it move. A batch is one transaction: a row is saved whole
or not at all. The job's message never holds a row's data, and nothing of it is logged.
"""

import logging
from itertools import islice
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task
from wagtail.log_actions import log

from cases.choices import ImportState
from cases.models import IpraImport
from cases.services.ipra.reading import ImportFileError, Progress, read_rows
from cases.services.ipra.rows import parse_row
from cases.services.ipra.writing import Counts, Vocabulary, write_batch
from portal.process_settings import BACKGROUND

logger = logging.getLogger("marshrut.ipra")
BATCH = 2500  # rows a transaction: few enough to keep memory flat, many enough to
# spend little on round trips and commits


def start_import(user, uploaded):
    """Keep the uploaded file and enqueue its import; returns the job."""
    job = IpraImport(centre_id=user.centre_id, user=user, filename=Path(uploaded.name).name[:255])
    job.upload.save(uploaded.name, uploaded, save=False)
    job.progress_total = uploaded.size or 0
    with transaction.atomic():
        job.save()
        log(job, "marshrut.ipra.import", user=user, title=str(job), data={"file": job.filename})
        # The task's row is written in this transaction: the worker sees the job and its task
        # together, or neither.
        run_import_task.enqueue(job.pk)
    return job


@task(backend=BACKGROUND, queue_name="imports")
def run_import_task(job_id):
    job = IpraImport.objects.select_related("centre").get(pk=job_id)
    if job.state != ImportState.QUEUED:
        return job.state  # taken already (a second delivery of the same task)
    run_import(job, job.upload.path)
    return job.state


def import_file(path, centre, user=None):
    """Import the file at `path` into the centre at once (the management command)."""
    job = IpraImport.objects.create(
        centre=centre, user=user, filename=Path(path).name[:255], progress_total=0
    )
    run_import(job, path, keep_file=True)
    return job


def run_import(job, path, *, keep_file=False):
    """Read, check and write the whole file; the job ends DONE or FAILED with a message."""
    IpraImport.objects.filter(pk=job.pk).update(
        state=ImportState.RUNNING, started_at=timezone.now()
    )
    job.state = ImportState.RUNNING
    counts = Counts()
    progress = Progress()
    try:
        rows = read_rows(path, progress)
        vocabulary = Vocabulary.load()
        today = timezone.localdate()
        while batch := list(islice(rows, BATCH)):
            parsed = [parse_row(line, raw, today) for line, raw in batch]
            job.rows_read += len(parsed)
            job.progress_done, job.progress_total = progress.done, progress.total
            write_batch(job, job.centre, parsed, vocabulary, counts)
        _finish(job, ImportState.DONE, "", progress)
    except ImportFileError as exc:
        _finish(job, ImportState.FAILED, str(exc), progress)
    except Exception as exc:
        # The exception's text may quote a row (a database error names values): only its kind
        # is logged, and the staff see a plain message.
        logger.error("IPRA import %s failed: %s", job.pk, type(exc).__name__)
        _finish(
            job,
            ImportState.FAILED,
            _(
                "Импорт прерван из-за внутренней ошибки после %(n)s прочитанных строк. "
                "Строки, записанные до этого, сохранены целиком; загрузите файл ещё раз — "
                "уже загруженные ИПРА не повторятся."
            )
            % {"n": job.rows_read},
            progress,
        )
    finally:
        if not keep_file and job.upload:
            job.upload.delete(save=False)
            IpraImport.objects.filter(pk=job.pk).update(upload="")
    job.refresh_from_db()
    return job


def _finish(job, state, message, progress):
    IpraImport.objects.filter(pk=job.pk).update(
        state=state,
        message=message,
        finished_at=timezone.now(),
        progress_total=progress.total,
        progress_done=progress.total if state == ImportState.DONE else progress.done,
    )
