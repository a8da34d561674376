"""The IPRA record: the document's fields, the citizen it is about, and its route (django-fsm).

The record keeps the citizen's data as the IPRA states them (name, birth date, address, contacts,
SNILS): it is the document the bureau issued, read back as it was; the citizen's own card
(`Citizen`) is the centre's record of the person and is found by SNILS within the centre.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, transition

from cases.choices import AcquaintanceMethod, DisabilityGroup, IpraEstablished, IpraState
from cases.models.base import CentreScopedQuerySet, PersonMixin, fold

S = IpraState


def ipra_transition(source, target, label, *, needs_reason=False, conditions=()):
    """A transition of the IPRA's route; its label and whether it needs a reason travel in
    django-fsm's `custom=` (read by cases.services.ipra.records and the card's buttons)."""
    return transition(
        "state",
        source=source,
        target=target,
        conditions=list(conditions),
        custom={"label": label, "needs_reason": needs_reason},
    )


class IpraQuerySet(CentreScopedQuerySet):
    def current(self):
        """Not replaced by a newer IPRA of the same citizen."""
        return self.filter(superseded_by__isnull=True)


def optional_link(to, verbose_name, related_name="+"):
    """A link never searched by (no index of its own: each index costs every imported row)."""
    return models.ForeignKey(
        to,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name=related_name,
        db_index=False,
    )


class Ipra(PersonMixin, ConcurrentTransitionMixin, models.Model):
    """One IPRA of a disabled person, as the centre received it, and the work done on it."""

    # The centre is the first column of every index below; it needs none of its own.
    centre = models.ForeignKey(
        "portal.Centre",
        verbose_name=_("центр занятости"),
        on_delete=models.PROTECT,
        related_name="ipras",
        db_index=False,
    )
    citizen = models.ForeignKey(
        "cases.Citizen", verbose_name=_("гражданин"), on_delete=models.PROTECT, related_name="ipras"
    )
    case = models.ForeignKey(
        "cases.Case",
        verbose_name=_("случай"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ipras",
        db_index=False,  # an IPRA is found by its citizen; indexes cost every import
    )
    # The document
    number = models.CharField(_("номер ИПРА"), max_length=40)
    issued_on = models.DateField(_("дата ИПРА"))
    protocol_number = models.CharField(_("номер протокола"), max_length=40, blank=True)
    protocol_date = models.DateField(_("дата протокола"), null=True, blank=True)
    bureau = models.CharField(_("бюро МСЭ"), max_length=255, blank=True)
    executor = models.CharField(_("исполнитель перечня мероприятий"), max_length=255, blank=True)
    deadline = models.DateField(_("срок исполнения мероприятий"), null=True, blank=True)
    # The citizen as the IPRA states them
    last_name = models.CharField(_("фамилия"), max_length=100)
    first_name = models.CharField(_("имя"), max_length=100)
    patronymic = models.CharField(_("отчество"), max_length=100, blank=True)
    birth_date = models.DateField(_("дата рождения"))
    snils = models.CharField(_("СНИЛС"), max_length=11)
    disability_group = models.CharField(
        _("группа инвалидности"), max_length=1, choices=DisabilityGroup
    )
    disability_cause = models.CharField(_("причина инвалидности"), max_length=255, blank=True)
    established = models.CharField(
        _("инвалидность установлена"), max_length=10, choices=IpraEstablished, blank=True
    )
    established_on = models.DateField(_("дата установления инвалидности"), null=True, blank=True)
    valid_until = models.DateField(_("инвалидность установлена на срок до"), null=True, blank=True)
    reexamination_on = models.DateField(
        _("дата очередного переосвидетельствования"), null=True, blank=True
    )
    address = models.CharField(_("адрес места жительства"), max_length=255, blank=True)
    no_fixed_abode = models.BooleanField(
        _("лицо без определенного места жительства"), default=False
    )
    no_permanent_registration = models.BooleanField(
        _("лицо без постоянной регистрации"), default=False
    )
    phones = models.CharField(_("контактные телефоны"), max_length=100, blank=True)
    email = models.CharField(_("адрес электронной почты"), max_length=254, blank=True)
    recommendations = models.TextField(_("рекомендации к труду (текст ИПРА)"), blank=True)
    contraindications = models.TextField(_("противопоказания к труду (текст ИПРА)"), blank=True)
    # The centre's work on it
    received_on = models.DateField(_("дата поступления"), default=timezone.localdate)
    acquainted_on = models.DateField(_("дата ознакомления"), null=True, blank=True)
    acquainted_method = models.CharField(
        _("способ ознакомления"), max_length=10, choices=AcquaintanceMethod, blank=True
    )
    acquainted_by = optional_link(settings.AUTH_USER_MODEL, _("сотрудник ознакомил"))
    measures_formed_on = models.DateField(_("дата формирования перечня"), null=True, blank=True)
    measures_formed_by = optional_link(settings.AUTH_USER_MODEL, _("перечень сформировал"))
    state = FSMField(
        _("состояние"), default=S.RECEIVED, choices=IpraState, protected=True, max_length=20
    )
    state_changed_at = models.DateTimeField(_("состояние изменено"), default=timezone.now)
    closing_reason = models.TextField(_("причина отказа или неисполнения"), blank=True)
    superseded_by = models.ForeignKey(
        "self",
        verbose_name=_("заменена ИПРА"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="supersedes",
    )
    report = optional_link("cases.IpraReport", _("отчёт об исполнении"), "ipras")
    import_job = optional_link("cases.IpraImport", _("импорт"), "ipras")
    # Case-folded name, SNILS and number, searched with LIKE '%…%' (an index would not serve it).
    search_text = models.CharField(max_length=400, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=0, editable=False)  # as Citizen.version

    objects = IpraQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_on", "-pk"]
        verbose_name = _("ИПРА")
        verbose_name_plural = _("реестр ИПРА")
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "number", "issued_on"],
                name="unique_ipra_number_date",
                violation_error_message=_("ИПРА с таким номером и датой уже есть в реестре."),
            ),
            models.CheckConstraint(
                condition=~Q(superseded_by=models.F("pk")), name="ipra_not_superseded_by_itself"
            ),
        ]
        # Each index costs every imported row: these serve the registry's order, its state and
        # deadline filters (the deadline filter always names the open states), the journal's
        # period and the SNILS search; a citizen's IPRA are found by the citizen's own index.
        indexes = [
            models.Index(fields=["centre", "-issued_on", "-id"], name="ipra_registry_idx"),
            models.Index(fields=["centre", "state", "deadline"], name="ipra_state_deadline_idx"),
            models.Index(fields=["centre", "received_on"], name="ipra_received_idx"),
            models.Index(fields=["centre", "snils"], name="ipra_snils_idx"),
        ]
        permissions = [
            ("execute_ipra", _("Может отмечать исполнение мероприятий ИПРА")),
            ("import_ipra", _("Может загружать файлы ИПРА")),
            ("export_ipra", _("Может печатать и выгружать журнал, реестр и отчёты по ИПРА")),
        ]

    def __str__(self):
        return f"ИПРА № {self.number} от {self.issued_on:%d.%m.%Y}"

    def save(self, *args, **kwargs):
        self.search_text = self.folded_search_text()
        super().save(*args, **kwargs)

    def folded_search_text(self):
        return fold(f"{self.full_name} {self.snils} {self.number}")[:400]

    def get_additional_data(self):
        """Stored with each change-log entry (django-auditlog): whose record and its version."""
        return {"citizen": self.citizen_id, "ipra": self.pk, "version": self.version}

    @property
    def title(self):
        """«ИПРА № 177.37.16/2023 от 01.03.2023» — names the document, never the person."""
        return str(self)

    @property
    def is_current(self):
        return self.superseded_by_id is None

    @property
    def is_open(self):
        return self.state in IpraState.open()

    def deadline_passed(self, today=None):
        today = today or timezone.localdate()
        return self.is_open and self.deadline is not None and self.deadline < today

    # --- conditions ----------------------------------------------------------------------------
    def has_measures(self):
        return self.measures.exists()

    # --- transitions (called through cases.services.ipra only) ---------------------------------
    @ipra_transition(S.RECEIVED, S.ACQUAINTED, _("Гражданин ознакомлен"))
    def acquaint(self, on, method, by):
        self.acquainted_on, self.acquainted_method, self.acquainted_by = on, method, by

    @ipra_transition(
        S.ACQUAINTED, S.MEASURES_FORMED, _("Сформировать перечень"), conditions=[has_measures]
    )
    def form_measures(self, on, by):
        self.measures_formed_on, self.measures_formed_by = on, by

    @ipra_transition(S.MEASURES_FORMED, S.IN_EXECUTION, _("Начать исполнение мероприятий"))
    def start_execution(self):
        pass

    @ipra_transition(S.IN_EXECUTION, S.REPORT_SENT, _("Отчёт направлен в бюро МСЭ"))
    def send_report(self, report):
        self.report = report

    @ipra_transition(list(S.open()), S.DECLINED, _("Гражданин отказался"), needs_reason=True)
    def decline(self, reason):
        self.closing_reason = reason

    @ipra_transition(list(S.open()), S.UNREACHABLE, _("Гражданин не найден"), needs_reason=True)
    def mark_unreachable(self, reason):
        self.closing_reason = reason


class IpraTransitionLog(models.Model):
    """Who moved an IPRA along its route, when, from which state to which, and why."""

    ipra = models.ForeignKey(Ipra, on_delete=models.CASCADE, related_name="transitions")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    transition = models.CharField(max_length=40)
    label = models.CharField(max_length=200)
    from_state = models.CharField(max_length=20, choices=IpraState, blank=True)
    to_state = models.CharField(max_length=20, choices=IpraState)
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("запись истории ИПРА")
        verbose_name_plural = _("история ИПРА")

    def __str__(self):
        return f"{self.at:%d.%m.%Y %H:%M} {self.from_state} → {self.to_state}"
