"""Financial years as the partnership writes them ('2020-21'), checked in one place."""

import re

from django.core.exceptions import ValidationError

from saferplace.core.dates import financial_year_bounds

_PATTERN = re.compile(r"^(\d{4})[-/](\d{2})$")


def normalise_financial_year(value: str) -> str:
    """'2020-21' (or '2020/21') -> '2020-21'; anything else is refused with the expected form."""
    text = str(value or "").strip()
    match = _PATTERN.match(text)
    if not match:
        raise ValidationError(f"'{text}' is not a financial year: write it like 2020-21.", code="financial_year")
    start, end = int(match.group(1)), match.group(2)
    if f"{(start + 1) % 100:02d}" != end:
        expected = f"{start}-{(start + 1) % 100:02d}"
        raise ValidationError(
            f"A financial year starting in {start} ends in {start + 1}: write {expected}, not {text}.",
            code="financial_year",
        )
    return f"{start}-{end}"


def validate_financial_year(value: str) -> None:
    normalise_financial_year(value)


def year_start(label: str) -> int:
    return financial_year_bounds(label)[0].year
