"""Public Spaces Protection Orders, 2014 Act ss.59-75 and the Publication Regulations 2014 (SI 2014/2591).

An order is proposed until its `made` date is recorded; making it (and every extension, variation and
discharge) is refused without a complete statutory consultation (rules/pspo.py, ADR 0602).
"""

from datetime import date

from django.db import models
from django.urls import reverse

from saferplace.partnership.models import Organisation, Partnership


class Order(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="pspos")
    council = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="pspos", help_text="The local authority that makes it"
    )
    slug = models.SlugField(unique=True)
    title = models.CharField(max_length=200)
    area_description = models.TextField(help_text="The restricted area, as the order describes it")
    geometry = models.TextField(
        blank=True, help_text="Optional: the restricted area as a GeoJSON Polygon or MultiPolygon (WGS84)"
    )
    prohibitions = models.TextField(blank=True, help_text="One prohibition per line")
    requirements = models.TextField(blank=True, help_text="One requirement per line")
    expedited = models.BooleanField(
        default=False, help_text="An expedited order (s.59A, schools and vaccination or test centres): 6 months at most"
    )
    made = models.DateField(null=True, blank=True, help_text="Leave empty while the order is proposed")
    starts = models.DateField(null=True, blank=True, help_text="First day in force")
    ends = models.DateField(null=True, blank=True, help_text="Last day in force, before any extension")
    published_on_website = models.DateField(null=True, blank=True, help_text="Order published on the council website")
    notices_on_site = models.DateField(null=True, blank=True, help_text="Notices put up at or near the place")
    illustrative_note = models.TextField(blank=True, help_text="Which details are illustrative; shown on the page")
    source = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["title"]
        verbose_name = "PSPO"
        verbose_name_plural = "PSPOs"

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("registers:pspo_detail", args=[self.slug])

    def prohibition_list(self) -> list[str]:
        return [line.strip() for line in self.prohibitions.splitlines() if line.strip()]

    def requirement_list(self) -> list[str]:
        return [line.strip() for line in self.requirements.splitlines() if line.strip()]

    def extensions(self):
        return self.changes.filter(kind=OrderChange.Kind.EXTENSION).order_by("decided", "pk")

    def expiry(self) -> date | None:
        """The last day in force after every recorded extension (before any discharge)."""
        ends = [self.ends] if self.ends else []
        ends += [e.new_end for e in self.extensions() if e.new_end]
        return max(ends) if ends else None

    def discharge(self):
        return self.changes.filter(kind=OrderChange.Kind.DISCHARGE).order_by("effective").first()

    def status_on(self, day: date) -> str:
        if not self.made:
            return "Proposed"
        discharge = self.discharge()
        if discharge and discharge.effective and discharge.effective <= day:
            return "Discharged"
        if self.starts and day < self.starts:
            return "Made, not yet in force"
        expiry = self.expiry()
        if expiry and day > expiry:
            return "Expired"
        return "In force"

    def clean(self):
        from saferplace.registers.rules.pspo import check_order

        check_order(self)


class Consultation(models.Model):
    class Purpose(models.TextChoices):
        MAKING = "making", "Making the order"
        EXTENSION = "extension", "Extending the order"
        VARIATION = "variation", "Varying the order"
        DISCHARGE = "discharge", "Discharging the order"

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="consultations")
    purpose = models.CharField(max_length=20, choices=Purpose.choices)
    opens = models.DateField()
    closes = models.DateField()
    method = models.CharField(max_length=300, blank=True, help_text="For example: online survey, letters, meetings")
    responses = models.PositiveIntegerField(null=True, blank=True, help_text="Number of responses received")
    results = models.TextField(blank=True, help_text="Summary of the results and where they were reported")
    reported_to = models.CharField(max_length=200, blank=True, help_text="For example: Communities Committee")
    reported_on = models.DateField(null=True, blank=True)
    illustrative_note = models.TextField(blank=True, help_text="Which details are illustrative; shown on the page")
    source = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["opens", "pk"]

    def __str__(self):
        return f"{self.get_purpose_display()}: {self.order} ({self.opens:%-d %B %Y} to {self.closes:%-d %B %Y})"

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.opens and self.closes and self.closes < self.opens:
            raise ValidationError({"closes": "The consultation cannot close before it opens."})


class Consultee(models.Model):
    """One statutory consultee or notified body of a consultation (s.72(4)-(5)) and what they said."""

    class Category(models.TextChoices):
        POLICE = "police", "Chief officer of police"
        PCC = "pcc", "Police and crime commissioner (local policing body)"
        COMMUNITY = "community", "Community representatives"
        OWNER_OCCUPIER = "owner_occupier", "Owner or occupier of land in the restricted area"
        PARISH = "parish", "Parish or community council (notified)"
        COUNTY = "county", "County council (notified)"
        SITE_AUTHORITY = "site_authority", "School or NHS body (consent to an expedited order)"
        OTHER = "other", "Other"

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="consultees")
    category = models.CharField(max_length=20, choices=Category.choices)
    organisation = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    description = models.CharField(max_length=300, blank=True, help_text="Who, when not an organisation on record")
    contacted = models.DateField(null=True, blank=True, help_text="Date consulted or notified")
    not_applicable_reason = models.CharField(
        max_length=300,
        blank=True,
        help_text="Only for owner/occupier, parish or county: why none was consulted or notified "
        "(for example: no parish council for the area; land owned by the council)",
    )
    consent_given = models.BooleanField(default=False, help_text="Consent given (expedited orders only)")
    response = models.TextField(blank=True)
    responded = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["category", "pk"]

    def __str__(self):
        who = self.organisation or self.description or self.get_category_display()
        return f"{self.get_category_display()}: {who}"

    def clean(self):
        from saferplace.registers.rules.pspo import check_consultee

        check_consultee(self)


class OrderChange(models.Model):
    """An extension (s.60), variation or discharge (s.61) of an order, with its own publication checklist."""

    class Kind(models.TextChoices):
        EXTENSION = "extension", "Extension"
        VARIATION = "variation", "Variation"
        DISCHARGE = "discharge", "Discharge"

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="changes")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    decided = models.DateField(help_text="Date the council decided it")
    decided_by = models.CharField(max_length=200, blank=True, help_text="For example: Communities Committee")
    effective = models.DateField(help_text="First day it takes effect")
    new_end = models.DateField(null=True, blank=True, help_text="Extensions only: the new last day in force")
    description = models.TextField(blank=True, help_text="What changes (for example: extended without change)")
    consultation = models.ForeignKey(
        Consultation, null=True, blank=True, on_delete=models.PROTECT, related_name="changes",
        help_text="The consultation the decision rests on",
    )
    published_on_website = models.DateField(null=True, blank=True)
    notices_on_site = models.DateField(null=True, blank=True)
    illustrative_note = models.TextField(blank=True)
    source = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["decided", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} of {self.order} ({self.decided:%-d %B %Y})"

    def clean(self):
        from saferplace.registers.rules.pspo import check_change

        check_change(self)


class EnforcementMonth(models.Model):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="enforcement")
    month = models.DateField(help_text="Any day in the month; kept as the first of the month")
    fixed_penalty_notices = models.PositiveIntegerField(default=0)
    warnings = models.PositiveIntegerField(default=0, help_text="Verbal or written warnings and requests to desist")
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["order", "month"]
        constraints = [models.UniqueConstraint(fields=["order", "month"], name="unique_pspo_enforcement_month")]

    def __str__(self):
        return f"{self.order}, {self.month:%B %Y}"

    def clean(self):
        from saferplace.registers.rules.pspo import check_enforcement_month

        if self.month:
            self.month = self.month.replace(day=1)
        check_enforcement_month(self)
