"""Traceability: every seed project under its priority, and a new orphan shows up as one."""

from decimal import Decimal

import html5lib

from saferplace.funding.models import Bid, FundingRound
from saferplace.interventions import demo_records as records
from saferplace.interventions.models import PriorityNoAction, Project
from saferplace.interventions.outputs import record
from saferplace.interventions.traceability import build
from saferplace.partnership.models import Organisation, Partnership, Priority

NS = "{http://www.w3.org/1999/xhtml}"


def _text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def page_tree(content: bytes) -> dict:
    """{priority name: [project names listed under it]} and the orphan list, read from the page itself."""
    doc = html5lib.parse(content)
    tree = {}
    for div in doc.iter(f"{NS}div"):
        if div.get("class") == "priority":
            name = _text(div.find(f"{NS}h3"))
            tree[name] = [_text(li.find(f"{NS}a")) for li in div.iter(f"{NS}li") if li.get("class") == "project"]
    orphans = [_text(li) for li in doc.iter(f"{NS}li") if (li.get("class") or "").startswith("orphan")]
    return {"tree": tree, "orphans": orphans}


def test_every_seed_project_appears_under_each_of_its_priorities(seed, signed_in):
    shown = page_tree(signed_in("viewer").get("/interventions/traceability/?year=2020-21").content)
    expected: dict[str, list[str]] = {}
    for name, _, _, _, priorities, *_ in records.PROJECTS:
        for priority in priorities:
            expected.setdefault(priority, []).append(name)
    for priority, projects in expected.items():
        assert sorted(shown["tree"][priority]) == sorted(projects), priority
    # every priority of 3.4-3.6 is on the page, including those with no project
    assert set(shown["tree"]) == set(Priority.objects.filter(theme__partnership__slug="south-worcestershire")
                                     .values_list("name", flat=True))
    page = signed_in("viewer").get("/interventions/traceability/?year=2020-21").content.decode()
    assert "Partnership Analyst" in page and "serves all priorities rather than one" in page


def test_seed_orphans_are_the_ones_the_report_leaves_unexplained(seed):
    trace = build(Partnership.objects.get(slug="safer-worcester"), "2020-21")
    assert sorted(n.priority.name for n in trace.orphan_priorities) == [
        "Counter Terrorism", "Reduction of those Killed or Seriously injured", "Travelling criminality"]
    # funded in 2020-21 but the report gives no output for them
    assert sorted(p.project.name for p in trace.funded_without_output) == [
        "Acquisitive Crime", "CCTV camera improvements", "Community Get Safe Worker", "Out2gether",
        "Partnership Analyst", "Safe Places Scheme"]
    assert trace.untraced_money == []


def test_a_new_orphan_appears_as_one(seed, signed_in):
    swcsp = Partnership.objects.get(slug="south-worcestershire")
    theme = swcsp.themes.get(name="Safer People")
    theme.priorities.create(name="Retail crime", order=9)
    project = Project.objects.create(partnership=swcsp, name="Shopwatch radios", purpose="Radios for shops",
                                     lead_organisation=Organisation.objects.get(name="Worcester City Council"))
    project.priorities.set([Priority.objects.get(name="Travelling criminality")])
    funding_round = FundingRound.objects.get(financial_year="2020-21")
    Bid.objects.create(funding_round=funding_round, project=project, purpose="Radios", requested=1000,
                       allocated=1000, status="allocated", order=10)
    shown = page_tree(signed_in("viewer").get("/interventions/traceability/?year=2020-21").content)
    assert any("Retail crime" in o and "no project and no recorded reason" in o for o in shown["orphans"])
    assert any("Shopwatch radios" in o and "no output" in o for o in shown["orphans"])
    assert "Shopwatch radios" in shown["tree"]["Travelling criminality"]
    # a recorded reason and an output each close their gap
    PriorityNoAction.objects.create(priority=Priority.objects.get(name="Retail crime"), financial_year="2020-21",
                                    reason="Led by the Business Improvement District this year")
    record(project, "Radios issued", "radios", "2020-21", 0, Decimal(12))  # a new output: its own partner measure
    shown = page_tree(signed_in("viewer").get("/interventions/traceability/?year=2020-21").content)
    assert not any("Retail crime" in o or "Shopwatch" in o for o in shown["orphans"])


def test_money_without_priority_or_reason_appears_when_rules_were_bypassed(seed):
    project = Project.objects.create(partnership=Partnership.objects.get(slug="safer-worcester"),
                                     name="Untraced", purpose="Entered in the admin")
    Bid.objects.create(funding_round=FundingRound.objects.get(financial_year="2020-21"), project=project,
                       purpose="x", requested=10, allocated=10, status="allocated", order=11)
    trace = build(Partnership.objects.get(slug="safer-worcester"), "2020-21")
    assert [p.project.name for p in trace.untraced_money] == ["Untraced"]


def test_record_no_action_form(seed, signed_in):
    priority = Priority.objects.get(name="Counter Terrorism")
    c = signed_in("analyst")
    url = f"/interventions/priorities/{priority.pk}/no-action/?year=2020-21"
    assert c.get(url).status_code == 200
    response = c.post(url, {"financial_year": "2020-21", "reason": "Led by the Prevent board, not the CSP"})
    assert response.status_code == 302
    assert PriorityNoAction.objects.get(priority=priority).reason.startswith("Led by the Prevent")
