# ruff: noqa: S603, S608  (a benchmark: fixed commands and paths it made itself)
"""Benchmark: load a national-scale police.uk street file with `saferplace import policeuk`.

Builds a street CSV of --rows rows (default 500,000) by replicating the real Worcester rows shipped with the
demo, each crime with a fresh Crime ID; loads it into a fresh SQLite database and (when PostgreSQL 15 is
available through DATABASE_URL or .ci/pg.sh) into PostgreSQL; times DuckDB's read_csv into a table and pandas
read_csv + DataFrame.to_sql (SQLite) on the same file as baselines; and re-imports the loaded months as a newer
release to check that replacing costs no more than loading.

Prints one line:
benchmark=ingest_policeuk rows=… rows_per_s=… rows_per_s_postgres=… ratio_vs_duckdb=… ratio_vs_pandas=…
peak_mb=… reimport_ratio=…

rows_per_s is rows / seconds spent loading (the import's own timing, without the process start-up);
peak_mb is the import process's peak resident memory.

    .venv/bin/python benchmarks/ingest_policeuk.py [--rows 500000] [--no-postgres] [--keep DIR]
"""

import argparse
import csv
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "saferplace" / "incidents" / "data" / "policeuk" / "west-mercia-worcester"
SAFERPLACE = [sys.executable, "-m", "saferplace.cli"]


def build(path: Path, rows: int) -> int:
    """Real rows, replicated; each crime gets a fresh 64-hex Crime ID (ASB rows keep theirs empty)."""
    real = []
    header = None
    for file in sorted(SOURCE.glob("*.csv")):
        with open(file, newline="", encoding="utf-8") as handle:
            reader = csv.reader(handle)
            header = next(reader)
            real.extend(reader)
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(header)
        for i in range(rows):
            row = real[i % len(real)]
            if row[0]:
                row = [hashlib.sha256(i.to_bytes(8, "little")).hexdigest(), *row[1:]]
            writer.writerow(row)
    return rows


def run_import(path: Path, env: dict, *extra: str) -> tuple[dict, float]:
    """Run the command in its own process; returns its JSON report and its peak memory in MB."""
    process = subprocess.Popen([*SAFERPLACE, "import", "policeuk", str(path), "--format", "json", *extra],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, cwd=ROOT)
    out = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"import failed ({process.returncode}): {out[:2000]!r}")
    return json.loads(out), usage.ru_maxrss / 1024


def seconds_of(report: dict) -> float:
    return sum(f["seconds"] for f in report["files"])


def sqlite_run(csv_path: Path, work: Path) -> dict:
    env = {**os.environ, "SAFERPLACE_VAR": str(work / "var-sqlite")}
    env.pop("DATABASE_URL", None)
    subprocess.run([*SAFERPLACE, "migrate", "-v", "0"], env=env, cwd=ROOT, check=True)
    first, peak = run_import(csv_path, env, "--release", "2024-08")
    again, peak2 = run_import(csv_path, env, "--release", "2024-09")  # a newer release replaces every month
    assert first["rows_loaded"] == again["rows_loaded"]
    return {"rows": first["rows_loaded"], "seconds": seconds_of(first), "reimport_seconds": seconds_of(again),
            "peak_mb": max(peak, peak2)}


def postgres_run(csv_path: Path, work: Path) -> float | None:
    script = (f"{' '.join(SAFERPLACE)} migrate -v 0 && "
              f"{' '.join(SAFERPLACE)} import policeuk {csv_path} --format json --release 2024-08")
    env = {**os.environ, "SAFERPLACE_VAR": str(work / "var-pg")}
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        command = ["sh", "-c", script]
    elif (ROOT / ".ci" / "pg.sh").exists():
        command = ["bash", str(ROOT / ".ci" / "pg.sh"), "sh", "-c", script]
    else:
        return None
    result = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        print(f"PostgreSQL run failed: {result.stderr[-2000:]}", file=sys.stderr)
        return None
    report = json.loads(result.stdout)
    return report["rows_loaded"] / seconds_of(report)


def duckdb_rate(csv_path: Path, work: Path, rows: int) -> float:
    import duckdb

    con = duckdb.connect(str(work / "baseline.duckdb"))
    started = time.perf_counter()
    con.execute(f"CREATE TABLE crimes AS SELECT * FROM read_csv('{csv_path}', header = true)")
    seconds = time.perf_counter() - started
    assert con.execute("SELECT count(*) FROM crimes").fetchone()[0] == rows
    con.close()
    return rows / seconds


def pandas_rate(csv_path: Path, work: Path, rows: int) -> float:
    import pandas as pd

    con = sqlite3.connect(work / "baseline-pandas.sqlite3")
    started = time.perf_counter()
    frame = pd.read_csv(csv_path)
    frame.to_sql("crimes", con, index=False)
    con.commit()
    seconds = time.perf_counter() - started
    assert con.execute("SELECT count(*) FROM crimes").fetchone()[0] == rows
    con.close()
    return rows / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=500_000)
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--keep", help="Keep the work folder here instead of a temporary one")
    parser.add_argument("--memory-only", action="store_true",
                        help="Only load into SQLite once and report rows/s and peak memory (for a 1.5 GB file: "
                             "--rows 6900000); no baselines, PostgreSQL or re-import")
    args = parser.parse_args()
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="saferplace-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        csv_path = work / "national-street.csv"  # one file of many force-months, as a whole-archive merge would be
        rows = build(csv_path, args.rows)
        if args.memory_only:
            env = {**os.environ, "SAFERPLACE_VAR": str(work / "var-sqlite")}
            env.pop("DATABASE_URL", None)
            subprocess.run([*SAFERPLACE, "migrate", "-v", "0"], env=env, cwd=ROOT, check=True)
            report, peak = run_import(csv_path, env, "--release", "2024-08")
            print(f"benchmark=ingest_policeuk_memory rows={report['rows_loaded']} "
                  f"rows_per_s={report['rows_loaded'] / seconds_of(report):.0f} peak_mb={peak:.0f} "
                  f"file_mb={csv_path.stat().st_size / 1e6:.0f}")
            return
        sqlite = sqlite_run(csv_path, work)
        assert sqlite["rows"] == rows
        rate = rows / sqlite["seconds"]
        pg_rate = None if args.no_postgres else postgres_run(csv_path, work)
        duck = duckdb_rate(csv_path, work, rows)
        pandas = pandas_rate(csv_path, work, rows)
        print(" ".join([
            "benchmark=ingest_policeuk", f"rows={rows}", f"rows_per_s={rate:.0f}",
            f"rows_per_s_postgres={pg_rate:.0f}" if pg_rate else "rows_per_s_postgres=na",
            f"ratio_vs_duckdb={duck / rate:.2f}", f"ratio_vs_pandas={rate / pandas:.2f}",
            f"peak_mb={sqlite['peak_mb']:.0f}", f"reimport_ratio={sqlite['reimport_seconds'] / sqlite['seconds']:.2f}",
            f"file_mb={csv_path.stat().st_size / 1e6:.0f}",
        ]))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
