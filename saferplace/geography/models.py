"""Areas with ONS codes, their parents, and the boundary generations they belong to.

LSOA 2011 and 2021 codes live side by side: an unchanged LSOA keeps its code and belongs to both
generations; a split or merged one is a new area linked to its predecessor by a Succession row.
"""

from django.db import models


class Level(models.TextChoices):
    LSOA = "lsoa", "Lower layer super output area"
    MSOA = "msoa", "Middle layer super output area"
    WARD = "ward", "Electoral ward"
    DISTRICT = "district", "Local authority district"
    COUNTY = "county", "County"
    FORCE_AREA = "force_area", "Police force area"
    PARTNERSHIP_AREA = "partnership_area", "Community safety partnership area"


class BoundaryGeneration(models.Model):
    """A published set of boundaries, e.g. LSOA 2011 or LSOA 2021."""

    level = models.CharField(max_length=20, choices=Level.choices)
    year = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["level", "year"], name="unique_generation")]
        ordering = ["level", "year"]

    def __str__(self):
        return f"{self.get_level_display()} {self.year}"


class Area(models.Model):
    code = models.CharField("ONS code", max_length=12, unique=True)
    name = models.CharField(max_length=200)
    level = models.CharField(max_length=20, choices=Level.choices)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="children")
    generations = models.ManyToManyField(BoundaryGeneration, blank=True, related_name="areas")
    latitude = models.FloatField(null=True, blank=True, help_text="Centroid, WGS84")
    longitude = models.FloatField(null=True, blank=True, help_text="Centroid, WGS84")

    class Meta:
        ordering = ["level", "code"]
        indexes = [models.Index(fields=["level", "name"])]

    def __str__(self):
        return f"{self.name} ({self.code})"

    def descendants(self, level: str | None = None) -> list["Area"]:
        """Every area below this one (breadth first), optionally only those of one level."""
        found, frontier = [], [self.pk]
        while frontier:
            children = list(Area.objects.filter(parent_id__in=frontier))
            found.extend(children)
            frontier = [c.pk for c in children]
        return [a for a in found if level is None or a.level == level]


class Succession(models.Model):
    """An LSOA (or other area) replaced by another when boundaries were redrawn (ONS CHGIND)."""

    class Change(models.TextChoices):
        SPLIT = "S", "Split"
        MERGED = "M", "Merged"
        IRREGULAR = "X", "Irregular"

    predecessor = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="successions_out")
    successor = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="successions_in")
    change = models.CharField(max_length=1, choices=Change.choices)
    source = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["predecessor", "successor"], name="unique_succession")]

    def __str__(self):
        return f"{self.predecessor.code} → {self.successor.code} ({self.get_change_display()})"


class Population(models.Model):
    """ONS mid-year (30 June) resident population estimate for an area, loaded by `saferplace import population`.

    Used for rates per 1,000 residents. `source` names the file (and sheet) the figure came from.
    """

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="populations")
    year = models.PositiveSmallIntegerField(help_text="Mid-year of the estimate, e.g. 2022 for mid-2022")
    total = models.PositiveIntegerField(help_text="Usual residents, all ages")
    source = models.CharField(max_length=300)
    loaded = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["year", "area__code"]
        constraints = [models.UniqueConstraint(fields=["area", "year"], name="unique_population")]

    def __str__(self):
        return f"{self.area.code} mid-{self.year}: {self.total:,}"
