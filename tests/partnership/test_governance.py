"""Reporting lines stay acyclic (refused with a message naming the cycle) and the diagram draws them all."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from saferplace.partnership.diagram import BOX_W, governance_svg, layers, wrap
from saferplace.partnership.models import Group, ReportingLine

SVG = "{http://www.w3.org/2000/svg}"
SCB = "Worcestershire Safer Communities Board (SCB)"
SWCSP = "South Worcestershire Community Safety Partnership"
CYCLE = (
    f"{SCB} cannot report to Safer Worcester: that would make a reporting cycle "
    f"({SCB} → Safer Worcester → {SWCSP} → {SCB})."
)


def _line_count():
    return ReportingLine.objects.count()


def test_a_reporting_line_that_closes_a_cycle_is_refused_naming_it(demo):
    before = _line_count()
    with pytest.raises(ValidationError) as refused:
        ReportingLine.objects.create(group=Group.objects.get(name=SCB),
                                     reports_to=Group.objects.get(name="Safer Worcester"))
    assert refused.value.messages == [CYCLE]
    assert _line_count() == before


def test_a_group_cannot_report_to_itself(demo):
    scb = Group.objects.get(name=SCB)
    with pytest.raises(ValidationError, match="cannot report to itself"):
        ReportingLine.objects.create(group=scb, reports_to=scb)


def test_the_group_form_refuses_a_cycle_with_its_message_and_changes_nothing(demo, signed_in):
    scb = Group.objects.get(name=SCB)
    sw = Group.objects.get(name="Safer Worcester")
    before = set(ReportingLine.objects.values_list("group_id", "reports_to_id"))
    response = signed_in("administrator").post(
        reverse("partnership:group-edit", args=[scb.pk]),
        {"name": scb.name, "kind": scb.kind, "reports_to": [sw.pk]},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page and CYCLE.replace("&", "&amp;") in page
    assert set(ReportingLine.objects.values_list("group_id", "reports_to_id")) == before


def test_the_group_form_changes_reporting_lines(demo, signed_in):
    bronze = Group.objects.get(name="Team Worcester Bronze group")
    swcsp = Group.objects.get(name=SWCSP)
    response = signed_in("administrator").post(
        reverse("partnership:group-edit", args=[bronze.pk]),
        {"name": bronze.name, "kind": bronze.kind, "reports_to": [swcsp.pk]},
    )
    assert response.status_code == 302
    assert list(bronze.reports_to.values_list("name", flat=True)) == [SWCSP]


def test_the_admin_refuses_a_cycle_with_its_message(demo, make_user):
    a = Group.objects.create(name="Alpha group")
    b = Group.objects.create(name="Beta group")
    ReportingLine.objects.create(group=b, reports_to=a)
    before = _line_count()
    c = Client()  # Django's own admin pages title themselves "Error: …", which the project's page checker refuses
    c.force_login(make_user("administrator"), backend="django.contrib.auth.backends.ModelBackend")
    url = reverse("admin:partnership_group_change", args=[a.pk])
    data = {
        "name": a.name, "kind": "group", "description": "", "source": "", "organisation": "",
        "lines_up-TOTAL_FORMS": "1", "lines_up-INITIAL_FORMS": "0",
        "lines_up-MIN_NUM_FORMS": "0", "lines_up-MAX_NUM_FORMS": "1000",
        "lines_up-0-reports_to": str(b.pk), "lines_up-0-id": "", "lines_up-0-group": str(a.pk),
    }
    response = c.post(url, data)
    assert response.status_code == 200
    assert "Alpha group cannot report to Beta group: that would make a reporting cycle" in response.content.decode()
    assert _line_count() == before


def test_governance_page_draws_every_group_and_line(demo, signed_in):
    page = signed_in("viewer").get(reverse("partnership:governance")).content.decode()
    svg = ET.fromstring(re.search(r"<svg.*?</svg>", page, re.S).group(0))
    linked = sorted(a.get("href") for a in svg.iter(f"{SVG}a"))
    assert linked == sorted(g.get_absolute_url() for g in Group.objects.all())
    assert len(list(svg.iter(f"{SVG}path"))) == _line_count()
    # The text alternative: one table row per group, naming what it reports to.
    assert page.count('<th scope="row"') == Group.objects.count()


def _boxes(svg):
    boxes = {}
    for a in svg.iter(f"{SVG}a"):
        rect = a.find(f"{SVG}rect")
        x, y, w, h = (float(rect.get(k)) for k in ("x", "y", "width", "height"))
        boxes[a.get("href")] = (x, y, w, h)
    return boxes


def _random_dag(seed, n=14):
    import random

    rng = random.Random(seed)
    groups = [(str(i), f"Group {i} " + "word " * rng.randint(0, 8), f"/g/{i}") for i in range(n)]
    lines = {(str(i), str(j)) for i in range(n) for j in range(i) if rng.random() < 0.15}
    return groups, sorted(lines)


@pytest.mark.parametrize("seed", range(12))
def test_diagram_layout_boxes_never_overlap_and_lines_join_the_right_boxes(seed):
    groups, lines = _random_dag(seed)
    svg = ET.fromstring(governance_svg(groups, lines, "t"))
    boxes = _boxes(svg)
    assert len(boxes) == len(groups)
    items = list(boxes.values())
    for i, (x1, y1, w1, h1) in enumerate(items):
        for x2, y2, w2, h2 in items[i + 1:]:
            assert x1 + w1 <= x2 or x2 + w2 <= x1 or y1 + h1 <= y2 or y2 + h2 <= y1, "boxes overlap"
    paths = [p.get("d") for p in svg.iter(f"{SVG}path")]
    assert len(paths) == len(lines)
    ends = set()
    for d in paths:
        numbers = [float(v) for v in re.findall(r"-?\d+\.?\d*", d)]
        start_x, start_y, end_x = numbers[0], numbers[1], numbers[-1]
        # the last vertical move sets the end y: find it from the command string
        end_y = float(re.findall(r"V(-?\d+\.?\d*)", d)[-1])
        ends.add(((start_x, start_y), (end_x, end_y)))
    expected = set()
    for low, high in lines:
        hx, hy, hw, hh = boxes[f"/g/{high}"]
        lx, ly, lw, lh = boxes[f"/g/{low}"]
        assert lx > hx, "a group sits to the right of the group it reports to"
        expected.add(((hx + hw, round(hy + hh / 2, 1)), (lx, round(ly + lh / 2, 1))))
    assert ends == expected


def test_diagram_lines_crossing_columns_pass_through_empty_slots():
    """A → B → C and A → C: the line from A to C crosses B's column without running under a box."""
    svg = ET.fromstring(governance_svg([("a", "A", "/a"), ("b", "B", "/b"), ("c", "C", "/c")],
                                       [("b", "a"), ("c", "b"), ("c", "a")], "t"))
    boxes = _boxes(svg)
    bx, by, bw, bh = boxes["/b"]
    long_path = next(p.get("d") for p in svg.iter(f"{SVG}path") if p.get("d").count("H") > 3)
    crossing_y = float(re.findall(r"V(-?\d+\.?\d*)", long_path)[0])  # the height at which it crosses B's column
    assert not by <= crossing_y <= by + bh, "the line crosses B's column clear of B's box"


def test_names_are_escaped_and_wrapped():
    svg = governance_svg([("x", "Fish & Chips <Shop> Partnership of the Riverside Wards", "/x?a=1&b=2")], [], "t")
    tree = ET.fromstring(svg)  # parses: nothing unescaped
    text = "".join(tree.find(f"{SVG}a").itertext())
    assert "Fish & Chips <Shop>" in text
    assert all(len(line) <= 23 for line in wrap("Fish & Chips <Shop> Partnership of the Riverside Wards"))
    assert tree.find(f"{SVG}a").get("href") == "/x?a=1&b=2"
    assert BOX_W > 0


def test_layers_put_each_group_right_of_its_deepest_superior():
    ups = {"b": ["a"], "c": ["b", "a"], "d": []}
    assert layers(["a", "b", "c", "d"], ups) == {"a": 0, "b": 1, "c": 2, "d": 0}
    # A cycle cannot be stored, but drawing one must still end.
    assert set(layers(["p", "q"], {"p": ["q"], "q": ["p"]})) == {"p", "q"}
