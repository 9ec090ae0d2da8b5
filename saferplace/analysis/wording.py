"""Plain-English sentences for results, chosen by the result itself.

Rules (docs/methods.md §8): say "fell"/"rose" only when the tests say the change is more than chance,
otherwise "no clear change"; use "statistically significant" only for a result that passed its test;
never present a police.uk location as an exact place ("on or near"); British English.
"""

from __future__ import annotations

import math

from saferplace.analysis.change import FELL, ROSE, Change


def number(value: float) -> str:
    """'9,573'; one decimal place for a non-whole number under 100 ('4.5')."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "not available"
    if float(value).is_integer() or abs(value) >= 100:
        return f"{round(value):,}"
    return f"{value:,.1f}"


def percent(value: float | None) -> str:
    if value is None:
        return "not defined (none before)"
    return f"{abs(value):.1f}%"


def p_text(p: float) -> str:
    if p < 0.001:
        return "p < 0.001"
    return f"p = {p:.3f}" if p < 0.01 else f"p = {p:.2f}"


def ratio_interval(ci: tuple[float, float]) -> str:
    low, high = ci
    high_text = "infinity" if math.isinf(high) else f"{high:.2f}"
    return f"{low:.2f} to {high_text}"


def change_sentence(subject: str, change: Change) -> str:
    """E.g. 'Recorded crime fell from 9,573 in 2019-20 to 8,023 in 2020-21 (down 1,550, 16.2%). …'"""
    frame = f"from {number(change.before)} in {change.before_label} to {number(change.after)} in {change.after_label}"
    if change.absolute == 0:
        movement = "no difference"
    else:
        way = "up" if change.absolute > 0 else "down"
        movement = f"{way} {number(abs(change.absolute))}, {percent(change.percent)}"
    rates = ""
    if change.rate_before is not None and change.rate_after is not None:
        rates = (f" That is {change.rate_before:.1f} and {change.rate_after:.1f} per 1,000 residents.")
    gaps = ""
    if change.excluded_months:
        gaps = (" Months with a police.uk publication gap, and the same months in the other period, are left out: "
                + ", ".join(change.excluded_months) + ".")
    if change.direction in (FELL, ROSE):
        ci = change.adjusted_ci if change.dispersion > 1 else change.exact_ci
        p_value = p_text(max(change.exact_p, change.adjusted_p))
        verdict = (f" The {'fall' if change.direction == FELL else 'rise'} is statistically significant at the 5% "
                   f"level: a change this large is unlikely to be chance ({p_value}; "
                   f"rate ratio {change.rate_ratio:.2f}, 95% interval {ratio_interval(ci)}).")
        return f"{subject} {change.direction} {frame} ({movement}).{verdict}{rates}{gaps}"
    if change.before + change.after == 0:
        return f"{subject}: none recorded in {change.before_label} or {change.after_label}.{gaps}"
    verdict = (f" This is no clear change: a difference of this size is within what chance variation produces "
               f"({p_text(max(change.exact_p, change.adjusted_p))}).")
    return f"{subject} went {frame} ({movement}).{verdict}{rates}{gaps}"


def exceedance_sentence(category: str, area: str, month_text: str, kind: str, observed: float, expected: float,
                        threshold: float) -> str:
    """Sentence for an emerging-issue flag; `kind` is 'single month' or 'sustained'."""
    what = category if category.lower() != "all crime" else "recorded crime"
    if kind == "sustained":
        return (f"{what} in {area} has been higher than expected for three months: {number(observed)} in the "
                f"three months to {month_text} against about {number(expected)} expected from previous years "
                f"(flagged above {number(threshold)}).")
    return (f"{what} in {area} was higher than expected in {month_text}: {number(observed)} recorded against about "
            f"{number(expected)} expected from the same time in previous years (flagged above {number(threshold)}).")
