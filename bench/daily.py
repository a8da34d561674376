"""Benchmark of the specialists' daily screens on 100,000 cases (issue 12 point 8).

Seeds a fresh database like bench/registry.py (100,000 cases with two plan items each, 90 % in
Naberezhnye Chelny), gives the plan items executor roles, schedules the retention checks of the
employed cases and issues 300 queue tickets of today, then times with Django's test client
(median and 95th percentile): «Моя работа» of the curator and of the psychologist, the hall
board, the specialist's queue panel and the head's «Просрочено в центре».

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_daily .venv/bin/python bench/daily.py
    .venv/bin/python bench/daily.py --cases 20000 --runs 20     # SQLite
"""

import argparse
import datetime
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from registry import prepare_environment, seed, timed  # noqa: E402  (bench/registry.py)


def enrich(rng):
    """Executors, retention checks and today's queue on top of bench/registry.py's seed."""
    from django.contrib.auth import get_user_model
    from django.db.models.functions import Mod
    from django.utils import timezone

    from cases import route_graph as r
    from cases.choices import QueuePurpose
    from cases.models import Case, PlanItem, QueueTicket
    from cases.services import queue
    from cases.services.retention_schedule import schedule_checks
    from content.models import Role

    roles = list(
        Role.objects.filter(
            locale__language_code="ru", slug__in=["psychologist", "career", "curator"]
        )
    )
    for i, role in enumerate(roles):
        PlanItem.objects.annotate(m=Mod("id", len(roles))).filter(m=i).update(executor_role=role)
    employed = Case.objects.filter(state__in=[r.EMPLOYED, r.RETENTION_CHECK]).order_by("pk")
    a_month_ago = timezone.localdate() - datetime.timedelta(days=35)
    Case.objects.filter(pk__in=employed.values("pk")).update(employed_on=a_month_ago)
    for case in employed.iterator(chunk_size=2000):
        schedule_checks(case)
    hall = get_user_model().objects.get(username="hall")
    purposes = list(QueuePurpose.values)
    for n in range(300):
        queue.issue_ticket(
            hall,
            QueueTicket(purpose=rng.choice(purposes), disability=n % 9 == 0),
        )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    backend = prepare_environment()

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from fixtures.cases_demo import ensure_routes
    from fixtures.loader import DemoLoader

    print(f"Backend: {backend}; seeding {args.cases:,} cases …", flush=True)
    call_command("migrate", verbosity=0)
    DemoLoader().run()
    ensure_routes()
    t = time.perf_counter()
    rng = random.Random(7)
    seed(args.cases, rng)
    enrich(rng)
    print(f"  seeding took {time.perf_counter() - t:.0f} s", flush=True)
    if backend == "PostgreSQL":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    User = get_user_model()

    def client_of(username):
        client = Client(HTTP_HOST="localhost")
        client.force_login(User.objects.get(username=username))
        return client

    curator, psychologist = client_of("curator"), client_of("psychologist")
    hall, head, reception = client_of("hall"), client_of("head"), client_of("reception")
    screens = [
        ("«Моя работа», curator", lambda: curator.get("/staff/")),
        ("«Моя работа», psychologist", lambda: psychologist.get("/staff/")),
        ("hall board", lambda: hall.get("/staff/queue/board/")),
        ("queue panel, reception", lambda: reception.get("/staff/queue/")),
        ("«Просрочено в центре», head", lambda: head.get("/staff/overdue/")),
    ]
    print()
    print(f"{backend}, {args.cases:,} cases, {args.runs} runs each")
    print(f"{'screen':<34}{'median, ms':>12}{'p95, ms':>10}")
    for name, fn in screens:
        median, p95 = timed(fn, args.runs)
        print(f"{name:<34}{median:>12.1f}{p95:>10.1f}")


if __name__ == "__main__":
    main()
