from django import template

register = template.Library()


@register.simple_tag
def widget(field, **attrs):
    """Render a field's widget with aria-describedby pointing at its help text and errors."""
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}-help")
    if field.errors:
        described.append(f"{field.auto_id}-error")
        attrs["aria-invalid"] = "true"
    if described:
        attrs["aria-describedby"] = " ".join(described)
    return field.as_widget(attrs=attrs)


@register.filter
def get_item(mapping, key):
    """`mapping|get_item:key` — a dict lookup with a variable key (None when absent)."""
    if not mapping:
        return None
    return mapping.get(key)
