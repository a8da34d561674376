"""`make test` says plainly when it skips the browser tests; in CI a missing browser fails."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROBE = "tests/browser/test_chromium.py"


def run(**env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("MARSHRUT_")}
    clean.update(env)
    return subprocess.run(
        [sys.executable, "-m", "pytest", PROBE, "-p", "no:cacheprovider", "-q"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_missing_chromium_is_skipped_with_a_plain_message():
    result = run(MARSHRUT_CHROMIUM="/nonexistent/chromium")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "BROWSER TESTS SKIPPED" in result.stdout
    assert "Chromium not found at /nonexistent/chromium" in result.stdout
    assert "1 skipped" in result.stdout


def test_missing_chromium_fails_when_the_browser_is_required():
    result = run(MARSHRUT_CHROMIUM="/nonexistent/chromium", MARSHRUT_REQUIRE_BROWSER="1")
    assert result.returncode != 0
    assert "MARSHRUT_REQUIRE_BROWSER is set, so this is a failure" in result.stdout
