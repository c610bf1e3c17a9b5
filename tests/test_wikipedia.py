"""``wikipedia:`` references: the article as it read on a date (issue 15)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from pytest_httpserver import HTTPServer
from services import requests_to, serve_wikipedia

from verify.cli import cli
from verify.store import open_db

PAGE = "wikipedia:en:Tarn Rowing League"
# Revisions of the fixture page: 2019-01-04 (10 clubs), 2021-06-01 (12), 2022-03-10 (14).
OLDEST, IN_2021, LATEST = "876540021", "1056093512", "1077318251"
ARTICLE = (
    "Regatta season opens\n\n15 November 2021\n\n"
    "The Tarn Rowing League, which has 12 member clubs, opened its season on Lake Tarn.\n\n"
    "League chair Jane Roe welcomed the crews.\n"
)


@pytest.fixture
def wikipedia(httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> HTTPServer:
    serve_wikipedia(httpserver, monkeypatch)
    return httpserver


@pytest.fixture
def article(tmp_path: Path) -> str:
    path = tmp_path / "regatta.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return str(path)


def check(article: str, reference: str) -> dict[str, Any]:
    result = CliRunner().invoke(cli, ["check", article, "--ref", reference, "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)["documents"][0]


def clubs(document: dict[str, Any]) -> dict[str, Any]:
    return next(c for c in document["claims"] if "12 member clubs" in c["text"])


def test_the_revision_in_force_on_the_articles_date(wikipedia: HTTPServer, article: str) -> None:
    document = check(article, PAGE)
    claim = clubs(document)
    assert claim["verdict"] == "supported"
    # The page's title names the office its table of chairs lists.
    chair = next(c for c in document["claims"] if "Jane Roe" in c["text"])
    assert (
        "Jane Roe was Chair of the Tarn Rowing League (TRL) from 2001-05-01 (still in office)"
        in (chair["reasons"][0])
    )
    evidence = claim["evidence"][0]
    assert (evidence["revision_id"], evidence["revision_timestamp"]) == (
        IN_2021,
        "2021-06-01T09:15:33Z",
    )
    assert evidence["url"].endswith(f"/w/index.php?oldid={IN_2021}&action=render")
    [query] = requests_to(wikipedia, "/w/api.php")
    assert query.args["rvstart"] == "2021-11-15T23:59:59Z"
    assert (query.args["rvdir"], query.args["rvlimit"], query.args["maxlag"]) == ("older", "1", "5")
    assert query.args["rvprop"] == "ids|timestamp" and query.args["titles"] == "Tarn Rowing League"


def test_a_date_in_the_reference_picks_that_revision_not_the_latest(
    wikipedia: HTTPServer, article: str
) -> None:
    earlier = clubs(check(article, "wikipedia:en:Tarn_Rowing_League@2019-06-01"))
    assert earlier["verdict"] == "contradicted"  # 10 clubs then, and no later figure known
    assert earlier["evidence"][0]["revision_id"] == OLDEST
    later = clubs(check(article, f"{PAGE}@2022-06-01"))
    # 14 clubs as of March 2022 says nothing of November 2021.
    assert later["verdict"] == "unverified"
    assert all(e["revision_id"] == LATEST for e in later["evidence"])


def test_the_latest_revision_without_a_date(wikipedia: HTTPServer, db_path: Path) -> None:
    result = CliRunner().invoke(cli, ["ingest", PAGE])
    assert result.exit_code == 0, result.output
    [query] = requests_to(wikipedia, "/w/api.php")
    assert "rvstart" not in query.args
    row = next(open_db(db_path)["documents"].rows)
    assert (row["revision_id"], row["revision_timestamp"]) == (LATEST, "2022-03-10T16:42:09Z")
    assert (row["title"], row["published"], row["source"]) == (
        "Tarn Rowing League",
        "2022-03-10",
        PAGE,
    )


def test_read_like_a_page_without_the_wikis_furniture(wikipedia: HTTPServer, db_path: Path) -> None:
    assert CliRunner().invoke(cli, ["ingest", f"{PAGE}@2021-11-15"]).exit_code == 0
    db = open_db(db_path)
    text = next(db["documents"].rows)["text"]
    assert text.startswith("Tarn Rowing League\n\n")  # the page's title as its headline
    assert "Member clubs: 12" in text  # the infobox
    assert "Chair: Jane Roe; Took office: 1 May 2001; Left office: Incumbent" in text
    for furniture in ("edit", "[1]", "League history", "NewPP"):
        assert furniture not in text


@pytest.mark.parametrize(
    ("reference", "message"),
    [
        ("wikipedia:en:No Such League", "no such page 'No Such League'"),
        (f"{PAGE}@2018-01-01", "the page 'Tarn Rowing League' had no revision by 2018-01-01"),
        (f"{PAGE}@2021-13-40", "2021-13-40 is not a date"),
        ("wikipedia:Tarn Rowing League", "expected wikipedia:LANG:Title"),
    ],
)
def test_bad_references_are_one_line_errors(
    wikipedia: HTTPServer, reference: str, message: str
) -> None:
    result = CliRunner().invoke(cli, ["ingest", reference])
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"error: {reference}: ") and message in line


def test_the_language_goes_into_the_base(
    httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    httpserver.expect_request("/nn/w/api.php").respond_with_json(
        {"batchcomplete": "", "query": {"pages": {"-1": {"ns": 0, "title": "X", "missing": ""}}}}
    )
    monkeypatch.setenv("VERIFY_WIKIPEDIA_URL", httpserver.url_for("/{lang}"))
    result = CliRunner().invoke(cli, ["ingest", "wikipedia:nn:X"])
    assert "no such page 'X'" in result.stderr
    assert [r.path for r, _ in httpserver.log] == ["/nn/w/api.php"]


def test_kept_in_the_library_and_checked_from_it(wikipedia: HTTPServer, article: str) -> None:
    # `refs add` reads the reference once, as of the date it names; a check without
    # --ref then judges from the stored revision without asking the wiki again.
    added = CliRunner().invoke(cli, ["refs", "add", f"{PAGE}@2021-11-15", "--tag", "rowing"])
    assert added.exit_code == 0, added.output
    assert added.stdout == (
        f"added {PAGE}@2021-11-15: document 1 (version 1), 5 facts "
        f"(revision {IN_2021} of 2021-06-01T09:15:33Z)\n"
    )
    asked = len(requests_to(wikipedia, "/w/api.php"))
    result = CliRunner().invoke(cli, ["check", article, "--tag", "rowing", "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    claim = clubs(json.loads(result.stdout)["documents"][0])
    assert claim["verdict"] == "supported"
    assert claim["evidence"][0]["revision_id"] == IN_2021
    assert len(requests_to(wikipedia, "/w/api.php")) == asked
