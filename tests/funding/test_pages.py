"""The funding pages: the round page shows exactly Appendix 6, and the bid form refuses what the rules refuse."""

from decimal import Decimal

import html5lib
import pytest

from saferplace.funding.models import Bid
from saferplace.interventions.models import Project
from saferplace.partnership.models import Priority
from tests.conftest import ALL_ROLES
from tests.funding.test_demo import APPENDIX_6

NS = "{http://www.w3.org/1999/xhtml}"


def _text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def table_rows(content: bytes, table_id: str) -> tuple[list[list[str]], list[list[str]]]:
    doc = html5lib.parse(content)
    table = next(t for t in doc.iter(f"{NS}table") if t.get("id") == table_id)
    def rows(part):
        return [[_text(c) for c in tr if c.tag in (f"{NS}td", f"{NS}th")] for tr in table.iter(f"{NS}tr")
                if tr in list(part.iter(f"{NS}tr"))]
    return rows(table.find(f"{NS}tbody")), rows(table.find(f"{NS}tfoot"))


def pounds(text: str) -> str:
    return f"£{Decimal(text):,.2f}"


def test_round_page_shows_exactly_appendix_6(seed_round, signed_in):
    response = signed_in("viewer").get(f"/funding/rounds/{seed_round.pk}/")
    body, foot = table_rows(response.content, "bids")
    shown = [(r[0], r[3], r[4], r[5]) for r in body]
    expected = [(name, pounds(req), pounds(alloc), comment) for name, req, alloc, comment in APPENDIX_6]
    assert shown == expected
    assert foot == [["Total", "£106,590.00", "£96,590.00", ""]]
    assert body[6][6].startswith("Deferred to 2021-22")
    page = response.content.decode()
    assert "£139,250.00" in page and "2021/2022 £139,250.00" in page
    assert "£42,660.00" in page  # 139,250 − 96,590 not allocated
    assert "The round meets every funding rule" in page


@pytest.mark.parametrize("role", ALL_ROLES)
def test_every_role_reads_funding_pages(seed_round, signed_in, role):
    c = signed_in(role)
    for url in ["/funding/", f"/funding/rounds/{seed_round.pk}/", "/funding/grant-lines/?year=2020-21"]:
        assert c.get(url).status_code == 200, url
    allowed = 200 if role == "administrator" else 403
    assert c.get(f"/funding/rounds/{seed_round.pk}/bids/new/").status_code == allowed
    assert c.get("/funding/rounds/import/").status_code == allowed


def test_grant_lines_page_total(seed, signed_in):
    body, foot = table_rows(signed_in("viewer").get("/funding/grant-lines/?year=2020-21").content, "grant-lines")
    assert len(body) == 8
    assert foot == [["Total", "£68,497.00"]]  # 4,132+2,700+1,665+2,000+1,000+12,000+25,000+20,000


def _bid_data(seed_round, **changes):
    project = Project.objects.create(partnership=seed_round.partnership, name="Rural crime", purpose="Farm watch")
    data = {"project": project.pk, "purpose": "Farm watch schemes", "requested": "50,000", "allocated": "50000",
            "status": "allocated", "deferred_to": "", "status_reason": "", "no_priority_reason": "", "comments": "",
            "priorities": [Priority.objects.get(name="Travelling criminality").pk]}
    data.update(changes)
    return data


def _refused(client, seed_round, data) -> str:
    before = Bid.objects.count()
    response = client.post(f"/funding/rounds/{seed_round.pk}/bids/new/", data)
    assert response.status_code == 200 and Bid.objects.count() == before
    return response.content.decode()


def test_over_allocating_the_round_is_refused_with_a_message(seed_round, signed_in):
    page = _refused(signed_in("administrator"), seed_round, _bid_data(seed_round))
    # 96,590 + 50,000 = 146,590 is 7,340 more than the 139,250 available
    assert "would allocate £146,590.00, £7,340.00 more than the £139,250.00 available" in page
    assert "There is a problem" in page


def test_allocating_without_priority_or_reason_is_refused(seed_round, signed_in):
    page = _refused(signed_in("administrator"), seed_round,
                    _bid_data(seed_round, requested="1000", allocated="1000", priorities=[]))
    assert "&#x27;Rural crime&#x27; is allocated £1,000.00 but serves no priority" in page


def test_deferring_without_year_or_reason_is_refused(seed_round, signed_in):
    page = _refused(signed_in("administrator"), seed_round,
                    _bid_data(seed_round, requested="1000", allocated="", status="deferred"))
    assert "is deferred: say which financial year it is deferred to, for example 2021-22" in page
    assert "is deferred: say why." in page


def test_a_bid_within_the_rules_is_saved_with_a_stated_reason(seed_round, signed_in):
    c = signed_in("administrator")
    data = _bid_data(seed_round, requested="£5,000.00", allocated="4,000", status="part_allocated", priorities=[],
                     no_priority_reason="Pilot serving the whole partnership")
    response = c.post(f"/funding/rounds/{seed_round.pk}/bids/new/", data)
    assert response.status_code == 302
    bid = Bid.objects.get(project__name="Rural crime")
    assert (bid.requested, bid.allocated, bid.order) == (Decimal("5000.00"), Decimal("4000.00"), 10)
    assert seed_round.total_allocated() == Decimal("100590.00")
    page = c.get(f"/funding/rounds/{seed_round.pk}/").content.decode()
    assert "The stated total allocated (£96,590.00) does not equal the sum of the bids (£100,590.00)" in page


def test_editing_a_bid_keeps_the_rules(seed_round, signed_in):
    c = signed_in("administrator")
    bid = seed_round.bids.get(project__name="Acquisitive Crime")
    assert c.get(f"/funding/bids/{bid.pk}/edit/").status_code == 200
    data = {"project": bid.project_id, "purpose": bid.purpose, "requested": "10000", "allocated": "11000",
            "status": "part_allocated", "priorities": [p.pk for p in bid.project.priorities.all()]}
    page = c.post(f"/funding/bids/{bid.pk}/edit/", data).content.decode()
    assert "is allocated £11,000.00 but asked for £10,000.00" in page
    bid.refresh_from_db()
    assert bid.allocated == Decimal("9000.00")


def test_round_import_page_refuses_and_reports(seed_round, signed_in, tmp_path):
    from io import BytesIO

    from openpyxl import load_workbook

    from saferplace.funding.spreadsheet import round_workbook

    wb = load_workbook(BytesIO(round_workbook(seed_round)))
    wb["Round"]["B5"] = 1000
    path = tmp_path / "too-much.xlsx"
    wb.save(path)
    c = signed_in("administrator")
    with path.open("rb") as handle:
        page = c.post("/funding/rounds/import/", {"file": handle}).content.decode()
    assert "too-much.xlsx, sheet Bids, row 11, column H (Funding allocated)" in page
    assert "[ROUND-WITHIN-AVAILABLE]" in page
