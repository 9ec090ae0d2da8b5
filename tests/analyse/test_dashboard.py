"""The dashboard's analysis panel renders for every role (the CheckingClient validates each page's HTML), with
a chart and the table of the same figures for each analysis."""

import pytest

from tests.conftest import ALL_ROLES

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ALL_ROLES)
def test_panels_render_for_every_role(demo, signed_in, role):
    page = signed_in(role).get("/")
    assert page.status_code == 200
    html = page.content.decode()
    for heading in ("Performance against priorities in Worcester", "Emerging issues in Worcester, March 2024",
                    "Hotspots in Worcester, 2023-24"):
        assert heading in html
    for key in ("analyse-performance", "analyse-emerging", "analyse-hotspots"):
        assert f'id="figure-{key}"' in html and f'id="table-{key}"' in html
        assert f'<script id="spec-{key}" type="application/json">' in html
    assert "data:image/svg+xml;base64," in html
    assert "Anti-social behaviour incidents (police.uk)" in html
    assert "On or near" in html

