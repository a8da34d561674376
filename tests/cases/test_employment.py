"""The employer side: INN check digits, employers and vacancies, the vacancy import (bad rows
reported, nothing half-saved), matching against the IPRA, job referrals and the employer's
answer, the employment the route requires, and the reports."""

import csv
import datetime
import io

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook

from cases import route_graph as r
from cases import services
from cases.choices import JobReferralStatus, VacancyStatus
from cases.models import Employer, Employment, JobReferral, ReceptionRecord, Vacancy
from cases.services import employment_reports, jobs, matching
from cases.services.vacancy_import import import_vacancies
from cases.validators import validate_inn
from content.models import WorkingCondition
from portal.models import Centre
from tests.cases.ipra_helpers import fresh_ipra

HEAVY = "Противопоказан тяжелый физический труд"


@pytest.mark.parametrize("inn", ["7707083893", "500100732259", "1655065674"])
def test_valid_inns_pass(inn):
    validate_inn(inn)


@pytest.mark.parametrize(
    ("inn", "code"),
    [
        ("7707083894", "inn_checksum"),  # the last digit changed
        ("500100732258", "inn_checksum"),  # the 12th digit changed
        ("500100732269", "inn_checksum"),  # the 11th digit changed
        ("770708389", "inn_length"),
        ("77070838931", "inn_length"),
        ("77070838a3", "inn_length"),
    ],
)
def test_invalid_inns_are_refused_with_a_reason(inn, code):
    with pytest.raises(ValidationError) as refused:
        validate_inn(inn)
    assert refused.value.error_list[0].code == code


def test_the_employer_form_refuses_a_wrong_inn_and_keeps_what_was_typed(client, users):
    client.force_login(users["employers"])
    data = {"name": "ООО «Новый работодатель»", "inn": "7707083894", "address": "ул. Мира, 1"}
    response = client.post(reverse("cases:employer-new"), data)
    body = response.content.decode()
    assert response.status_code == 422
    assert "Контрольные цифры ИНН не сходятся" in body and "ООО «Новый работодатель»" in body
    assert not Employer.objects.filter(inn="7707083894").exists()
    data["inn"] = "7707 083 893"
    assert client.post(reverse("cases:employer-new"), data).status_code == 302
    employer = Employer.objects.get(inn="7707083893")
    assert employer.centre == users["employers"].centre


def test_the_vacancy_form_checks_posts_and_salaries(client, users):
    client.force_login(users["employers"])
    employer = Employer.objects.filter(centre=users["employers"].centre).first()
    data = {
        "employer": employer.pk,
        "position": "Оператор",
        "place": "Набережные Челны",
        "schedule": "full",
        "posts": 1,
        "posts_free": 2,
        "salary_from": 50000,
        "salary_to": 30000,
        "status": "open",
    }
    response = client.post(reverse("cases:vacancy-new"), data)
    body = response.content.decode()
    assert response.status_code == 422
    assert "Свободных мест не может быть больше, чем мест." in body
    assert "Зарплата «до» меньше зарплаты «от»." in body
    assert not Vacancy.objects.filter(position="Оператор", employer=employer).exists()


def write_vacancies(path, rows, fmt="csv"):
    header = [
        "ИНН работодателя",
        "Работодатель",
        "Должность",
        "Место работы",
        "Количество мест",
        "Квота",
        "Условия труда",
        "Номер вакансии",
        "График",
    ]
    if fmt == "xlsx":
        book = Workbook()
        book.active.append(header)
        for row in rows:
            book.active.append(row)
        book.save(path)
        return path
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow(header)
        writer.writerows(rows)
    return path


GOOD = [
    "7707083893",
    "ПАО «Тестбанк»",
    "Кассир",
    "Набережные Челны",
    "2",
    "да",
    "Длительное стояние и ходьба",
    "T-1",
    "Сменный график",
]


def test_a_file_with_bad_rows_saves_nothing_and_names_each_problem(db, tmp_path):
    centre = Centre.objects.get(slug="nchelny")
    before = (Vacancy.objects.count(), Employer.objects.count())
    path = write_vacancies(
        tmp_path / "v.csv",
        [
            GOOD,
            ["7707083894", "ООО «Опечатка»", "Грузчик", "Челны", "1", "", "", "T-2", ""],
            [
                "7707083893",
                "ПАО «Тестбанк»",
                "",
                "Челны",
                "ноль",
                "может быть",
                "Работа в невесомости",
                "T-3",
                "Посменно",
            ],
        ],
    )
    outcome = import_vacancies(centre, path)
    assert not outcome.saved
    errors = {(line, column) for line, column, _reason in outcome.errors}
    assert (3, "ИНН работодателя") in errors
    assert {
        (4, "Должность"),
        (4, "Количество мест"),
        (4, "Квота"),
        (4, "Условия труда"),
        (4, "График"),
    } <= errors
    assert not any(line == 2 for line, _c, _r in outcome.errors)
    assert (Vacancy.objects.count(), Employer.objects.count()) == before


def test_a_failure_midway_saves_nothing(db, tmp_path, monkeypatch):
    """Every row is good, but the database refuses the second one: the first is rolled back."""
    centre = Centre.objects.get(slug="nchelny")
    before = Vacancy.objects.count()
    second = [*GOOD[:2], "Контролёр", *GOOD[3:7], "T-9", GOOD[8]]
    path = write_vacancies(tmp_path / "v.xlsx", [GOOD, second], fmt="xlsx")
    saves = []
    original = Vacancy.save

    def failing_save(self, *args, **kwargs):
        saves.append(self.position)
        if len(saves) == 2:
            raise RuntimeError("disk full")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Vacancy, "save", failing_save)
    with pytest.raises(RuntimeError):
        import_vacancies(centre, path)
    assert Vacancy.objects.count() == before
    assert not Employer.objects.filter(inn=GOOD[0]).exists()


def test_a_good_file_is_saved_whole_and_loading_it_again_updates(db, tmp_path):
    centre = Centre.objects.get(slug="nchelny")
    path = write_vacancies(tmp_path / "v.xlsx", [GOOD], fmt="xlsx")
    outcome = import_vacancies(centre, path)
    assert outcome.saved and (outcome.created, outcome.employers_created) == (1, 1)
    vacancy = Vacancy.objects.get(centre=centre, external_id="T-1")
    assert (vacancy.position, vacancy.posts, vacancy.posts_free, vacancy.quota) == (
        "Кассир",
        2,
        2,
        True,
    )
    assert vacancy.schedule == "shift"
    assert [c.slug for c in vacancy.working_conditions.all()] == ["long-standing"]
    again = import_vacancies(centre, path)
    assert (again.created, again.updated, again.employers_created) == (0, 1, 0)
    assert Vacancy.objects.filter(centre=centre, external_id="T-1").count() == 1


def test_the_import_screen_reports_bad_rows(client, users, tmp_path):
    client.force_login(users["employers"])
    path = write_vacancies(tmp_path / "v.csv", [["123", "", "", "", "", "", "", "", ""]])
    with open(path, "rb") as fh:
        response = client.post(reverse("cases:vacancy-import"), {"file": fh})
    body = response.content.decode()
    assert response.status_code == 422
    assert "Файл не загружен" in body and "ИНН состоит из 10 цифр" in body
    assert "Не указан работодатель." in body
    not_a_table = tmp_path / "v.txt"
    not_a_table.write_text("hello")
    with open(not_a_table, "rb") as fh:
        response = client.post(reverse("cases:vacancy-import"), {"file": fh})
    assert "Загрузите файл CSV или XLSX." in response.content.decode()


def test_matching_puts_a_contraindicated_vacancy_aside_with_the_reason(users, case_at, tmp_path):
    case = case_at(r.IN_SERVICE)
    fresh_ipra(tmp_path, users, snils=case.citizen.snils, contraindications=HEAVY)
    ipra = services.ipra.current_ipra(case.citizen)
    suitable, conflicting = matching.suitable_vacancies(case, ipra, shown=100)
    heavy = WorkingCondition.objects.get(slug="heavy-physical-work")
    assert conflicting and all(heavy in m.vacancy.working_conditions.all() for m in conflicting)
    assert all("тяжелый физический труд" in m.conflict_text for m in conflicting)
    assert not any(heavy in m.vacancy.working_conditions.all() for m in suitable)
    # Wishes move a vacancy up: a citizen who wants to be an accountant sees «Бухгалтер» first.
    ReceptionRecord.objects.update_or_create(
        case=case,
        defaults={"desired_positions": "бухгалтером", "desired_place": "Набережные Челны"},
    )
    case.refresh_from_db()
    suitable, _conflicting = matching.suitable_vacancies(case, ipra)
    assert suitable[0].vacancy.position == "Бухгалтер"
    assert "должность" in suitable[0].reasons and "место" in suitable[0].reasons


def test_a_contraindicated_job_referral_needs_a_reason_kept_in_its_history(
    users, case_at, tmp_path, client
):
    case = case_at(r.IN_SERVICE)
    fresh_ipra(tmp_path, users, snils=case.citizen.snils, contraindications=HEAVY)
    vacancy = Vacancy.objects.get(centre=case.centre, position="Монтажник металлоконструкций")
    client.force_login(users["employers"])
    url = reverse("cases:job-referral", args=[case.pk, vacancy.pk])
    page = client.get(url).content.decode()
    assert "Вакансия противопоказана по ИПРА" in page and HEAVY in page
    response = client.post(url, {"contraindication_note": ""})
    assert response.status_code == 422
    assert "укажите почему" in response.content.decode()
    assert not JobReferral.objects.filter(case=case).exists()
    note = "Гражданин настаивает; работа только на земле, согласовано с работодателем."
    assert client.post(url, {"contraindication_note": note}).status_code == 302
    job = JobReferral.objects.get(case=case)
    assert job.contraindication_note == note
    # The change log keeps the reason with the referral's creation (django-auditlog).
    [created] = LogEntry.objects.get_for_object(job)
    assert note in str(created.changes["contraindication_note"])
    assert services.object_history(job)[0].entry == created


def test_the_answer_hired_takes_a_post_and_the_last_post_fills_the_vacancy(users, case_at):
    first, second = case_at(r.IN_SERVICE), case_at(r.IN_SERVICE)
    vacancy = Vacancy.objects.get(centre=first.centre, position="Библиотекарь")
    assert vacancy.posts_free == 1
    a = jobs.issue_job_referral(users["employers"], first, vacancy)
    b = jobs.issue_job_referral(users["employers"], second, vacancy)
    today = timezone.localdate()
    jobs.record_answer(users["employers"], a, status=JobReferralStatus.HIRED, answered_on=today)
    vacancy.refresh_from_db()
    assert (vacancy.posts_free, vacancy.status) == (0, VacancyStatus.FILLED)
    with pytest.raises(ValidationError) as refused:
        jobs.record_answer(users["employers"], b, status=JobReferralStatus.HIRED, answered_on=today)
    assert "не осталось свободных мест" in str(refused.value)
    b.refresh_from_db()
    assert b.status == JobReferralStatus.ISSUED
    with pytest.raises(ValidationError) as refused:
        jobs.record_answer(
            users["employers"],
            b,
            status=JobReferralStatus.REFUSED,
            answered_on=today,
            refusal_reason="",
        )
    assert "refusal_reason" in refused.value.error_dict
    jobs.record_answer(
        users["employers"],
        b,
        status=JobReferralStatus.REFUSED,
        answered_on=today,
        refusal_reason="Нужен опыт",
    )
    b.refresh_from_db()
    assert (b.status, b.refusal_reason) == (JobReferralStatus.REFUSED, "Нужен опыт")
    # A vacancy without free posts takes no new referral.
    with pytest.raises(ValidationError):
        jobs.issue_job_referral(users["employers"], case_at(r.IN_SERVICE), vacancy)


def test_the_transition_to_employed_requires_the_employment(users, case_at, client):
    case = case_at(r.IN_SERVICE)
    with pytest.raises(ValidationError) as refused:
        services.run_transition(case, "record_employment", users["curator"])
    assert "запишите трудоустройство" in str(refused.value)
    case.refresh_from_db()
    assert case.state == r.IN_SERVICE
    client.force_login(users["curator"])
    page = client.get(reverse("cases:case-detail", args=[case.pk])).content.decode()
    assert reverse("cases:case-employment", args=[case.pk]) in page
    url = reverse("cases:case-employment", args=[case.pk])
    future = (timezone.localdate() + datetime.timedelta(days=2)).isoformat()
    response = client.post(url, {"employer_name": "", "position": "Кассир", "started_on": future})
    body = response.content.decode()
    assert response.status_code == 422
    assert "Выберите работодателя из списка или впишите наименование." in body
    assert "Дата трудоустройства не может быть позже сегодняшней." in body
    assert 'value="Кассир"' in body
    case.refresh_from_db()
    assert case.state == r.IN_SERVICE and not Employment.objects.filter(case=case).exists()


def test_an_employment_through_a_job_referral_feeds_the_case_and_retention(users, case_at, client):
    case = case_at(r.IN_SERVICE)
    vacancy = Vacancy.objects.get(centre=case.centre, position="Бухгалтер")
    job = jobs.issue_job_referral(users["employers"], case, vacancy)
    today = timezone.localdate()
    client.force_login(users["curator"])
    url = reverse("cases:case-employment", args=[case.pk])
    # Only referrals answered "hired" are offered; the service refuses any other.
    response = client.post(url, {"job_referral": job.pk, "started_on": today.isoformat()})
    assert response.status_code == 422
    with pytest.raises(ValidationError) as refused:
        jobs.record_employment(
            users["curator"], case, job_referral=job, position="", started_on=today
        )
    assert "ещё не ответил «Принят на работу»" in str(refused.value)
    jobs.record_answer(users["employers"], job, status=JobReferralStatus.HIRED, answered_on=today)
    response = client.post(
        url, {"job_referral": job.pk, "started_on": today.isoformat(), "adapted_workplace": "on"}
    )
    assert response.status_code == 302
    case.refresh_from_db()
    employment = case.employment
    assert case.state == r.EMPLOYED
    assert (case.employed_on, case.employer) == (today, vacancy.employer.name)
    assert (employment.position, employment.employer, employment.job_referral) == (
        "Бухгалтер",
        vacancy.employer,
        job,
    )
    assert employment.adapted_workplace and not employment.self_found
    assert case.retention_checks.count() >= 1


def test_a_role_not_allowed_to_employ_saves_nothing(users, case_at):
    """The route lets the curator record the employment: the psychologist's try leaves no
    employment behind (the record and the transition commit together)."""
    case = case_at(r.IN_SERVICE)
    with pytest.raises(Exception):  # noqa: B017 — PermissionDenied from the route's role
        jobs.record_employment(
            users["psychologist"],
            case,
            employer_name="ООО «Ромашка»",
            position="Оператор",
            started_on=timezone.localdate(),
        )
    assert not Employment.objects.filter(case=case).exists()


def test_the_reports_count_per_partner_employer_and_vacancy(users, case_at, client):
    centre = Centre.objects.get(slug="nchelny")
    today = timezone.localdate()
    start = today.replace(month=1, day=1)
    before = employment_reports.shares(centre, start, today)
    case = case_at(r.IN_SERVICE)
    vacancy = Vacancy.objects.get(centre=centre, position="Бухгалтер")
    job = jobs.issue_job_referral(users["employers"], case, vacancy)
    jobs.record_answer(users["employers"], job, status=JobReferralStatus.HIRED, answered_on=today)
    jobs.record_employment(users["curator"], case, job_referral=job, position="", started_on=today)
    after = employment_reports.shares(centre, start, today)
    assert after.job_referrals == before.job_referrals + 1
    assert after.job_employed == before.job_employed + 1
    assert after.employments == before.employments + 1
    rows = employment_reports.employer_rows(centre, start, today)
    row = next(r for r in rows if r.vacancy == "Бухгалтер" and r.employer == vacancy.employer.name)
    assert row.hired >= 1 and row.employed >= 1 and row.came >= row.hired
    client.force_login(users["head"])
    page = client.get(reverse("cases:employment-report")).content.decode()
    assert "Направления на работу по работодателям и вакансиям" in page and "Бухгалтер" in page
    assert case.citizen.last_name not in page  # counts only
    export = client.get(reverse("cases:employment-report-export", args=["employers", "csv"]))
    data = b"".join(export.streaming_content).decode("utf-8-sig")
    assert "Бухгалтер" in data
    client.force_login(users["psychologist"])
    assert client.get(reverse("cases:employment-report")).status_code == 403


def test_the_import_command_saves_a_good_file_and_refuses_a_bad_one(db, tmp_path):
    good = write_vacancies(tmp_path / "good.csv", [GOOD])
    out = io.StringIO()
    call_command("import_vacancies", str(good), "--centre", "chelyabinsk", stdout=out)
    assert "новых вакансий 1" in out.getvalue()
    assert Vacancy.objects.filter(centre__slug="chelyabinsk", external_id="T-1").exists()
    bad = write_vacancies(tmp_path / "bad.csv", [[*GOOD[:7], "T-2", "Посменно"]])
    out = io.StringIO()
    with pytest.raises(CommandError, match="ошибок 1"):
        call_command("import_vacancies", str(bad), "--centre", "chelyabinsk", stdout=out)
    assert "«График»" in out.getvalue()
    assert not Vacancy.objects.filter(external_id="T-2").exists()
