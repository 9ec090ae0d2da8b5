"""With nothing loaded the dashboard shows no analysis panel (a separate module: no demo data here)."""

import pytest

pytestmark = pytest.mark.django_db


def test_no_panel_without_data(signed_in):
    html = signed_in("viewer").get("/").content.decode()
    assert "Performance against priorities" not in html
