"""``wayback:`` references: a page as the Wayback Machine captured it (issue 15)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from pytest_httpserver import HTTPServer
from services import CDX_FIELDS, WAYBACK, article_file, check_report, requests_to, serve_wayback

from verify.cli import cli
from verify.ingest.connectors.wayback import captured_at
from verify.store import open_db, raw_bytes

ORIGINAL = "https://harbour-herald.example/news/2021/11/15/regatta-season-opens"
FIRST, SECOND = "20211116083015", "20220210141502"


@pytest.fixture
def wayback(httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> HTTPServer:
    serve_wayback(httpserver, monkeypatch)
    return httpserver


def ingest(*args: str) -> Any:
    return CliRunner().invoke(cli, ["ingest", *args])


def test_an_article_is_ingested_with_its_capture_date_and_original_url(
    wayback: HTTPServer, db_path: Path
) -> None:
    reference = f"wayback:{ORIGINAL}@2021-12-01"
    result = ingest(reference)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"ingested {reference}: document 1 (version 1), ")
    assert result.stdout.endswith(f" claims (captured 2021-11-16T08:30:15Z, original {ORIGINAL})\n")
    row = next(open_db(db_path)["documents"].rows)
    assert (row["captured_at"], row["original_url"]) == ("2021-11-16T08:30:15Z", ORIGINAL)
    assert row["url"] == wayback.url_for(f"/web/{FIRST}id_/{ORIGINAL}")
    assert (row["kind"], row["source"], row["published"]) == ("article", reference, "2021-11-15")
    assert row["title"] == "Regatta season opens on Lake Tarn" and row["author"] == "Mira Holt"
    assert raw_bytes(open_db(db_path), 1) == (WAYBACK / f"{FIRST}.html").read_bytes()
    [query] = requests_to(wayback, "/cdx/search/cdx")
    assert (query.args["url"], query.args["to"]) == (ORIGINAL, "20211201")


def test_the_latest_capture_without_a_date(wayback: HTTPServer, db_path: Path) -> None:
    result = ingest("--json", f"wayback:{ORIGINAL}")
    assert result.exit_code == 0, result.output
    [stored] = json.loads(result.stdout)["stored"]
    assert stored["provenance"] == {"original_url": ORIGINAL, "captured_at": "2022-02-10T14:15:02Z"}
    [query] = requests_to(wayback, "/cdx/search/cdx")
    assert "to" not in query.args


def test_a_capture_as_reference_shows_where_it_came_from(
    wayback: HTTPServer, tmp_path: Path
) -> None:
    article = article_file(
        tmp_path,
        "Regatta report",
        "20 November 2021",
        'Jane Roe said the league "has never had so many young rowers on the water".',
    )
    [claim] = check_report(article, "--ref", f"wayback:{ORIGINAL}")["documents"][0]["claims"]
    assert claim["verdict"] == "supported"
    evidence = claim["evidence"][0]
    # Without a date of its own, the capture as of the article's date.
    assert (evidence["captured_at"], evidence["original_url"]) == ("2021-11-16T08:30:15Z", ORIGINAL)


def test_the_archive_answering_with_a_neighbouring_capture(
    httpserver: HTTPServer, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The index lists a capture the replay no longer has at that second: the archive
    # redirects to the nearest one, and that is the capture read.
    listed = [CDX_FIELDS, ["k", "20211116083000", ORIGINAL, "text/html", "200", "D", "9"]]
    httpserver.expect_request("/cdx/search/cdx").respond_with_json(listed)
    serve_wayback(httpserver, monkeypatch)
    assert ingest(f"wayback:{ORIGINAL}@2021-11-20").exit_code == 0
    row = next(open_db(db_path)["documents"].rows)
    assert row["captured_at"] == "2021-11-16T08:30:15Z"
    assert row["url"].endswith(f"/web/{FIRST}id_/{ORIGINAL}")


@pytest.mark.parametrize(
    ("reference", "message"),
    [
        (f"wayback:{ORIGINAL}@2020-01-01", f"no capture of {ORIGINAL} by 2020-01-01"),
        ("wayback:harbour-herald.example/x@2021-01-01", "expected wayback:URL or wayback:URL@"),
        (f"wayback:{ORIGINAL}@2021-02-30", "2021-02-30 is not a date"),
    ],
)
def test_bad_references_are_one_line_errors(
    wayback: HTTPServer, reference: str, message: str
) -> None:
    result = ingest(reference)
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"error: {reference}: ") and message in line


def test_capture_timestamps_are_utc() -> None:
    assert captured_at("20211116083015") == "2021-11-16T08:30:15Z"
