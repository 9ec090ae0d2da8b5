import pytest

from tests.conftest import ALL_ROLES
from tests.htmlcheck import PageProblem, check_page


def test_anonymous_visitor_is_sent_to_sign_in(client, db):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in/")
    assert client.get("/sign-in/").status_code == 200


@pytest.mark.parametrize("role", ALL_ROLES)
def test_every_role_sees_dashboard_and_deadlines(signed_in, role):
    c = signed_in(role)
    for url in ["/", "/due/", "/due/?on=2024-01-01&within=365"]:
        assert c.get(url).status_code == 200, url


def test_page_checker_catches_mismatched_title_and_unlabelled_field():
    good = b"<!DOCTYPE html><html lang=en><head><title>A - S</title></head><body><h1>A</h1></body></html>"
    check_page(good, "/good")
    with pytest.raises(PageProblem, match="does not match"):
        check_page(good.replace(b"<h1>A", b"<h1>B"), "/bad")
    with pytest.raises(PageProblem, match="no label"):
        check_page(good.replace(b"</h1>", b"</h1><input name=x>"), "/bad")
    with pytest.raises(PageProblem, match="not valid HTML"):
        check_page(good.replace(b"</body>", b"</div></body>"), "/bad")
