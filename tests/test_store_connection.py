"""store.open_db and store.writing: whose file it opens, and all-or-nothing writes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from verify.errors import StoreError
from verify.store import open_db, writing


def runs(db_path: Path) -> int:
    conn = sqlite3.connect(db_path)
    try:
        return int(conn.execute("select count(*) from runs").fetchone()[0])
    finally:
        conn.close()


def test_a_write_is_all_or_nothing(tmp_path: Path) -> None:
    db = open_db(tmp_path / "c.db")
    row = {"started": "2026-01-01T00:00:00Z", "tool_version": "0", "arguments": "{}"}
    with pytest.raises(KeyboardInterrupt), writing(db):
        db["runs"].insert(row)
        raise KeyboardInterrupt  # Ctrl-C half-way
    assert runs(tmp_path / "c.db") == 0
    with writing(db):
        db["runs"].insert(row)
    assert runs(tmp_path / "c.db") == 1


def test_a_failing_statement_is_a_store_error_and_rolls_back(tmp_path: Path) -> None:
    db = open_db(tmp_path / "c.db")
    with pytest.raises(StoreError, match="cannot write to the database .*nothing was changed"):
        with writing(db):
            db["runs"].insert({"started": "x", "tool_version": "0", "arguments": "{}"})
            db.execute("insert into runs (started) values (null)")  # NOT NULL
    assert runs(tmp_path / "c.db") == 0


def test_an_empty_file_becomes_a_database_and_a_foreign_one_is_refused(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    assert "documents" in open_db(empty).table_names()
    foreign = tmp_path / "app.db"
    conn = sqlite3.connect(foreign)
    conn.execute("create table a (x)")
    conn.close()
    with pytest.raises(StoreError, match="not a verify database"):
        open_db(foreign)


def test_read_only_needs_a_current_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        open_db(tmp_path / "none.db", read_only=True)
    assert not (tmp_path / "none.db").exists()
    open_db(tmp_path / "c.db").close()
    db = open_db(tmp_path / "c.db", read_only=True)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        db.execute("delete from runs")
