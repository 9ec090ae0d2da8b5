"""One deadline engine for everything dated in Saferplace.

Each app lists its rules in its own `deadlines.py` by decorating a function with `@rule(...)`. A rule
function takes the reference date and yields `Due` items; the engine keeps those due on or before the
horizon, oldest first. Every item says which rule makes it due, when, and for whom.
"""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class Due:
    rule: str  # code of the rule, e.g. "SCRUTINY-12-MONTHS"
    title: str  # what must happen, in a sentence
    due: date
    whom: str  # who must act (organisation or group)
    basis: str  # why the rule applies: the statute or local procedure and the dated fact it counts from
    url: str = ""

    def status(self, on: date) -> str:
        return "overdue" if self.due < on else "due"

    def as_dict(self, on: date) -> dict:
        return {
            "rule": self.rule,
            "title": self.title,
            "due": self.due.isoformat(),
            "status": self.status(on),
            "whom": self.whom,
            "basis": self.basis,
            "url": self.url,
        }


@dataclass(frozen=True)
class Rule:
    code: str
    summary: str
    items: Callable[[date], Iterable[Due]]


RULES: dict[str, Rule] = {}


def rule(code: str, summary: str):
    """Register a deadline rule under its code (codes are unique across apps)."""

    def register(func: Callable[[date], Iterable[Due]]):
        if code in RULES:
            raise ValueError(f"Deadline rule {code} is registered twice")
        RULES[code] = Rule(code, summary, func)
        return func

    return register


def due_items(on: date, within_days: int) -> list[Due]:
    """Everything due on or before `on + within_days`, including anything already overdue."""
    horizon = on + timedelta(days=within_days)
    found: Iterator[Due] = (item for r in RULES.values() for item in r.items(on))
    return sorted((i for i in found if i.due <= horizon), key=lambda i: (i.due, i.rule, i.title))
