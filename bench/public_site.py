"""Benchmark of the public site: requests per second and latency of the life-situation page
and the service catalogue, on the demo data, served by gunicorn as in `make demo`.

    .venv/bin/python bench/public_site.py [--seconds 10] [--concurrency 4] [--workers 2]
                                          [--extra-services 0] [--database-url URL]

It builds a fresh database in a temporary directory (migrate + load_demo, plus optional extra
services to show that the pages do not slow down with the catalogue's size), collects the
static files, starts gunicorn on a free port and hammers each URL from a thread pool with the
standard library's HTTP client. No shared cache sits in front: the figures are what the
application itself renders; a CDN or Varnish honouring Cache-Control would serve most hits.
"""

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
URLS = [
    ("life situation", "/disability-employment/"),
    ("catalogue", "/services/"),
    ("catalogue search", "/services/?q=%D0%9F%D0%A1%D0%98%D0%A5%D0%9E%D0%9B%D0%9E%D0%93"),
    ("catalogue HTMX", "/services/?situation=&result_type=support"),
    ("service", "/services/izgelek-psychological-support/"),
    ("home (tt)", "/tt/"),
]

SEED_EXTRA = """
from content.models import ServiceIndexPage, ServicePage
catalogue = ServiceIndexPage.objects.get()
for n in range({n}):
    page = ServicePage(title=f"Нагрузочная услуга {{n}}", slug=f"bench-{{n}}",
                       official_name=f"Нагрузочная услуга номер {{n}}", summary="Для замеров.")
    catalogue.add_child(instance=page)
    page.save_revision().publish()
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(args, env):
    subprocess.run(args, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)  # noqa: S603


def fetch(url, headers):
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 (local http only)
    start = time.perf_counter()
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        response.read()
        status = response.status
    return time.perf_counter() - start, status


def measure(base, path, seconds, concurrency, headers):
    url = base + path
    fetch(url, headers)  # warm-up
    deadline = time.perf_counter() + seconds

    def worker():
        timings = []
        while time.perf_counter() < deadline:
            elapsed, status = fetch(url, headers)
            if status != 200:
                raise RuntimeError(f"{url}: HTTP {status}")
            timings.append(elapsed)
        return timings

    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        results = [f.result() for f in [pool.submit(worker) for _ in range(concurrency)]]
    wall = time.perf_counter() - started
    timings = sorted(t for r in results for t in r)
    return {
        "requests": len(timings),
        "rps": len(timings) / wall,
        "median_ms": statistics.median(timings) * 1000,
        "p95_ms": timings[int(len(timings) * 0.95) - 1] * 1000,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--extra-services", type=int, default=0)
    parser.add_argument("--database-url", default="")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="marshrut-bench-") as tmp:
        env = {
            **os.environ,
            "MARSHRUT_ENV": "development",
            "MARSHRUT_VAR_DIR": tmp,
            "DJANGO_STATIC_ROOT": str(Path(tmp) / "static"),
            "DJANGO_DEBUG": "0",
        }
        if options.database_url:
            env["DATABASE_URL"] = options.database_url
        else:
            env.pop("DATABASE_URL", None)
        print("Preparing the database and static files…", flush=True)
        run([PY, "manage.py", "migrate", "--noinput"], env)
        run([PY, "manage.py", "load_demo"], env)
        if options.extra_services:
            code = SEED_EXTRA.format(n=options.extra_services)
            run([PY, "manage.py", "shell", "-c", code], env)
        run([PY, "manage.py", "collectstatic", "--noinput"], env)
        port = free_port()
        server = subprocess.Popen(  # noqa: S603
            [PY, "-m", "gunicorn", "portal.wsgi", "--bind", f"127.0.0.1:{port}",
             "--workers", str(options.workers), "--log-level", "warning"],
            cwd=ROOT,
            env=env,
        )  # fmt: skip
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(100):
                try:
                    fetch(base + "/healthz", {})
                    break
                except OSError:
                    time.sleep(0.2)
            print(
                f"gunicorn {options.workers} workers, {options.concurrency} concurrent clients, "
                f"{options.seconds:g} s per URL, extra services: {options.extra_services}, "
                f"database: {'PostgreSQL' if options.database_url else 'SQLite'}"
            )
            print(f"{'page':<18} {'requests':>8} {'req/s':>8} {'median ms':>10} {'p95 ms':>8}")
            for name, path in URLS:
                headers = {"HX-Request": "true"} if "HTMX" in name else {}
                result = measure(base, path, options.seconds, options.concurrency, headers)
                print(
                    f"{name:<18} {result['requests']:>8} {result['rps']:>8.1f} "
                    f"{result['median_ms']:>10.1f} {result['p95_ms']:>8.1f}",
                    flush=True,
                )
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
