from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def get_item(mapping, key):
    """`mapping|get_item:key` — a dict lookup with a variable key (None when absent)."""
    if not mapping:
        return None
    return mapping.get(key)


@register.filter
def iso_datetime(value):
    """A `<time datetime>` value the HTML standard allows: seconds, no microseconds, offset.

    Django's `date:'c'` prints six fractional digits, which the standard (at most three) and
    the Nu Html Checker refuse.
    """
    if not value:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.replace(microsecond=0).isoformat()
