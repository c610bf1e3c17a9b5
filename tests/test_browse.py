"""`verify browse`: the database in Datasette with the metadata the package ships —
label columns, facets, JSON columns rendered, canned queries — checked against the
schema, then served on loopback by a real Datasette and read back page by page."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner

from verify.cli import cli
from verify.store import DATASETTE_METADATA, datasette_metadata, open_db
from verify.store.browse import JSON_COLUMNS

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
STARTUP_SECONDS = 60


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """The fixture articles checked, one claim reviewed: the database and its report."""
    db = tmp_path_factory.mktemp("browse") / "claims.db"
    runner = CliRunner()
    args = ["check", str(FIXTURES / "articles"), "--ref", str(FIXTURES / "references")]
    result = runner.invoke(cli, [*args, "--db", str(db), "--json"])
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    first = report["documents"][0]["claims"][0]["id"]
    reviewed = runner.invoke(cli, ["review", str(first), "--rating", "false", "--db", str(db)])
    assert reviewed.exit_code == 0, reviewed.output
    return db, report


def contradicted(report: dict[str, Any]) -> list[int]:
    claims = [c for d in report["documents"] for c in d["claims"]]
    return [c["id"] for c in claims if c["verdict"] == "contradicted"]


def test_the_metadata_names_only_what_the_schema_has(tmp_path: Path) -> None:
    db = open_db(tmp_path / "claims.db")
    shipped = json.loads(DATASETTE_METADATA.read_text(encoding="utf-8"))
    tables = shipped["databases"]["claims"]["tables"]
    assert set(tables) == {t for t in db.table_names() if not t.startswith(("_", "passages_fts"))}
    for name, config in tables.items():
        columns = set(db[name].columns_dict)
        if "label_column" in config:
            assert config["label_column"] in columns, name
        for facet in config.get("facets", []):
            assert (facet["array"] if isinstance(facet, dict) else facet) in columns, (name, facet)
    for name, columns in JSON_COLUMNS.items():
        assert columns <= set(db[name].columns_dict), name
    assert tables["verdicts"]["facets"][0] == "verdict"
    assert tables["run_documents"]["facets"][0] == "assessment"


def test_the_canned_query_lists_the_latest_runs_contradicted_claims(checked) -> None:  # type: ignore[no-untyped-def]
    db, report = checked
    queries = datasette_metadata(db)["databases"]["claims"]["queries"]
    rows = list(open_db(db).query(queries["latest_contradicted"]["sql"]))
    assert [r["claim_id"] for r in rows] == contradicted(report) != []
    assert {r["run_id"] for r in rows} == {report["run_id"]}
    ratings = list(open_db(db).query(queries["ratings"]["sql"]))
    assert [(r["claim_id"], r["rating"]) for r in ratings] == [
        (report["documents"][0]["claims"][0]["id"], "false")
    ]


def test_metadata_prints_for_any_database_name(checked, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, _ = checked
    other = tmp_path / "desk-2024.db"
    # SQLite's own copy: the file's bytes alone would miss what is still in its WAL.
    with contextlib.closing(sqlite3.connect(db)) as source:
        with contextlib.closing(sqlite3.connect(other)) as copy:
            source.backup(copy)
    result = CliRunner().invoke(cli, ["browse", "--db", str(other), "--metadata"])
    assert result.exit_code == 0, result.output
    printed = json.loads(result.stdout)
    assert list(printed["databases"]) == ["desk-2024"]  # Datasette names it by its file
    assert "latest_contradicted" in printed["databases"]["desk-2024"]["queries"]


def test_without_datasette_it_says_how_to_install_it(checked, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    db, _ = checked
    monkeypatch.setitem(sys.modules, "datasette", None)  # how Python marks a module absent
    result = CliRunner().invoke(cli, ["browse", "--db", str(db)])
    assert result.exit_code == 2
    hint = "pip install 'verify-claims[browse]'"
    assert result.stderr == f"error: Datasette is not installed: {hint}\n"


def test_a_missing_database_is_not_created(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["browse", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "no such database" in result.stderr
    assert not (tmp_path / "none.db").exists()


# --- a real Datasette on loopback ----------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(base: str, process: subprocess.Popen[bytes], log: Path) -> None:
    """Until Datasette answers at ``base``; fails if the process ends first."""
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        assert process.poll() is None, log.read_text(errors="replace")
        try:
            httpx.get(f"{base}/-/versions.json", timeout=2).raise_for_status()
            return
        except httpx.TransportError:
            assert time.monotonic() < deadline, "Datasette did not start"
            time.sleep(0.2)


@pytest.fixture(scope="module")
def served(checked) -> Any:  # type: ignore[no-untyped-def]
    """`verify browse` serving the checked database; its base URL."""
    pytest.importorskip("datasette", reason="the browse extra is not installed")
    db, report = checked
    port = free_port()
    command = [sys.executable, "-c", "from verify.cli import cli; cli()", "browse"]
    command += ["--db", str(db), "--port", str(port)]
    log = db.with_name("datasette.log")  # a file, not a pipe nobody reads: it never fills
    with log.open("wb") as written:
        process = subprocess.Popen(command, stdout=written, stderr=written, env=dict(os.environ))
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base, process, log)
        yield base, report
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_stopping_browse_stops_datasette(checked) -> None:  # type: ignore[no-untyped-def]
    """A SIGTERM to `verify browse` (as a service manager stops it) stops the Datasette
    it started too: nothing is left serving the database."""
    pytest.importorskip("datasette", reason="the browse extra is not installed")
    db, _ = checked
    port = free_port()
    command = [sys.executable, "-c", "from verify.cli import cli; cli()", "browse"]
    command += ["--db", str(db), "--port", str(port)]
    log = db.with_name("datasette-stop.log")
    with log.open("wb") as written:
        process = subprocess.Popen(command, stdout=written, stderr=written, env=dict(os.environ))
    try:
        wait_for(f"http://127.0.0.1:{port}", process, log)
    finally:
        process.terminate()
        process.wait(timeout=30)
    with pytest.raises(httpx.TransportError):
        httpx.get(f"http://127.0.0.1:{port}/-/versions.json", timeout=2)


def test_foreign_keys_show_their_labels(served) -> None:  # type: ignore[no-untyped-def]
    base, report = served
    rows = httpx.get(f"{base}/claims/verdicts.json?_labels=on&_shape=array&_size=max").json()
    texts = {c["id"]: c["text"] for d in report["documents"] for c in d["claims"]}
    assert rows and all(row["claim_id"]["label"] == texts[row["claim_id"]["value"]] for row in rows)
    page = httpx.get(f"{base}/claims/verdicts").text
    assert texts[rows[0]["claim_id"]["value"]].split("’")[0] in page  # in the HTML table too


def test_facets_on_verdict_and_assessment(served) -> None:  # type: ignore[no-untyped-def]
    base, report = served
    verdicts = httpx.get(f"{base}/claims/verdicts.json?_size=0").json()["facet_results"]
    counts = {r["value"]: r["count"] for r in verdicts["verdict"]["results"]}
    assert counts["contradicted"] == len(contradicted(report))
    documents = httpx.get(f"{base}/claims/run_documents.json?_size=0").json()["facet_results"]
    assessed = {r["value"] for r in documents["assessment"]["results"]}
    assert assessed == {d["assessment"] for d in report["documents"]}


def test_json_columns_are_rendered(served) -> None:  # type: ignore[no-untyped-def]
    base, _ = served
    slots = httpx.get(f"{base}/claims/claims").text
    assert '<pre class="verify-json">{\n  &#34;quantities&#34;: [' in slots
    reasons = httpx.get(f"{base}/claims/verdicts").text
    assert '<pre class="verify-json">[\n  &#34;' in reasons


def test_the_canned_query_is_served(served) -> None:  # type: ignore[no-untyped-def]
    base, report = served
    rows = httpx.get(f"{base}/claims/latest_contradicted.json?_shape=array").json()
    assert [row["claim_id"] for row in rows] == contradicted(report)
    page = httpx.get(f"{base}/claims/latest_contradicted").text
    assert "The latest run&#39;s contradicted claims" in page
