"""Reading many sources at once: concurrent fetching with a limit per host, the order
kept, analysis in worker processes, batched writes, and the upgrade to the library
(migration m009). Real HTTP on 127.0.0.1, real files, real SQLite databases."""

from __future__ import annotations

import contextlib
import http.server
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlite_utils
from sqlite_utils.migrations import Migrations

from verify.config import PER_HOST_REQUESTS
from verify.extract import extract
from verify.fetch import load
from verify.ingest import Reading, add_references, ingest
from verify.ingest.pipeline import read_sources
from verify.ingest.writer import Writer
from verify.store import library_document_ids, migrations, open_db, save_document, schema

# Invented pages about invented ferry lines, each its own, with a dated list.
PAGE = """<html><head><title>Ferry line {n}</title></head><body><h1>Ferry line {n}</h1>
<p>Ferry line {n} crosses the Salt Narrows between Vellin and Korrow {n} times a week.</p>
<h2>Timeline</h2><ul><li>1990 – Line {n} opened with two boats.</li>
<li>2004 – Line {n} added a night crossing.</li></ul></body></html>"""


class _Pages(http.server.BaseHTTPRequestHandler):
    """Serves PAGE for /N, slower for lower N (so later pages finish first), and counts
    the requests in flight at once."""

    lock = threading.Lock()
    in_flight = 0
    most = 0

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        cls = type(self)
        with cls.lock:
            cls.in_flight += 1
            cls.most = max(cls.most, cls.in_flight)
        number = int(self.path.strip("/"))
        time.sleep(0.02 * (30 - number) / 30 + 0.02)  # overlap, not a timed assertion
        body = PAGE.format(n=number).encode()
        with cls.lock:
            cls.in_flight -= 1
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@contextlib.contextmanager
def page_server() -> Iterator[tuple[str, type[_Pages]]]:
    handler = type("Pages", (_Pages,), {"in_flight": 0, "most": 0, "lock": threading.Lock()})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", handler
    finally:
        server.shutdown()
        server.server_close()


def write_pages(folder: Path, count: int) -> list[str]:
    folder.mkdir(exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"line{number:02d}.html"
        path.write_text(PAGE.format(n=number), encoding="utf-8")
        paths.append(str(path))
    return paths


def test_fetching_runs_at_once_but_never_more_than_the_host_limit(db_path: Path) -> None:
    with page_server() as (base, handler):
        urls = [f"{base}/{n}" for n in range(30)]
        result = ingest(open_db(db_path), urls, kind="reference", jobs=PER_HOST_REQUESTS * 2)
    assert not result.errors
    assert 1 < handler.most <= PER_HOST_REQUESTS
    # Stored in the order given, though the later pages were answered first.
    assert [s.source for s in result.stored] == urls
    ids = [s.document_id for s in result.stored]
    assert ids == sorted(ids)


def rows(db: sqlite_utils.Database, sql: str) -> list[tuple[object, ...]]:
    return [tuple(row) for row in db.execute(sql).fetchall()]


def test_analysis_in_worker_processes_stores_what_analysis_here_stores(tmp_path: Path) -> None:
    paths = write_pages(tmp_path / "pages", 20)
    here, pooled = open_db(tmp_path / "here.db"), open_db(tmp_path / "pooled.db")
    add_references(here, paths, Reading(jobs=1))
    add_references(pooled, paths, Reading(jobs=2))
    for sql in (
        "select source, text, title, sha256 from documents order by id",
        "select document_id, seq, kind, start, end, text from passages order by id",
        "select document_id, kind, text, date, holder, office, measure, value from facts"
        " order by id",
    ):
        assert rows(here, sql) == rows(pooled, sql)
    assert rows(pooled, "select count(*) from facts")[0][0] >= 40


def test_a_crash_loses_only_the_batch_being_written(tmp_path: Path, db_path: Path) -> None:
    paths = write_pages(tmp_path / "pages", 10)
    db = open_db(db_path)

    def stopping() -> Iterator[object]:
        for number, outcome in enumerate(read_sources(db, paths, Reading("reference"))):
            if number == 7:
                raise KeyboardInterrupt
            yield outcome

    writer = Writer(db, "reference", library=True, batch=3)
    with pytest.raises(KeyboardInterrupt):
        writer.add_all(stopping())  # type: ignore[arg-type]
    # Two batches of three were committed; the seventh page was waiting in the third.
    assert db["documents"].count == 6 and db["library"].count == 6
    assert {r["document_id"] for r in db["passages"].rows} == set(library_document_ids(db))
    again = add_references(db, paths, Reading())
    assert [s.created for s in again.stored] == [False] * 6 + [True] * 4
    assert db["library"].count == 10


def test_the_upgrade_puts_stored_references_in_the_library(tmp_path: Path, db_path: Path) -> None:
    old = sqlite_utils.Database(db_path)
    migrations.apply(old, stop_before="m009_reference_library")
    page = tmp_path / "line.html"
    versions = []
    with old.atomic():
        for number in (1, 2):
            page.write_text(PAGE.format(n=number), encoding="utf-8")
            fetched = load(str(page))
            stored = save_document(
                old, fetched, extract(fetched), [], kind="reference", extractor_version="t"
            )
            versions.append(stored.document_id)
        article = load(str(write_pages(tmp_path / "a", 1)[0]))
        save_document(old, article, extract(article), [], extractor_version="t")
    old.close()
    db = open_db(db_path)
    assert [(r["source"], r["document_id"]) for r in db["library"].rows] == [
        (str(page), versions[-1])
    ]
    assert {r["facts_read_at"] for r in db["documents"].rows} == {None}


def test_a_database_with_later_migrations_gets_the_library_too(db_path: Path) -> None:
    # Migrations are applied by name, not by number: a database made by a version
    # with m008 and m010 but not m009 (main before this branch) gets m009 when
    # opened, as one with m009 gets a migration numbered before it that lands later.
    made_by_main = Migrations("verify")
    for function in (
        schema.m001_documents_passages_claims,
        schema.m002_search_runs_verdicts,
        schema.m003_facts,
        schema.m004_run_document_assessment,
        schema.m005_reviews,
        schema.m006_verdict_findings,
        schema.m007_fact_subjects,
        schema.m008_review_ratings,
        schema.m010_source_provenance,
    ):
        made_by_main()(function)
    made_by_main.apply(sqlite_utils.Database(db_path))
    db = open_db(db_path)
    applied = [m.name for m in migrations.applied(db)]
    assert applied[-3:] == [
        "m008_review_ratings",
        "m010_source_provenance",
        "m009_reference_library",
    ]
    assert db["library"].exists() and "revision_id" in db["documents"].columns_dict
