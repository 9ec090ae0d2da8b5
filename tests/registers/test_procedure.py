"""The local procedure: inherited from the parent partnership, defaults otherwise, set by administrators."""

from datetime import date

from saferplace.accounts.models import Role
from saferplace.partnership.models import Partnership
from saferplace.registers.models import CaseReview, Complaint, LocalProcedure


def test_procedure_is_own_else_parents_else_defaults(db):
    parent = Partnership.objects.create(name="County CSP", slug="county")
    child = Partnership.objects.create(name="Town CSP", slug="town", parent=parent)
    default = LocalProcedure.for_partnership(child)
    assert default.is_default and default.asb_threshold_complaints == 3 and default.pspo_expiry_alert_months == 6
    assert (default.asb_complaint_within_months, default.asb_application_within_months) == (1, 6)
    assert (default.asb_acknowledge_working_days, default.asb_decide_working_days) == (3, 25)
    assert (default.dhr_decision_months, default.dhr_completion_months) == (1, 6)
    LocalProcedure.objects.create(partnership=parent, asb_threshold_complaints=5)
    assert LocalProcedure.for_partnership(child).asb_threshold_complaints == 5
    LocalProcedure.objects.create(partnership=child, asb_threshold_complaints=2)
    assert LocalProcedure.for_partnership(child).asb_threshold_complaints == 2


def test_administrator_sets_the_procedure_and_the_threshold_follows(signed_in, organisation):
    partnership = Partnership.objects.create(name="Town CSP", slug="town")
    case = CaseReview.objects.create(partnership=partnership, reference="T-9", received=date(2021, 6, 1),
                                     route="online", applicant_name="Lee Example")
    for day in (date(2021, 5, 1), date(2021, 5, 10)):
        Complaint.objects.create(case=case, behaviour_date=day, reported_date=day, agency=organisation)
    assert not case.assessment().met
    fields = {f.name: getattr(LocalProcedure(), f.name) for f in LocalProcedure._meta.fields
              if f.name not in {"id", "partnership", "asb_counts_last_published", "notes"}}
    form = {k: ("on" if v is True else "" if v is False else v) for k, v in fields.items()}
    assert signed_in(Role.ANALYST).post("/registers/procedure/town/", {**form}).status_code == 403
    admin = signed_in(Role.ADMINISTRATOR)
    assert admin.get("/registers/procedure/town/").status_code == 200
    bad = admin.post("/registers/procedure/town/", {**form, "asb_threshold_complaints": 0})
    assert bad.status_code == 200 and "There is a problem" in bad.text
    assert admin.post("/registers/procedure/town/", {**form, "asb_threshold_complaints": 2}).status_code == 302
    assert LocalProcedure.objects.get(partnership=partnership).asb_threshold_complaints == 2
    assert case.assessment().met
