"""Importing IPRA files: the documented format (CSV in UTF-8 or Windows-1251, `;` or `,`, and
XLSX), bad rows rejected whole with line, column and reason, good rows imported, re-import
changes nothing, a newer IPRA supersedes the older, citizens found by SNILS within the centre,
the staff upload through the background task, and memory that stays flat."""

import io
import tracemalloc

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from cases import route_graph as r
from cases.choices import ImportState, IpraState
from cases.models import Citizen, Ipra, IpraImport, IpraMeasure
from cases.services.ipra import reading
from cases.services.ipra.rows import parse_date
from portal.models import Centre
from tests.cases.ipra_helpers import SAMPLE_CSV, SAMPLE_XLSX, import_rows, rows, write

pytestmark = pytest.mark.django_db


def centre(slug="nchelny"):
    return Centre.objects.get(slug=slug)


def test_the_documented_sample_imports_its_good_rows_and_lists_the_bad_ones():
    from cases import services

    job = services.ipra.import_file(SAMPLE_CSV, centre("chelyabinsk"))
    assert job.state == ImportState.DONE
    assert (job.rows_read, job.rows_imported, job.rows_rejected) == (11, 7, 4)
    assert job.rows_superseded == 1
    errors = {(e.line, e.column): e.reason for e in job.errors.all()}
    assert errors == {
        (4, "СНИЛС"): "Контрольное число СНИЛС не сходится: проверьте, не перепутаны ли цифры.",
        (5, "Дата ИПРА"): "Такой даты не бывает или она записана не как ДД.ММ.ГГГГ.",
        (11, "Группа инвалидности"): "Неизвестная группа инвалидности: укажите 1, 2 или 3.",
        (12, "Номер ИПРА"): "Не указан номер ИПРА.",
    }
    # Nothing of a rejected row was saved, not even its citizen.
    assert not Ipra.objects.filter(import_job=job, number__startswith="508.").exists()
    assert Ipra.objects.filter(import_job=job).count() == 7
    again = services.ipra.import_file(SAMPLE_XLSX, centre("chelyabinsk"))
    assert (again.rows_imported, again.rows_unchanged, again.rows_rejected) == (0, 2, 1)


def test_reimporting_the_same_file_changes_nothing(tmp_path):
    data = rows(20_001, 30)
    first = import_rows(tmp_path, data)
    assert (first.rows_imported, first.citizens_created) == (30, 30)
    before = (Ipra.objects.count(), Citizen.objects.count(), IpraMeasure.objects.count())
    second = import_rows(tmp_path, data, name="again.csv")
    assert (second.rows_imported, second.rows_unchanged, second.citizens_created) == (0, 30, 0)
    assert (Ipra.objects.count(), Citizen.objects.count(), IpraMeasure.objects.count()) == before


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("utf-8-sig", ";"), ("utf-8", ","), ("cp1251", ";"), ("cp1251", ",")],
)
def test_csv_encodings_and_delimiters(tmp_path, encoding, delimiter):
    job = import_rows(tmp_path, rows(21_001, 3), encoding=encoding, delimiter=delimiter)
    assert (job.state, job.rows_imported, job.rows_rejected) == (ImportState.DONE, 3, 0)
    ipra = Ipra.objects.filter(import_job=job).order_by("pk").first()
    assert ipra.last_name[0].isupper() and "?" not in ipra.full_name
    assert ipra.measures.filter(name="Содействие в трудоустройстве").exists()


def test_the_citizen_is_found_by_snils_within_the_centre_and_linked_to_the_open_case(
    tmp_path, case_at
):
    case = case_at(r.IN_SERVICE)
    data = rows(22_001, 1, snils=case.citizen.snils)
    job = import_rows(tmp_path, data)
    ipra = Ipra.objects.get(import_job=job)
    assert (ipra.citizen_id, ipra.case_id, job.citizens_created) == (case.citizen_id, case.pk, 0)
    # The same SNILS in the other centre is another centre's record: a citizen of its own.
    other = import_rows(tmp_path, data, centre="chelyabinsk", name="other.csv")
    foreign = Ipra.objects.get(import_job=other)
    assert foreign.citizen_id != case.citizen_id and foreign.citizen.centre.slug == "chelyabinsk"
    assert other.citizens_created == 1 and foreign.case_id is None


def test_a_newer_ipra_supersedes_the_older_and_says_so(tmp_path, client, users):
    older, newer = rows(23_001, 2)
    newer["СНИЛС"] = older["СНИЛС"]
    if parse_date(newer["Дата ИПРА"]) <= parse_date(older["Дата ИПРА"]):
        older["Дата ИПРА"], newer["Дата ИПРА"] = newer["Дата ИПРА"], older["Дата ИПРА"]
    # the newer one arrives first: the older, imported after, is superseded at once
    first = import_rows(tmp_path, [newer], name="newer.csv")
    second = import_rows(tmp_path, [older], name="older.csv")
    new, old = Ipra.objects.get(import_job=first), Ipra.objects.get(import_job=second)
    assert old.superseded_by_id == new.pk and new.superseded_by_id is None
    assert second.rows_superseded == 1
    assert list(Ipra.objects.current().filter(citizen=new.citizen)) == [new]
    client.force_login(users["curator"])
    body = client.get(reverse("cases:ipra-detail", args=[old.pk])).content.decode()
    assert "заменена более новой" in body and new.number in body


def test_a_row_is_rejected_whole_with_every_reason(tmp_path):
    bad = rows(24_001, 1)[0]
    bad.update({"Дата рождения": "12.13.1980", "Группа инвалидности": "5", "БОМЖ": "может быть"})
    job = import_rows(tmp_path, [bad, *rows(24_002, 2)])
    assert (job.rows_imported, job.rows_rejected) == (2, 1)
    columns = set(job.errors.values_list("column", flat=True))
    assert columns == {"Дата рождения", "Группа инвалидности", "БОМЖ"}
    assert set(job.errors.values_list("line", flat=True)) == {2}
    assert not Citizen.objects.filter(snils=bad["СНИЛС"]).exists()
    # Never the row's data in the report
    reasons = " ".join(job.errors.values_list("reason", flat=True))
    assert "12.13.1980" not in reasons and bad["Фамилия"] not in reasons


def test_a_file_without_the_required_columns_fails_with_a_plain_message(tmp_path):
    path = tmp_path / "wrong.csv"
    path.write_text("Номер;Фамилия\n1;Иванов\n", encoding="utf-8")
    from cases import services

    job = services.ipra.import_file(path, centre())
    assert job.state == ImportState.FAILED
    assert "«Номер ИПРА»" in job.message and "«СНИЛС»" in job.message
    assert job.rows_imported == 0


def test_the_management_command(tmp_path):
    out = io.StringIO()
    call_command("import_ipra", str(SAMPLE_CSV), "--centre", "nchelny", stdout=out)
    text = out.getvalue()
    assert "загружено ИПРА 7" in text and "отклонено 4" in text
    assert "строка 4, «СНИЛС»" in text
    with pytest.raises(CommandError, match="Нет центра"):
        call_command("import_ipra", str(SAMPLE_CSV), "--centre", "nowhere")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_staff_upload_runs_in_the_background(client, users, run_background_tasks):
    client.force_login(users["curator"])
    with open(SAMPLE_CSV, "rb") as fh:
        response = client.post(reverse("cases:ipra-imports"), {"file": fh})
    job = IpraImport.objects.filter(user=users["curator"]).latest("pk")
    assert response.status_code == 302 and response["Location"].endswith(f"/{job.pk}/")
    assert job.state == ImportState.QUEUED and job.rows_read == 0
    page = client.get(response["Location"]).content.decode()
    assert 'data-hx-trigger="every 1s"' in page and "Обновить страницу" in page
    run_background_tasks()
    job.refresh_from_db()
    assert (job.state, job.rows_imported, job.rows_rejected) == (ImportState.DONE, 7, 4)
    assert not job.upload  # the file with health data is gone once imported
    fragment = client.get(response["Location"], HTTP_HX_REQUEST="true").content.decode()
    assert "every 1s" not in fragment and "Контрольное число СНИЛС" in fragment
    report = client.get(reverse("cases:ipra-import-rejected", args=[job.pk, "csv"]))
    text = b"".join(report.streaming_content).decode("utf-8-sig")
    assert text.splitlines()[0] == "Строка файла;Столбец;Причина"
    assert "4;СНИЛС;Контрольное число СНИЛС не сходится" in text


def test_the_upload_form_refuses_other_files(client, users):
    client.force_login(users["curator"])
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        reverse("cases:ipra-imports"), {"file": SimpleUploadedFile("ipra.pdf", b"%PDF-1.4")}
    )
    assert response.status_code == 422
    assert "Загрузите файл CSV или XLSX." in response.content.decode()
    assert not IpraImport.objects.filter(filename="ipra.pdf").exists()


def test_an_import_in_progress_is_polled_and_states_are_shown(client, users):
    job = IpraImport.objects.create(
        centre=users["curator"].centre,
        filename="x.csv",
        state=ImportState.RUNNING,
        progress_total=200,
        progress_done=50,
        rows_read=10,
    )
    client.force_login(users["curator"])
    body = client.get(reverse("cases:ipra-import", args=[job.pk])).content.decode()
    assert '<progress id="import-bar" max="100" value="25">' in body
    assert "X-Marshrut-Background" in body


def peak_memory(tmp_path, count):
    path = write(tmp_path, rows(30_001, count), name=f"mem-{count}.csv")
    tracemalloc.start()
    progress = reading.Progress()
    for _line, raw in reading.read_rows(path, progress):
        del raw
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def test_reading_a_file_keeps_memory_flat_as_it_grows(tmp_path):
    small, large = peak_memory(tmp_path, 1000), peak_memory(tmp_path, 6000)
    assert large < small * 1.5, (small, large)


def test_imported_ipra_are_received_and_open(tmp_path):
    job = import_rows(tmp_path, rows(25_001, 2))
    assert set(Ipra.objects.filter(import_job=job).values_list("state", flat=True)) == {
        IpraState.RECEIVED
    }
