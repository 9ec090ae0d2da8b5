"""Theme → priority → project → output → indicator for one partnership and year, and the orphans.

Orphans are the gaps a scrutiny committee would ask about:
* a priority with neither a project in the year nor a recorded "no action" reason for it;
* a funded project (money allocated in the year) with no output recorded for the year;
* allocated money on a project that serves no priority and gives no reason (the rules refuse this at entry, so
  it appears only for records changed around them, e.g. in the admin).
"""

from dataclasses import dataclass, field

from saferplace.partnership.models import Partnership, Priority

from .analysis import ProjectYear, active_in, project_year
from .models import OutcomeIndicator, PriorityNoAction, Project
from .taxonomy import indicators_of


@dataclass
class PriorityNode:
    priority: Priority
    projects: list[ProjectYear]
    indicators: list[OutcomeIndicator]
    no_action: PriorityNoAction | None

    @property
    def orphan(self) -> bool:
        return not self.projects and self.no_action is None


@dataclass
class ThemeNode:
    theme: object
    priorities: list[PriorityNode]


@dataclass
class Traceability:
    partnership: Partnership
    year: str
    themes: list[ThemeNode]
    unlinked: list[ProjectYear] = field(default_factory=list)  # serve no priority, with a reason

    @property
    def orphan_priorities(self) -> list[PriorityNode]:
        return [p for t in self.themes for p in t.priorities if p.orphan]

    @property
    def projects(self) -> list[ProjectYear]:
        seen, out = set(), []
        for node in [p for t in self.themes for p in t.priorities]:
            for py in node.projects:
                if py.project.pk not in seen:
                    seen.add(py.project.pk)
                    out.append(py)
        return out + [u for u in self.unlinked if u.project.pk not in seen]

    @property
    def funded_without_output(self) -> list[ProjectYear]:
        return [p for p in self.projects if p.funded and not p.outputs]

    @property
    def untraced_money(self) -> list[ProjectYear]:
        return [p for p in self.unlinked if p.funded and not p.project.no_priority_reason.strip()
                and not p.project.bids.filter(funding_round__financial_year=self.year)
                .exclude(no_priority_reason="").exists()]


def family(partnership: Partnership) -> list[Partnership]:
    """The partnership, those it sits within, and those within it: whose projects serve these priorities."""
    out, up = [partnership], partnership.parent
    while up is not None:
        out.append(up)
        up = up.parent
    stack = list(partnership.children.all())
    while stack:
        child = stack.pop()
        out.append(child)
        stack.extend(child.children.all())
    return out


def build(partnership: Partnership, year: str) -> Traceability:
    themes = []
    for theme in partnership.themes_in_force().prefetch_related("priorities"):
        nodes = []
        for priority in theme.priorities.all():
            projects = [project_year(p, year) for p in priority.projects.order_by("name") if active_in(p, year)]
            nodes.append(PriorityNode(
                priority, projects, indicators_of(priority),
                PriorityNoAction.objects.filter(priority=priority, financial_year=year).first(),
            ))
        themes.append(ThemeNode(theme, nodes))
    unlinked = [project_year(p, year) for p in Project.objects.filter(partnership__in=family(partnership),
                                                                          priorities=None).order_by("name")
                if active_in(p, year)]
    return Traceability(partnership, year, themes, unlinked)
