"""The named data rules (DQ-…) every importer checks, each with a sentence a user understands.

BLOCK: the file is not what it claims to be, or a row cannot be stored faithfully; nothing in the file
is loaded. WARN: the row is loaded as published and the report says what is odd about it. NOTE: worth
knowing, nothing wrong (e.g. rows police.uk publishes without a location).
"""

from dataclasses import dataclass

BLOCK, WARN, NOTE = "blocking", "warning", "note"


@dataclass(frozen=True)
class Rule:
    code: str
    severity: str
    sentence: str


_RULES = [
    # Whole file
    Rule("DQ-FILE-BINARY", BLOCK, "The file is not text: it holds binary data (is it the right file?)."),
    Rule("DQ-FILE-KIND", BLOCK, "The file is not a police.uk street, outcomes or stop-and-search CSV, an archive "
                                "ZIP, or a saved police.uk API answer."),
    Rule("DQ-FILE-EMPTY", WARN, "The file has a header but no rows, so there is nothing to load."),
    Rule("DQ-ENCODING", BLOCK, "The file is neither UTF-8 nor Windows-1252 text."),
    Rule("DQ-ENCODING-CP1252", NOTE, "The file is Windows-1252 text, not UTF-8; it was read as Windows-1252."),
    Rule("DQ-HEADER-MISSING", BLOCK, "A column the police.uk format requires is missing from the header."),
    Rule("DQ-HEADER-EXTRA", BLOCK, "The header has a column the police.uk format does not have."),
    Rule("DQ-HEADER-ORDER", BLOCK, "The columns are not in the order police.uk publishes them."),
    Rule("DQ-TRUNCATED", BLOCK, "The file ends part-way through a row: it looks cut short. Download it again."),
    Rule("DQ-ROW-FIELDS", BLOCK, "The row has a different number of fields from the header."),
    Rule("DQ-ROW-FORMAT", BLOCK, "The row cannot be read as CSV (an unclosed quote or an over-long field)."),
    Rule("DQ-RELEASE-OLDER", WARN, "This force-month is already stored from a newer release; the older one was not "
                                   "loaded."),
    Rule("DQ-FORCE-UNKNOWN", BLOCK, "The file does not say which police force it is from (name it "
                                    "YYYY-MM-<force>-<kind>.csv or use --force)."),
    Rule("DQ-FORCE-NEW", NOTE, "The force is not one of police.uk's 45 forces; it was added under this name."),
    Rule("DQ-FORCE-DIFFERS", NOTE, "'Reported by' names a different force from 'Falls within'."),
    # Month
    Rule("DQ-MONTH", BLOCK, "The month is not a real month written YYYY-MM."),
    Rule("DQ-MONTH-FILENAME", WARN, "The row's month differs from the month in the file name; the row's month "
                                    "was used."),
    # Place
    Rule("DQ-COORD-NUMBER", BLOCK, "A coordinate is not a number."),
    Rule("DQ-COORD-PAIR", WARN, "Only one of longitude and latitude is given; the row is treated as having no "
                                "point."),
    Rule("DQ-COORD-OUTSIDE-UK", WARN, "The point lies outside the United Kingdom (police.uk zeroes points it cannot "
                                      "place)."),
    Rule("DQ-NO-LOCATION", NOTE, "Published with no location: counted for the force-month, not for any area."),
    Rule("DQ-LSOA-CODE", WARN, "The LSOA code is not an England or Wales LSOA code (E01…/W01… and six digits)."),
    Rule("DQ-LSOA-NAME", WARN, "The LSOA code does not match its name (another row or the geography table gives "
                               "the code a different name); the code was used."),
    Rule("DQ-LSOA-PARTIAL", WARN, "Only one of LSOA code and LSOA name is given."),
    Rule("DQ-LSOA-UNRESOLVED", WARN, "The point could not be placed in an LSOA (no earlier police.uk row has it)."),
    # What
    Rule("DQ-CATEGORY", BLOCK, "The crime type is not one of police.uk's categories."),
    Rule("DQ-CATEGORY-OLD", WARN, "The crime type is an older police.uk name; it is kept as published."),
    Rule("DQ-CRIME-ID-DUPLICATE", WARN, "Another row of the same force-month has this Crime ID; both rows are kept "
                                        "(police.uk counts rows)."),
    Rule("DQ-CRIME-ID-FORMAT", WARN, "The Crime ID is not 64 hexadecimal characters."),
    Rule("DQ-CRIME-ID-MISSING", WARN, "A crime (not anti-social behaviour) has no Crime ID."),
    Rule("DQ-ASB-CRIME-ID", WARN, "An anti-social behaviour row has a Crime ID (police.uk leaves it empty)."),
    Rule("DQ-OUTCOME-UNKNOWN", WARN, "The outcome is not one police.uk publishes."),
    Rule("DQ-DATETIME", BLOCK, "The date and time is not ISO 8601 (YYYY-MM-DDThh:mm:ss+00:00)."),
    Rule("DQ-BOOLEAN", WARN, "A yes/no field is not True, False or empty; it was stored as empty."),
    # Partner measures
    Rule("DQ-MEASURE-HEADER", BLOCK, "The template's header is not measure, period, value, note."),
    Rule("DQ-MEASURE-UNKNOWN", BLOCK, "No measure has this identifier (see the measure's page)."),
    Rule("DQ-MEASURE-NOT-YOURS", BLOCK, "The measure belongs to another organisation."),
    Rule("DQ-MEASURE-PERIOD", BLOCK, "The period is not one of this measure's periods (e.g. 2020-21, 2020-21 Q1 or "
                                     "2020-04)."),
    Rule("DQ-MEASURE-VALUE", BLOCK, "The value is not a number of zero or more."),
    Rule("DQ-MEASURE-FORMULA", BLOCK, "The cell holds a formula; type the number itself."),
    Rule("DQ-MEASURE-DUPLICATE", BLOCK, "The file gives this measure and period twice."),
    Rule("DQ-MEASURE-REPLACED", NOTE, "A value stored earlier for this measure and period was replaced."),
]

RULES: dict[str, Rule] = {rule.code: rule for rule in _RULES}


def rule(code: str) -> Rule:
    return RULES[code]
