"""The demo's two public annual reports, checked by reading the text of the files themselves (DOCX, PDF, HTML,
XLSX) against the seed report's published figures and against `saferplace counts`.

The demo records are loaded once for the module inside a transaction that is rolled back afterwards.
"""

import io
import json
import re
import shutil
import subprocess
from decimal import Decimal
from importlib import import_module

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from docx import Document
from openpyxl import load_workbook

from saferplace.funding import demo_records as funding_seed
from saferplace.partnership import demo_records as partnership_seed
from saferplace.reports import demo as reports_demo
from saferplace.reports.builders import annual
from saferplace.reports.disclosure import public_version
from saferplace.reports.model import COUNT, EXEMPT_TEXT, Value, all_values
from saferplace.reports.render import render

HAVE_PDFTOTEXT = shutil.which("pdftotext") is not None
HAVE_OFFICE = shutil.which("libreoffice") is not None and shutil.which("pdftoppm") is not None
DEMO_APPS = ["geography", "partnership", "incidents", "funding", "interventions", "registers"]
# The mark makes pytest-django set up the test database before the module fixture below runs.
pytestmark = pytest.mark.django_db


class Sink:
    def write(self, *_):
        pass


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    out = tmp_path_factory.mktemp("demo-reports")
    with django_db_blocker.unblock(), transaction.atomic():
        name = str(connection.settings_dict["NAME"])
        assert "memory" in name or "test" in name, f"refusing to load the demo into {name}"
        for app in DEMO_APPS:
            import_module(f"saferplace.{app}.demo").load(Sink())
        paths = reports_demo.write(out)
        restricted = annual.build("safer-worcester", "2020-21")
        restricted_2023 = annual.build("safer-worcester", "2023-24")
        rebuilt = {fmt: render(public_version(annual.build("safer-worcester", "2023-24")), fmt)
                   for fmt in ("html", "docx")}
        counts = {}
        for label, start, end in (("2023-24", "2023-04", "2024-03"), ("2022-23", "2022-04", "2023-03")):
            buffer = io.StringIO()
            call_command("counts", area="safer-worcester", start=start, end=end, by="category", format="json",
                         stdout=buffer)
            counts[label] = json.loads(buffer.getvalue())
        from saferplace.registers.models import CaseReview, DomesticHomicideReview

        personal = set()
        for case in CaseReview.objects.all():
            personal |= {case.applicant_name, case.applicant_contact, case.location}
        for review in DomesticHomicideReview.objects.all():
            personal |= {review.victim_name, review.chair}
        personal = {p for p in personal if p and len(p) > 3}
        yield {"out": out, "paths": paths, "restricted": restricted, "restricted_2023": restricted_2023,
               "counts": counts, "personal": personal,
               "rebuilt": rebuilt}
        transaction.set_rollback(True)


def docx_text(path) -> str:
    doc = Document(path)
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def docx_rows(path) -> list[list[str]]:
    doc = Document(path)
    return [[c.text for c in row.cells] for t in doc.tables for row in t.rows]


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def file_of(demo, period, fmt):
    return demo["out"] / f"annual-{period}-public.{fmt}"


def test_demo_writes_both_years_in_all_four_formats(demo):
    names = sorted(p.name for p in demo["paths"])
    assert names == sorted(f"annual-{y}-public.{f}" for y in ("2020-21", "2023-24")
                           for f in ("html", "pdf", "docx", "xlsx"))
    assert all(p.stat().st_size > 1000 for p in demo["paths"])


def seed_funding_amounts() -> list[str]:
    amounts = []
    for _, requested, allocated, *_ in funding_seed.BIDS:
        amounts += [f"£{requested:,.0f}", f"£{allocated:,.0f}"]
    return amounts


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_2020_21_has_the_seeds_funding_partners_governance_and_crime_totals(demo, fmt):
    if fmt == "pdf" and not HAVE_PDFTOTEXT:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = file_of(demo, "2020-21", fmt)
    text = docx_text(path) if fmt == "docx" else pdf_text(path)
    flat = re.sub(r"\s+", " ", text)
    # Paragraph 5.1's grant lines and Appendix 6's table with its printed totals
    for name, amount, *_ in funding_seed.GRANT_LINES:
        assert name in flat and f"£{amount:,.0f}" in flat, name
    assert f"£{sum(a for _, a, *_ in funding_seed.GRANT_LINES):,.0f}" in flat  # £68,497
    for amount in seed_funding_amounts():
        assert amount in flat
    assert "£106,590" in flat and "£96,590" in flat  # Appendix 6 totals as printed
    # every partner of Appendix 1
    for name, *_ in partnership_seed.APPENDIX_1:
        assert name.replace("’", "'") in flat.replace("’", "'"), name
    # the seed's crime totals (paragraph 3.7): 8,023 in 2020-21, 1,550 fewer than 9,573 the year before
    assert "8,023" in flat and "9,573" in flat and "1,550" in flat
    # the governance diagram (Appendix 4) with its table of reporting lines
    assert "Appendix 4" in flat
    for box in ("Worcestershire Safer Communities Board (SCB)", "South Worcestershire Community Safety Partnership",
                "Safer Worcester"):
        assert box in flat
    if fmt == "docx":
        doc = Document(path)
        alts = [d.get("descr") for d in doc.element.body.iter("{http://schemas.openxmlformats.org/drawingml/2006/"
                                                              "wordprocessingDrawing}docPr")]
        assert any(a and "groups" in a and "reporting lines" in a for a in alts)
        assert all(alts), "every picture has alternative text"
        styles = {p.style.name for p in doc.paragraphs}
        assert {"Heading 1", "Heading 2", "Title"} <= styles


def test_2020_21_appendix_6_rows_match_the_seed(demo):
    rows = docx_rows(file_of(demo, "2020-21", "docx"))
    by_project = {r[0]: r for r in rows if len(r) == 5}
    for project, requested, allocated, *_ in funding_seed.BIDS:
        row = by_project[project]
        assert row[2] == f"£{requested:,.0f}" and row[3] == f"£{allocated:,.0f}", project
    assert by_project["Total"][2:4] == ["£106,590", "£96,590"]


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_2023_24_crime_figures_equal_saferplace_counts(demo, fmt):
    if fmt == "pdf" and not HAVE_PDFTOTEXT:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    counts = demo["counts"]
    now = {r["category"]: r["count"] for r in counts["2023-24"]["rows"]}
    before = {r["category"]: r["count"] for r in counts["2022-23"]["rows"]}
    if fmt == "docx":
        rows = [r for r in docx_rows(file_of(demo, "2023-24", "docx")) if len(r) == 4 and r[0] in now]
        table = {r[0]: r for r in rows}
        for category, n in now.items():
            assert table[category][1] == f"{before[category]:,}" and table[category][2] == f"{n:,}", category
        total = next(r for r in docx_rows(file_of(demo, "2023-24", "docx")) if r[0] == "All categories")
        assert total[1:3] == [f"{counts['2022-23']['total']:,}", f"{counts['2023-24']['total']:,}"]
    else:
        flat = re.sub(r"[ \t]+", " ", pdf_text(file_of(demo, "2023-24", "pdf")))
        for category, n in now.items():
            assert re.search(rf"{re.escape(category)} {before[category]:,} {n:,} ", flat), category
    # the headline: crimes without ASB and ASB, as counts gives them
    crimes = sum(n for c, n in now.items() if c != "Anti-social behaviour")
    text = docx_text(file_of(demo, "2023-24", "docx")) if fmt == "docx" else pdf_text(file_of(demo, "2023-24", "pdf"))
    assert f"{crimes:,}" in text and f"{now['Anti-social behaviour']:,}" in text


def test_public_versions_hold_no_exempt_text_no_small_count_and_no_personal_data(demo):
    restricted = demo["restricted"]
    exempt = [b.text for s in restricted.sections if s.exempt for b in s.blocks if hasattr(b, "text")]
    assert exempt and all(len(t) > 20 for t in exempt)
    for period in ("2020-21", "2023-24"):
        texts = {
            "docx": docx_text(file_of(demo, period, "docx")),
            "html": file_of(demo, period, "html").read_text(),
            "xlsx": "\n".join(str(c.value) for ws in load_workbook(file_of(demo, period, "xlsx")).worksheets
                              for row in ws.iter_rows() for c in row if c.value is not None),
        }
        if HAVE_PDFTOTEXT:
            texts["pdf"] = pdf_text(file_of(demo, period, "pdf"))
        for fmt, text in texts.items():
            flat = re.sub(r"\s+", " ", text)
            if fmt != "xlsx":  # the workbook holds the tables only
                assert EXEMPT_TEXT in flat, (period, fmt)
            for passage in exempt:  # the title may be named (as the seed names it); the content may not
                assert re.sub(r"\s+", " ", passage) not in flat, (period, fmt)
            assert "biennial" not in flat, (period, fmt)  # from the exempt assessment's summary
            for item in demo["personal"]:
                assert item not in flat, (period, fmt, item)
            assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", flat), (period, fmt)  # no e-mail address
            assert not re.search(r"\b0\d{3,4} ?\d{3} ?\d{3,4}\b", flat), (period, fmt)  # no UK phone number
    # no count below the threshold in the public model of either year
    for report in (demo["restricted"], demo["restricted_2023"]):
        public = public_version(report)
        for section in public.sections:
            for block in section.blocks:
                for v in all_values(block):
                    if isinstance(v, Value) and v.disclosive and v.kind == COUNT and not (v.suppressed or v.withheld):
                        assert v.value is None or float(v.value) == 0 or float(v.value) >= 5, (section.heading, v)
    # and the seed's small counts are really there in the restricted version, so the check bites
    small = [v for s in demo["restricted"].sections for b in s.blocks for v in all_values(b)
             if v.disclosive and v.kind == COUNT and v.value is not None and 0 < float(v.value) < 5]
    assert small


def test_html_and_docx_are_byte_identical_for_the_same_data_and_options(demo):
    report = public_version(demo["restricted"])
    assert render(report, "html") == render(report, "html") == file_of(demo, "2020-21", "html").read_bytes()
    assert render(report, "docx") == file_of(demo, "2020-21", "docx").read_bytes()
    # built again from the database, the 2023-24 report is the same bytes as the demo wrote
    for fmt, data in demo["rebuilt"].items():
        assert data == file_of(demo, "2023-24", fmt).read_bytes(), fmt


def test_xlsx_has_every_table_on_its_own_sheet_and_a_sources_sheet(demo):
    report = public_version(demo["restricted"])
    wb = load_workbook(file_of(demo, "2020-21", "xlsx"))
    assert wb.sheetnames[0] == "Contents" and wb.sheetnames[-1] == "Sources"
    assert len(wb.sheetnames) == len(report.tables()) + 2
    sources = wb["Sources"]
    header = [c.value for c in sources[1]]
    assert header[:4] == ["Where", "Figure", "Value", "Dataset"]
    datasets = {row[3] for row in sources.iter_rows(min_row=2, values_only=True)}
    assert any("Funding round" in d for d in datasets) and any("Police recorded crime" in d for d in datasets)
    assert sources.max_row > 50
    money = [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.number_format == "£#,##0.00"]
    assert Decimal("106590") in {Decimal(str(m)) for m in money if isinstance(m, int | float)}


@pytest.mark.skipif(not HAVE_OFFICE, reason="LibreOffice and poppler-utils are not installed")
def test_docx_converts_with_libreoffice_and_its_pages_render(demo, tmp_path):
    docx = file_of(demo, "2023-24", "docx")
    result = subprocess.run(["libreoffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                             "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx)],
                            capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "annual-2023-24-public.pdf"
    assert pdf.exists() and pdf.stat().st_size > 10_000
    subprocess.run(["pdftoppm", "-r", "20", "-png", str(pdf), str(tmp_path / "page")], check=True, timeout=240)
    pages = sorted(tmp_path.glob("page-*.png"))
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert len(pages) == int(re.search(r"Pages:\s+(\d+)", info).group(1)) > 5
    text = re.sub(r"\s+", " ", pdf_text(pdf))
    # Word's own list numbering gives the seed's paragraph numbers
    assert "1.1 That the Committee notes" in text and "3.1 The latest strategic assessment" in text


def section(report, heading):
    return next(s for s in report.sections if s.heading.startswith(heading))


def test_meeting_pack_has_performance_emerging_hotspots_actions_and_deadlines(demo):
    from saferplace.core.deadlines import due_items
    from saferplace.reports.builders import meeting
    from saferplace.reports.model import Figure, Table

    report = meeting.build("safer-worcester", month="2024-03")
    headings = [s.heading for s in report.sections]
    assert headings[:2] == ["Summary", "Performance against each priority"]
    assert any(h.startswith("Emerging issues") for h in headings)
    hotspots = section(report, "Hotspots").blocks[0]
    assert isinstance(hotspots, Figure) and hotspots.map is not None and hotspots.table.rows
    deadlines = section(report, "Statutory and local deadlines")
    expected = {i.title for i in due_items(report.report_date, meeting.DEADLINE_DAYS) if i.rule != "ACTION-DUE"}
    table = next(b for b in deadlines.blocks if isinstance(b, Table))
    assert {row[2].text for row in table.rows} == expected and expected
    html = render(public_version(report), "html").decode()
    assert "Actions due and overdue" in html and "Anti-social behaviour" in html


def test_strategic_assessment_ranks_the_evidence_and_calls_out_every_gap(demo):
    from saferplace.reports.builders import strategic
    from saferplace.reports.model import Table

    report = strategic.build("safer-worcester", "2022-04..2024-03")
    evidence = next(b for b in section(report, "Evidence for choosing priorities").blocks if isinstance(b, Table))
    volumes = {row[1].text: row[2].value for row in evidence.rows}
    now = {r["category"]: r["count"] for r in demo["counts"]["2023-24"]["rows"]}
    assert volumes == now  # the last 12 months of the review are April 2023 to March 2024
    assert [row[0].text for row in evidence.rows] == [str(i) for i in range(1, len(now) + 1)]
    checklist = section(report, "Checklist against the regulations")
    table = next(b for b in checklist.blocks if isinstance(b, Table))
    gaps = [row[0].text for row in table.rows if row[2].text != "Met"]
    called_out = [b.text for b in checklist.blocks if hasattr(b, "text") and b.text.startswith("Gap – ")]
    assert gaps and len(called_out) == len(gaps)
    assert "Views of people who live and work in the area" in gaps
    assert any("Months flagged" in b.text or "publication gap" in b.text or "no location" in b.text
               for b in section(report, "Data gaps").blocks if hasattr(b, "text"))
