"""Crime and ASB records as police.uk publishes them, the batches that loaded them, monthly counts, and
partners' own measures.

Identity: a police.uk record belongs to a *force-month* (kind × force × month). Loading a force-month
replaces what was stored for it, so the raw tables hold exactly one copy of every force-month, always
from the newest release loaded. Raw rows are written in bulk by importers/writer.py, never one by one.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse

from saferplace.geography.models import Area
from saferplace.partnership.models import Organisation

from .categories import Category


class Force(models.Model):
    """A police force as police.uk names it (`west-mercia`, "West Mercia Police")."""

    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=120, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class ImportBatch(models.Model):
    """One file loaded (or refused): who, when, what, which release, and what the data rules found."""

    class Kind(models.TextChoices):
        STREET = "street", "Street-level crime and ASB"
        OUTCOMES = "outcomes", "Outcomes"
        STOP_SEARCH = "stop-and-search", "Stop and search"
        MEASURES = "measures", "Partner measures"

    class Status(models.TextChoices):
        RUNNING = "running", "Loading"
        LOADED = "loaded", "Loaded"
        REFUSED = "refused", "Refused"
        SKIPPED = "skipped", "Nothing to load"

    kind = models.CharField(max_length=20, choices=Kind.choices, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.RUNNING)
    source_name = models.CharField(max_length=500, help_text="File name, with the archive it came from")
    sha256 = models.CharField(max_length=64, blank=True)
    size = models.BigIntegerField(default=0)
    release = models.CharField(max_length=7, blank=True, help_text="police.uk release, YYYY-MM")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    loaded_by = models.CharField(max_length=150, blank=True, help_text="User name or the command line account")
    started = models.DateTimeField(auto_now_add=True)
    finished = models.DateTimeField(null=True, blank=True)
    rows_read = models.PositiveIntegerField(default=0)
    rows_loaded = models.PositiveIntegerField(default=0)
    counts_by_rule = models.JSONField(default=dict, blank=True, help_text="{rule code: number of rows}")
    issues = models.JSONField(default=list, blank=True, help_text="The first issues of each rule, for the report")
    force_months = models.JSONField(default=list, blank=True, help_text="[force, YYYY-MM] pairs loaded")

    class Meta:
        ordering = ["-started", "-pk"]
        verbose_name_plural = "import batches"

    def __str__(self):
        return f"{self.source_name} ({self.get_status_display()})"

    def get_absolute_url(self):
        return reverse("incidents:batch", args=[self.pk])

    @property
    def file_name(self) -> str:
        """The file's own name (an archive member's name inside its archive), for lists."""
        return self.source_name.replace("\\", "/").rsplit("!", 1)[-1].rsplit("/", 1)[-1]

    @property
    def seconds(self) -> float | None:
        return (self.finished - self.started).total_seconds() if self.finished else None


class ForceMonth(models.Model):
    """What is stored for one kind of police.uk data, one force and one month, and where it came from."""

    kind = models.CharField(max_length=20, choices=ImportBatch.Kind.choices)
    force = models.ForeignKey(Force, on_delete=models.PROTECT, related_name="months")
    month = models.DateField(help_text="First day of the month")
    batch = models.ForeignKey(ImportBatch, on_delete=models.PROTECT, related_name="+")
    release = models.CharField(max_length=7)
    rows = models.PositiveIntegerField(default=0)
    no_location = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["kind", "force__name", "month"]
        constraints = [models.UniqueConstraint(fields=["kind", "force", "month"], name="unique_force_month")]

    def __str__(self):
        return f"{self.force} {self.month:%Y-%m} ({self.kind})"


class Crime(models.Model):
    """A street-level record (crime or ASB). `row` is its row in the source file (the header is row 1)."""

    force_month = models.ForeignKey(ForceMonth, on_delete=models.CASCADE, related_name="crimes")
    batch = models.ForeignKey(ImportBatch, on_delete=models.DO_NOTHING, db_constraint=False, db_index=False,
                              related_name="+")
    row = models.PositiveIntegerField()
    crime_id = models.CharField(max_length=64, null=True, blank=True, help_text="Empty for ASB")
    month = models.DateField()
    reported_by = models.ForeignKey(Force, on_delete=models.DO_NOTHING, db_constraint=False, db_index=False,
                                    related_name="+")
    longitude = models.FloatField(null=True, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    location = models.CharField(max_length=300, blank=True)
    lsoa = models.ForeignKey(Area, null=True, blank=True, on_delete=models.DO_NOTHING, db_constraint=False,
                             db_index=False, related_name="+")
    category = models.PositiveSmallIntegerField(choices=Category.choices)
    last_outcome = models.CharField(max_length=120, blank=True)
    context = models.TextField(blank=True)

    class Meta:
        ordering = ["force_month", "row"]

    def __str__(self):
        return f"{self.get_category_display()} {self.month:%Y-%m} {self.location}"


class Outcome(models.Model):
    """An outcomes-file record: `month` is the month of the outcome, not of the crime."""

    force_month = models.ForeignKey(ForceMonth, on_delete=models.CASCADE, related_name="outcomes")
    batch = models.ForeignKey(ImportBatch, on_delete=models.DO_NOTHING, db_constraint=False, db_index=False,
                              related_name="+")
    row = models.PositiveIntegerField()
    crime_id = models.CharField(max_length=64)
    month = models.DateField()
    reported_by = models.ForeignKey(Force, on_delete=models.DO_NOTHING, db_constraint=False, db_index=False,
                                    related_name="+")
    longitude = models.FloatField(null=True, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    location = models.CharField(max_length=300, blank=True)
    lsoa = models.ForeignKey(Area, null=True, blank=True, on_delete=models.DO_NOTHING, db_constraint=False,
                             db_index=False, related_name="+")
    outcome_type = models.CharField(max_length=120)

    class Meta:
        ordering = ["force_month", "row"]

    def __str__(self):
        return f"{self.outcome_type} {self.month:%Y-%m}"


class StopSearch(models.Model):
    """A stop-and-search record. `searched_at` is the police.uk Date (UTC)."""

    force_month = models.ForeignKey(ForceMonth, on_delete=models.CASCADE, related_name="stops")
    batch = models.ForeignKey(ImportBatch, on_delete=models.DO_NOTHING, db_constraint=False, db_index=False,
                              related_name="+")
    row = models.PositiveIntegerField()
    type = models.CharField(max_length=40)
    searched_at = models.DateTimeField()
    part_of_operation = models.BooleanField(null=True)
    operation = models.CharField(max_length=200, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    gender = models.CharField(max_length=20, blank=True)
    age_range = models.CharField(max_length=20, blank=True)
    self_defined_ethnicity = models.CharField(max_length=200, blank=True)
    officer_defined_ethnicity = models.CharField(max_length=60, blank=True)
    legislation = models.CharField(max_length=200, blank=True)
    object_of_search = models.CharField(max_length=200, blank=True)
    outcome = models.CharField(max_length=200, blank=True)
    outcome_linked = models.BooleanField(null=True)
    removal_of_clothing = models.BooleanField(null=True)

    class Meta:
        ordering = ["force_month", "row"]
        verbose_name_plural = "stops and searches"

    def __str__(self):
        return f"{self.type} {self.searched_at:%Y-%m-%d}"


class MonthlyCount(models.Model):
    """Street-level rows counted by LSOA × category × month for each force-month, kept in step with every
    load and replace. `lsoa` is empty for the force-month's rows with no location.

    Read it through queries.monthly_counts(); never count raw Crime rows for analysis.
    """

    force_month = models.ForeignKey(ForceMonth, on_delete=models.CASCADE, related_name="counts")
    force = models.ForeignKey(Force, on_delete=models.PROTECT, related_name="+")
    month = models.DateField(help_text="First day of the month")
    lsoa = models.ForeignKey(Area, null=True, blank=True, on_delete=models.PROTECT, related_name="monthly_counts")
    category = models.CharField(max_length=60, help_text='police.uk name, e.g. "Violence and sexual offences"')
    count = models.PositiveIntegerField()

    class Meta:
        ordering = ["month", "category"]
        indexes = [models.Index(fields=["month", "lsoa"])]

    def __str__(self):
        return f"{self.month:%Y-%m} {self.category} {self.lsoa_id}: {self.count}"


class Measure(models.Model):
    """Something a partner counts: CCTV incidents witnessed, DA referrals, patrols, items given out…"""

    class Period(models.TextChoices):
        MONTH = "month", "Month"
        QUARTER = "quarter", "Quarter (financial year)"
        YEAR = "year", "Financial year"

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    unit = models.CharField(max_length=60, help_text="What one of it is, e.g. incidents, referrals, people")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="measures")
    period = models.CharField(max_length=10, choices=Period.choices)
    description = models.TextField(blank=True)
    published = models.BooleanField(
        default=False, help_text="A figure published by its owner (e.g. police recorded crime), not counted here"
    )
    source = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["organisation__name", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("incidents:measure", args=[self.slug])


class MeasureValue(models.Model):
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="values")
    period_start = models.DateField(help_text="First day of the month, quarter or financial year")
    value = models.DecimalField(max_digits=14, decimal_places=2)
    note = models.CharField(max_length=300, blank=True)
    batch = models.ForeignKey(ImportBatch, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    updated = models.DateTimeField(auto_now=True)
    source = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["measure", "period_start"]
        constraints = [models.UniqueConstraint(fields=["measure", "period_start"], name="unique_measure_period")]

    def __str__(self):
        return f"{self.measure}: {self.period_label} = {self.value}"

    @property
    def period_label(self) -> str:
        from .periods import period_label

        return period_label(self.measure.period, self.period_start)
