"""A partner measure's periods, read and written by the analysis library (saferplace.analysis.periods holds the
patterns and the financial-year arithmetic). Only the two adapters the measure forms, the importer and the models
use are here: text that is not a period of the measure's kind gives None rather than an exception."""

from datetime import date

from saferplace.analysis.periods import EXAMPLES, period_of_kind, period_starting

__all__ = ["EXAMPLES", "parse_period", "period_label"]


def parse_period(kind: str, text: str) -> date | None:
    """The first day of the period written `text` for a measure counted by `kind`; None if it is not one."""
    try:
        return period_of_kind(kind, text).start
    except ValueError:
        return None


def period_label(kind: str, start: date) -> str:
    return period_starting(kind, start).label
