"""The change log read back for people: «who changed which field from what to what, when».

Entries are django-auditlog's; their values are stored as text («True», «None», «2026-03-01»,
a related object's pk). Here they become what the screen shows: the field's Russian
verbose_name, a choice's label, «да»/«нет», dates as ДД.ММ.ГГГГ, a related object's label —
the related objects of a whole page of entries fetched with one query per model, so the page
costs the same however long the history.
"""

import datetime
from dataclasses import dataclass, field

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext as _

from cases.models import Case, Citizen, Ipra, IpraMeasure, PlanItem, ReceptionRecord

EMPTY = "—"
ACTION_LABELS = {
    LogEntry.Action.CREATE: "создание",
    LogEntry.Action.UPDATE: "изменение",
    LogEntry.Action.DELETE: "удаление",
    LogEntry.Action.ACCESS: "просмотр",
}


@dataclass
class Change:
    label: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    entry: LogEntry
    changes: list = field(default_factory=list)

    @property
    def action_label(self):
        return ACTION_LABELS.get(self.entry.action, "")


def _label_of(obj):
    if hasattr(obj, "get_short_name"):
        return obj.get_short_name()
    return getattr(obj, "title", None) or str(obj)


def _field(model, name):
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _related_labels(entries):
    """{(related model, pk text): label} for every FK value named in these entries."""
    wanted = {}
    for entry in entries:
        model = entry.content_type.model_class()
        for name, values in (entry.changes or {}).items():
            f = _field(model, name)
            if isinstance(f, models.ForeignKey) and not isinstance(values, dict):
                wanted.setdefault(f.related_model, set()).update(
                    v for v in values if v not in (None, "None", "")
                )
    labels = {}
    for related, pks in wanted.items():
        pks = {int(p) for p in pks if str(p).isdigit()}
        for obj in related._base_manager.filter(pk__in=pks):
            labels[(related, str(obj.pk))] = _label_of(obj)
    return labels


def display_value(model_field, value, labels):
    if value in (None, "None", ""):
        return EMPTY
    if model_field is None:
        return str(value)
    if isinstance(model_field, models.BooleanField):
        return _("да") if value in (True, "True") else _("нет")
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.ForeignKey):
        return labels.get((model_field.related_model, str(value)), f"№ {value}")
    if isinstance(model_field, models.DateField) and not isinstance(
        model_field, models.DateTimeField
    ):
        try:
            return datetime.date.fromisoformat(str(value)[:10]).strftime("%d.%m.%Y")
        except ValueError:
            return str(value)
    return str(value)


M2M_OPERATIONS = {"add": _("добавлено"), "delete": _("убрано"), "clear": _("убрано всё")}


def _m2m_change(label, values):
    """django-auditlog's {"type": "m2m", "operation": "add", "objects": [...]} as a change."""
    operation = M2M_OPERATIONS.get(values.get("operation"), values.get("operation", ""))
    objects = "; ".join(str(o) for o in values.get("objects", [])) or EMPTY
    if values.get("operation") == "add":
        return Change(label, EMPTY, f"{operation}: {objects}")
    return Change(label, f"{operation}: {objects}", EMPTY)


def history(entries):
    """HistoryEntry rows of LogEntry objects (a list or an evaluated queryset)."""
    entries = list(entries)
    labels = _related_labels(entries)
    rows = []
    for entry in entries:
        model = entry.content_type.model_class()
        row = HistoryEntry(entry)
        if entry.action == LogEntry.Action.UPDATE:
            for name, values in (entry.changes or {}).items():
                f = _field(model, name)
                label = str(f.verbose_name) if f is not None else name
                if isinstance(values, dict):  # a many-to-many change (categories)
                    row.changes.append(_m2m_change(label, values))
                    continue
                old, new = values
                row.changes.append(
                    Change(label, display_value(f, old, labels), display_value(f, new, labels))
                )
        rows.append(row)
    return rows


def _entries(model, pks):
    return (
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(model), object_id__in=list(pks)
        )
        .select_related("actor", "content_type")
        .order_by("-timestamp", "-pk")
    )


def case_history(case, limit=100):
    """The change history of a case and its plan items, newest first."""
    items = _entries(PlanItem, case.plan_items.values_list("pk", flat=True))
    # The reception screen's record, when the case has one (read with the case, no query).
    reception = _entries(ReceptionRecord, [case.reception.pk] if hasattr(case, "reception") else [])
    entries = _entries(Case, [case.pk]) | items | reception
    return history(entries.order_by("-timestamp", "-pk")[:limit])


def ipra_history(ipra, limit=100):
    """The change history of an IPRA and its measures, newest first."""
    measures = _entries(IpraMeasure, ipra.measures.values_list("pk", flat=True))
    return history((_entries(Ipra, [ipra.pk]) | measures).order_by("-timestamp", "-pk")[:limit])


def object_history(obj, limit=100):
    """The change history of one record (a referral, a job referral), newest first."""
    return history(_entries(type(obj), [obj.pk]).order_by("-timestamp", "-pk")[:limit])


def citizen_history(citizen, limit=100):
    return history(_entries(Citizen, [citizen.pk])[:limit])


def changes_since(obj, version):
    """Entries of other saves of `obj` after the version an edit was opened with, oldest first."""
    entries = _entries(type(obj), [obj.pk]).filter(action=LogEntry.Action.UPDATE)
    newer = [e for e in entries if (e.additional_data or {}).get("version", 0) > version]
    return history(reversed(newer))


def record_history(citizen, limit=200):
    """Every change of one citizen's records — card, cases, plan items, appointments."""
    entries = LogEntry.objects.filter(
        Q(additional_data__citizen=citizen.pk)
        | Q(content_type=ContentType.objects.get_for_model(Citizen), object_id=citizen.pk)
    )
    return history(
        entries.select_related("actor", "content_type").order_by("-timestamp", "-pk")[:limit]
    )
