"""Benchmark of the IPRA registry: the import of a bureau's file and the registry's screens.

Seeds a fresh database (a temporary SQLite file, or PostgreSQL when DATABASE_URL is set: the
database named in it is dropped and created anew, so never point it at a database you need) with
the reference data, writes a CSV of N fictional IPRA (docs/ipra.md format), imports it with the
same service as `manage.py import_ipra` and prints the time (wall clock and CPU) and the peak
memory; imports it again (nothing changes: every row already there); then times the registry's
first page, a deep page, a name search, a SNILS search and the IPRA card with Django's test
client (median and 95th percentile).

    .venv/bin/python bench/ipra.py                          # SQLite, 20,519 IPRA (the seed's)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_ipra .venv/bin/python bench/ipra.py
    .venv/bin/python bench/ipra.py --million                # 1,000,000 IPRA (a long run)
"""

import argparse
import datetime
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from registry import prepare_environment, timed  # noqa: E402  (bench/registry.py)


def write_file(path, count):
    from fixtures.ipra_demo import fictional_row, write_csv

    today = datetime.date.today()
    rng = random.Random(2026)
    rows = (fictional_row(n, today=today, rng=rng) for n in range(1, count + 1))
    write_csv(path, rows)


def timed_import(path, centre):
    from cases import services

    wall, cpu = time.perf_counter(), time.process_time()
    job = services.ipra.import_file(path, centre)
    return job, time.perf_counter() - wall, time.process_time() - cpu


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=20_519)
    parser.add_argument("--million", action="store_true", help="1,000,000 IPRA")
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    count = 1_000_000 if args.million else args.count
    backend = prepare_environment()

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from cases.models import Ipra
    from fixtures.cases_demo import ensure_routes
    from fixtures.ipra_demo import load_ipra_vocabulary
    from fixtures.loader import DemoLoader
    from portal.models import Centre

    call_command("migrate", verbosity=0)
    DemoLoader().run()
    ensure_routes()
    load_ipra_vocabulary()
    centre = Centre.objects.get(slug="nchelny")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ipra.csv"
        write_file(path, count)
        size = path.stat().st_size
        print(f"Backend: {backend}; {count:,} IPRA in a {size / 1e6:.1f} MB CSV", flush=True)
        job, wall, cpu = timed_import(path, centre)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"  import: {wall:.1f} s wall, {cpu:.1f} s CPU ({count / wall:,.0f} rows/s); "
            f"imported {job.rows_imported:,}, rejected {job.rows_rejected}; "
            f"peak memory of the process {peak:.0f} MB"
        )
        again, wall2, cpu2 = timed_import(path, centre)
        print(
            f"  again (nothing changes): {wall2:.1f} s wall, {cpu2:.1f} s CPU; "
            f"unchanged {again.rows_unchanged:,}"
        )
    if backend == "PostgreSQL":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    client = Client(HTTP_HOST="localhost")
    client.force_login(get_user_model().objects.get(username="curator"))
    own = Ipra.objects.filter(centre=centre).count()
    deep = max(1, own // 25 - 10)
    sample = Ipra.objects.filter(centre=centre).order_by("pk")[own // 2]
    url = "/staff/ipra/"
    client.post(url, {"reset": "1"})
    results = [
        ("registry, first page", timed(lambda: client.get(url), args.runs)),
        (f"registry, page {deep:,}", timed(lambda: client.get(f"{url}?page={deep}"), args.runs)),
    ]
    client.post(url, {"q": sample.last_name.lower(), "state": ["received"]})
    results.append(("registry, name search + state", timed(lambda: client.get(url), args.runs)))
    client.post(url, {"q": sample.snils})
    results.append(("registry, SNILS search", timed(lambda: client.get(url), args.runs)))
    client.post(url, {"q": "", "deadline": "within", "days": "30"})
    results.append(("registry, deadline within 30 days", timed(lambda: client.get(url), args.runs)))
    client.post(url, {"reset": "1"})
    card = f"/staff/ipra/{sample.pk}/"
    results.append(("IPRA card", timed(lambda: client.get(card), args.runs)))
    print()
    print(f"{backend}, {own:,} IPRA in the user's centre, {args.runs} runs each")
    print(f"{'screen':<42}{'median, ms':>12}{'p95, ms':>10}")
    for name, (median, p95) in results:
        print(f"{name:<42}{median:>12.1f}{p95:>10.1f}")


if __name__ == "__main__":
    main()
