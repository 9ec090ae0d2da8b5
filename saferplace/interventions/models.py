"""What the partnership does: projects, what they produce (outputs), and how each priority is measured.

A project serves priorities; a priority is measured by outcome indicators. Whether an indicator moved while
a project ran is an association, never proof that the project caused it.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse

from saferplace.funding.years import validate_financial_year
from saferplace.partnership.models import Organisation, Partnership, Priority

YEAR_HINT = "For example 2020-21 (1 April 2020 to 31 March 2021)"

# The 14 police.uk street-level categories (DOMAIN.md, "Counting and classification").
POLICEUK_CATEGORIES = [
    "Anti-social behaviour", "Bicycle theft", "Burglary", "Criminal damage and arson", "Drugs", "Other crime",
    "Other theft", "Possession of weapons", "Public order", "Robbery", "Shoplifting", "Theft from the person",
    "Vehicle crime", "Violence and sexual offences",
]


class Project(models.Model):
    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="projects", help_text="The partnership that records it"
    )
    name = models.CharField(max_length=200)
    purpose = models.TextField()
    lead_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="projects_led",
        help_text="Leave empty when not known",
    )
    partners = models.ManyToManyField(Organisation, blank=True, related_name="projects_partnered")
    priorities = models.ManyToManyField(Priority, blank=True, related_name="projects")
    no_priority_reason = models.TextField(
        blank=True, help_text="Why the project serves no single priority (only when none is chosen)"
    )
    link_basis = models.CharField(
        max_length=300, blank=True, help_text="How the link to priorities was made, if not by the source itself"
    )
    start = models.DateField(null=True, blank=True, help_text="Leave empty when not known")
    end = models.DateField(null=True, blank=True, help_text="Leave empty when not known or still running")
    source = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "name"], name="unique_project_name"),
            models.CheckConstraint(
                condition=Q(start__isnull=True) | Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="project_ends_after_start",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("interventions:project", args=[self.pk])


class Output(models.Model):
    """What a project produces, as one of the partner measures (incidents `Measure`): DAWN's "Referrals received"
    is the measure `dawn-referrals`. Its figures are that measure's values, stored once (docs/adr/0801); the
    outputs form and workbook, the measure's page and its template all read and write them."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="outputs")
    measure = models.ForeignKey("incidents.Measure", on_delete=models.PROTECT, related_name="outputs")
    name = models.CharField(max_length=200, help_text="What the project's reports call it, e.g. 'Referrals received'")
    source = models.CharField(max_length=200, blank=True, help_text="Where the link to the measure comes from")

    class Meta:
        ordering = ["project__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["project", "measure"], name="unique_output_measure"),
            models.UniqueConstraint(fields=["project", "name"], name="unique_output_name"),
        ]

    def __str__(self):
        return f"{self.project.name}: {self.name}"


class OutcomeIndicator(models.Model):
    """A measure of a priority: a list of police.uk categories, or a partner's measure."""

    class Kind(models.TextChoices):
        POLICEUK = "policeuk", "police.uk categories"
        PARTNER = "partner", "Partner measure"

    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    policeuk_categories = models.JSONField(
        default=list, blank=True, help_text="For police.uk indicators: the categories counted together"
    )
    partner_measure = models.CharField(
        max_length=100, blank=True, help_text="For partner measures: the code of the partner dataset"
    )
    lower_is_better = models.BooleanField(
        null=True, default=True, choices=[(True, "Lower is better"), (False, "Higher is better"),
                                          (None, "Context only: reported, not judged better or worse")],
        help_text="Context only where a rise is not simply worse (e.g. more reporting of domestic abuse)")
    note = models.TextField(blank=True, help_text="What the indicator does and does not capture")
    source = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["priority", "name"]
        constraints = [models.UniqueConstraint(fields=["priority", "name"], name="unique_indicator")]

    def __str__(self):
        return self.name

    def clean(self):
        if self.kind == self.Kind.POLICEUK:
            unknown = [c for c in self.policeuk_categories or [] if c not in POLICEUK_CATEGORIES]
            if not self.policeuk_categories:
                raise ValidationError({"policeuk_categories": "Choose at least one police.uk category."})
            if unknown:
                raise ValidationError({"policeuk_categories": f"Not police.uk categories: {', '.join(unknown)}."})
        elif not self.partner_measure:
            raise ValidationError({"partner_measure": "Name the partner measure this indicator reads."})


class PriorityNoAction(models.Model):
    """A recorded decision that a priority has no project in a year, and why (so it is not an orphan)."""

    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="no_action_reasons")
    financial_year = models.CharField(max_length=7, validators=[validate_financial_year], help_text=YEAR_HINT)
    reason = models.TextField()
    source = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-financial_year", "priority"]
        verbose_name = "no-action reason"
        constraints = [models.UniqueConstraint(fields=["priority", "financial_year"], name="unique_no_action")]

    def __str__(self):
        return f"{self.priority}: no action in {self.financial_year}"
