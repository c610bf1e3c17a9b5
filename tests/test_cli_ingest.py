"""`verify ingest` and `verify claims` through click's CliRunner, on real files,
a real HTTP server on 127.0.0.1 and real SQLite databases."""

from __future__ import annotations

import gzip
import json
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner
from werkzeug import Response

from verify.cli import cli

GOOD = (
    "<html><head><title>Club news</title></head><body><article><h1>Club news</h1>"
    "<p>The club has 30 members since 1999, the secretary said.</p></article></body></html>"
)


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args))


def counts(db_path: Path) -> tuple[int, int]:
    import sqlite_utils

    db = sqlite_utils.Database(db_path)
    return db["documents"].count, db["claims"].count


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_ingest_text_fixtures_then_list_claims(fixtures_dir: Path, db_path: Path) -> None:
    result = run("ingest", str(fixtures_dir / "articles"))
    assert result.exit_code == 0, result.output
    assert result.output.count("ingested ") == 2
    listed = run("claims", "--json")
    rows = json.loads(listed.output)
    assert {row["source"] for row in rows} == {
        str(p) for p in sorted((fixtures_dir / "articles").glob("*.txt"))
    }
    assert all(row["sha256"] and row["fetched_at"].endswith("Z") for row in rows)
    assert "quantity" in run("claims").output


def test_reingesting_is_idempotent(fixtures_dir: Path, db_path: Path) -> None:
    run("ingest", str(fixtures_dir / "articles"))
    before = counts(db_path)
    again = run("ingest", str(fixtures_dir / "articles"))
    assert again.exit_code == 0
    assert again.output.count("unchanged ") == 2
    assert counts(db_path) == before


def test_changed_page_adds_a_version(httpserver, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    httpserver.expect_ordered_request("/story").respond_with_data(GOOD, content_type="text/html")
    changed = GOOD.replace("30 members", "31 members")
    httpserver.expect_ordered_request("/story").respond_with_data(changed, content_type="text/html")
    url = httpserver.url_for("/story")
    assert run("ingest", url).exit_code == 0
    second = run("ingest", url, "--json")
    assert json.loads(second.output)["stored"][0]["version"] == 2
    rows = json.loads(run("claims", "--json").output)
    assert sorted(r["version"] for r in rows) == [1, 2]


def test_explicit_db_option(tmp_path: Path, fixtures_dir: Path) -> None:
    other = tmp_path / "other.db"
    assert run("ingest", str(fixtures_dir / "articles"), "--db", str(other)).exit_code == 0
    assert counts(other)[0] == 2


def bad_sources(httpserver, tmp_path: Path) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Each bad input, keyed by a word its error must contain."""
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 8)  # no known signature: judged by its bytes
    no_articles = tmp_path / "nothing"
    no_articles.mkdir()
    (no_articles / "notes.csv").write_text("a,b\n")
    bomb = gzip.compress(b"<p>" + b"a" * 400_000 + b"</p>")
    httpserver.expect_request("/404").respond_with_data("gone", status=404)
    httpserver.expect_request("/500").respond_with_data("oops", status=500)
    httpserver.expect_request("/pdf").respond_with_data(b"%PDF-1.4", content_type="application/pdf")
    httpserver.expect_request("/png").respond_with_data(b"\x89PNG", content_type="image/png")
    httpserver.expect_request("/big").respond_with_data(
        "<p>" + "x" * 300_000 + "</p>", content_type="text/html"
    )
    httpserver.expect_request("/bomb").respond_with_response(
        Response(bomb, headers={"Content-Encoding": "gzip", "Content-Type": "text/html"})
    )
    httpserver.expect_request("/loop").respond_with_response(
        Response("", status=302, headers={"Location": "/loop"})
    )
    return {
        "no such file": str(tmp_path / "missing.html"),
        "holds no": str(no_articles),
        "empty": str(empty),
        "binary": str(binary),
        "connect": f"http://127.0.0.1:{closed_port()}/x",
        "404": httpserver.url_for("/404"),
        "500": httpserver.url_for("/500"),
        "not a readable pdf": httpserver.url_for("/pdf"),  # a PDF cut short
        "image/png": httpserver.url_for("/png"),
        "limit": httpserver.url_for("/big"),
        "redirects": httpserver.url_for("/loop"),
        "scheme": "ftp://example.org/a.html",
        "file": "file:///etc/passwd",
    }


def test_every_bad_input_gets_one_line_and_others_still_land(  # type: ignore[no-untyped-def]
    httpserver, tmp_path: Path, fixtures_dir: Path, db_path: Path
) -> None:
    bad = bad_sources(httpserver, tmp_path)
    bomb = httpserver.url_for("/bomb")
    good = str(fixtures_dir / "articles")
    result = run("ingest", "--max-bytes", "200000", *bad.values(), bomb, good)
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == len(bad) + 1
    for cause, source in bad.items():
        [line] = [e for e in errors if source in e]
        assert cause in line.lower(), line
    assert any(bomb in e and "limit" in e for e in errors)
    assert "Traceback" not in result.output
    assert counts(db_path)[0] == 2


@pytest.mark.parametrize("which", ["empty", "binary", "missing"])
def test_nothing_ingested_exits_2_and_keeps_the_database(  # type: ignore[no-untyped-def]
    which: str, tmp_path: Path, fixtures_dir: Path, db_path: Path
) -> None:
    run("ingest", str(fixtures_dir / "articles"))
    before = counts(db_path)
    path = tmp_path / f"{which}.txt"
    if which == "empty":
        path.write_text("  \n")
    elif which == "binary":
        path.write_bytes(bytes(range(256)) * 4)
    result = run("ingest", str(path))
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert counts(db_path) == before


def test_claims_without_a_database_is_a_clear_error(tmp_path: Path) -> None:
    result = run("claims", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 2
    assert "no such database" in result.stderr
    assert not (tmp_path / "none.db").exists()


def test_not_a_database_is_a_clear_error(tmp_path: Path, fixtures_dir: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database" * 200)
    result = run("ingest", str(fixtures_dir / "articles"), "--db", str(junk))
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and "Traceback" not in result.output


def test_python_dash_m_and_version() -> None:
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "verify", "--version"], capture_output=True, text=True, check=True
    )
    assert out.stdout.startswith("verify, version ")
