"""The partnership itself: who is in it, how it governs itself, what it meets about and what it owes.

Demo records carry a `source` naming the paragraph or appendix of the seed report they come from.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from saferplace.geography.models import Area

# Addresses under /partnership/ that are pages across partnerships, so no partnership may take them as slug.
RESERVED_SLUGS = {"governance", "groups", "meetings", "organisations", "terms-of-reference"}


def not_a_reserved_path(slug: str) -> None:
    if slug in RESERVED_SLUGS:
        raise ValidationError(f"'{slug}' is the address of another page; choose another short name for the address.")


class Organisation(models.Model):
    class Kind(models.TextChoices):
        COUNCIL = "council", "Council"
        POLICE = "police", "Police"
        PCC = "pcc", "Police and crime commissioner"
        FIRE = "fire", "Fire and rescue"
        HEALTH = "health", "Health"
        PROBATION = "probation", "Probation"
        HOUSING = "housing", "Housing provider"
        VOLUNTARY = "voluntary", "Voluntary or community sector"
        BUSINESS = "business", "Business"
        EDUCATION = "education", "Education"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    website = models.URLField(blank=True)
    source = models.CharField(max_length=200, blank=True, help_text="Where this record comes from")

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("partnership:organisation", args=[self.pk])


class Group(models.Model):
    """A board, partnership, committee, forum or panel in the governance structure."""

    class Kind(models.TextChoices):
        BOARD = "board", "Board"
        PARTNERSHIP = "partnership", "Partnership"
        SCRUTINY = "scrutiny", "Scrutiny committee"
        OFFICE = "office", "Office holder"
        GROUP = "group", "Group or forum"
        PANEL = "panel", "Panel"
        MEETING = "meeting", "Operational meeting"

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.GROUP)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, help_text="The body that hosts it"
    )
    description = models.TextField(blank=True)
    reports_to = models.ManyToManyField(
        "self", through="ReportingLine", symmetrical=False, related_name="reported_by", blank=True
    )
    source = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("partnership:group", args=[self.pk])


class ReportingLine(models.Model):
    """`group` reports to `reports_to`. The set of lines is kept acyclic (see rules.py)."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="lines_up")
    reports_to = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="lines_down")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["group", "reports_to"], name="unique_reporting_line"),
            models.CheckConstraint(condition=~models.Q(group=models.F("reports_to")), name="no_self_reporting"),
        ]

    def __str__(self):
        return f"{self.group} reports to {self.reports_to}"

    def save(self, *args, **kwargs):
        self.clean()
        super().save(*args, **kwargs)

    def clean(self):
        from .rules import check_reporting_line

        if self.group_id and self.reports_to_id:
            check_reporting_line(self.group, self.reports_to)


class Partnership(models.Model):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(unique=True, validators=[not_a_reserved_path])
    short_name = models.CharField(max_length=40, blank=True)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="children")
    areas = models.ManyToManyField(Area, blank=True, help_text="The areas the partnership covers")
    governing_group = models.OneToOneField(
        Group, null=True, blank=True, on_delete=models.SET_NULL, help_text="The group through which it meets"
    )
    lead_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="led_partnerships"
    )
    statutory = models.BooleanField(
        default=False, help_text="A statutory community safety partnership (owes the strategic assessment)"
    )
    members = models.ManyToManyField(Organisation, through="Membership", related_name="partnerships")
    source = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("partnership:overview", args=[self.slug])

    def lsoas(self):
        """The LSOAs inside the partnership's areas (its area as a set of LSOAs)."""
        codes = set()
        for area in self.areas.all():
            if area.level == "lsoa":
                codes.add(area.pk)
            codes.update(a.pk for a in area.descendants("lsoa"))
        return Area.objects.filter(pk__in=codes)

    def themes_in_force(self):
        """Its own themes, or those of the partnership it sits within (Safer Worcester uses SWCSP's)."""
        own = self.themes.all()
        if own.exists() or self.parent is None:
            return own
        return self.parent.themes_in_force()


class Membership(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    responsible_authority = models.BooleanField(
        default=False, help_text="A responsible authority under the Crime and Disorder Act 1998 s.5"
    )
    source = models.CharField(max_length=200, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["partnership", "organisation"], name="unique_membership")]
        ordering = ["organisation__name"]

    def __str__(self):
        return f"{self.organisation} in {self.partnership}"


class TermsOfReference(models.Model):
    class Frequency(models.TextChoices):
        MONTHLY = "monthly", "Monthly"
        BIMONTHLY = "bimonthly", "Every two months"
        QUARTERLY = "quarterly", "Quarterly"
        HALF_YEARLY = "half_yearly", "Every six months"
        ANNUAL = "annual", "Annually"

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="terms")
    adopted = models.DateField(null=True, blank=True)
    purpose = models.TextField()
    accountability = models.TextField(blank=True)
    vision = models.TextField(blank=True)
    meeting_frequency = models.CharField(max_length=20, choices=Frequency.choices)
    chair_rule = models.TextField(help_text="Who chairs and how they are chosen")
    vice_chair_rule = models.TextField(blank=True)
    secretariat = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.SET_NULL)
    attendance = models.TextField(blank=True, help_text="Who attends and what is expected of them")
    aims = models.TextField(help_text="One aim per line")
    source = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name_plural = "terms of reference"
        ordering = ["group__name", "-adopted"]

    def __str__(self):
        return f"Terms of reference: {self.group}"

    def get_absolute_url(self):
        return reverse("partnership:terms", args=[self.pk])

    def aims_list(self) -> list[str]:
        return [line.strip() for line in self.aims.splitlines() if line.strip()]


class Topic(models.Model):
    name = models.CharField(max_length=200, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Meeting(models.Model):
    class Format(models.TextChoices):
        IN_PERSON = "in_person", "In person"
        REMOTE = "remote", "Remote (online)"
        HYBRID = "hybrid", "Hybrid"
        NOT_RECORDED = "not_recorded", "Not recorded"

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="meetings")
    date = models.DateField(null=True, blank=True, help_text="Leave empty when the date is not known")
    financial_year = models.CharField(max_length=7, help_text="For example 2020-21")
    format = models.CharField(max_length=20, choices=Format.choices, default=Format.IN_PERSON)
    attendees = models.ManyToManyField(Organisation, blank=True, related_name="meetings_attended")
    topics = models.ManyToManyField(Topic, blank=True, related_name="meetings")
    minutes = models.TextField(blank=True)
    source = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-financial_year", "-date", "pk"]

    def __str__(self):
        when = self.date.strftime("%-d %B %Y") if self.date else f"date not recorded, {self.financial_year}"
        return f"{self.group} ({when})"

    def get_absolute_url(self):
        return reverse("partnership:meeting", args=[self.pk])


class YearReview(models.Model):
    """What a group covered over a financial year, as a report states it (topics without meeting dates)."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="year_reviews")
    financial_year = models.CharField(max_length=7)
    topics = models.ManyToManyField(Topic, blank=True, related_name="year_reviews")
    narrative = models.TextField(blank=True)
    source = models.CharField(max_length=200, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["group", "financial_year"], name="unique_year_review")]

    def __str__(self):
        return f"{self.group}, {self.financial_year}"


class Theme(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="themes")
    name = models.CharField(max_length=100)
    order = models.PositiveSmallIntegerField(default=0)
    source = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["partnership", "order", "name"]
        constraints = [models.UniqueConstraint(fields=["partnership", "name"], name="unique_theme")]

    def __str__(self):
        return self.name


class Priority(models.Model):
    """An area of focus under a theme, e.g. Domestic Abuse under Safer Homes."""

    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="priorities")
    name = models.CharField(max_length=200)
    order = models.PositiveSmallIntegerField(default=0)
    description = models.TextField(blank=True)
    source = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["theme__order", "order", "name"]
        verbose_name_plural = "priorities"
        constraints = [models.UniqueConstraint(fields=["theme", "name"], name="unique_priority")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("partnership:overview", args=[self.theme.partnership.slug])


class Action(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", "Not started"
        IN_PROGRESS = "in_progress", "In progress"
        DONE = "done", "Done"
        CANCELLED = "cancelled", "Cancelled"

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="actions")
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    owner = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="actions")
    due_date = models.DateField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    meeting = models.ForeignKey(Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions")
    priority = models.ForeignKey(Priority, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions")

    class Meta:
        ordering = ["due_date", "title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("partnership:actions", args=[self.partnership.slug])

    @property
    def is_closed(self) -> bool:
        return self.status in {self.Status.DONE, self.Status.CANCELLED}


class StrategicAssessment(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="assessments")
    title = models.CharField(max_length=300)
    period_start = models.DateField()
    period_end = models.DateField()
    author = models.CharField(max_length=200, help_text="Team or person who produced it")
    approved_date = models.DateField(null=True, blank=True)
    exempt = models.BooleanField(
        default=False, help_text="Exempt from publication: shown to administrators and analysts only"
    )
    summary = models.TextField(blank=True)
    source = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-period_end"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("partnership:assessment", args=[self.partnership.slug, self.pk])
