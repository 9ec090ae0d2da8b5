"""Which force-month a row belongs to, and replacing what was stored for it (newer or same release only)."""

from datetime import date

from django.utils.text import slugify

from ..categories import FORCE_SLUG_BY_NAME, FORCES
from ..models import Force, ForceMonth
from .report import FileReport


class FMState:
    """A force-month opened by the file being loaded: its id, and what the rows add up to."""

    __slots__ = ("pk", "force", "month", "label", "rows", "no_location", "ids", "id_rows")

    def __init__(self, pk: int, force: Force, month: date):
        from array import array

        self.pk, self.force, self.month = pk, force, month
        self.label = (force.slug, f"{month:%Y-%m}")
        self.rows = self.no_location = 0
        self.ids, self.id_rows = array("q"), array("q")  # Crime ID prefixes, for duplicates


class ForceMonths:
    def __init__(self, batch, release: str, report: FileReport, force_slug: str | None = None):
        self.batch, self.release, self.report = batch, release, report
        self.force_slug = force_slug
        self.by_name = {f.name: f for f in Force.objects.all()}
        self.by_slug = {f.slug: f for f in self.by_name.values()}
        self.opened: dict[tuple, FMState | None] = {}
        self.kind = ""

    def force_named(self, name: str, row: int | None = None) -> Force:
        force = self.by_name.get(name)
        if force is None:
            slug = FORCE_SLUG_BY_NAME.get(name) or slugify(name)[:60] or "unknown"
            force = self.by_slug.get(slug)
            if force is None:
                force, _ = Force.objects.get_or_create(slug=slug, defaults={"name": name})
                if slug not in FORCES:
                    self.report.add("DQ-FORCE-NEW", row=row, field="Falls within", value=name)
            self.by_name[name], self.by_slug[slug] = force, force
        return force

    def force_with_slug(self, slug: str) -> Force:
        force = self.by_slug.get(slug)
        if force is None:
            force, _ = Force.objects.get_or_create(slug=slug, defaults={"name": FORCES.get(slug, slug)})
            self.by_slug[slug], self.by_name[force.name] = force, force
        return force

    def open(self, force: Force, month: date, row: int) -> FMState | None:
        """The force-month's state, replacing what was stored; None when a newer release is stored."""
        from .policeuk import delete_rows

        key = (force.pk, month)
        if key in self.opened:
            return self.opened[key]
        release = max(self.release, f"{month:%Y-%m}")
        stored = ForceMonth.objects.filter(kind=self.kind, force=force, month=month).first()
        if stored is not None and stored.release > release:
            self.report.add("DQ-RELEASE-OLDER", row=row, field="Month", value=f"{month:%Y-%m}",
                            detail=f"{force.name} {month:%Y-%m} is stored from release {stored.release}; "
                                   f"this file is release {release}.")
            self.report.skipped.append((force.slug, f"{month:%Y-%m}"))
            self.opened[key] = None
            return None
        if stored is not None:
            delete_rows(self.kind, stored.pk)
            stored.batch, stored.release, stored.rows, stored.no_location = self.batch, release, 0, 0
            stored.save()
        else:
            stored = ForceMonth.objects.create(kind=self.kind, force=force, month=month, batch=self.batch,
                                               release=release)
        state = FMState(stored.pk, force, month)
        self.opened[key] = state
        self.report.force_months.append(state.label)
        return state

    def states(self) -> list[FMState]:
        return [s for s in self.opened.values() if s is not None]
