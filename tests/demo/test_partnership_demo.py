"""The demo's partnership records equal the seed report's appendices, and loading twice changes nothing."""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from saferplace.partnership.models import (
    Group,
    Meeting,
    Membership,
    Organisation,
    Priority,
    ReportingLine,
    StrategicAssessment,
    TermsOfReference,
    YearReview,
)

SEED = Path(__file__).parent.parent / "data" / "seed"


def _normalise(text: str) -> str:
    """Collapse whitespace and the spacing around hyphens, which the PDF-to-text conversion varies."""
    text = text.replace("’", "'")
    return re.sub(r"\s*-\s*", "-", " ".join(text.split()))


@pytest.fixture
def demo(db):
    call_command("demo", "--no-serve", stdout=StringIO())


def test_partners_equal_appendix_1_with_the_duplicate_loaded_once(demo):
    lines = [line.strip() for line in (SEED / "appendix-1.txt").read_text().splitlines()[1:] if line.strip()]
    assert len(lines) == 32 and len(set(lines)) == 31  # Worcestershire Regulatory Services is listed twice
    members = Membership.objects.filter(partnership__slug="safer-worcester")
    assert sorted(members.values_list("organisation__name", flat=True)) == sorted(set(lines))


def test_the_swcsp_has_the_three_district_councils_of_paragraph_2_2(demo):
    members = Membership.objects.filter(partnership__slug="south-worcestershire")
    assert sorted(members.values_list("organisation__name", flat=True)) == [
        "Malvern Hills District Council", "Worcester City Council", "Wychavon District Council"]


def test_groups_tile_appendix_4_in_order(demo):
    text = (SEED / "appendix-4.txt").read_text().split("\n", 1)[1]  # drop the appendix heading
    groups = Group.objects.filter(source__startswith="Appendix 4").order_by("pk")
    assert _normalise(" ".join(g.name for g in groups)) == _normalise(text)
    assert groups.count() == 28


def test_reporting_lines_hold_what_the_report_states(demo):
    def reports_to(name):
        return set(ReportingLine.objects.filter(group__name=name).values_list("reports_to__name", flat=True))

    assert reports_to("Safer Worcester") == {"South Worcestershire Community Safety Partnership"}
    assert reports_to("Team Worcester Bronze group") == {"Safer Worcester"}


def test_priorities_equal_paragraphs_3_4_to_3_6(demo):
    text = (SEED / "paragraphs-3.4-3.6.txt").read_text()
    bullets = [_normalise(line) for line in text.splitlines() if line.strip() and not re.match(r"\d\.\d ", line)]
    themes = [line.split(" ", 1)[1].strip() for line in text.splitlines() if re.match(r"\d\.\d ", line)]
    priorities = Priority.objects.filter(theme__partnership__slug="south-worcestershire")
    assert [_normalise(p.name) for p in priorities] == bullets
    assert list(dict.fromkeys(p.theme.name for p in priorities)) == themes


def test_meetings_are_recorded_as_the_report_gives_them(demo):
    safer_worcester = Meeting.objects.filter(group__name="Safer Worcester", financial_year="2020-21")
    assert safer_worcester.count() == 5
    assert set(safer_worcester.values_list("format", "date")) == {("remote", None)}  # 4.2: remotely, no dates
    soc = Meeting.objects.filter(group__name="Serious Organised Crime Focus Group", financial_year="2020-21")
    assert soc.count() == 4 and set(soc.values_list("format", flat=True)) == {"not_recorded"}
    review = YearReview.objects.get(group__name="Safer Worcester", financial_year="2020-21")
    assert review.topics.count() == 11


def test_terms_of_reference_and_exempt_assessment(demo):
    terms = TermsOfReference.objects.get(group__name="Safer Worcester")
    assert terms.meeting_frequency == "bimonthly" and len(terms.aims_list()) == 3
    assert terms.secretariat.name == "Worcester City Council"
    assessment = StrategicAssessment.objects.get()
    assert assessment.exempt and (assessment.period_start.isoformat(), assessment.period_end.isoformat()) == (
        "2018-07-01",
        "2020-06-30",
    )


def test_running_the_demo_twice_changes_nothing(demo):
    def snapshot():
        return {
            model.__name__: sorted(map(str, model.objects.values_list()))
            for model in (Organisation, Group, ReportingLine, Membership, Meeting, Priority, TermsOfReference,
                          StrategicAssessment, YearReview)
        }

    before = snapshot()
    call_command("demo", "--no-serve", stdout=StringIO())
    assert snapshot() == before
