"""Fault suite, concurrency (issue 12): verify processes sharing one database queue
for its write lock instead of failing with "database is locked"."""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from faults import (
    FIXTURES,
    run_verify,
    start_verify,
    table_counts,
)

ARTICLES = FIXTURES / "articles"
REFERENCES = FIXTURES / "references"


def test_two_concurrent_checks_on_one_database_both_succeed(tmp_path: Path) -> None:
    db = tmp_path / "claims.db"
    args = ("check", str(ARTICLES), "--ref", str(REFERENCES), "--db", str(db), "--format", "json")
    runs = [start_verify(*args) for _ in range(2)]
    results = [(run.communicate(timeout=300), run.returncode) for run in runs]
    for (_, stderr), code in results:
        assert code in (0, 1), stderr  # 1: the fixtures hold a contradiction
        assert "locked" not in stderr
    counts = table_counts(db)
    assert counts["runs"] == 2
    # The same articles and references, stored once: the second run found them stored.
    assert counts["documents"] == len(list(ARTICLES.iterdir())) + len(list(REFERENCES.iterdir()))


def test_parallel_ingests_all_land(tmp_path: Path) -> None:
    db = tmp_path / "claims.db"
    pages = sorted((FIXTURES / "pages").iterdir()) + sorted(ARTICLES.iterdir())
    runs = [start_verify("ingest", str(page), "--db", str(db)) for page in pages]
    for run in runs:
        _, stderr = run.communicate(timeout=300)
        assert run.returncode == 0, stderr
    assert table_counts(db)["documents"] == len(pages)


def test_twenty_parallel_reviews_are_all_recorded_in_order(tmp_path: Path, checked: Path) -> None:
    db = checked

    def review(n: int) -> int:
        done = run_verify(
            "review", "1", "--status", "needs-work", "--note", f"pass {n}", "--db", str(db)
        )
        assert done.returncode == 0, done.stderr
        return n

    with ThreadPoolExecutor(max_workers=20) as pool:
        assert sorted(pool.map(review, range(20))) == list(range(20))
    with contextlib.closing(sqlite3.connect(db)) as conn:
        rows = conn.execute("select id, decided_at, note from reviews order by id").fetchall()
    assert len(rows) == 20
    assert {note for _, _, note in rows} == {f"pass {n}" for n in range(20)}
    times = [decided for _, decided, _ in rows]
    assert times == sorted(times)  # the order of the rows is the order of the decisions


def test_a_writer_waits_for_another_processes_write_lock(tmp_path: Path, checked: Path) -> None:
    db = checked
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")  # another process's write in progress
    release = threading.Timer(2.0, lambda: holder.execute("COMMIT"))
    release.start()
    started = time.monotonic()
    done = run_verify("review", "1", "--status", "confirmed", "--db", str(db))
    release.join()
    holder.close()
    assert done.returncode == 0, done.stderr
    assert time.monotonic() - started >= 1.5  # it waited for the lock rather than failing
    assert table_counts(db)["reviews"] == 1


def test_reading_while_a_check_writes_sees_whole_runs(tmp_path: Path, checked: Path) -> None:
    db = checked
    writer = start_verify("check", str(ARTICLES), "--ref", str(REFERENCES), "--db", str(db))
    while writer.poll() is None:
        done = run_verify("report", "--format", "json", "--db", str(db))
        assert done.returncode == 0, done.stderr
    writer.communicate(timeout=300)
    assert writer.returncode in (0, 1)
    assert table_counts(db)["runs"] == 2
