"""Template helpers that give Django widgets their GOV.UK classes."""

from django import forms, template
from django.forms.widgets import Input

register = template.Library()

_CLASS_BY_WIDGET = [
    (forms.CheckboxSelectMultiple, "govuk-checkboxes__input"),
    (forms.RadioSelect, "govuk-radios__input"),
    (forms.CheckboxInput, "govuk-checkboxes__input"),
    (forms.Select, "govuk-select"),
    (forms.Textarea, "govuk-textarea"),
    (forms.FileInput, "govuk-file-upload"),
    (Input, "govuk-input"),
]


def widget_kind(widget: forms.Widget) -> str:
    """Which GOV.UK component a widget becomes: checkbox, checkboxes, radios or field."""
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    return "field"


@register.filter
def govuk_kind(bound_field) -> str:
    return widget_kind(bound_field.field.widget)


@register.simple_tag
def govuk_widget(bound_field):
    """Render a bound field's widget with its GOV.UK class, error state and hint reference."""
    widget = bound_field.field.widget
    css = next(c for cls, c in _CLASS_BY_WIDGET if isinstance(widget, cls))
    if bound_field.errors and widget_kind(widget) == "field":
        css += f" {css.split()[0]}--error"
    attrs = {"class": (widget.attrs.get("class", "") + " " + css).strip()}
    described = [f"{bound_field.auto_id}-hint"] if bound_field.help_text else []
    if bound_field.errors:
        described.append(f"{bound_field.auto_id}-error")
    if described and widget_kind(widget) == "field":
        attrs["aria-describedby"] = " ".join(described)
    return bound_field.as_widget(attrs=attrs)
