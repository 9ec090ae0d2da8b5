"""Saved police.uk API answers (crimes-street, crimes-no-location, outcomes-for-crime) loaded through the
same row checks as the CSV files. The API gives no LSOA: a point gets the LSOA that police.uk's own CSV
rows give the same anonymised map point (DQ-LSOA-UNRESOLVED when no loaded row has it).
"""

import json

from ..categories import API_SLUGS, FORCES
from ..models import Crime
from .rows import ROW_PROCESSORS
from .writer import BulkWriter

MAX_JSON_BYTES = 256 * 1024 * 1024


def _location(record: dict) -> tuple[str, str, str]:
    place = record.get("location") or {}
    street = (place.get("street") or {}).get("name", "")
    return str(place.get("longitude") or ""), str(place.get("latitude") or ""), street or "No location"


def street_rows(records: list, force_name: str):
    for r in records:
        lon, lat, street = _location(r)
        status = r.get("outcome_status") or {}
        category = r.get("category", "")
        yield [r.get("persistent_id") or "", r.get("month", ""), force_name, force_name, lon, lat, street, "", "",
               API_SLUGS.get(category, category), status.get("category") or "", r.get("context") or ""]


def outcome_rows(answers: list, force_name: str):
    for answer in answers:
        crime = answer.get("crime") or {}
        lon, lat, street = _location(crime)
        for outcome in answer.get("outcomes") or []:
            yield [crime.get("persistent_id") or "", outcome.get("date", ""), force_name, force_name, lon, lat,
                   street, "", "", (outcome.get("category") or {}).get("name", "")]


def _shape(data) -> str | None:
    if isinstance(data, dict) and "outcomes" in data and "crime" in data:
        return "outcomes"
    if isinstance(data, list) and all(isinstance(r, dict) for r in data):
        if data and all("outcomes" in r and "crime" in r for r in data):
            return "outcomes"
        if all("category" in r and "month" in r for r in data):
            return "street"
    return None


def load_json(source, options, report, run):
    from .policeuk import _record

    report.sha256 = source.sha256()
    if source.size > MAX_JSON_BYTES:
        report.add("DQ-FILE-KIND", detail="It is larger than any police.uk API answer.")
        return _record(report, source, options)
    try:
        with source.open() as stream:
            data = json.loads(stream.read().decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        report.add("DQ-FILE-KIND", value=str(error)[:200], detail="It is not valid JSON.")
        return _record(report, source, options)
    kind = _shape(data)
    if kind is None:
        report.add("DQ-FILE-KIND", detail="The JSON is not a crimes or outcomes answer.")
        return _record(report, source, options)
    slug = options.force or source.force_in_name
    if not slug:
        report.add("DQ-FORCE-UNKNOWN", field="file name", value=source.basename)
        return _record(report, source, options)
    force_name = FORCES.get(slug, slug)
    report.kind = kind

    def reader(state):
        processor = ROW_PROCESSORS[kind]
        if kind == "street":
            state.snap = {
                (x, y): code for x, y, code in Crime.objects.filter(
                    force_month__force__slug=slug, lsoa__isnull=False, longitude__isnull=False
                ).values_list("longitude", "latitude", "lsoa__code").distinct()
            }
            rows = street_rows(data, force_name)
            model = Crime
        else:
            from ..models import Outcome

            rows = outcome_rows(data if isinstance(data, list) else [data], force_name)
            model = Outcome
        columns = [f.column for f in model._meta.concrete_fields if not f.primary_key]
        writer = BulkWriter(model, columns)
        try:
            processor(state, rows, writer)
        finally:
            writer.close()

    return run(source, options, report, reader)
