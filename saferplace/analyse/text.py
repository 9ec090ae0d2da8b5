"""The `--format table` output of `saferplace analyse`: plain text for a terminal or a log, from the same
documents the JSON output prints."""

from __future__ import annotations


def _table(headers: list[str], rows: list[list], right: set[int] = frozenset()) -> str:
    cells = [[str(h) for h in headers]] + [["" if v is None else str(v) for v in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]

    def line(row):
        pairs = enumerate(zip(row, widths, strict=True))
        return "  ".join(v.rjust(w) if i in right else v.ljust(w) for i, (v, w) in pairs)

    return "\n".join([line(cells[0]), "  ".join("-" * w for w in widths)] + [line(r) for r in cells[1:]])


def _count(value) -> str:
    if value is None:
        return ""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def performance_table(doc: dict) -> str:
    out = [f"Performance against priorities: {doc['area_name']} ({doc['area']}), {doc['period']} compared with "
           f"{doc['compared_with']}", f"Priorities and measures: {doc['taxonomy']}.", ""]
    rates = bool(doc.get("population") and doc["population"]["rates"])
    headers = ["Theme", "Priority", "Status", "Measure", doc["compared_with"], doc["period"], "Change"]
    if rates:
        headers += ["Rate before", "Rate after"]
    rows = []
    for p in doc["priorities"]:
        measures = p["measures"] or [{"name": "(no measure)", "status": ""}]
        for i, m in enumerate(measures):
            change = "" if m.get("percent") is None else f"{m['percent']:+.1f}%"
            label = f"{m['name']} [{m['status']}]" if m["status"] else m["name"]
            row = [p["theme"] if i == 0 else "", p["priority"] if i == 0 else "", p["status"] if i == 0 else "",
                   label, _count(m.get("before")), _count(m.get("after")), change]
            if rates:
                row += [m.get("rate_before") or "", m.get("rate_after") or ""]
            rows.append(row)
    out.append(_table(headers, rows, right={4, 5, 6, 7, 8}))
    out.append("")
    for p in doc["priorities"]:
        for m in p["measures"]:
            out.append(f"- {m['sentence']}")
        if p["note"]:
            out.append(f"  ({p['priority']}: {p['note']})")
    out += [f"Note: {n}" for n in doc["notes"]]
    return "\n".join(out)


def emerging_table(doc: dict) -> str:
    out = [f"Emerging issues, {doc['month']}: area {doc['area']}; {doc['series_scanned']:,} series scanned, "
           f"{doc['series_eligible']:,} with enough history to judge; {len(doc['flags'])} flagged."]
    if doc["flags"]:
        rows = [[f["area"], f["category"], f["kind"], f["observed"], f["expected"], f["threshold"], f["q_value"]]
                for f in doc["flags"]]
        out += ["", _table(["Area", "Category", "Rule", "Observed", "Expected", "Threshold", "q"], rows,
                           right={3, 4, 5, 6}), ""]
        out += [f"- {f['sentence']}" for f in doc["flags"]]
    if doc.get("gap_months"):
        out.append("Publication gaps left out: " + ", ".join(doc["gap_months"]) + ".")
    if doc.get("note"):
        out.append(doc["note"])
    return "\n".join(out)


def hotspots_table(doc: dict) -> str:
    out = [f"Hotspots: {doc['area_name']} ({doc['area']}), {doc['period']} "
           f"(classified against {', '.join(doc['periods_compared'][:-1]) or 'no earlier period'}); "
           f"{doc['records_located']:,} located records, {doc['grid']['cell_metres']:.0f} m cells.",
           doc["concentration"]["sentence"], ""]
    if doc["hotspots"]:
        rows = [[h["cell"], h["count"], h["z"], h["q"], h["class"]] for h in doc["hotspots"]]
        out += ["Grid cells (south-west corner, British National Grid metres) that are hotspots:",
                _table(["Cell", "Records", "z", "q", "Class"], rows, right={1, 2, 3}), ""]
    else:
        out += ["No grid cell is a hotspot at the 5% false discovery rate.", ""]
    if doc["lsoa_hotspots"]:
        rows = [[h["lsoa"], h["name"], h["count"], h["rate_per_1000"], h["z"], h["q"], h["class"]]
                for h in doc["lsoa_hotspots"]]
        out += ["LSOAs that are hotspots:",
                _table(["LSOA", "Name", "Records", "Per 1,000", "z", "q", "Class"], rows, right={2, 3, 4, 5}), ""]
    rows = [[t["location"], t["count"], f"{t['share']:.1%}", t["lsoa"]] for t in doc["top_locations"]]
    if doc["no_longer_hot"]:
        out += ["Hot in the previous period, no longer hot: " + ", ".join(doc["no_longer_hot"]) + ".", ""]
    out += ["Busiest snap points (never exact places):", _table(["Location", "Records", "Share", "LSOA"], rows,
                                                                right={1, 2}), ""]
    out += [f"Note: {n}" for n in doc["notes"]]
    return "\n".join(out)
