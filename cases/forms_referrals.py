"""Forms of referrals to partners. The rules are the service's (cases.services.referrals): the
forms type the values and hand the service's refusals back to the fields (RefusalMixin)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.choices import OfferAnswer, PlanItemStatus, ReferralStatus
from cases.forms import RefusalMixin
from cases.forms_ipra import PeriodForm, date_field
from cases.services.referrals import partners_for
from content.models import ServicePage

VERSION = {"widget": forms.HiddenInput, "min_value": 0, "required": False}


class PartnerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class ReferralForm(RefusalMixin, forms.Form):
    """Draft a referral: the partner, why, for which plan item, the package and the offer."""

    partner = PartnerChoiceField(
        label=_("Партнёр"),
        queryset=None,
        empty_label=_("— выберите партнёра —"),
        error_messages={"required": _("Выберите партнёра.")},
    )
    plan_item = forms.ModelChoiceField(
        label=_("По пункту плана"),
        queryset=None,
        required=False,
        empty_label=_("— без пункта плана —"),
    )
    reason = forms.CharField(
        label=_("Основание направления"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Зачем гражданин направляется, например: психологическая поддержка по ИПРА."),
        error_messages={"required": _("Укажите основание направления.")},
    )
    documents = forms.MultipleChoiceField(
        label=_("Собранные документы"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    offer_on = date_field(_("Дата предложения"))
    offer_answer = forms.ChoiceField(
        label=_("Ответ гражданина на предложение"),
        choices=[("", _("ещё не ответил")), *OfferAnswer.choices],
        required=False,
        widget=forms.RadioSelect,
    )
    version = forms.IntegerField(**VERSION)

    def __init__(self, *args, case, partner=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = partners_for(case.centre)
        items = case.plan_items.exclude(status__in=PlanItemStatus.finished()).select_related(
            "service"
        )
        self.fields["plan_item"].queryset = items
        self.fields["plan_item"].label_from_instance = lambda i: (
            f"{i.service.title} (до {i.due_date:%d.%m.%Y})"
        )
        self.initial.setdefault("offer_on", timezone.localdate())
        chosen = partner or self._posted_partner()
        docs = chosen.documents if chosen else []
        self.fields["documents"].choices = [(d, d) for d in docs]
        self.partner = chosen
        if not docs:
            self.fields["documents"].help_text = _(
                "Партнёр не требует документов, или он ещё не выбран."
            )

    def _posted_partner(self):
        value = self.data.get(self.add_prefix("partner")) or self.initial.get("partner")
        if value is None:
            return None
        if hasattr(value, "pk"):
            return value
        try:
            return self.fields["partner"].queryset.filter(pk=int(value)).first()
        except (TypeError, ValueError):
            return None


class CardForm(RefusalMixin, forms.Form):
    """A form of the referral's card: several stand on one page, so each has its own ids."""

    id_prefix = ""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", f"{self.id_prefix}-%s")
        super().__init__(*args, **kwargs)


class ConclusionForm(CardForm):
    id_prefix = "conclusion"
    conclusion_on = date_field(_("Дата заключения"))
    partner_specialist = forms.CharField(
        label=_("Специалист партнёра"),
        max_length=255,
        help_text=_("Должность и Ф.И.О., например: психолог Толемова У. А."),
        error_messages={"required": _("Укажите специалиста партнёра: должность и Ф.И.О.")},
    )
    recommendations = forms.CharField(
        label=_("Рекомендации"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Каждая рекомендация с новой строки: так их можно внести в план по одной."),
        error_messages={"required": _("Перенесите рекомендации из заключения.")},
    )
    acknowledged = forms.BooleanField(label=_("Гражданин ознакомлен с заключением"), required=False)
    version = forms.IntegerField(**VERSION)


class CloseReferralForm(CardForm):
    id_prefix = "close"
    status = forms.ChoiceField(
        label=_("Чем закончилось"),
        choices=ReferralStatus.closable(),
        widget=forms.RadioSelect,
        error_messages={"required": _("Выберите, чем закончилось направление.")},
    )
    reason = forms.CharField(
        label=_("Причина"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Укажите причину.")},
    )
    version = forms.IntegerField(**VERSION)


class RecommendationsToPlanForm(CardForm):
    id_prefix = "plan"
    service = forms.ModelChoiceField(
        label=_("Услуга в плане"),
        queryset=None,
        empty_label=_("— выберите услугу —"),
        error_messages={"required": _("Выберите услугу.")},
    )
    due_date = date_field(_("Срок исполнения"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = (
            ServicePage.objects.live().filter(locale__language_code="ru").order_by("title")
        )
        self.fields["service"].label_from_instance = lambda s: s.title


class JournalFilterForm(PeriodForm):
    """The journal's partner and period of at most a year (no personal data: it may travel in
    the URL)."""

    partner = PartnerChoiceField(
        label=_("Партнёр"), queryset=None, required=False, empty_label=_("— все партнёры —")
    )
    field_order = ["partner", "date_from", "date_to"]

    def __init__(self, *args, centre, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = partners_for(centre)
