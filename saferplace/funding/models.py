"""Money: who funds the partnership, the rounds it bids in, what was asked for, allocated, received and spent.

Every amount is a Decimal with two decimal places (pounds and pence), never a float. Demo records carry a
`source` naming the paragraph or appendix of the seed report they come from.
"""

from decimal import Decimal

from django.db import models
from django.db.models import Q, Sum
from django.urls import reverse

from saferplace.partnership.models import Organisation, Partnership

from .years import validate_financial_year

MONEY = {"max_digits": 12, "decimal_places": 2}
ZERO = Decimal("0.00")
YEAR_HINT = "For example 2020-21 (1 April 2020 to 31 March 2021)"


class Funder(models.Model):
    """A body that gives grants, such as the police and crime commissioner, and the plan its grants serve."""

    organisation = models.OneToOneField(Organisation, on_delete=models.PROTECT, related_name="funder")
    plan_name = models.CharField(max_length=200, blank=True, help_text="The plan its grants serve")
    source = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["organisation__name"]

    def __str__(self):
        return self.organisation.name


class PlanObjective(models.Model):
    """An objective of the funder's plan that a bid says it serves (e.g. Putting Victims First)."""

    funder = models.ForeignKey(Funder, on_delete=models.CASCADE, related_name="objectives")
    name = models.CharField(max_length=200)
    order = models.PositiveSmallIntegerField(default=0)
    source = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["funder", "order", "name"]
        constraints = [models.UniqueConstraint(fields=["funder", "name"], name="unique_plan_objective")]

    def __str__(self):
        return self.name


class FundingRound(models.Model):
    """One funder's allocation to one partnership for one financial year, and the bids made against it."""

    funder = models.ForeignKey(Funder, on_delete=models.PROTECT, related_name="rounds")
    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="funding_rounds")
    financial_year = models.CharField(max_length=7, validators=[validate_financial_year], help_text=YEAR_HINT)
    title = models.CharField(max_length=300)
    amount_available = models.DecimalField(
        **MONEY, null=True, blank=True, help_text="Leave empty when the amount available is not known"
    )
    available_as_printed = models.CharField(
        max_length=200, blank=True, help_text="The amount available exactly as the source prints it"
    )
    stated_total_requested = models.DecimalField(
        **MONEY, null=True, blank=True, help_text="The total requested as the source prints it, to reconcile"
    )
    stated_total_allocated = models.DecimalField(
        **MONEY, null=True, blank=True, help_text="The total allocated as the source prints it, to reconcile"
    )
    note = models.TextField(blank=True, help_text="What a reader must know about how this round was recorded")
    source = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-financial_year", "partnership__name"]
        constraints = [
            models.UniqueConstraint(fields=["funder", "partnership", "financial_year"], name="unique_funding_round"),
            models.CheckConstraint(condition=Q(amount_available__gte=0), name="round_available_not_negative"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("funding:round", args=[self.pk])

    def total_requested(self) -> Decimal:
        return self.bids.aggregate(t=Sum("requested"))["t"] or ZERO

    def total_allocated(self) -> Decimal:
        return self.bids.aggregate(t=Sum("allocated"))["t"] or ZERO

    def unallocated(self) -> Decimal | None:
        if self.amount_available is None:
            return None
        return self.amount_available - self.total_allocated()


class Bid(models.Model):
    """A request to a funding round for a project, and what the round decided."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        ALLOCATED = "allocated", "Allocated in full"
        PART_ALLOCATED = "part_allocated", "Part-allocated"
        REFUSED = "refused", "Refused"
        DEFERRED = "deferred", "Deferred"

    funding_round = models.ForeignKey(FundingRound, on_delete=models.CASCADE, related_name="bids")
    project = models.ForeignKey("interventions.Project", on_delete=models.PROTECT, related_name="bids")
    order = models.PositiveSmallIntegerField(default=0, help_text="Row order in the round's table")
    purpose = models.TextField()
    lead_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="bids_led",
        help_text="Leave empty when the source does not say who leads",
    )
    plan_objectives = models.ManyToManyField(PlanObjective, blank=True, related_name="bids")
    requested = models.DecimalField(**MONEY)
    allocated = models.DecimalField(**MONEY, default=ZERO)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    deferred_to = models.CharField(
        max_length=7, blank=True, validators=[validate_financial_year],
        help_text="For a deferred bid: the financial year it is deferred to, for example 2021-22",
    )
    status_reason = models.TextField(blank=True, help_text="Why the bid was deferred or refused")
    no_priority_reason = models.TextField(
        blank=True, help_text="Why money allocated to this bid serves no single priority (only when none is linked)"
    )
    comments = models.TextField(blank=True, help_text="The partnership's comments, as recorded")
    source = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["funding_round", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["funding_round", "project"], name="unique_bid_per_project"),
            models.CheckConstraint(condition=Q(requested__gte=0), name="bid_requested_not_negative"),
            models.CheckConstraint(condition=Q(allocated__gte=0), name="bid_allocated_not_negative"),
        ]

    def __str__(self):
        return f"{self.project.name} ({self.funding_round.financial_year})"

    def get_absolute_url(self):
        return reverse("funding:bid_edit", args=[self.pk])


class GrantLine(models.Model):
    """Money a district received for one purpose in a year (the seed's paragraph 5.1 list)."""

    funder = models.ForeignKey(Funder, on_delete=models.PROTECT, related_name="grant_lines")
    recipient = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="grant_lines_received")
    via = models.ForeignKey(
        Partnership, null=True, blank=True, on_delete=models.PROTECT, related_name="grant_lines_passed",
        help_text="The partnership it came through, if any",
    )
    financial_year = models.CharField(max_length=7, validators=[validate_financial_year], help_text=YEAR_HINT)
    name = models.CharField(max_length=200, help_text="The line as the source names it")
    amount = models.DecimalField(**MONEY)
    project = models.ForeignKey(
        "interventions.Project", null=True, blank=True, on_delete=models.PROTECT, related_name="grant_lines"
    )
    bid = models.ForeignKey(
        Bid, null=True, blank=True, on_delete=models.PROTECT, related_name="grant_lines",
        help_text="The round allocation this money was paid from, when it was (so it is not counted twice)",
    )
    order = models.PositiveSmallIntegerField(default=0)
    source = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-financial_year", "recipient__name", "order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "financial_year", "name"], name="unique_grant_line"),
            models.CheckConstraint(condition=Q(amount__gte=0), name="grant_line_not_negative"),
        ]

    def __str__(self):
        return f"{self.name} ({self.financial_year})"


class Spend(models.Model):
    """Money spent on a project, from a bid's allocation, a grant line, or the partner's own budget."""

    project = models.ForeignKey("interventions.Project", on_delete=models.PROTECT, related_name="spend")
    bid = models.ForeignKey(Bid, null=True, blank=True, on_delete=models.PROTECT, related_name="spend")
    grant_line = models.ForeignKey(GrantLine, null=True, blank=True, on_delete=models.PROTECT, related_name="spend")
    amount = models.DecimalField(**MONEY)
    financial_year = models.CharField(max_length=7, validators=[validate_financial_year], help_text=YEAR_HINT)
    date = models.DateField(null=True, blank=True, help_text="Leave empty when the source gives only the year")
    description = models.TextField()
    source = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-financial_year", "date", "pk"]
        verbose_name_plural = "spend"
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="spend_positive"),
            models.CheckConstraint(
                condition=Q(bid__isnull=True) | Q(grant_line__isnull=True), name="spend_from_one_source"
            ),
        ]

    def __str__(self):
        return f"£{self.amount:,.2f} on {self.project.name} ({self.financial_year})"

    @property
    def funded_from(self) -> str:
        if self.bid_id:
            return f"Bid: {self.bid}"
        if self.grant_line_id:
            return f"Grant line: {self.grant_line}"
        return "Own budget"
