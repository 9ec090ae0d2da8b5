"""The demo funding records equal the seed report's Appendix 6 and paragraph 5.1, and loading twice changes nothing."""

from datetime import date
from decimal import Decimal

from saferplace.funding.models import Bid, GrantLine, Spend
from saferplace.incidents.models import Measure, MeasureValue
from saferplace.interventions.models import Output, Project
from tests.funding.conftest import load_seed

# Appendix 6 as printed: project, requested, allocated, CSP comment
APPENDIX_6 = [
    ("Partnership Analyst", "20000.00", "20000.00", ""),
    ("Dawn Project", "32890.00", "32890.00", ""),
    ("Worcester Street Pastors", "2700.00", "2700.00", ""),
    ("Hate Crime Forum", "10500.00", "10500.00", ""),
    ("Acquisitive Crime", "10000.00", "9000.00", ""),
    ("Community Get Safe Worker", "7500.00", "7500.00", ""),
    ("Exploitation of Adults", "6000.00", "0.00", "Deferred to 2021-22"),
    ("Love Your Home", "2000.00", "2000.00", ""),
    ("Domestic Homicide Review", "15000.00", "12000.00", ""),
]
# Paragraph 5.1 as printed
PARAGRAPH_5_1 = [
    ("Safe and Sound", "4132"), ("Worcester Street Pastors", "2700"), ("Love Your Home event", "1665"),
    ("Safe places Scheme", "2000"), ("Out2gether", "1000"), ("Domestic Homicide Reviews", "12000"),
    ("CCTV camera improvements", "25000"), ("CCTV monitoring costs", "20000"),
]


def test_round_equals_appendix_6(seed_round):
    rows = [(b.project.name, str(b.requested), str(b.allocated), b.comments) for b in seed_round.bids.all()]
    assert rows == APPENDIX_6
    assert seed_round.total_requested() == Decimal("106590.00") == seed_round.stated_total_requested
    assert seed_round.total_allocated() == Decimal("96590.00") == seed_round.stated_total_allocated
    assert seed_round.amount_available == Decimal("139250.00")
    assert seed_round.financial_year == "2020-21"


def test_deferred_bid_names_its_year_and_reason(seed_round):
    bid = seed_round.bids.get(status=Bid.Status.DEFERRED)
    assert (bid.project.name, bid.deferred_to, bid.allocated) == ("Exploitation of Adults", "2021-22", 0)
    assert bid.status_reason


def test_grant_lines_equal_paragraph_5_1(seed):
    lines = GrantLine.objects.filter(recipient__slug="safer-worcester", financial_year="2020-21")
    assert [(g.name, str(g.amount)) for g in lines] == [(n, f"{a}.00") for n, a in PARAGRAPH_5_1]
    assert sum(g.amount for g in lines) == Decimal(4132 + 2700 + 1665 + 2000 + 1000 + 12000 + 25000 + 20000)


def test_cctv_figures_of_6_1_and_6_2(seed):
    improvements = Spend.objects.filter(project__name="CCTV camera improvements")
    assert sorted(s.amount for s in improvements) == [Decimal("25240.00"), Decimal("420894.48")]
    assert Spend.objects.get(project__name="CCTV monitoring").amount == Decimal("47010.00")
    monitoring = {o.name: o.measure.values.get(period_start=date(2020, 4, 1)).value
                  for o in Output.objects.filter(project__name="CCTV monitoring")}
    assert monitoring == {"Instances witnessed by the control room": 2074, "Requests for footage serviced": 121}


def test_loading_twice_changes_nothing(seed):
    counts = [m.objects.count() for m in (Bid, GrantLine, Spend, Output, Project, Measure, MeasureValue)]
    load_seed()
    assert [m.objects.count() for m in (Bid, GrantLine, Spend, Output, Project, Measure, MeasureValue)] == counts
