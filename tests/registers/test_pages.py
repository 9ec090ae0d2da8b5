"""Every register page renders as valid GOV.UK HTML, and the forms refuse what the rules refuse."""

import pytest

from saferplace.accounts.models import Role
from saferplace.partnership.models import Organisation, Partnership
from saferplace.registers.models import CaseReview, DomesticHomicideReview, Order
from tests.conftest import ALL_ROLES


def urls():
    case = CaseReview.objects.get(reference="CT-2020-21-01")
    review = DomesticHomicideReview.objects.get(reference="SWCSP DHR 2020/01")
    order = Order.objects.get(slug="dog-control")
    consultation = order.consultations.first()
    consultee = consultation.consultees.first()
    change = order.changes.first()
    complaint = case.complaints.first()
    rec = review.recommendations.first()
    city = Order.objects.get(slug="city-centre")
    return [
        "/registers/", "/registers/procedure/", "/registers/procedure/safer-worcester/",
        "/registers/asb/", "/registers/asb/new/", case.get_absolute_url(), f"/registers/asb/{case.pk}/edit/",
        f"/registers/asb/{case.pk}/complaints/new/", f"/registers/asb/{case.pk}/complaints/{complaint.pk}/",
        f"/registers/asb/{case.pk}/recommendations/new/",
        f"/registers/asb/{case.pk}/recommendations/{case.recommendations.first().pk}/",
        "/registers/asb/publication/", "/registers/asb/publication/?year=2020-21&partnership=safer-worcester",
        "/registers/pspo/", "/registers/pspo/new/", order.get_absolute_url(), "/registers/pspo/dog-control/edit/",
        "/registers/pspo/dog-control/consultations/new/",
        f"/registers/pspo/dog-control/consultations/{consultation.pk}/",
        f"/registers/pspo/dog-control/consultations/{consultation.pk}/consultees/new/",
        f"/registers/pspo/dog-control/consultations/{consultation.pk}/consultees/{consultee.pk}/",
        "/registers/pspo/dog-control/changes/new/", f"/registers/pspo/dog-control/changes/{change.pk}/",
        "/registers/pspo/dog-control/enforcement/new/",
        f"/registers/pspo/city-centre/enforcement/{city.enforcement.first().pk}/", city.get_absolute_url(),
        "/registers/dhr/", "/registers/dhr/new/", review.get_absolute_url(), f"/registers/dhr/{review.pk}/edit/",
        f"/registers/dhr/{review.pk}/recommendations/new/", f"/registers/dhr/{review.pk}/recommendations/{rec.pk}/",
        f"/registers/dhr/{review.pk}/actions/new/",
        f"/registers/dhr/{review.pk}/actions/{rec.actions.first().pk}/",
        "/", "/?on=2024-01-01", "/due/?on=2024-01-01&within=365",
    ]


def test_every_page_renders_for_an_administrator(signed_in, demo):
    c = signed_in(Role.ADMINISTRATOR, Organisation.objects.get(name="Worcester City Council"))
    for url in urls():
        response = c.get(url)
        assert response.status_code == 200, url


@pytest.mark.parametrize("role", ALL_ROLES)
def test_read_pages_for_every_role(signed_in, demo, role):
    c = signed_in(role, Organisation.objects.get(name="Worcestershire County Council"))
    for url in ["/registers/", "/registers/asb/", "/registers/pspo/", "/registers/dhr/", "/registers/procedure/",
                CaseReview.objects.first().get_absolute_url(),
                DomesticHomicideReview.objects.first().get_absolute_url(),
                "/?on=2024-01-01"]:
        assert c.get(url).status_code == 200, url
    assert c.get("/registers/procedure/safer-worcester/").status_code == (200 if role == Role.ADMINISTRATOR else 403)


def test_dashboard_panel_lists_orders_nearing_expiry_and_only_own_cases(signed_in, demo):
    viewer = signed_in(Role.VIEWER, Organisation.objects.get(name="Worcester Community Trust"))
    page = viewer.get("/?on=2024-01-01").text
    assert "Orders nearing expiry on 1 January 2024" in page
    assert "City centre" in page and "28 March 2024" in page  # alert window (6 months) already open
    assert "Dog control" not in page.split("Orders nearing expiry")[1].split("</table>")[0]  # alert on 5 January
    assert "Open cases of your organisation" not in page
    c = signed_in(Role.ADMINISTRATOR)
    assert "Orders nearing expiry" in c.get("/?on=2024-01-10").text


def test_pspo_form_refuses_making_without_consultation_then_accepts_it(signed_in, demo):
    council = Organisation.objects.get(name="Worcester City Council")
    c = signed_in(Role.CONTRIBUTOR, council)
    partnership = Partnership.objects.get(slug="safer-worcester")
    base = {"partnership": partnership.pk, "council": council.pk, "slug": "riverside", "title": "Riverside",
            "area_description": "The riverside path", "prohibitions": "Barbecues"}
    response = c.post("/registers/pspo/new/", base)
    assert response.status_code == 302 and Order.objects.filter(slug="riverside", made=None).exists()
    made = {**base, "made": "2024-02-01", "starts": "2024-02-01", "ends": "2027-01-31"}
    response = c.post("/registers/pspo/riverside/edit/", made)
    assert response.status_code == 200
    assert "Making the order needs the statutory consultation first" in response.text
    assert "There is a problem" in response.text
    too_long = {**made, "ends": "2027-02-01"}
    response = c.post("/registers/pspo/riverside/edit/", too_long)
    assert "A PSPO may last at most 3 years" in response.text
    response = c.post("/registers/pspo/riverside/consultations/new/",
                      {"purpose": "making", "opens": "2023-11-01", "closes": "2023-12-15"})
    consultation = Order.objects.get(slug="riverside").consultations.get()
    for category in ("police", "pcc", "community", "owner_occupier", "parish", "county"):
        response = c.post(f"/registers/pspo/riverside/consultations/{consultation.pk}/consultees/new/",
                          {"category": category, "contacted": "2023-11-01"})
        assert response.status_code == 302
    assert c.post("/registers/pspo/riverside/edit/", made).status_code == 302
    assert Order.objects.get(slug="riverside").made is not None
    other = signed_in(Role.CONTRIBUTOR, Organisation.objects.get(name="YSS"))
    assert other.post("/registers/pspo/riverside/edit/", made).status_code == 403


def test_pspo_extension_after_expiry_refused_through_the_form(signed_in, demo):
    c = signed_in(Role.ADMINISTRATOR)
    order = Order.objects.get(slug="city-centre")
    response = c.post("/registers/pspo/city-centre/consultations/new/",
                      {"purpose": "extension", "opens": "2024-01-08", "closes": "2024-02-18"})
    assert response.status_code == 302
    response = c.post("/registers/pspo/city-centre/changes/new/", {
        "kind": "extension", "decided": "2024-03-29", "effective": "2024-03-29", "new_end": "2027-03-28",
        "consultation": order.consultations.get(purpose="extension").pk})
    assert response.status_code == 200
    assert "it expired at the end of 28 March 2024" in response.text


def test_case_review_recorded_through_the_web_stays_visible_to_its_contributor(signed_in, demo):
    org = Organisation.objects.get(name="Citizen Housing")
    c = signed_in(Role.CONTRIBUTOR, org)
    partnership = Partnership.objects.get(slug="safer-worcester")
    response = c.post("/registers/asb/new/", {
        "partnership": partnership.pk, "reference": "CT-2024-01", "received": "2024-01-08", "route": "email",
        "applicant_name": "Jo Example", "owning_organisations": [Organisation.objects.get(
            name="Worcester City Council").pk], "threshold_met": ""})
    assert response.status_code == 302, response.content[:2000]
    case = CaseReview.objects.get(reference="CT-2024-01")
    assert set(case.owning_organisations.values_list("name", flat=True)) == {"Worcester City Council",
                                                                             "Citizen Housing"}
    for day in ("2023-11-01", "2023-12-01", "2024-01-02"):
        assert c.post(f"/registers/asb/{case.pk}/complaints/new/", {
            "behaviour_date": day, "reported_date": day, "agency": org.pk}).status_code == 302
    page = c.get(case.get_absolute_url()).text
    assert "Jo Example" in page and "Threshold met on the complaints route" in page
    response = c.post(f"/registers/asb/{case.pk}/edit/", {
        "partnership": partnership.pk, "reference": "CT-2024-01", "received": "2024-01-08", "route": "email",
        "applicant_name": "Jo Example", "owning_organisations": [org.pk], "threshold_met": "False",
        "threshold_decision_date": "2024-01-20"})
    assert response.status_code == 200 and "a review must be held" in response.text
