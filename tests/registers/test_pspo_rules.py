"""PSPO rules: durations, extensions, consultation and publication, with the refusal messages users see."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from saferplace.partnership.models import Partnership
from saferplace.registers.models import Consultation, Consultee, EnforcementMonth, Order, OrderChange
from saferplace.registers.rules.pspo import challenge_window_closes, expiry_alert_date, last_day_of_term

D = date
JAN_4, FEB_14, MAR_29, MAR_28_2024 = D(2021, 1, 4), D(2021, 2, 14), D(2021, 3, 29), D(2024, 3, 28)
ALL = ("police", "pcc", "community", "owner_occupier", "parish", "county")


@pytest.fixture
def partnership(db):
    return Partnership.objects.create(name="Test Partnership", slug="test")


@pytest.fixture
def proposed(partnership, organisation):
    order = Order(partnership=partnership, council=organisation, slug="gulls", title="Gulls",
                  area_description="The town centre", prohibitions="Feeding gulls")
    order.full_clean()
    order.save()
    return order


def consult(order, purpose="making", opens=JAN_4, closes=FEB_14, skip=(), **consultee):
    c = Consultation.objects.create(order=order, purpose=purpose, opens=opens, closes=closes)
    for category in ALL:
        if category not in skip:
            record = Consultee(consultation=c, category=category, contacted=opens, **consultee)
            record.full_clean()
            record.save()
    return c


def make(order, made=MAR_29, starts=MAR_29, ends=MAR_28_2024):
    order.made, order.starts, order.ends = made, starts, ends
    order.full_clean()
    order.save()
    return order


def refused(call, *fragments):
    with pytest.raises(ValidationError) as error:
        call()
    text = " ".join(error.value.messages)
    for fragment in fragments:
        assert fragment in text, text
    return text


def test_term_arithmetic():
    assert last_day_of_term(D(2018, 7, 6), 36) == D(2021, 7, 5)
    assert last_day_of_term(D(2020, 2, 29), 36) == D(2023, 2, 27)  # 29 Feb + 3 years clips to 28 Feb; day before
    assert challenge_window_closes(D(2021, 3, 29)) == D(2021, 5, 9)  # 6 weeks beginning with 29 March
    assert expiry_alert_date(D(2024, 7, 5), 6) == D(2024, 1, 5)


def test_an_order_of_three_years_is_accepted_and_one_day_more_refused(proposed):
    consult(proposed)
    make(proposed, ends=D(2024, 3, 28))
    refused(lambda: make(proposed, ends=D(2024, 3, 29)),
            "A PSPO may last at most 3 years (2014 Act s.60)", "must end by 28 March 2024, not 29 March 2024")


def test_an_expedited_order_may_last_six_months(proposed):
    proposed.expedited = True
    proposed.starts, proposed.ends = D(2023, 1, 10), D(2023, 7, 9)
    proposed.full_clean()
    proposed.ends = D(2023, 7, 10)
    refused(proposed.full_clean, "An expedited order may last at most 6 months", "must end by 9 July 2023")


def test_making_an_order_without_its_consultation_is_refused(proposed):
    refused(lambda: make(proposed), "Making the order needs the statutory consultation first (2014 Act s.72)",
            "there is no consultation record")


def test_making_an_order_with_a_consultee_missing_is_refused_naming_it(proposed):
    consult(proposed, skip=("pcc", "county"))
    refused(lambda: make(proposed), "no record of consulting the police and crime commissioner",
            "no record of notifying the county council")


def test_consultation_must_close_before_the_decision(proposed):
    consult(proposed, closes=D(2021, 4, 1))
    refused(lambda: make(proposed), "the consultation closes on 1 April 2021, after the decision on 29 March 2021")


def test_owner_occupier_and_parish_may_be_not_applicable_with_a_reason(proposed):
    c = consult(proposed, skip=("owner_occupier", "parish"))
    for category in ("owner_occupier", "parish"):
        Consultee.objects.create(consultation=c, category=category, not_applicable_reason="None: council land")
    make(proposed)
    police = Consultee(consultation=c, category="police", not_applicable_reason="Not asked")
    refused(police.full_clean, "Only the owner or occupier, parish council and county council may be recorded")


def test_an_order_must_not_start_before_it_is_made(proposed):
    consult(proposed)
    refused(lambda: make(proposed, made=D(2021, 3, 29), starts=D(2021, 3, 28), ends=D(2024, 3, 27)),
            "cannot come into force (28 March 2021) before it is made (29 March 2021)")


def _made_dog_order(proposed):
    consult(proposed, opens=D(2018, 3, 1), closes=D(2018, 4, 1))
    return make(proposed, made=D(2018, 7, 6), starts=D(2018, 7, 6), ends=D(2021, 7, 5))


def extend(order, decided, effective, new_end, consultation):
    change = OrderChange(order=order, kind="extension", decided=decided, effective=effective, new_end=new_end,
                         consultation=consultation)
    change.full_clean()
    change.save()
    return change


def test_an_extension_before_expiry_of_up_to_three_years_is_accepted(proposed):
    order = _made_dog_order(proposed)
    c = consult(order, "extension", D(2020, 12, 18), D(2021, 1, 24))
    extend(order, D(2021, 3, 17), D(2021, 7, 6), D(2024, 7, 5), c)
    assert order.expiry() == D(2024, 7, 5)
    # A second extension, decided on the last day in force, for another three years.
    c2 = consult(order, "extension", D(2024, 3, 1), D(2024, 4, 1))
    extend(order, D(2024, 7, 5), D(2024, 7, 6), D(2027, 7, 5), c2)
    assert order.expiry() == D(2027, 7, 5)


def test_an_extension_after_expiry_is_refused(proposed):
    order = _made_dog_order(proposed)
    c = consult(order, "extension", D(2021, 5, 1), D(2021, 6, 1))
    refused(lambda: extend(order, D(2021, 7, 6), D(2021, 7, 6), D(2024, 7, 5), c),
            "An order can only be extended before it expires (2014 Act s.60(2))",
            "it expired at the end of 5 July 2021", "Make a new order instead")


def test_an_extension_longer_than_three_years_is_refused(proposed):
    order = _made_dog_order(proposed)
    c = consult(order, "extension", D(2020, 12, 18), D(2021, 1, 24))
    refused(lambda: extend(order, D(2021, 3, 17), D(2021, 7, 6), D(2024, 7, 6), c),
            "each extension may be for at most 3 years", "run to 5 July 2024 at most")


def test_an_extension_without_a_complete_consultation_is_refused(proposed):
    order = _made_dog_order(proposed)
    refused(lambda: extend(order, D(2021, 3, 17), D(2021, 7, 6), D(2024, 7, 5), None),
            "The extension needs the statutory consultation first", "there is no consultation record")
    c = consult(order, "extension", D(2020, 12, 18), D(2021, 1, 24), skip=("police",))
    refused(lambda: extend(order, D(2021, 3, 17), D(2021, 7, 6), D(2024, 7, 5), c),
            "no record of consulting the chief officer of police")
    making = order.consultations.get(purpose="making")
    refused(lambda: extend(order, D(2021, 3, 17), D(2021, 7, 6), D(2024, 7, 5), making),
            "Choose a consultation on the extension")


def test_an_extension_starts_the_day_after_expiry(proposed):
    order = _made_dog_order(proposed)
    c = consult(order, "extension", D(2020, 12, 18), D(2021, 1, 24))
    refused(lambda: extend(order, D(2021, 3, 17), D(2021, 4, 1), D(2024, 3, 31), c),
            "takes effect the day after the current expiry, 6 July 2021")


def test_expedited_extension_is_capped_at_six_months_in_all(proposed):
    proposed.expedited = True
    proposed.save()
    c = Consultation.objects.create(order=proposed, purpose="making", opens=D(2023, 1, 2), closes=D(2023, 1, 2))
    for category in ("police", "site_authority"):
        Consultee.objects.create(consultation=c, category=category, contacted=D(2023, 1, 2), consent_given=True)
    make(proposed, made=D(2023, 1, 3), starts=D(2023, 1, 3), ends=D(2023, 4, 2))
    ext = Consultation.objects.create(order=proposed, purpose="extension", opens=D(2023, 3, 1), closes=D(2023, 3, 1))
    for category in ("police", "site_authority"):
        Consultee.objects.create(consultation=ext, category=category, contacted=D(2023, 3, 1), consent_given=True)
    extend(proposed, D(2023, 3, 20), D(2023, 4, 3), D(2023, 7, 2), ext)
    refused(lambda: extend(proposed, D(2023, 3, 21), D(2023, 7, 3), D(2023, 7, 3), ext),
            "an expedited order may have effect for at most 6 months in all")


def test_expedited_order_needs_consents_not_prior_consultation(proposed):
    proposed.expedited = True
    proposed.save()
    refused(lambda: make(proposed, made=D(2023, 1, 3), starts=D(2023, 1, 3), ends=D(2023, 4, 2)),
            "2014 Act s.72A", "there is no consultation record")
    c = Consultation.objects.create(order=proposed, purpose="making", opens=D(2023, 1, 2), closes=D(2023, 1, 2))
    Consultee.objects.create(consultation=c, category="police", contacted=D(2023, 1, 2), consent_given=True)
    refused(lambda: make(proposed, made=D(2023, 1, 3), starts=D(2023, 1, 3), ends=D(2023, 4, 2)),
            "no consent from the school or NHS body")


def test_variation_and_discharge(proposed):
    order = _made_dog_order(proposed)
    var = consult(order, "variation", D(2019, 1, 7), D(2019, 2, 17))
    change = OrderChange(order=order, kind="variation", decided=D(2019, 3, 1), effective=D(2019, 4, 1),
                         description="Adds the riverside to the exclusion areas", consultation=var)
    change.full_clean()
    change.save()
    late = OrderChange(order=order, kind="variation", decided=D(2021, 7, 6), effective=D(2021, 7, 6),
                       consultation=var)
    refused(late.full_clean, "The order expired at the end of 5 July 2021: it can no longer be varied")
    dis = consult(order, "discharge", D(2020, 1, 6), D(2020, 2, 16))
    discharge = OrderChange(order=order, kind="discharge", decided=D(2020, 3, 1), effective=D(2020, 3, 2),
                            consultation=dis)
    discharge.full_clean()
    discharge.save()
    assert order.status_on(D(2020, 3, 1)) == "In force" and order.status_on(D(2020, 3, 2)) == "Discharged"
    after = OrderChange(order=order, kind="variation", decided=D(2020, 4, 1), effective=D(2020, 4, 1),
                        consultation=var)
    refused(after.full_clean, "The order was discharged from 2 March 2020")


def test_enforcement_is_recorded_only_while_in_force(proposed):
    order = _made_dog_order(proposed)
    ok = EnforcementMonth(order=order, month=D(2018, 7, 20), fixed_penalty_notices=3, warnings=10)
    ok.full_clean()
    assert ok.month == D(2018, 7, 1)
    early = EnforcementMonth(order=order, month=D(2018, 6, 1))
    refused(early.full_clean, "Enforcement for June 2018 cannot be recorded",
            "in force 6 July 2018 to 5 July 2021")


def test_geometry_must_be_geojson_polygon(proposed):
    proposed.geometry = '{"type": "Point", "coordinates": [0, 51]}'
    refused(proposed.full_clean, "GeoJSON Polygon or MultiPolygon")
    proposed.geometry = "{not json"
    refused(proposed.full_clean, "not valid JSON")
    proposed.geometry = '{"type": "Polygon", "coordinates": [[[-2.22, 52.19], [-2.21, 52.19], [-2.21, 52.2], ' \
                        '[-2.22, 52.19]]]}'
    proposed.full_clean()
