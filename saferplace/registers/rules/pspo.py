"""PSPO rules: 2014 Act ss.59-61, 66, 72 (as amended for expedited orders by the PCSC Act 2022 Sch 7).

Periods count in calendar months to the day (ADR 0602): an order in force from 6 July 2018 for 3 years has its
last day on 5 July 2021. These are statutory maxima, so they are constants here rather than local procedure.
"""

import json
from datetime import date, timedelta

from django.core.exceptions import ValidationError

from saferplace.core.dates import add_months

MAX_ORDER_MONTHS = 36  # s.60(1): at most 3 years
MAX_EXPEDITED_MONTHS = 6  # s.59A / s.60A: an expedited order has effect for at most 6 months in total
MAX_EXTENSION_MONTHS = 36  # s.60(2): each extension at most 3 years, any number of times
CHALLENGE_WEEKS = 6  # s.66(3): within 6 weeks beginning with the day the order or variation is made

REQUIRED_CONSULTEES = ("police", "pcc", "community", "owner_occupier")  # s.72(4)
REQUIRED_NOTIFICATIONS = ("parish", "county")  # s.72(5): "if any"
MAY_BE_NOT_APPLICABLE = ("owner_occupier", "parish", "county")
EXPEDITED_CONSENTS = ("police", "site_authority")  # s.72A(3)-(5)
CONSENT_NAMES = {"police": "chief officer of police", "site_authority": "school or NHS body"}


def _d(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def last_day_of_term(first_day: date, months: int) -> date:
    """The last day in force of a term of `months` starting on `first_day` (3 years from 6 July 2018: 5 July 2021)."""
    return add_months(first_day, months) - timedelta(days=1)


def challenge_window_closes(made: date) -> date:
    """Last day for a High Court challenge: 6 weeks beginning with the day the order or variation was made."""
    return made + timedelta(weeks=CHALLENGE_WEEKS) - timedelta(days=1)


def expiry_alert_date(expiry: date, months: int) -> date:
    """When to start work on an extension, so that a consultation fits before the order expires."""
    return add_months(expiry, -months)


def check_order_duration(starts: date, ends: date, expedited: bool) -> None:
    """Refuse an order longer than the law allows (3 years; expedited orders 6 months)."""
    if ends < starts:
        raise ValidationError({"ends": f"The order cannot end ({_d(ends)}) before it starts ({_d(starts)})."})
    months = MAX_EXPEDITED_MONTHS if expedited else MAX_ORDER_MONTHS
    latest = last_day_of_term(starts, months)
    if ends > latest:
        kind, limit, section = (("An expedited order", "6 months", "s.59A") if expedited
                                else ("A PSPO", "3 years", "s.60"))
        raise ValidationError({"ends": f"{kind} may last at most {limit} (2014 Act {section}): starting on "
                                       f"{_d(starts)} it must end by {_d(latest)}, not {_d(ends)}."})


def consultation_problems(consultation, decided: date, expedited: bool) -> list[str]:
    """What a consultation lacks to back a decision on `decided` (empty when it is complete)."""
    if consultation is None:
        return ["there is no consultation record"]
    problems = []
    records = list(consultation.consultees.all()) if consultation.pk else []
    labels = dict(consultation.consultees.model.Category.choices)

    def done(category: str) -> bool:
        return any(r.category == category and ((r.contacted and r.contacted <= decided) or
                                               (category in MAY_BE_NOT_APPLICABLE and r.not_applicable_reason))
                   for r in records)

    if expedited:
        for category in EXPEDITED_CONSENTS:
            if not any(r.category == category and r.consent_given and r.contacted and r.contacted <= decided
                       for r in records):
                problems.append(f"no consent from the {CONSENT_NAMES[category]} dated on or before {_d(decided)}")
        return problems
    if consultation.closes and consultation.closes > decided:
        problems.append(f"the consultation closes on {_d(consultation.closes)}, after the decision on {_d(decided)}")
    for category in REQUIRED_CONSULTEES:
        if not done(category):
            problems.append(f"no record of consulting the {labels[category].lower()} on or before {_d(decided)}")
    for category in REQUIRED_NOTIFICATIONS:
        if not done(category):
            problems.append(f"no record of notifying the {labels[category].split(' (')[0].lower()} on or before "
                            f"{_d(decided)}, nor a reason why there is none")
    return problems


def _refuse_without_consultation(consultation, decided: date, expedited: bool, what: str, field: str) -> None:
    problems = consultation_problems(consultation, decided, expedited)
    if problems:
        section = "s.72A" if expedited else "s.72"
        raise ValidationError({field: f"{what} needs the statutory consultation first (2014 Act {section}): "
                                      + "; ".join(problems) + "."})


def check_geometry(text: str) -> None:
    if not text.strip():
        return
    try:
        shape = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValidationError({"geometry": f"The geometry is not valid JSON ({error.msg}, line {error.lineno})."}) \
            from error
    if not isinstance(shape, dict) or shape.get("type") not in {"Polygon", "MultiPolygon"} or not shape.get(
            "coordinates"):
        raise ValidationError({"geometry": "The geometry must be a GeoJSON Polygon or MultiPolygon with coordinates."})


def check_order(order) -> None:
    """Refuse an order that is too long, starts before it is made, or is made without its consultation."""
    check_geometry(order.geometry)
    if order.starts and order.ends:
        check_order_duration(order.starts, order.ends, order.expedited)
    if not order.made:
        return
    missing = [name for name in ("starts", "ends") if not getattr(order, name)]
    if missing:
        raise ValidationError({name: "Give this date for an order that has been made." for name in missing})
    if order.starts < order.made:
        raise ValidationError({"starts": f"The order cannot come into force ({_d(order.starts)}) before it is made "
                                         f"({_d(order.made)})."})
    if not (order.prohibitions.strip() or order.requirements.strip()):
        raise ValidationError({"prohibitions": "An order must prohibit or require something (2014 Act s.59(4))."})
    if order.pk is None:
        raise ValidationError({"made": "Save the order as proposed (without the date made), record its "
                                       "consultation, then record the date it was made (2014 Act s.72)."})
    consultations = [c for c in order.consultations.filter(purpose="making")]
    best = min(consultations, key=lambda c: len(consultation_problems(c, order.made, order.expedited)),
               default=None)
    _refuse_without_consultation(best, order.made, order.expedited, "Making the order", "made")


def check_consultee(record) -> None:
    if record.not_applicable_reason and record.category not in MAY_BE_NOT_APPLICABLE:
        raise ValidationError({"not_applicable_reason": "Only the owner or occupier, parish council and county "
                                                        "council may be recorded as not applicable."})
    if not record.contacted and not record.not_applicable_reason:
        raise ValidationError({"contacted": "Give the date consulted or notified (or, where allowed, why none was)."})
    if record.responded and record.contacted and record.responded < record.contacted:
        raise ValidationError({"responded": "The response cannot come before the consultee was contacted."})


def expiry_before(order, change) -> date | None:
    """The order's last day in force before `change`, counting the extensions decided before it."""
    ends = [order.ends] if order.ends else []
    for other in order.changes.filter(kind="extension").exclude(pk=change.pk):
        if other.new_end and (other.decided, other.pk or 0) < (change.decided, change.pk or 10**18):
            ends.append(other.new_end)
    return max(ends) if ends else None


def check_change(change) -> None:
    """Refuse an extension after expiry or longer than 3 years, and any change without its consultation."""
    order = change.order
    kind = change.get_kind_display().lower()
    if not order.made:
        raise ValidationError(f"The order must be made before its {kind} can be recorded.")
    if change.decided < order.made:
        raise ValidationError({"decided": f"The {kind} cannot be decided before the order was made "
                                          f"({_d(order.made)})."})
    if change.effective and change.effective < change.decided:
        raise ValidationError({"effective": f"The {kind} cannot take effect before it was decided."})
    discharge = order.changes.filter(kind="discharge").exclude(pk=change.pk).first()
    if discharge and change.decided >= discharge.effective:
        raise ValidationError({"decided": f"The order was discharged from {_d(discharge.effective)}."})
    expiry = expiry_before(order, change)
    if change.kind == "extension":
        if not change.new_end:
            raise ValidationError({"new_end": "Give the new last day in force."})
        if change.decided > expiry:
            raise ValidationError({"decided": f"An order can only be extended before it expires (2014 Act s.60(2)): "
                                              f"it expired at the end of {_d(expiry)}, and the extension was decided "
                                              f"on {_d(change.decided)}. Make a new order instead."})
        first = expiry + timedelta(days=1)
        if change.effective != first:
            raise ValidationError({"effective": f"An extension takes effect the day after the current expiry, "
                                                f"{_d(first)}."})
        if order.expedited:
            latest = last_day_of_term(order.starts, MAX_EXPEDITED_MONTHS)
            limit = "an expedited order may have effect for at most 6 months in all (2014 Act s.60A)"
        else:
            latest = last_day_of_term(first, MAX_EXTENSION_MONTHS)
            limit = "each extension may be for at most 3 years (2014 Act s.60(2))"
        if change.new_end > latest:
            raise ValidationError({"new_end": f"The new end {_d(change.new_end)} is too late: {limit}, so the "
                                              f"order can run to {_d(latest)} at most."})
        if change.new_end <= expiry:
            raise ValidationError({"new_end": f"The new end must be after the current expiry ({_d(expiry)})."})
    elif change.effective and expiry and change.effective > expiry:
        raise ValidationError({"effective": f"The order expired at the end of {_d(expiry)}: it can no longer be "
                                            f"{'varied' if change.kind == 'variation' else 'discharged'}."})
    if change.consultation is not None and change.consultation.order_id != order.pk:
        raise ValidationError({"consultation": "The consultation belongs to another order."})
    if change.consultation is not None and change.consultation.purpose != change.kind:
        raise ValidationError({"consultation": f"Choose a consultation on the {kind}, not on "
                                               f"{change.consultation.get_purpose_display().lower()}."})
    _refuse_without_consultation(change.consultation, change.decided, order.expedited,
                                 f"The {kind}", "consultation")


def in_force_period(order) -> tuple[date, date] | None:
    if not (order.made and order.starts):
        return None
    last = order.expiry()
    discharge = order.discharge()
    if discharge and discharge.effective:
        last = min(last, discharge.effective - timedelta(days=1))
    return order.starts, last


def check_enforcement_month(record) -> None:
    period = in_force_period(record.order)
    if record.month is None:
        return
    month_end = add_months(record.month, 1) - timedelta(days=1)
    if period is None or month_end < period[0] or record.month > period[1]:
        when = f"in force {_d(period[0])} to {_d(period[1])}" if period else "not yet made"
        raise ValidationError({"month": f"Enforcement for {record.month:%B %Y} cannot be recorded: the order was "
                                        f"not in force that month ({when})."})
