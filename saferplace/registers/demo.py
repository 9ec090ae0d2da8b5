"""Demo registers for Safer Worcester, consistent with the seed report (paragraphs 6.13-6.16, 6.46-6.54).

The seed gives the three PSPOs' prohibitions and a few dates, says that three community triggers were received
and answered in 2020-21, and that two DHRs began in 2020. Everything else here (other dates, complaints,
consultees, enforcement figures) is illustrative, and each record says which of its details are (ADR 0605).
No record holds a real person's details. Every record passes the same validation as the web forms; running the
loader twice changes nothing.
"""

from datetime import date

from django.db import transaction

from saferplace.partnership.models import Organisation, Partnership

from .models import (
    CaseReview,
    CaseReviewRecommendation,
    Complaint,
    Consultation,
    Consultee,
    DHRActionItem,
    DHRRecommendation,
    DomesticHomicideReview,
    EnforcementMonth,
    LocalProcedure,
    Order,
    OrderChange,
)
from .rules.working_days import add_working_days

D = date
CITY = "Worcester City Council"
POLICE = "West Mercia Police"
PCC = "West Mercia Police and Crime Commissioner"
COUNTY = "Worcestershire County Council"
NHS = "Worcestershire National Health Service"
WOMENS_AID = "West Mercia Women’s Aid"
SOUTH_COUNCILS = [CITY, "Wychavon District Council", "Malvern Hills District Council"]


def _put(model, keys: dict, values: dict):
    """update_or_create through full_clean(), so the demo obeys the rules the forms enforce."""
    obj = model.objects.filter(**keys).first() or model(**keys)
    for name, value in values.items():
        setattr(obj, name, value)
    obj.full_clean()
    obj.save()
    return obj


def _org(name: str) -> Organisation:
    return Organisation.objects.get_or_create(name=name)[0]


def _partnership(slug: str) -> Partnership:
    try:
        return Partnership.objects.get(slug=slug)
    except Partnership.DoesNotExist:
        raise RuntimeError(f"Partnership {slug!r} is missing: load the partnership demo first.") from None


# --- PSPOs (seed 6.47-6.54) -------------------------------------------------------------------------------

ORDERS = [
    {
        "slug": "dog-control", "title": "Dog control",
        "area_description": "Worcester City Council's area, with the dog exclusion areas the order lists.",
        "requirements": "The disposal of dog faeces by a person in charge of a dog",
        "prohibitions": "A dog must not be taken into or kept in a “dog exclusion area” by a person in charge of "
                        "a dog\nThe maximum number of dogs to be under a single person’s supervision is four",
        "made": D(2018, 7, 6), "starts": D(2018, 7, 6), "ends": D(2021, 7, 5),
        "note": "The seed gives the order's terms and its extension without change from 6 July 2021 after the "
                "consultation of 18 December 2020 to 24 January 2021, reported to Communities Committee on "
                "17 March 2021. The area wording, the first term (6 July 2018 to 5 July 2021, implied by the "
                "extension date), the making consultation, consultees, the extension's length (the 3-year maximum) "
                "and publication dates are illustrative.",
        "source": "Seed paragraphs 6.47-6.49",
    },
    {
        "slug": "alcohol", "title": "Alcohol",
        "area_description": "Worcester city, including the area around the Fownes Hotel and Tannery Mews where "
                            "officers raised awareness of the order.",
        "prohibitions": "The Activity: consuming alcohol or having an alcohol container, when asked to stop",
        "requirements": "Desist from the Activity (or any action reasonably believed to be the Activity) when an "
                        "authorised officer requests it\nSurrender any alcohol (or any item reasonably believed to "
                        "be alcohol, including a container for alcohol) when an authorised officer requests it\n"
                        "An authorised officer may dispose of anything surrendered under the order",
        "made": D(2018, 8, 1), "starts": D(2018, 8, 1), "ends": D(2021, 7, 31),
        "note": "The seed gives the order's terms and the online survey of 4 March to 4 April 2021, whose results "
                "were to go to Communities Committee on 27 May 2021. The order's dates, consultees, and an "
                "extension decided at that committee are illustrative: the seed does not give the outcome.",
        "source": "Seed paragraphs 6.50-6.52",
    },
    {
        "slug": "city-centre", "title": "City centre",
        "area_description": "Worcester city centre.",
        "prohibitions": "Intentional feeding of gulls\nAggressive begging\nDangerous cycling and skateboarding",
        "requirements": "",
        "made": D(2021, 3, 29), "starts": D(2021, 3, 29), "ends": D(2024, 3, 28),
        "note": "The seed gives the prohibitions, the date the order was made (29 March 2021) and that signs and "
                "public notices went up in March 2021. The start and end (the 3-year maximum), the consultation, "
                "the publication days and the enforcement figures are illustrative.",
        "source": "Seed paragraphs 6.53-6.54",
    },
]

ALL_ILLUSTRATIVE = "all of this consultation is illustrative."
FIRST_MADE = "The seed does not describe how the order was first made: " + ALL_ILLUSTRATIVE

# (slug, purpose, opens, closes, method, reported to, reported on, note, consultee date)
CONSULTATIONS = [
    ("dog-control", "making", D(2018, 3, 1), D(2018, 4, 12), "Public survey and letters to consultees", "", None,
     FIRST_MADE, D(2018, 3, 1)),
    ("dog-control", "extension", D(2020, 12, 18), D(2021, 1, 24), "Public survey", "Communities Committee",
     D(2021, 3, 17), "Dates and committee from the seed (6.48); consultee records illustrative.", D(2020, 12, 18)),
    ("alcohol", "making", D(2018, 4, 3), D(2018, 5, 15), "Public survey and letters to consultees", "", None,
     FIRST_MADE, D(2018, 4, 3)),
    ("alcohol", "extension", D(2021, 3, 4), D(2021, 4, 4), "Online survey", "Communities Committee",
     D(2021, 5, 27), "Dates and committee from the seed (6.51); consultee records illustrative.", D(2021, 3, 4)),
    ("city-centre", "making", D(2020, 11, 2), D(2020, 12, 14), "Public survey and meetings with stakeholders", "",
     None, "The seed says only that the order was created with stakeholders and partners: " + ALL_ILLUSTRATIVE,
     D(2020, 11, 2)),
]

# (slug, decided, decided by, effective, new end, description, website and notices date)
EXTENSIONS = [
    ("dog-control", D(2021, 3, 17), "Communities Committee", D(2021, 7, 6), D(2024, 7, 5),
     "Extended with no change (seed 6.48)", D(2021, 7, 1),
     "Decision and start from the seed; the new end (3-year maximum) and publication date are illustrative."),
    ("alcohol", D(2021, 5, 27), "Communities Committee", D(2021, 8, 1), D(2024, 7, 31),
     "Illustrative: extension without change assumed at the committee of 27 May 2021", D(2021, 7, 26),
     "The whole extension is illustrative: the seed does not give the committee's decision."),
]

ENFORCEMENT = [  # illustrative figures for the city centre order's first months
    ("city-centre", D(2021, 4, 1), 0, 14), ("city-centre", D(2021, 5, 1), 2, 21), ("city-centre", D(2021, 6, 1), 3, 17),
]


def _consultees(consultation: Consultation, day: date) -> None:
    rows = [
        ("police", _org(POLICE), "", ""),
        ("pcc", _org(PCC), "", ""),
        ("community", None, "Residents, businesses and visitors through the public survey", ""),
        ("owner_occupier", None, "", "Illustrative: the restricted land is owned or occupied by the council"),
        ("parish", None, "", "Illustrative: no parish council covers the restricted area"),
        ("county", _org(COUNTY), "", ""),
    ]
    for category, org, description, reason in rows:
        _put(Consultee, {"consultation": consultation, "category": category},
             {"organisation": org, "description": description, "contacted": None if reason else day,
              "not_applicable_reason": reason})


def load_orders(partnership: Partnership, council: Organisation) -> list[Order]:
    orders = []
    for spec in ORDERS:
        order = _put(Order, {"slug": spec["slug"]}, {
            "partnership": partnership, "council": council, "title": spec["title"],
            "area_description": spec["area_description"], "prohibitions": spec["prohibitions"],
            "requirements": spec["requirements"], "illustrative_note": spec["note"], "source": spec["source"]})
        for slug, purpose, opens, closes, method, to, on, note, day in CONSULTATIONS:
            if slug == order.slug:
                consultation = _put(Consultation, {"order": order, "purpose": purpose, "opens": opens}, {
                    "closes": closes, "method": method, "reported_to": to, "reported_on": on,
                    "illustrative_note": note, "source": spec["source"]})
                _consultees(consultation, day)
        # Made only once its consultation is on record, as the rules require.
        published = spec["made"] if order.slug == "city-centre" else spec["starts"]
        _put(Order, {"slug": spec["slug"]}, {"made": spec["made"], "starts": spec["starts"], "ends": spec["ends"],
                                              "published_on_website": published, "notices_on_site": published})
        orders.append(order)
    for slug, decided, by, effective, new_end, description, published, note in EXTENSIONS:
        order = Order.objects.get(slug=slug)
        _put(OrderChange, {"order": order, "kind": "extension", "decided": decided}, {
            "decided_by": by, "effective": effective, "new_end": new_end, "description": description,
            "consultation": order.consultations.get(purpose="extension"), "published_on_website": published,
            "notices_on_site": published, "illustrative_note": note, "source": order.source})
    for slug, month, fpns, warnings in ENFORCEMENT:
        _put(EnforcementMonth, {"order": Order.objects.get(slug=slug), "month": month},
             {"fixed_penalty_notices": fpns, "warnings": warnings,
              "notes": "Illustrative figures: the seed gives none."})
    return orders


# --- Community triggers (seed 6.46) -----------------------------------------------------------------------

# (reference, received, route, complaints as (behaviour, reported, agency, incident reference), recommendation,
#  owner of the recommendation)
TRIGGERS = [
    ("CT-2020-21-01", D(2020, 6, 15), "online",
     [(D(2020, 3, 2), D(2020, 3, 3), POLICE, ""), (D(2020, 4, 20), D(2020, 4, 21), CITY, ""),
      (D(2020, 5, 26), D(2020, 5, 27), POLICE, "")],
     "Offer a home visit and support to the applicant", CITY),
    ("CT-2020-21-02", D(2020, 10, 5), "phone",
     [(D(2020, 7, 10), D(2020, 7, 10), POLICE, "INC-A"), (D(2020, 7, 10), D(2020, 7, 13), CITY, "INC-A"),
      (D(2020, 8, 14), D(2020, 8, 15), CITY, ""), (D(2020, 9, 18), D(2020, 9, 19), POLICE, "")],
     "Offer mediation to resolve the neighbour dispute", CITY),
    ("CT-2020-21-03", D(2021, 1, 18), "email",
     [(D(2020, 10, 30), D(2020, 11, 2), POLICE, ""), (D(2020, 12, 4), D(2020, 12, 4), CITY, ""),
      (D(2021, 1, 5), D(2021, 1, 6), "Citizen Housing", "")],
     "Offer a joint home visit by the council and the police, with support", POLICE),
]

TRIGGER_NOTE = ("The seed says only that Worcester City Council received and responded to three community triggers "
                "in 2020-21, with home visits, support and mediation offered. The applicant is anonymised; every "
                "date, complaint, decision and recommendation here is illustrative.")


def load_triggers(partnership: Partnership, council: Organisation) -> list[CaseReview]:
    cases = []
    for n, (reference, received, route, complaints, recommendation, owner) in enumerate(TRIGGERS, start=1):
        decided = add_working_days(received, 15)
        review = add_working_days(decided, 15)
        case = _put(CaseReview, {"reference": reference}, {
            "partnership": partnership, "received": received, "route": route,
            "applicant_name": f"Applicant {'ABC'[n - 1]} (anonymised)", "consent_to_share": True,
            "consent_recorded": received, "acknowledged": add_working_days(received, 2),
            "illustrative_note": TRIGGER_NOTE, "source": "Seed paragraph 6.46"})
        case.owning_organisations.set([council])
        for i, (behaviour, reported, agency, incident) in enumerate(complaints, start=1):
            _put(Complaint, {"case": case, "agency_reference": f"{reference}/{i}"}, {
                "behaviour_date": behaviour, "reported_date": reported, "agency": _org(agency),
                "incident_reference": incident})
        _put(CaseReview, {"reference": reference}, {
            "threshold_decision_date": decided, "threshold_met": True, "decision_letter_sent": decided,
            "review_meeting": review, "outcome": "Multi-agency response agreed (illustrative).",
            "outcome_letter_sent": add_working_days(review, 4)})
        due = add_working_days(review, 20)
        _put(CaseReviewRecommendation, {"case": case, "text": recommendation},
             {"owner": _org(owner), "due_date": due, "status": "done", "completed": due})
        cases.append(case)
    return cases


# --- Domestic homicide reviews (seed 6.13-6.16) ----------------------------------------------------------

DHRS = [
    ("SWCSP DHR 2020/01", D(2020, 2, 10), D(2020, 3, 2), D(2020, 3, 4), D(2020, 5, 11), D(2021, 3, 15)),
    ("SWCSP DHR 2020/02", D(2020, 8, 17), D(2020, 9, 7), D(2020, 9, 9), D(2020, 10, 26), D(2021, 4, 19)),
]
DHR_NOTE = ("The seed says that two homicides in South Worcestershire began reviews in 2020 and that the reviews "
            "produced reports for the Domestic Abuse Forum and SWCSP's action plan. The reference is anonymised; "
            "every date, the owning and panel organisations and the action-plan item are illustrative. No victim "
            "details are held.")


def load_dhrs(partnership: Partnership) -> list[DomesticHomicideReview]:
    reviews = []
    for reference, notified, decided, home_office, terms, report in DHRS:
        review = _put(DomesticHomicideReview, {"reference": reference}, {
            "partnership": partnership, "notified": notified, "notified_by": _org(POLICE), "decision": "review",
            "decision_date": decided, "decision_reason": "The death appears to have resulted from domestic abuse "
                                                         "(Domestic Violence, Crime and Victims Act 2004 s.9).",
            "home_office_notified": home_office, "terms_of_reference_agreed": terms, "report_to_partnership": report,
            "illustrative_note": DHR_NOTE, "source": "Seed paragraphs 6.13-6.16"})
        review.owning_organisations.set([_org(name) for name in SOUTH_COUNCILS])
        review.panel_agencies.set([_org(name) for name in (POLICE, COUNTY, NHS, WOMENS_AID, CITY)])
        rec = _put(DHRRecommendation, {"review": review, "number": 1}, {
            "text": "Use the review's lessons in the Domestic Abuse Forum's and SWCSP's action plan, and hold "
                    "agencies to account for delivering them (seed 6.16)."})
        _put(DHRActionItem, {"recommendation": rec, "action": "Add the review's lessons to the Domestic Abuse "
                                                              "Forum action plan"},
             {"owner": _org(COUNTY), "due_date": D(2021, 9, 30), "status": "done", "completed": D(2021, 9, 30)})
        reviews.append(review)
    return reviews


PROCEDURE_NOTE = ("Demo: the defaults of DOMAIN.md, as the seed gives no local procedure. Last publication of the "
                  "case review figures: the annual update to Communities Committee of 26 May 2021 (the seed report), "
                  "which reported the year's community triggers (illustrative reading).")


def load(stdout) -> None:
    with transaction.atomic():
        council = _org(CITY)
        safer_worcester = _partnership("safer-worcester")
        _put(LocalProcedure, {"partnership": safer_worcester},
             {"asb_counts_last_published": D(2021, 5, 26), "notes": PROCEDURE_NOTE})
        orders = load_orders(safer_worcester, council)
        cases = load_triggers(safer_worcester, council)
        reviews = load_dhrs(_partnership("south-worcestershire"))
    stdout.write(f"Registers: {len(orders)} PSPOs, {len(cases)} ASB case reviews, {len(reviews)} DHRs "
                 "(illustrative details marked on each record).")
