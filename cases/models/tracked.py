"""The change log: which models of the case module django-auditlog records, field by field.

`track(Model, exclude=[...])` is the one line a new model holding personal data adds (IPRA,
referrals, employers, vacancies in later issues); tests/cases/test_change_log.py fails for a
model of the app that is neither tracked nor listed there as deliberately untracked.

An entry's `object_repr` would be `str(obj)` — a citizen's full name. It is replaced by a label
without personal data («Гражданин № 12»); the values in `changes` are personal data and are
anonymised by `cases.services.audit.scrub_citizen` when a citizen is erased.
"""

from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.db.models.signals import pre_save
from django.dispatch import receiver

# Never worth a line of history: derived, bookkeeping or the optimistic-lock counter.
ALWAYS_EXCLUDED = ["search_text", "created_at", "updated_at", "version"]

LABELS = {}


def track(model, label, exclude=(), m2m=()):
    """Record the model's changes (and of its many-to-many fields `m2m`); `label(pk)` names an
    entry without personal data."""
    auditlog.register(model, exclude_fields=[*ALWAYS_EXCLUDED, *exclude], m2m_fields=set(m2m))
    LABELS[model] = label
    return model


def entry_label(content_type, pk):
    model = content_type.model_class()
    label = LABELS.get(model)
    return label(pk) if label else f"{model._meta.verbose_name} № {pk}"


@receiver(pre_save, sender=LogEntry)
def _label_without_personal_data(sender, instance, raw=False, **kwargs):
    if not raw and instance._state.adding and instance.content_type_id:
        instance.object_repr = entry_label(instance.content_type, instance.object_pk)
