"""Benchmark of the survey results screen and its export on a year of answers.

Seeds a fresh database (a temporary SQLite file, or PostgreSQL when DATABASE_URL is set: the
database named in it is dropped and created anew, so never point it at a database you need)
with the demo surveys and N answers to «Впечатление от взаимодействия с ЦЗН» spread over a
year, then times, with Django's test client signed in as the demo editor, the results screen
for the whole year and for one month, and the CSV and XLSX exports of the year.

    .venv/bin/python bench/surveys.py                       # SQLite, 20,000 answers
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python bench/surveys.py
    .venv/bin/python bench/surveys.py --answers 50000 --runs 5
"""

import argparse
import datetime
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.registry import prepare_environment  # noqa: E402

SLUG = "vpechatlenie-ot-vzaimodejstviya"


def seed(n, rng):
    from django.utils import timezone

    from content.models import SurveyPage, SurveySubmission
    from fixtures.surveys_demo import _answer
    from portal.models import Centre

    page = SurveyPage.objects.get(slug=SLUG)
    questions = list(page.get_form_fields())
    centres = list(Centre.objects.all())
    now = timezone.now()
    batch, times = [], []
    for i in range(n):
        data = {}
        for q in questions:
            value = _answer(q, rng)
            if value is not None:
                data[q.clean_name] = int(value) if q.field_type in ("rating", "nps") else value
        batch.append(
            SurveySubmission(
                page=page,
                form_data=data,
                channel=rng.choice(["kiosk", "public", "phone", "invitation"]),
                centre=rng.choice(centres),
            )
        )
        times.append(now - datetime.timedelta(minutes=rng.randint(0, 365 * 24 * 60)))
        if len(batch) == 5000 or i == n - 1:
            created = SurveySubmission.objects.bulk_create(batch)
            # submit_time is auto_now_add: set the drawn times afterwards.
            for sub, when in zip(created, times, strict=True):
                sub.submit_time = when
            SurveySubmission.objects.bulk_update(created, ["submit_time"])
            batch, times = [], []
    return page


def timed(fn, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = fn()
        if hasattr(response, "streaming_content"):
            for _chunk in response.streaming_content:
                pass
        assert response.status_code == 200, response.status_code
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    return statistics.median(times), p95


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--answers", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    backend = prepare_environment()

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client
    from django.utils import timezone

    from fixtures.loader import DemoLoader
    from fixtures.surveys_demo import load_demo_surveys

    print(f"Backend: {backend}; seeding {args.answers:,} survey answers …", flush=True)
    call_command("migrate", verbosity=0)
    DemoLoader().run()
    load_demo_surveys(with_answers=False)
    t = time.perf_counter()
    page = seed(args.answers, random.Random(11))
    print(f"  seeding took {time.perf_counter() - t:.0f} s")

    client = Client(HTTP_HOST="localhost")
    client.force_login(get_user_model().objects.get(username="editor"))
    url = f"/admin/surveys/{page.pk}/"
    today = timezone.localdate()
    year = {"date_from": (today - datetime.timedelta(days=365)).isoformat()}
    month = {"date_from": (today - datetime.timedelta(days=30)).isoformat()}
    results = [
        ("results, whole year", timed(lambda: client.get(url, year), args.runs)),
        ("results, one month", timed(lambda: client.get(url, month), args.runs)),
        ("CSV export, year", timed(lambda: client.get(url, {**year, "format": "csv"}), args.runs)),
        (
            "XLSX export, year",
            timed(lambda: client.get(url, {**year, "format": "xlsx"}), max(1, args.runs // 2)),
        ),
    ]
    print(f"\n{'screen':<24} {'median':>10} {'p95':>10}")
    for name, (median, p95) in results:
        print(f"{name:<24} {median:>8.0f} ms {p95:>7.0f} ms")


if __name__ == "__main__":
    main()
