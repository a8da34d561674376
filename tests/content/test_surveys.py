"""Surveys built by editors: question types, conditions, answering on the site and the hall
tablet, anonymous-form protection, results and export."""

import csv
import datetime
import io
import time

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache, caches
from django.core.cache.backends.db import DatabaseCache
from django.utils import timezone
from openpyxl import load_workbook

from content import services
from content.models import SurveyPage, SurveySubmission
from content.questions import question_key, validate_questions
from portal.models import Centre
from portal.ratelimit import LIMITS_CACHE

IMPRESSION = "vpechatlenie-ot-vzaimodejstviya"
DISABILITY = "udovletvorennost-grazhdan-s-invalidnostyu"
WAITED = "Пришлось ли вам ждать приёма дольше 15 минут?"
HOW_LONG = "Сколько примерно вы ждали?"


@pytest.fixture(autouse=True)
def _clean_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def survey(db):
    return SurveyPage.objects.get(slug=IMPRESSION)


def key(page, label):
    return next(q.clean_name for q in page.get_form_fields() if q.label == label)


def good_answers(page, **overrides):
    """A complete, valid set of answers to the «Впечатление» survey, by question label."""
    by_label = {
        "Как вы обращались в центр занятости?": ["Лично в центре", "По телефону"],
        "Сколько раз вам пришлось прийти в центр, чтобы решить вопрос?": "Один раз",
        WAITED: "Нет",
        "Оцените доброжелательность сотрудников": "5",
        "Получили ли вы ответы на все свои вопросы?": "Да, на все",
        "Оцените общее впечатление от посещения центра": "4",
        "Насколько вероятно, что вы порекомендуете центр занятости знакомым?": "9",
    }
    by_label.update(overrides)
    return {key(page, label): value for label, value in by_label.items()}


# --- the form ---------------------------------------------------------------------------------


def test_question_types_become_typed_answers(survey):
    form = survey.get_form(good_answers(survey), page=survey)
    assert form.is_valid(), form.errors
    data = form.cleaned_data
    assert data[key(survey, "Оцените доброжелательность сотрудников")] == 5
    assert data[key(survey, "Как вы обращались в центр занятости?")] == [
        "Лично в центре",
        "По телефону",
    ]
    nps = form.fields[
        key(survey, "Насколько вероятно, что вы порекомендуете центр занятости знакомым?")
    ]
    assert [c for c, _label in nps.choices] == list(range(11))


def test_date_question_and_its_message(db):
    page = SurveyPage.objects.get(slug=DISABILITY)
    name = key(page, "Когда вы последний раз были в центре занятости?")
    form = page.get_form({name: "31.02.2026"}, page=page)
    assert not form.is_valid()
    assert form.errors[name] == ["Введите дату в формате ДД.ММ.ГГГГ."]
    form = page.get_form({name: "2026-10-05"}, page=page)
    form.is_valid()
    assert name not in form.errors
    assert form.cleaned_data[name] == datetime.date(2026, 10, 5)


def test_required_questions_say_so_in_russian(survey):
    form = survey.get_form({}, page=survey)
    assert not form.is_valid()
    assert form.errors[key(survey, WAITED)] == ["Выберите ответ."]
    assert form.errors[key(survey, "Как вы обращались в центр занятости?")] == [
        "Отметьте хотя бы один вариант."
    ]
    assert key(survey, HOW_LONG) not in form.errors  # its condition is not met


def test_conditional_question_required_only_when_shown(survey):
    shown = survey.get_form(good_answers(survey, **{WAITED: "Да"}), page=survey)
    assert not shown.is_valid()
    assert shown.errors[key(survey, HOW_LONG)] == ["Выберите ответ."]

    answered = survey.get_form(
        good_answers(survey, **{WAITED: "Да", HOW_LONG: "Больше часа"}), page=survey
    )
    assert answered.is_valid(), answered.errors
    assert answered.cleaned_data[key(survey, HOW_LONG)] == "Больше часа"


def test_answer_to_a_hidden_question_is_dropped(survey):
    form = survey.get_form(
        good_answers(survey, **{WAITED: "Нет", HOW_LONG: "Больше часа"}), page=survey
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data[key(survey, HOW_LONG)] == ""


def test_question_keys_are_short_and_stable():
    assert question_key("Оцените доброжелательность сотрудников").startswith(
        "otsenite_dobrozhelatelnost_sotrudnikov_"
    )
    assert question_key("Оцените  ") == question_key("Оцените")
    assert question_key("Вопрос А") != question_key("Вопрос Б")


@pytest.mark.parametrize(
    ("questions", "index", "field", "message"),
    [
        ([("Цвет?", "radio", "Красный", "", "")], 0, "choices", "хотя бы два варианта"),
        (
            [("Ждали?", "radio", "Да\nНет", "", ""), ("Сколько?", "singleline", "", "Ждали", "Да")],
            1,
            "show_if_question",
            "нет вопроса с таким текстом",
        ),
        (
            [
                ("Сколько?", "singleline", "", "Ждали?", "Да"),
                ("Ждали?", "radio", "Да\nНет", "", ""),
            ],
            0,
            "show_if_question",
            "нет вопроса с таким текстом",
        ),
        (
            [
                ("Ждали?", "radio", "Да\nНет", "", ""),
                ("Сколько?", "singleline", "", "Ждали?", "Ага"),
            ],
            1,
            "show_if_answer",
            "Да; Нет",
        ),
        (
            [("Имя?", "singleline", "", "", ""), ("Ещё?", "singleline", "", "Имя?", "Иван")],
            1,
            "show_if_question",
            "только на вопрос с вариантами",
        ),
        (
            [("Оценка", "rating", "", "", ""), ("Почему?", "multiline", "", "Оценка", "7")],
            1,
            "show_if_answer",
            "1; 2; 3; 4; 5",
        ),
    ],
)
def test_admin_refuses_incoherent_questions(questions, index, field, message):
    errors = validate_questions(questions)
    assert message in str(errors[index][field])


def test_coherent_conditions_pass():
    questions = [
        ("Ждали?", "radio", "Да\nНет", "", ""),
        ("Сколько?", "radio", "Мало\nМного", "Ждали?", "Да"),
        ("Оценка", "nps", "", "", ""),
        ("Почему так низко?", "multiline", "", "Оценка", "0"),
    ]
    assert validate_questions(questions) == {}


# --- answering on the site and on the hall tablet ----------------------------------------------


def test_public_page_renders_fieldsets_and_legends(client, survey):
    response = client.get(survey.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        html.count('<fieldset aria-describedby="id_') == 8
    )  # every choice, rating and 0–10 question
    assert '<legend><span class="question-number">3.</span> ' + WAITED in html
    assert f'data-show-if="{key(survey, WAITED)}" data-show-if-value="Да"' in html
    assert "no-store" in response["Cache-Control"]


def test_public_answer_is_saved_anonymously(client, survey):
    before = SurveySubmission.objects.filter(page=survey).count()
    response = client.post(survey.url, good_answers(survey))
    assert response.status_code == 302
    assert response["Location"] == survey.url + "spasibo/"
    saved = SurveySubmission.objects.filter(page=survey).latest("pk")
    assert SurveySubmission.objects.filter(page=survey).count() == before + 1
    assert (saved.channel, saved.centre) == ("public", None)
    done = client.get(response["Location"])
    assert "Спасибо" in done.content.decode()


def test_bad_public_answers_are_kept_and_explained(client, survey):
    answers = good_answers(survey, **{WAITED: "Да"})
    before = SurveySubmission.objects.count()
    response = client.post(survey.url, answers)
    assert response.status_code == 422
    html = response.content.decode()
    assert 'id="survey-errors"' in html and "autofocus" in html
    assert f'href="#id_{key(survey, HOW_LONG)}_0"' in html  # the summary links to the field
    assert f'value="Да" id="id_{key(survey, WAITED)}_0" checked' in html  # typed answer kept
    assert SurveySubmission.objects.count() == before


def test_honeypot_saves_nothing(client, survey):
    before = SurveySubmission.objects.count()
    response = client.post(survey.url, {**good_answers(survey), "website": "http://spam"})
    assert response.status_code == 302
    assert SurveySubmission.objects.count() == before


def test_public_answers_are_rate_limited(client, survey):
    for _ in range(5):
        assert client.post(survey.url, good_answers(survey)).status_code == 302
    response = client.post(survey.url, good_answers(survey))
    assert response.status_code == 429
    assert "Слишком много ответов" in response.content.decode()


def test_kiosk_records_the_centre_and_clears_itself(client, survey):
    url = survey.url + "kiosk/nchelny/"
    response = client.get(url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert 'data-kiosk-idle="90"' in html
    assert 'autocomplete="off"' in html
    assert "<nav" not in html and "site-header" not in html  # nowhere to wander off to
    response = client.post(url, good_answers(survey))
    assert response.status_code == 302
    assert response["Location"] == url + "spasibo/"
    saved = SurveySubmission.objects.latest("pk")
    assert saved.channel == "kiosk"
    assert saved.centre == Centre.objects.get(slug="nchelny")
    done = client.get(response["Location"]).content.decode()
    assert "data-kiosk-done" in done
    assert f'data-kiosk-restart="{url}"' in done


def test_kiosk_tolerates_a_busy_hall_but_not_a_flood(client, survey):
    url = survey.url + "kiosk/"
    for _ in range(10):
        assert client.post(url, good_answers(survey)).status_code == 302
    limits, key = caches[LIMITS_CACHE], f"rate:survey:{survey.pk}:kiosk:127.0.0.1"
    # The limit's count as portal/ratelimit.py keeps it (the database cache: with its window end).
    limits.set(key, (60, time.time() + 600) if isinstance(limits, DatabaseCache) else 60, 600)
    assert client.post(url, good_answers(survey)).status_code == 429


def test_unknown_kiosk_centre_and_switched_off_channels_are_404(client, survey):
    assert client.get(survey.url + "kiosk/nowhere/").status_code == 404
    survey.kiosk_enabled = False
    survey.public_enabled = False
    survey.save_revision().publish()
    assert client.get(survey.url + "kiosk/").status_code == 404
    assert client.get(survey.url).status_code == 404


# --- results ------------------------------------------------------------------------------------


@pytest.fixture
def fresh_survey(survey):
    """The «Впечатление» survey with its demo answers removed, and a known set added."""
    SurveySubmission.objects.filter(page=survey).delete()
    nchelny = Centre.objects.get(slug="nchelny")
    rows = [
        (
            {WAITED: "Да", HOW_LONG: "Больше часа", "Оцените доброжелательность сотрудников": "2"},
            "kiosk",
        ),
        ({"Оцените доброжелательность сотрудников": "4"}, "public"),
        ({"Насколько вероятно, что вы порекомендуете центр занятости знакомым?": "3"}, "phone"),
        ({"Получили ли вы ответы на все свои вопросы?": "=cmd|' /C calc'!A0"}, "kiosk"),
    ]
    for overrides, channel in rows:
        form = survey.get_form(good_answers(survey, **overrides), page=survey)
        if not form.is_valid():  # the formula row: store it as a forged answer would arrive
            form = survey.get_form(good_answers(survey), page=survey)
            form.is_valid()
            form.cleaned_data[key(survey, "Получили ли вы ответы на все свои вопросы?")] = (
                overrides["Получили ли вы ответы на все свои вопросы?"]
            )
        services.submit_survey(survey, form, channel, None if channel == "public" else nchelny)
    old = SurveySubmission.objects.filter(page=survey).order_by("pk").first()
    SurveySubmission.objects.filter(pk=old.pk).update(
        submit_time=timezone.now() - datetime.timedelta(days=40)
    )
    return survey


def result_for(results, label):
    return next(r for r in results.questions if r.question.label == label)


def test_results_count_distribute_and_average(fresh_survey):
    results = services.survey_results(fresh_survey)
    assert results.total == 4
    friendliness = result_for(results, "Оцените доброжелательность сотрудников")
    assert friendliness.answered == 4
    assert friendliness.mean == pytest.approx((2 + 4 + 5 + 5) / 4)
    counts = {o.label: o.count for o in friendliness.options}
    assert counts == {
        "1 — очень плохо": 0,
        "2 — плохо": 1,
        "3 — удовлетворительно": 0,
        "4 — хорошо": 1,
        "5 — отлично": 2,
    }
    nps = result_for(results, "Насколько вероятно, что вы порекомендуете центр занятости знакомым?")
    assert nps.nps == round(100 * (3 - 1) / 4)  # three 9s are promoters, one 3 a detractor
    waited = result_for(results, HOW_LONG)
    assert waited.answered == 1  # only the one who waited was asked
    channels = result_for(results, "Как вы обращались в центр занятости?")
    assert {o.label: o.percent for o in channels.options}["По телефону"] == 100.0


def test_results_per_indicator_group(fresh_survey):
    groups = {g.code: g for g in services.survey_results(fresh_survey).groups}
    # friendliness: ratings 2, 4, 5, 5 (1–5) and 0–10 answers 9, 9, 3, 9
    scores = [25, 75, 100, 100] + [90, 90, 30, 90]
    assert groups["friendliness"].percent == pytest.approx(sum(scores) / 8, abs=0.05)
    assert groups["friendliness"].questions == 2
    assert groups["comfort"].answers == 4
    assert "usefulness" not in groups  # tagged, but not a scale: no score to average


def test_results_over_a_period_and_a_channel(fresh_survey):
    today = timezone.localdate()
    recent = services.survey_results(fresh_survey, date_from=today - datetime.timedelta(days=7))
    assert recent.total == 3
    old = services.survey_results(fresh_survey, date_to=today - datetime.timedelta(days=30))
    assert old.total == 1
    kiosk = services.survey_results(fresh_survey, channel="kiosk")
    assert kiosk.total == 2


@pytest.fixture
def editor_client(db, client):
    client.force_login(get_user_model().objects.get(username="editor"))
    return client


def test_results_screen_for_editors(editor_client, fresh_survey):
    response = editor_client.get(f"/admin/surveys/{fresh_survey.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "За период получено 4 ответа" in html
    assert "<caption>Средняя оценка по группам показателей</caption>" in html
    assert html.count('class="bar-chart" aria-hidden="true"') >= 8  # each chart has its table
    index = editor_client.get("/admin/surveys/").content.decode()
    assert f'href="/admin/surveys/{fresh_survey.pk}/"' in index


def test_results_screen_rejects_a_reversed_period(editor_client, fresh_survey):
    response = editor_client.get(
        f"/admin/surveys/{fresh_survey.pk}/", {"date_from": "2026-12-01", "date_to": "2026-01-01"}
    )
    html = response.content.decode()
    assert "Дата окончания раньше даты начала периода." in html
    assert 'value="2026-12-01"' in html  # what was typed stays
    assert "За период получ" not in html


def test_staff_without_admin_access_cannot_read_results(client, fresh_survey):
    client.force_login(get_user_model().objects.get(username="curator"))
    response = client.get(f"/admin/surveys/{fresh_survey.pk}/")
    assert response.status_code in (302, 403)


def test_export_csv_and_xlsx_neutralise_formulas(editor_client, fresh_survey):
    response = editor_client.get(f"/admin/surveys/{fresh_survey.pk}/", {"format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][:3] == ["Дата ответа", "Канал", "Центр"]
    assert len(rows) == 5
    assert "'=cmd|' /C calc'!A0" in text
    assert "Лично в центре; По телефону" in text

    response = editor_client.get(
        f"/admin/surveys/{fresh_survey.pk}/", {"format": "xlsx", "channel": "kiosk"}
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert len(values) == 3  # header and the two kiosk answers
    assert all(row[1] == "Планшет в зале" for row in values[1:])
    assert any(str(v).startswith("'=") for row in values for v in row if v)


def test_preview_shows_the_form_and_the_thank_you_text(survey):
    form = survey.make_preview_request(preview_mode="form")
    assert form.status_code == 200
    assert WAITED in form.content.decode()
    landing = survey.make_preview_request(preview_mode="landing")
    assert "Спасибо" in landing.content.decode()
    assert WAITED not in landing.content.decode()


def test_footer_invites_visitors_to_the_public_surveys(client, survey):
    html = client.get("/").content.decode()
    assert "Оцените нашу работу" in html
    assert f'href="{survey.url}"' in html
    survey.public_enabled = False
    survey.save_revision().publish()
    assert f'href="{survey.url}"' not in client.get("/").content.decode()


def test_wagtail_submissions_list_shows_the_channel(editor_client, fresh_survey):
    response = editor_client.get(f"/admin/forms/submissions/{fresh_survey.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Планшет в зале" in html and "По телефону" in html


def test_results_screen_queries_do_not_grow_with_answers(editor_client, fresh_survey):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = f"/admin/surveys/{fresh_survey.pk}/"

    def queries():
        with CaptureQueriesContext(connection) as ctx:
            assert editor_client.get(url).status_code == 200
        return len(ctx.captured_queries)

    few = queries()
    form = fresh_survey.get_form(good_answers(fresh_survey), page=fresh_survey)
    assert form.is_valid()
    for _ in range(30):
        services.submit_survey(fresh_survey, form, "kiosk", None)
    assert queries() == few


def test_kiosk_page_query_budget(client, survey, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        assert client.get(survey.url + "kiosk/nchelny/").status_code == 200
