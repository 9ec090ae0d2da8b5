"""Money, outputs and cost per output, checked against hand computation from the seed's figures."""

from decimal import Decimal

from saferplace.interventions.analysis import cost_per_output, priority_year, project_year
from saferplace.interventions.models import Project
from saferplace.partnership.models import Priority


def test_cost_per_output_rounds_half_up_to_the_penny():
    assert cost_per_output(Decimal("32890.00"), Decimal(157)) == Decimal("209.49")  # 209.4904…
    assert cost_per_output(Decimal("47010.00"), Decimal(2074)) == Decimal("22.67")  # 22.6663…
    assert cost_per_output(Decimal("0.05"), Decimal(2)) == Decimal("0.03")  # 0.025 rounds up, not to even
    assert cost_per_output(Decimal("100"), Decimal(0)) is None


def test_dawn_allocated_money_per_output(seed):
    dawn = project_year(Project.objects.get(name="Dawn Project"), "2020-21")
    assert (dawn.allocated, dawn.spent, dawn.basis) == (Decimal("32890.00"), Decimal("0.00"), "allocated")
    costs = {o.figure.name: o.cost for o in dawn.outputs}
    assert costs == {
        "Referrals received": Decimal("209.49"),  # 32,890 / 157 = 209.490…
        "Women already receiving support": Decimal("644.90"),  # 32,890 / 51 = 644.901…
        "Women who left the service with a positive outcome": Decimal("263.12"),  # 32,890 / 125 = 263.12
        "Children affected now leading safer lives": Decimal("166.11"),  # 32,890 / 198 = 166.111…
    }


def test_cctv_monitoring_uses_spend_when_recorded(seed):
    cctv = project_year(Project.objects.get(name="CCTV monitoring"), "2020-21")
    assert (cctv.allocated, cctv.spent, cctv.basis) == (Decimal("20000.00"), Decimal("47010.00"), "spent")
    costs = {o.figure.name: o.cost for o in cctv.outputs}
    assert costs["Instances witnessed by the control room"] == Decimal("22.67")  # 47,010 / 2,074 = 22.666…
    assert costs["Requests for footage serviced"] == Decimal("388.51")  # 47,010 / 121 = 388.512…


def test_grant_line_paid_from_a_bid_is_not_counted_twice(seed):
    pastors = project_year(Project.objects.get(name="Worcester Street Pastors"), "2020-21")
    assert pastors.allocated == Decimal("2700.00")  # bid £2,700 = grant line £2,700, the same money
    assert {o.figure.name: o.cost for o in pastors.outputs} == {
        "Weekends patrolled (of 52)": Decimal("54.00"), "People supported": Decimal("20.45")}  # 2,700/132=20.4545
    love = project_year(Project.objects.get(name="Love Your Home"), "2020-21")
    assert love.allocated == Decimal("2000.00")  # the £1,665 line is paid out of the £2,000 allocation


def test_domestic_abuse_priority_totals(seed):
    da = priority_year(Priority.objects.get(name="Domestic Abuse"), "2020-21")
    names = sorted(p.project.name for p in da.projects)
    assert names == ["Dawn Project", "Domestic Homicide Review", "Housing support for victims of domestic abuse",
                     "Safe and Sound", "White Ribbon Campaign 2020"]
    # Dawn 32,890 + DHR 12,000 (its £12,000 grant line is paid from the bid) + Safe and Sound line 4,132
    assert da.allocated == Decimal("32890.00") + Decimal("12000.00") + Decimal("4132.00")
    assert [p.project.name for p in da.shared_projects] == ["Safe and Sound"]
