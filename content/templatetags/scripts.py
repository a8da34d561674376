from django import template

from content.models import OUTCOME_LABELS

register = template.Library()


@register.filter
def outcome_label(code):
    return OUTCOME_LABELS.get(code, code)
