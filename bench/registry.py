"""Benchmark of the staff screens on 100,000 cases.

Seeds a fresh database (a temporary SQLite file, or PostgreSQL when DATABASE_URL is set: the
database named in it is dropped and created anew, so never point it at a database you need),
then times the registry's first page, a deep page, a filtered search and the case page with
Django's test client, and prints the median and 95th percentile.

    .venv/bin/python bench/registry.py                      # SQLite
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python bench/registry.py
    .venv/bin/python bench/registry.py --cases 20000 --runs 20
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def prepare_environment():
    os.environ["MARSHRUT_ENV"] = "test"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    url = os.environ.get("DATABASE_URL")
    if url:
        import dj_database_url
        import psycopg

        cfg = dj_database_url.parse(url)
        if cfg["NAME"] in {"test", "postgres", "root"}:
            sys.exit("Refusing to drop the database " + cfg["NAME"])
        dsn = f"host={cfg['HOST']} port={cfg['PORT'] or 5432} user={cfg['USER']} dbname=postgres"
        if cfg.get("PASSWORD"):
            dsn += f" password={cfg['PASSWORD']}"
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{cfg["NAME"]}"')
            conn.execute(f'CREATE DATABASE "{cfg["NAME"]}"')
        return "PostgreSQL"
    os.environ["MARSHRUT_VAR_DIR"] = tempfile.mkdtemp(prefix="marshrut-bench-")
    return "SQLite"


def seed(n_cases, rng):
    from django.contrib.auth import get_user_model

    from cases import route_graph as r
    from cases.models import Case, Citizen, PlanItem, fold
    from cases.validators import snils_checksum
    from content.models import LifeSituationPage
    from fixtures.cases_demo import FEMALE, MALE, PATRONYMIC_F, PATRONYMIC_M, SURNAMES
    from portal.models import Centre

    centre = Centre.objects.get(slug="nchelny")
    other = Centre.objects.get(slug="chelyabinsk")
    situation = LifeSituationPage.objects.get(
        slug="disability-employment", locale__language_code="ru"
    )
    curators = list(get_user_model().objects.filter(username__in=["curator", "reception"]))
    services = [link.service_id for link in situation.service_links.all()]
    states = [code for code, _ in r.STATES]
    now = datetime.datetime.now(datetime.UTC)
    batch = 5000
    for start in range(0, n_cases, batch):
        citizens = []
        for i in range(start, min(start + batch, n_cases)):
            female = i % 2 == 0
            last = SURNAMES[i % len(SURNAMES)][1 if female else 0] + ("" if i % 7 else "а")
            first = rng.choice(FEMALE if female else MALE)
            patr = rng.choice(PATRONYMIC_F if female else PATRONYMIC_M)
            base = f"7{i:08d}"
            snils = base + f"{snils_checksum(base):02d}"
            citizens.append(
                Citizen(
                    centre=centre if i % 10 else other,
                    last_name=last,
                    first_name=first,
                    patronymic=patr,
                    birth_date=datetime.date(1960 + i % 40, 1 + i % 12, 1 + i % 28),
                    snils=snils,
                    consent_given=True,
                    consent_date=now.date(),
                    search_text=fold(f"{last} {first} {patr} {snils}"),
                )
            )
        Citizen.objects.bulk_create(citizens)
        cases = [
            Case(
                citizen=c,
                life_situation=situation,
                centre_id=c.centre_id,
                curator=rng.choice(curators) if c.centre_id == centre.pk else None,
                state=rng.choice(states),
                opened_at=now - datetime.timedelta(days=rng.randrange(1, 700)),
            )
            for c in citizens
        ]
        Case.objects.bulk_create(cases)
        items = []
        for case in cases:
            for k in range(2):
                items.append(
                    PlanItem(
                        case=case,
                        service_id=rng.choice(services),
                        due_date=(now + datetime.timedelta(days=rng.randrange(-60, 60))).date(),
                        sort_order=k,
                    )
                )
        PlanItem.objects.bulk_create(items)
        print(f"  seeded {min(start + batch, n_cases):,} cases", flush=True)


def timed(fn, runs):
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        response = fn()
        samples.append((time.perf_counter() - t) * 1000)
        assert response.status_code in (200, 302), response.status_code
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, int(len(samples) * 0.95))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    backend = prepare_environment()

    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from cases.models import Case
    from fixtures.loader import DemoLoader

    print(f"Backend: {backend}; seeding {args.cases:,} cases …", flush=True)
    call_command("migrate", verbosity=0)
    DemoLoader().run()
    from fixtures.cases_demo import ensure_routes

    ensure_routes()
    t = time.perf_counter()
    seed(args.cases, random.Random(7))
    print(f"  seeding took {time.perf_counter() - t:.0f} s")
    if backend == "PostgreSQL":
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    from django.contrib.auth import get_user_model

    client = Client(HTTP_HOST="localhost")
    client.force_login(get_user_model().objects.get(username="curator"))
    own = Case.objects.filter(centre__slug="nchelny").count()
    deep = max(1, own // 25 - 10)
    case = Case.objects.filter(centre__slug="nchelny").order_by("-pk").first()
    client.post("/staff/registry/", {"reset": "1"})
    results = [
        ("registry, first page", timed(lambda: client.get("/staff/registry/"), args.runs)),
        (
            f"registry, page {deep:,}",
            timed(lambda: client.get(f"/staff/registry/?page={deep}"), args.runs),
        ),
    ]
    client.post("/staff/registry/", {"q": "сафина", "state": ["in_service", "plan_agreed"]})
    results.append(
        (
            "registry, name search + state filter",
            timed(lambda: client.get("/staff/registry/"), args.runs),
        )
    )
    client.post("/staff/registry/", {"reset": "1"})
    results.append(("case page", timed(lambda: client.get(f"/staff/cases/{case.pk}/"), args.runs)))
    print()
    print(f"{backend}, {args.cases:,} cases ({own:,} in the user's centre), {args.runs} runs each")
    print(f"{'screen':<42}{'median, ms':>12}{'p95, ms':>10}")
    for name, (median, p95) in results:
        print(f"{name:<42}{median:>12.1f}{p95:>10.1f}")


if __name__ == "__main__":
    main()
