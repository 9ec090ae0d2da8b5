"""Pounds and counts as a reader expects them: £96,590.00; 2,074; 12.5."""

from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def money(value) -> str:
    if value is None or value == "":
        return "not known"
    value = Decimal(value)
    return f"−£{-value:,.2f}" if value < 0 else f"£{value:,.2f}"


@register.filter
def amount(value) -> str:
    """An output value: whole numbers without decimals, others to two places."""
    if value is None:
        return ""
    value = Decimal(value)
    return f"{value:,.0f}" if value == value.to_integral_value() else f"{value:,.2f}"
