"""The live-API client against a local stand-in server that answers like police.uk, with recorded records
(made from the real Worcester rows) and a 503 for any area holding more than 100 of them."""

import csv
import json
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from saferplace.incidents.importers.api_client import inside, parse_poly
from saferplace.incidents.models import Crime

from .helpers import WORCESTER_SAMPLE, run

pytestmark = pytest.mark.django_db
LIMIT = 100


def recorded_answer() -> list[dict]:
    rows = list(csv.DictReader(open(WORCESTER_SAMPLE, newline="", encoding="utf-8")))
    slugs = {"Violence and sexual offences": "violent-crime", "Anti-social behaviour": "anti-social-behaviour",
             "Criminal damage and arson": "criminal-damage-arson"}
    return [{"category": slugs.get(r["Crime type"], r["Crime type"].lower().replace(" ", "-")),
             "location_type": "Force", "context": "", "id": 900000 + i, "location_subtype": "", "month": r["Month"],
             "location": {"latitude": r["Latitude"], "longitude": r["Longitude"],
                          "street": {"id": 1, "name": r["Location"]}},
             "persistent_id": r["Crime ID"],
             "outcome_status": {"category": r["Last outcome category"], "date": "2024-08"} if r["Crime ID"] else None}
            for i, r in enumerate(rows)]


@pytest.fixture
def police_api():
    records = recorded_answer()
    calls = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 (http.server's name)
            form = urllib.parse.parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
            poly = parse_poly(form["poly"][0])
            calls.append((time.monotonic(), self.path, form["date"][0]))
            found = [r for r in records if inside(float(r["location"]["latitude"]),
                                                  float(r["location"]["longitude"]), poly)]
            if len(found) > LIMIT:
                self.send_response(503)
                self.end_headers()
                return
            body = json.dumps(found).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/api", calls, records
    server.shutdown()
    server.server_close()


def test_api_fetch_splits_on_503_and_loads_each_record_once(police_api, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    base, calls, records = police_api
    lats = [float(r["location"]["latitude"]) for r in records]
    lngs = [float(r["location"]["longitude"]) for r in records]
    box = f"{min(lats) - .001},{min(lngs) - .001}:{min(lats) - .001},{max(lngs) + .001}:" \
          f"{max(lats) + .001},{max(lngs) + .001}:{max(lats) + .001},{min(lngs) - .001}"
    status, out, err = run("import", "policeuk", "--api", "--force", "west-mercia", "--month", "2024-08",
                           "--poly", box, "--api-url", base)
    assert status == 0, out + err
    assert len(calls) > 1 and all(path == "/api/crimes-street/all-crime" for _, path, _ in calls)
    assert all(date == "2024-08" for _, _, date in calls)
    assert Crime.objects.count() == len(records) == 277  # every record once, though the area was split
    assert sorted(Crime.objects.exclude(crime_id=None).values_list("crime_id", flat=True)) == sorted(
        r["persistent_id"] for r in records if r["persistent_id"])
    gaps = [b[0] - a[0] for a, b in zip(calls, calls[1:], strict=False)]
    assert min(gaps) >= 1 / 15 - 0.01  # at most 15 requests a second
    saved = tmp_path / "api" / "2024-08-west-mercia-crimes-street.json"
    assert len(json.loads(saved.read_text())) == 277


def test_api_needs_force_month_and_polygon():
    assert run("import", "policeuk", "--api", "--month", "2024-08", "--poly", "1,1:1,2:2,2")[0] == 2
    assert run("import", "policeuk", "--api", "--force", "west-mercia", "--month", "2024-08", "--poly", "x")[0] == 2
    assert run("import", "policeuk")[0] == 2
