"""What an import found in one file: the issues by rule, what was loaded, and whether it was refused."""

from collections import Counter
from dataclasses import dataclass, field

from ..rules import BLOCK, RULES

MAX_ISSUES_PER_RULE = 20


@dataclass
class Issue:
    rule: str
    file: str
    row: int | None
    field: str
    value: str
    detail: str = ""

    @property
    def severity(self) -> str:
        return RULES[self.rule].severity

    @property
    def message(self) -> str:
        sentence = RULES[self.rule].sentence
        return f"{sentence} {self.detail}".strip()

    def as_dict(self) -> dict:
        return {"rule": self.rule, "severity": self.severity, "file": self.file, "row": self.row,
                "field": self.field, "value": self.value, "message": self.message}

    def line(self) -> str:
        where = f"row {self.row}" if self.row else "file"
        what = f", {self.field} {self.value!r}" if self.field else (f", {self.value!r}" if self.value else "")
        return f"{self.file}: {where}{what}: {self.rule} ({self.severity}) {self.message}"


class Refused(Exception):
    """Raised inside the load transaction when a blocking rule was broken, so that nothing is kept."""


class Fallback(Exception):
    """Raised inside the load transaction by the fast (Arrow) reader when the file holds something only the csv
    module reads exactly: the transaction is rolled back and the file read again by the csv module."""


@dataclass
class FileReport:
    file: str
    kind: str = ""
    sha256: str = ""
    size: int = 0
    release: str = ""
    rows_read: int = 0
    rows_loaded: int = 0
    counts: Counter = field(default_factory=Counter)
    issues: list[Issue] = field(default_factory=list)
    force_months: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    gaps: list[dict] = field(default_factory=list)
    batch_id: int | None = None
    unchanged: bool = False
    seconds: float = 0.0

    def add(self, rule: str, row: int | None = None, field: str = "", value="", detail: str = "", n: int = 1):
        self.counts[rule] += n
        if self.counts[rule] - n < MAX_ISSUES_PER_RULE:
            self.issues.append(Issue(rule, self.file, row, field, "" if value is None else str(value)[:200], detail))

    @property
    def refused(self) -> bool:
        return any(RULES[code].severity == BLOCK for code in self.counts)

    @property
    def status(self) -> str:
        if self.refused:
            return "refused"
        if self.unchanged:
            return "unchanged"
        return "loaded" if self.rows_loaded else "skipped"

    def counts_by_severity(self, severity: str) -> dict[str, int]:
        return {code: n for code, n in sorted(self.counts.items()) if RULES[code].severity == severity}

    def as_dict(self) -> dict:
        return {
            "file": self.file, "kind": self.kind, "status": self.status, "sha256": self.sha256, "size": self.size,
            "release": self.release, "rows_read": self.rows_read, "rows_loaded": self.rows_loaded,
            "counts_by_rule": dict(sorted(self.counts.items())),
            "force_months": [list(fm) for fm in self.force_months],
            "skipped_force_months": [list(fm) for fm in self.skipped],
            "publication_gaps": self.gaps, "batch": self.batch_id, "seconds": round(self.seconds, 3),
            "issues": [issue.as_dict() for issue in self.issues],
        }
