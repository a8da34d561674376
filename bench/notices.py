"""Benchmark of the reminders' delivery (issue 12 point 8): 10,000 SMS reminders sent by the
worker, which is killed (SIGKILL) mid-batch and restarted, nine times, with none delivered twice.

Seeds a fresh database with 10,000 booked appointments of tomorrow, each with its SMS reminder
due now (planned and enqueued by the same code as a booking: cases.services.notices), and the
file SMS backend writing one file a message into a temporary directory. Then:

1. starts `manage.py worker` and kills it with SIGKILL nine times (`--kills`), evenly through
   the batch, starting it again after each kill;
2. lets five minutes pass for the notices the dead workers held (their `claimed_at` is moved
   back by the lease) and runs `manage.py schedule_notices`, which gives them back to the queue;
3. runs two workers side by side until nothing is due.

It prints the rate of sending, what each kill left behind, and the proof: notices sent, files
written (one a key), repeats the gateway dropped by key, and phones reached twice (must be 0).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_notices .venv/bin/python bench/notices.py
    .venv/bin/python bench/notices.py --notices 2000     # SQLite
"""

import argparse
import datetime
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from registry import prepare_environment  # noqa: E402  (bench/registry.py)


def daytime_zone():
    """A time zone where it is now about noon: the bench runs whenever, and notices never go
    at night in the centre's time zone."""
    offset = 12 - datetime.datetime.now(datetime.UTC).hour
    offset = max(-12, min(14, offset))
    return f"Etc/GMT{-offset:+d}" if offset else "Etc/GMT"


def seed(n):
    from cases.choices import AppointmentSource, NoticeChannel, NoticeKind
    from cases.models import Appointment, Notice
    from cases.services.notices.delivery import enqueue
    from portal.models import Centre

    centre = Centre.objects.get(slug="nchelny")
    centre.timezone = daytime_zone()
    centre.save()
    tomorrow = datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=1)
    appointments = Appointment.objects.bulk_create(
        Appointment(
            centre=centre,
            starts_at=tomorrow + datetime.timedelta(minutes=i % 480),
            name=f"Посетитель {i}",
            phone=f"+7917{i:07d}",
            source=AppointmentSource.PUBLIC,
            sms_consent=True,
        )
        for i in range(n)
    )
    now = datetime.datetime.now(datetime.UTC)
    notices = Notice.objects.bulk_create(
        Notice(
            centre=centre,
            kind=NoticeKind.APPOINTMENT,
            channel=NoticeChannel.SMS,
            key=f"appointment:{a.pk}:{a.starts_at.astimezone(datetime.UTC):%Y%m%d%H%M}",
            appointment=a,
            recipient=a.phone,
            send_after=now,
        )
        for a in appointments
    )
    for notice in notices:
        enqueue(notice)


def counts():
    from django.db.models import Count

    from cases.models import Notice

    return dict(Notice.objects.values_list("status").annotate(n=Count("pk")))


def start_worker(name):
    return subprocess.Popen(  # noqa: S603
        [sys.executable, "manage.py", "worker", "--interval", "0.2", "--worker-id", name],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def kill_when_sent(worker, target):
    while counts().get("sent", 0) < target:
        time.sleep(0.05)
    os.kill(worker.pid, signal.SIGKILL)
    worker.wait()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--notices", type=int, default=10_000)
    parser.add_argument("--kills", type=int, default=9, help="SIGKILLs, evenly spread")
    args = parser.parse_args()
    backend = prepare_environment()
    sms_dir = Path(tempfile.mkdtemp(prefix="marshrut-bench-sms-"))
    os.environ["SMS_BACKEND"] = "portal.sms.backends.filebased.SmsBackend"
    os.environ["SMS_FILE_PATH"] = str(sms_dir)

    import django

    django.setup()
    from django.core.management import call_command
    from django.db.models import F
    from django_tasks_db.models import DBTaskResult

    from cases.models import Notice
    from cases.services.notices.timing import GRACE, LEASE
    from fixtures.loader import DemoLoader

    print(f"Backend: {backend}; {args.notices:,} reminders, SMS files in {sms_dir}", flush=True)
    call_command("migrate", verbosity=0)
    DemoLoader().run()
    started = time.monotonic()
    seed(args.notices)
    print(f"Planned and enqueued in {time.monotonic() - started:.1f} s", flush=True)

    left_behind, held = [], set()
    started = time.monotonic()
    for part in range(1, args.kills + 1):
        worker = start_worker(f"worker-{part}")
        kill_when_sent(worker, args.notices * part // (args.kills + 1))
        time.sleep(0.2)  # what the dead worker did is in the database now
        now_held = set(Notice.objects.filter(status="sending").values_list("key", flat=True))
        new = now_held - held
        held |= now_held
        delivered = sum((sms_dir / f"{k.replace(':', '_')}.txt").exists() for k in new)
        left_behind.append((part, counts().get("sent", 0), len(new), delivered))
    first_phase = time.monotonic() - started
    sent_first = counts().get("sent", 0)

    # Five minutes pass: the lease of the notices the dead workers held runs out, and so does
    # the grace of a due notice whose task a dead worker had taken before taking the notice;
    # the sweep gives both back to the queue.
    Notice.objects.filter(status="sending").update(claimed_at=F("claimed_at") - LEASE)
    Notice.objects.filter(status__in=["planned", "retry"]).update(
        send_after=F("send_after") - GRACE
    )
    stuck = DBTaskResult.objects.filter(status="RUNNING").count()
    sweep = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "schedule_notices"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    started = time.monotonic()
    workers = [
        subprocess.Popen(  # noqa: S603
            [sys.executable, "manage.py", "worker", "--batch", "--worker-id", f"batch-{i}"],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for i in range(2)
    ]
    for worker in workers:
        worker.wait()
    rest = time.monotonic() - started

    final = counts()
    files = list(sms_dir.iterdir())
    repeats = Notice.objects.filter(reason__startswith="Повтор отклонён").count()
    # Each reminder went to a phone of its own: a phone in two files got its reminder twice.
    phones = [f.read_text(encoding="utf-8").split("\n", 1)[0] for f in files]
    twice = len(phones) - len(set(phones))
    print(
        f"Before the kills: {sent_first:,} sent in {first_phase:.1f} s "
        f"({sent_first / first_phase:.0f} a second, with the worker restarts)"
    )
    for part, sent, new, in_files in left_behind:
        print(
            f"  kill {part} at {sent:,} sent: the dead worker held {new} notice(s) as sending, "
            f"{in_files} of them already delivered to the gateway"
        )
    print(f"Tasks a dead worker had taken (left as running by django-tasks): {stuck}")
    print(f"Sweep: {sweep.stdout.strip() or 'nothing to do'}")
    print(
        f"Two workers after the restart: {final.get('sent', 0) - sent_first:,} more in {rest:.1f} s"
    )
    print(f"Notices: {final}")
    print(
        f"Files in the SMS directory: {len(files):,} (one a notice: "
        f"{len(files) == final.get('sent', 0) == args.notices})"
    )
    print(f"Sent again after a crash, dropped by the gateway by key: {repeats}")
    print(f"Phones that got a reminder twice: {twice}")
    if twice or final.get("sent", 0) != args.notices or len(files) != args.notices:
        sys.exit("FAILED: a reminder was lost or delivered twice")


if __name__ == "__main__":
    main()
