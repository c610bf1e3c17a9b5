"""Fault suite, network and hostile input (issue 12): slow servers are cut off,
credentials never leave the request, odd pages get one clear line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from faults import (
    FIXTURES,
    TrickleServer,
    error_lines,
    run_verify,
    serve_files,
    table_counts,
)

GOOD = FIXTURES / "pages" / "article-a.html"


@pytest.mark.parametrize("slow", ["headers", "body"])
def test_a_byte_a_moment_server_is_cut_off_at_the_deadline(slow: str, tmp_path: Path) -> None:
    db = tmp_path / "claims.db"
    # A byte a second, 120 of them, unless the deadline of 3 s cuts it off.
    with TrickleServer(slow, interval=1.0, max_bytes=120) as server:
        done = run_verify("ingest", server.url, str(GOOD), "--timeout", "3", "--db", str(db))
    assert done.returncode == 1, done.stderr
    [line] = error_lines(done.stderr)
    assert line == (
        f"error: {server.url}: timed out (no complete response within 3 s; see --timeout)"
    )
    assert table_counts(db)["documents"] == 1  # the other source still landed


def test_the_deadline_is_documented_with_its_default() -> None:
    done = run_verify("ingest", "--help")
    assert "--timeout" in done.stdout and "60" in done.stdout


def test_one_page_too_slow_to_read_does_not_starve_the_others(tmp_path: Path) -> None:
    page = tmp_path / "huge.txt"
    sentence = "Minister Anna Smith said on 3 May 2021 that 12 people left the town. "
    page.write_text(sentence * 60_000)  # 4 MB of claims: far more than a second's work
    db = tmp_path / "claims.db"
    done = run_verify("ingest", str(page), str(GOOD), "--analysis-timeout", "1", "--db", str(db))
    assert done.returncode == 1, done.stderr
    [line] = error_lines(done.stderr)
    assert line.startswith(f"error: {page}: gave up reading the text after 1 s")
    assert table_counts(db)["documents"] == 1


def test_credentials_in_urls_are_used_but_never_kept(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(FIXTURES, site)
    db = tmp_path / "claims.db"
    outputs = [tmp_path / name for name in ("report.json", "checklist.md", "export.jsonld")]
    with serve_files(site, credentials=("ana", "s3cret-pw")) as base:
        secret = base.replace("http://", "http://ana:s3cret-pw@")
        article = f"{secret}/pages/article-a.html"
        refs = [f"{secret}/references/{p.name}" for p in sorted((site / "references").iterdir())]
        missing = f"{secret}/pages/missing.html"
        check = ["check", article, missing, *[a for r in refs for a in ("--ref", r)]]
        done = run_verify(*check, "--db", str(db), "--format", "json", "--output", str(outputs[0]))
        assert done.returncode == 2, done.stderr  # the missing page
        assert f"error: {base}/pages/missing.html: HTTP 404 Not Found" in done.stderr
        listed = run_verify("claims", "--json", "--db", str(db))
        checklist = run_verify("checklist", article, "--db", str(db), "--output", str(outputs[1]))
        export = run_verify("export", "--db", str(db), "--output", str(outputs[2]))
    report = json.loads(outputs[0].read_text())
    assert report["documents"][0]["url"] == f"{base}/pages/article-a.html"  # fetched, with auth
    for done in (listed, checklist, export):
        assert done.returncode == 0, done.stderr
    printed = done.stderr + listed.stdout + checklist.stderr + export.stderr
    for text in (printed, *(p.read_text() for p in outputs), str(db.read_bytes())):
        assert "s3cret" not in text and "ana:" not in text


def test_an_error_names_a_huge_url_in_a_few_hundred_characters(tmp_path: Path) -> None:
    url = "http://127.0.0.1:9/" + "x" * 100_000
    done = run_verify("ingest", url, "--db", str(tmp_path / "claims.db"))
    assert done.returncode == 2
    [line] = error_lines(done.stderr)
    assert len(line) < 400 and "(100,019 characters)" in line


def test_an_unreadable_pdf_article_is_one_line_and_nothing_is_recorded(tmp_path: Path) -> None:
    """PDFs are read (issue 15); one that starts like a PDF and is not one says so
    in one line, with nothing from the PDF library's own repairs on stderr."""
    pdf = tmp_path / "article.pdf"
    pdf.write_bytes(
        b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + b"BT (Words) Tj ET\n" * 500
    )
    for served_as in ("file", "url"):
        db = tmp_path / f"{served_as}.db"
        with serve_files(tmp_path) as base:
            source = str(pdf) if served_as == "file" else f"{base}/article.pdf"
            done = run_verify("check", source, "--ref", str(GOOD), "--db", str(db))
        assert done.returncode == 2
        lines = error_lines(done.stderr)
        assert lines[0].startswith(f"error: {source}: not a readable PDF ("), lines
        assert lines[1:] == [
            "error: no usable article: nothing was checked and no run was recorded"
        ]


def test_nul_bytes_are_removed_with_a_warning_wherever_they_are(tmp_path: Path) -> None:
    text = "On 3 May 2021 the council of Lisbon counted 12 votes. " * 400
    early, late = tmp_path / "early.txt", tmp_path / "late.txt"
    early.write_text(text[:100] + "\x00\x00" + text[100:])
    late.write_text(text[:15_000] + "\x00\x00" + text[15_000:])
    db = tmp_path / "claims.db"
    done = run_verify("ingest", str(early), str(late), "--db", str(db))
    assert done.returncode == 0, done.stderr
    for page in (early, late):
        assert f"warning: {page}: 2 NUL bytes removed" in done.stderr
    assert table_counts(db)["documents"] == 2


def test_an_empty_source_argument_is_an_error_not_the_current_directory(tmp_path: Path) -> None:
    done = run_verify("ingest", "", "--db", str(tmp_path / "claims.db"))
    assert done.returncode == 2
    assert error_lines(done.stderr) == ["error: '': empty source (give a URL, file or directory)"]


@pytest.mark.parametrize("slow", ["headers", "body"])
def test_a_connector_service_is_cut_off_at_the_deadline_too(slow: str, tmp_path: Path) -> None:
    db = tmp_path / "claims.db"
    with TrickleServer(slow, interval=1.0, max_bytes=120) as server:
        base = server.url.rsplit("/", 1)[0]
        done = run_verify(
            "ingest", "wikidata:Q9000001", str(GOOD), "--timeout", "3", "--db", str(db),
            env={"VERIFY_WIKIDATA_URL": base},
        )  # fmt: skip
    assert done.returncode == 1, done.stderr
    [line] = error_lines(done.stderr)
    assert line.startswith("error: wikidata:Q9000001: ") and "timed out" in line, line
    assert table_counts(db)["documents"] == 1  # the other source still landed
