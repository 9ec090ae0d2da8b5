"""What each pound bought: money allocated and spent, outputs and cost per output, per project and per priority.

Money allocated to a project in a year = its bids' allocations in rounds of that year + grant lines for it that
were not paid out of one of those bids (a grant line paid from a bid is the same money, counted once).
An output's figures are the values of its partner measure in the year (docs/adr/0801).
Cost per output = money ÷ output value, rounded half-up to the penny, for each measure on its own (a project's
measures are different things and are never added together). Spend is used when any is recorded for the year,
otherwise the allocation, and the basis is always shown. A project serving several priorities counts in full
under each of them, and the priority page says so.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Sum

from saferplace.funding.models import Bid, GrantLine, Spend

from .models import Project
from .outputs import Figure, figures, has_figures

ZERO = Decimal("0.00")
PENNY = Decimal("0.01")


def cost_per_output(money: Decimal, value: Decimal) -> Decimal | None:
    """£ per unit of output, to the penny (half-up); None when nothing was produced."""
    if value is None or value <= 0:
        return None
    return (Decimal(money) / Decimal(value)).quantize(PENNY, rounding=ROUND_HALF_UP)


@dataclass
class OutputCost:
    figure: Figure  # one value of one of the project's outputs (a partner measure)
    cost: Decimal | None


@dataclass
class ProjectYear:
    project: Project
    year: str | None  # None: every year recorded
    allocated: Decimal
    spent: Decimal
    requested: Decimal
    basis: str  # "spent", "allocated" or "" when there is no money
    outputs: list[OutputCost] = field(default_factory=list)

    @property
    def money(self) -> Decimal:
        return self.spent if self.basis == "spent" else self.allocated

    @property
    def funded(self) -> bool:
        return self.allocated > 0


def _sum(qs, name: str) -> Decimal:
    return qs.aggregate(t=Sum(name))["t"] or ZERO


def project_year(project: Project, year: str | None = None) -> ProjectYear:
    bids = Bid.objects.filter(project=project)
    lines = GrantLine.objects.filter(project=project)
    spend = Spend.objects.filter(project=project)
    if year:
        bids = bids.filter(funding_round__financial_year=year)
        lines = lines.filter(financial_year=year)
        spend = spend.filter(financial_year=year)
    own_lines = lines.exclude(bid__in=bids)  # a line paid out of a counted bid is the same money
    allocated = _sum(bids, "allocated") + _sum(own_lines, "amount")
    spent = _sum(spend, "amount")
    basis = "spent" if spent > 0 else ("allocated" if allocated > 0 else "")
    result = ProjectYear(project, year, allocated, spent, _sum(bids, "requested"), basis)
    money = result.money
    result.outputs = [OutputCost(f, cost_per_output(money, f.value) if basis else None)
                      for f in figures(project, year)]
    return result


@dataclass
class PriorityYear:
    priority: object
    year: str | None
    projects: list[ProjectYear]

    @property
    def allocated(self) -> Decimal:
        return sum((p.allocated for p in self.projects), ZERO)

    @property
    def spent(self) -> Decimal:
        return sum((p.spent for p in self.projects), ZERO)

    @property
    def shared_projects(self) -> list[ProjectYear]:
        """Projects that also serve another priority (their money is counted under each)."""
        return [p for p in self.projects if p.project.priorities.count() > 1]


def active_in(project: Project, year: str) -> bool:
    """A project belongs to a year when it has money, spend or outputs in it, or its dates overlap it."""
    from saferplace.core.dates import financial_year_bounds

    if (Bid.objects.filter(project=project, funding_round__financial_year=year).exists()
            or GrantLine.objects.filter(project=project, financial_year=year).exists()
            or Spend.objects.filter(project=project, financial_year=year).exists()
            or has_figures(project, year)):
        return True
    first, last = financial_year_bounds(year)
    if project.start and project.start > last:
        return False
    if project.end and project.end < first:
        return False
    return bool(project.start or project.end)


def priority_year(priority, year: str | None = None) -> PriorityYear:
    projects = priority.projects.all()
    if year:
        projects = [p for p in projects if active_in(p, year)]
    return PriorityYear(priority, year, [project_year(p, year) for p in projects])
