"""What the IPRA tests share: files written from fictional rows, an IPRA at a given state."""

import datetime
import random
from pathlib import Path

from django.utils import timezone

from cases import services
from cases.choices import AcquaintanceMethod
from cases.models import Ipra
from fixtures.ipra_demo import fictional_row, write_csv
from portal.models import Centre

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_CSV = ROOT / "docs" / "samples" / "ipra-sample.csv"
SAMPLE_XLSX = ROOT / "docs" / "samples" / "ipra-sample.xlsx"


def rows(start, count, **kwargs):
    rng = random.Random(start)
    today = timezone.localdate()
    return [fictional_row(n, today=today, rng=rng, **kwargs) for n in range(start, start + count)]


def write(tmp_path, data, name="ipra.csv", **kwargs):
    path = Path(tmp_path) / name
    write_csv(path, data, **kwargs)
    return path


def import_rows(tmp_path, data, centre="nchelny", **kwargs):
    path = write(tmp_path, data, **kwargs)
    return services.ipra.import_file(path, Centre.objects.get(slug=centre))


def walked(user, ipra, *steps):
    """The IPRA moved along its route as staff would (today's dates, by phone)."""
    today = timezone.localdate()
    on = max(ipra.issued_on, today - datetime.timedelta(days=1))
    for step in steps:
        kwargs = {}
        if step == "acquaint":
            kwargs = {"on": on, "method": AcquaintanceMethod.PHONE}
        elif step == "form_measures":
            kwargs = {"on": on}
        elif step in ("decline", "mark_unreachable"):
            kwargs = {"comment": "Причина для проверки."}
        ipra = services.ipra.run_ipra_transition(user, ipra, step, **kwargs)
    return Ipra.objects.get(pk=ipra.pk)


def fresh_ipra(tmp_path, users, *, snils=None, contraindications=None, measures=None, n=None):
    """A newly imported IPRA of Naberezhnye Chelny (a new citizen unless `snils` names one)."""
    n = n or random.Random().randrange(300_000, 900_000)
    row = fictional_row(
        n, today=timezone.localdate(), rng=random.Random(n), snils=snils, measures=measures
    )
    if contraindications is not None:
        row["Противопоказания"] = contraindications
    job = import_rows(tmp_path, [row], name=f"one-{n}.csv")
    assert job.rows_imported == 1, list(job.errors.values_list("reason", flat=True))
    return Ipra.objects.get(import_job=job)
