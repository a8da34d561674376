"""Domain operations of the content app: answering surveys and reading their results.

The survey pages, the case module (invitations, phone surveys), the admin results screen and
the tests all go through these functions.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.utils import timezone

from content.choices import (
    CHOICE_TYPES,
    INDICATOR_GROUPS,
    RATING_WORDS,
    SCALES,
    AnswerChannel,
    QuestionType,
)
from content.models.surveys import SurveySubmission
from portal import spreadsheets

TEXT_SHOWN = 50  # latest free-text answers shown on the results screen


def submit_survey(page, form, channel, centre=None):
    """Save one valid set of answers (in one transaction); returns the submission."""
    return page.submit(form, channel, centre)


def submissions(page, date_from=None, date_to=None, channel="", centre=None):
    """The page's answers in a period (dates inclusive, in the site's time zone)."""
    qs = SurveySubmission.objects.filter(page=page)
    tz = timezone.get_current_timezone()
    if date_from:
        qs = qs.filter(submit_time__gte=datetime.datetime.combine(date_from, datetime.time(), tz))
    if date_to:
        end = datetime.datetime.combine(date_to + datetime.timedelta(days=1), datetime.time(), tz)
        qs = qs.filter(submit_time__lt=end)
    if channel:
        qs = qs.filter(channel=channel)
    if centre:
        qs = qs.filter(centre=centre)
    return qs


@dataclass
class OptionCount:
    label: str
    count: int
    percent: float


@dataclass
class QuestionResult:
    number: int
    question: object
    answered: int = 0
    options: list = field(default_factory=list)
    mean: float | None = None
    nps: int | None = None
    texts: list = field(default_factory=list)

    @property
    def is_scale(self):
        return self.question.field_type in SCALES


@dataclass
class GroupResult:
    code: str
    label: str
    questions: int
    answers: int
    percent: float | None  # mean score as a share of the scale's maximum, 0–100


@dataclass
class SurveyResults:
    total: int
    questions: list
    groups: list


def _percent(part, whole):
    return round(100 * part / whole, 1) if whole else 0.0


def survey_results(page, **filters):
    """Per question: how many answered, the distribution, the mean of a scale, the NPS; per
    indicator group: the mean score of its rating and 0–10 questions as % of the maximum."""
    questions = list(page.get_form_fields())
    counters = {q.clean_name: Counter() for q in questions}
    texts = {q.clean_name: [] for q in questions}
    total = 0
    for data in (
        submissions(page, **filters).order_by("-submit_time").values_list("form_data", flat=True)
    ):
        total += 1
        for q in questions:
            value = data.get(q.clean_name)
            if value in (None, "", []):
                continue
            if q.field_type in CHOICE_TYPES or q.field_type in SCALES:
                values = value if isinstance(value, list) else [value]
                counters[q.clean_name].update(str(v) for v in values)
                counters[q.clean_name]["__answered__"] += 1
            else:
                counters[q.clean_name]["__answered__"] += 1
                if len(texts[q.clean_name]) < TEXT_SHOWN:
                    texts[q.clean_name].append(_display(value))

    results = []
    group_scores = {code: [] for code, _label in INDICATOR_GROUPS}
    group_questions = Counter()
    for number, q in enumerate(questions, start=1):
        counts = counters[q.clean_name]
        answered = counts.pop("__answered__", 0)
        result = QuestionResult(number=number, question=q, answered=answered)
        options = q.answer_options()
        for option in options:
            label = option
            if q.field_type == QuestionType.RATING:
                label = f"{option} — {RATING_WORDS[int(option)]}"
            result.options.append(
                OptionCount(label, counts.get(option, 0), _percent(counts.get(option, 0), answered))
            )
        extra = sorted(set(counts) - set(options))  # answers to options since removed
        for option in extra:
            result.options.append(
                OptionCount(
                    f"{option} (вариант удалён)", counts[option], _percent(counts[option], answered)
                )
            )
        if q.field_type in SCALES and answered:
            low, high = SCALES[q.field_type]
            scores = [
                int(v) for v, n in counts.items() if v.lstrip("-").isdigit() for _ in range(n)
            ]
            result.mean = round(sum(scores) / len(scores), 2) if scores else None
            if q.field_type == QuestionType.NPS and scores:
                promoters = sum(1 for s in scores if s >= 9)
                detractors = sum(1 for s in scores if s <= 6)
                result.nps = round(100 * (promoters - detractors) / len(scores))
            if q.indicator_group:
                group_questions[q.indicator_group] += 1
                group_scores[q.indicator_group].extend(
                    100 * (s - low) / (high - low) for s in scores
                )
        elif q.field_type in SCALES and q.indicator_group:
            group_questions[q.indicator_group] += 1
        result.texts = texts[q.clean_name]
        results.append(result)

    groups = [
        GroupResult(
            code=code,
            label=str(label),
            questions=group_questions[code],
            answers=len(group_scores[code]),
            percent=round(sum(group_scores[code]) / len(group_scores[code]), 1)
            if group_scores[code]
            else None,
        )
        for code, label in INDICATOR_GROUPS
        if group_questions[code]
    ]
    return SurveyResults(total=total, questions=results, groups=groups)


def _display(value):
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return datetime.date.fromisoformat(value).strftime("%d.%m.%Y")
        except ValueError:
            return value
    return str(value)


CHANNEL_LABELS = dict(AnswerChannel.choices)


def export_header(page):
    return ["Дата ответа", "Канал", "Центр", *[q.label for q in page.get_form_fields()]]


def export_rows(page, **filters):
    names = [q.clean_name for q in page.get_form_fields()]
    qs = submissions(page, **filters).select_related("centre").order_by("submit_time")
    for sub in qs.iterator(chunk_size=2000):
        yield [
            timezone.localtime(sub.submit_time).strftime("%d.%m.%Y %H:%M"),
            str(CHANNEL_LABELS.get(sub.channel, sub.channel)),
            sub.centre.short_name if sub.centre_id else "",
            *[_display(sub.form_data.get(name, "")) for name in names],
        ]


def export_response(page, fmt, **filters):
    filename = f"opros-{page.slug}-{timezone.localdate():%Y-%m-%d}.{fmt}"
    header = export_header(page)
    rows = export_rows(page, **filters)
    if fmt == "xlsx":
        return spreadsheets.xlsx_response(header, rows, filename, "Ответы")
    return spreadsheets.csv_response(header, rows, filename)
