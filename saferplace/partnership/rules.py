"""Business rules of the partnership register."""

from django.core.exceptions import ValidationError


def reporting_path(start, target, edges: dict[int, set[int]]) -> list[int] | None:
    """A path of group ids from `start` up to `target` along reporting lines, or None."""
    stack, seen = [(start, [start])], {start}
    while stack:
        node, path = stack.pop()
        if node == target:
            return path
        for nxt in edges.get(node, ()):
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, [*path, nxt]))
    return None


def check_reporting_line(group, reports_to) -> None:
    """Refuse a reporting line that would close a cycle, naming every group on it (the group's other lines up stay
    as they are, and a path back to the group never needs them, so this is the check of a set of one)."""
    check_reporting_lines_of(group, [reports_to])


def check_reporting_lines_of(group, reports_to: list) -> None:
    """Refuse a new set of lines up from `group` (replacing its current ones) if any line would close a cycle.

    A path back to `group` never needs one of its own lines up, so checking each proposed line against the
    other groups' lines is enough; the form shows the message on its "Reports to" field.
    """
    from .models import Group, ReportingLine

    targets = [g for g in reports_to if g is not None]
    for target in targets:
        if target.pk == group.pk:
            raise ValidationError(f"{group} cannot report to itself.", code="reporting_cycle")
    if group.pk is None:
        return  # a new group has nothing reporting to it yet, so it cannot close a cycle
    edges: dict[int, set[int]] = {}
    for low, high in ReportingLine.objects.exclude(group_id=group.pk).values_list("group_id", "reports_to_id"):
        edges.setdefault(low, set()).add(high)
    for target in targets:
        path = reporting_path(target.pk, group.pk, edges)
        if path:
            names = dict(Group.objects.filter(pk__in=path).values_list("pk", "name"))
            cycle = " → ".join([group.name, *(names[p] for p in path)])
            raise ValidationError(
                f"{group} cannot report to {target}: that would make a reporting cycle ({cycle}).",
                code="reporting_cycle",
            )
