"""SMS backends (portal/sms): the demo's files, the production gateway, the tests' memory; each
delivers a key once."""

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest

import portal.sms as sms
from portal.process_settings import sms as sms_settings
from portal.sms import DUPLICATE, SENT, SmsError, get_connection, send_sms

FILE = "portal.sms.backends.filebased.SmsBackend"
HTTP = "portal.sms.backends.http.SmsBackend"


def test_the_file_backend_writes_one_file_a_key(tmp_path):
    connection = get_connection(FILE, file_path=tmp_path / "sms")
    assert (
        send_sms("+79172223344", "Напоминаем о приёме", "appointment:7:202612091030", connection)
        == SENT
    )
    (written,) = (tmp_path / "sms").iterdir()
    assert written.name == "appointment_7_202612091030.txt"
    text = written.read_text(encoding="utf-8")
    assert "To: +79172223344" in text and "Напоминаем о приёме" in text
    assert (
        send_sms("+79172223344", "ещё раз", "appointment:7:202612091030", connection) == DUPLICATE
    )
    assert written.read_text(encoding="utf-8") == text
    assert len(list((tmp_path / "sms").iterdir())) == 1


def test_the_file_backend_reports_an_unwritable_directory(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(SmsError, match="Каталог СМС недоступен"):
        send_sms("+79172223344", "x", "k", get_connection(FILE, file_path=blocker / "sms"))


class Gateway(BaseHTTPRequestHandler):
    answers = []
    received = []

    def do_POST(self):  # noqa: N802 (http.server's name)
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).received.append((dict(self.headers), json.loads(body)))
        code = type(self).answers.pop(0)
        self.send_response(code)
        self.end_headers()
        self.wfile.write(b'{"error": "number +79172223344 blocked"}')

    def log_message(self, *args):
        pass


@pytest.fixture
def gateway():
    Gateway.answers, Gateway.received = [], []
    server = HTTPServer(("127.0.0.1", 0), Gateway)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/send"
    server.shutdown()
    server.server_close()


def test_the_gateway_gets_the_key_and_its_answers_mean_sent_duplicate_or_retry(gateway):
    connection = get_connection(HTTP, url=gateway, token="secret", timeout=5)
    Gateway.answers[:] = [200, 409, 503]
    assert send_sms("+79172223344", "Текст", "retention:5", connection) == SENT
    headers, body = Gateway.received[0]
    assert body == {"to": "+79172223344", "text": "Текст", "id": "retention:5"}
    assert headers["Idempotency-Key"] == "retention:5"
    assert headers["Authorization"] == "Bearer secret"
    assert send_sms("+79172223344", "Текст", "retention:5", connection) == DUPLICATE
    with pytest.raises(SmsError) as failed:
        send_sms("+79172223344", "Текст", "retention:6", connection)
    # A plain reason: the gateway's answer (which quotes the number) is not kept.
    assert str(failed.value) == "СМС-шлюз ответил ошибкой 503."


def test_an_unreachable_or_unset_gateway_is_a_failure_to_retry():
    with pytest.raises(SmsError, match="СМС-шлюз недоступен"):
        send_sms("+7", "x", "k", get_connection(HTTP, url="http://127.0.0.1:9/", timeout=1))
    with pytest.raises(SmsError, match="не настроен"):
        send_sms("+7", "x", "k", get_connection(HTTP, url=""))


def test_the_memory_backend_remembers_keys():
    sms.outbox.clear()
    connection = get_connection("portal.sms.backends.locmem.SmsBackend")
    assert send_sms("+7", "a", "k1", connection) == SENT
    assert send_sms("+7", "b", "k1", connection) == DUPLICATE
    assert [m.text for m in sms.outbox] == ["a"]
    sms.outbox.clear()


def test_which_backend_by_environment():
    var = Path("/srv/marshrut/var")
    assert sms_settings({}, var, False) == (FILE, "", str(var / "sms"))
    assert sms_settings({"SMS_URL": "https://gw/send"}, var, False)[:2] == (HTTP, "https://gw/send")
    # Production without a gateway: the HTTP backend, which fails with "не настроен" on the
    # notices, rather than files nobody reads.
    assert sms_settings({}, var, True)[0] == HTTP
