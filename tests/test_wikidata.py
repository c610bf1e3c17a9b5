"""``wikidata:`` references: items read into the dated facts pages give (issue 15)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from pytest_httpserver import HTTPServer
from services import FIXTURES, WIKIDATA, article_file, check_report, requests_to, serve_wikidata

from verify.cli import cli
from verify.errors import SourceError
from verify.ingest.connectors import Session, fetch_reference, read_fetched
from verify.store import open_db

HOLDERS = ["wikidata:Q9000001", "wikidata:Q9000002"]  # Grybauskaitė, Mattis
OFFICES = ["wikidata:Q9000101", "wikidata:Q9000102"]  # President of Lithuania, US SecDef
# Only to date the undated article: the references no longer list any term of office.
DATING = FIXTURES / "references" / "article4-invocations.html"


def run(*args: str) -> Any:
    return CliRunner().invoke(cli, list(args))


def refs(*sources: str | Path) -> list[str]:
    return [arg for source in sources for arg in ("--ref", str(source))]


@pytest.fixture
def wikidata(httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> HTTPServer:
    serve_wikidata(httpserver, monkeypatch)
    return httpserver


def claim(document: dict[str, Any], words: str) -> dict[str, Any]:
    [found] = [c for c in document["claims"] if words in c["text"]]
    return found


def test_article_b_office_holders_are_out_of_term_by_wikidata(wikidata: HTTPServer) -> None:
    article = str(FIXTURES / "pages" / "article-b.html")
    report = check_report(article, *refs(*HOLDERS, *OFFICES, DATING))
    [b] = report["documents"]
    assert (b["as_of"], b["as_of_source"]) == ("2021-11", "inferred")
    assert sum("out of their term" in r for r in b["assessment_reasons"]) == 2
    grybauskaite = claim(b, "Dalia Grybauskaite")
    assert grybauskaite["verdict"] == "contradicted"
    assert "in 2021-11 the office was held by Gitanas Nausėda" in " ".join(grybauskaite["reasons"])
    statement = next(e for e in grybauskaite["evidence"] if e["source"] == HOLDERS[0])
    # The statement itself: the item, the property, the value and its qualifiers.
    for part in (
        "Q9000001",
        "position held (P39): President of Lithuania (Q9000101)",
        "start time (P580): 2009-07-12",
        "end time (P582): 2019-07-12",
    ):
        assert part in statement["passage"]
    assert statement["revision_id"] == "1873320451"
    assert statement["revision_timestamp"] == "2023-03-14T08:12:40Z"
    successor = next(e for e in grybauskaite["evidence"] if e["source"] == OFFICES[0])
    assert "officeholder (P1308): Gitanas Nausėda (Q9000003)" in successor["passage"]
    mattis = claim(b, "Jim Mattis")
    assert mattis["verdict"] == "contradicted"
    assert "Lloyd Austin" in " ".join(mattis["reasons"])
    assert {e["source"] for e in mattis["evidence"]} >= {HOLDERS[1], OFFICES[1]}


def test_the_document_is_the_entity_json_as_received(wikidata: HTTPServer, db_path: Path) -> None:
    result = run("ingest", HOLDERS[0])
    assert result.exit_code == 0, result.output
    row = next(open_db(db_path)["documents"].rows)
    body = (WIKIDATA / "Q9000001.json").read_bytes()
    assert row["sha256"] == hashlib.sha256(body).hexdigest()
    assert row["url"] == wikidata.url_for("/wiki/Special:EntityData/Q9000001.json")
    assert (row["revision_id"], row["revision_timestamp"]) == ("1873320451", "2023-03-14T08:12:40Z")
    assert (row["title"], row["published"]) == ("Dalia Grybauskaitė", "2023-03-14")
    assert row["content_type"] == "application/json" and row["fetched_at"].endswith("Z")


def test_labels_are_asked_for_politely_in_one_batch(wikidata: HTTPServer) -> None:
    assert run("ingest", HOLDERS[0]).exit_code == 0
    [entity] = requests_to(wikidata, "/wiki/Special:EntityData/")
    [labels] = requests_to(wikidata, "/w/api.php")
    assert labels.args["action"] == "wbgetentities" and labels.args["maxlag"] == "5"
    assert (labels.args["props"], labels.args["languages"]) == ("labels|aliases", "en")
    assert {"Q9000101", "P39", "P580", "P582"} <= set(labels.args["ids"].split("|"))
    for request in (entity, labels):
        agent = request.headers["User-Agent"]
        assert agent.startswith("verify/") and "factcheck-desk@newsroom.example" in agent


def read(reference: str) -> Any:
    with Session() as session:
        fetched = fetch_reference(reference, session)
        assert fetched is not None
        reading = read_fetched(fetched)
    assert reading is not None and reading.facts is not None
    return reading


def test_positions_and_officeholders_are_terms(wikidata: HTTPServer) -> None:
    held = [f for _, f in read(HOLDERS[0]).facts if f.kind == "term"]
    assert [(f.holder, f.office, f.start_date, f.end_date) for f in held] == [
        ("Dalia Grybauskaitė", "President of Lithuania", "2009-07-12", "2019-07-12"),
        # The office's alias in other words, with its body: filed as well.
        ("Dalia Grybauskaitė", "Lithuanian head of state", "2009-07-12", "2019-07-12"),
    ]
    holders = [(f.holder, f.end_date) for _, f in read(OFFICES[0]).facts if f.kind == "term"]
    assert ("Gitanas Nausėda", None) in holders and ("Dalia Grybauskaitė", "2019-07-12") in holders


def test_a_deprecated_statement_is_no_fact(wikidata: HTTPServer) -> None:
    reading = read(HOLDERS[0])
    assert "Prime Minister" not in reading.extracted.text
    assert not any(f.office and "Prime Minister" in f.office for _, f in reading.facts)
    # Statements with a date are passages too, though no fact kind holds a birth date.
    assert "date of birth (P569): 1956-03-01" in reading.extracted.text


def test_an_alias_of_the_office_finds_its_terms(wikidata: HTTPServer, tmp_path: Path) -> None:
    article = article_file(
        tmp_path,
        "Summit in Vilnius",
        "15 November 2021",
        "The Lithuanian head of state, Dalia Grybauskaite, opened the summit.",
    )
    report = check_report(article, *refs(OFFICES[0]))
    found = claim(report["documents"][0], "Grybauskaite")
    assert found["verdict"] == "contradicted"
    assert "Gitanas Nausėda" in " ".join(found["reasons"])


@pytest.mark.parametrize(
    ("reference", "message"),
    [
        ("wikidata:X42", "wikidata:X42: not a Wikidata item (wikidata:Q followed by digits)"),
        ("wikidata:Q77", "wikidata:Q77: http"),
    ],
)
def test_bad_items_are_one_line_errors(wikidata: HTTPServer, reference: str, message: str) -> None:
    result = run("ingest", reference)
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"error: {message}")
    if reference.endswith("77"):
        assert line.endswith("HTTP 404 Not Found")


def test_an_item_is_a_source_error_before_any_request() -> None:
    with Session() as session, pytest.raises(SourceError):
        fetch_reference("wikidata:Q0", session)
