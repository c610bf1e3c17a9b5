"""Opening claims.db, and the short write transactions every writer goes through.

Several verify processes may share one database (a reviewer's `review` while a
`check` runs, parallel `ingest`s), so:

- writes happen in short ``BEGIN IMMEDIATE`` transactions (``writing``): the write
  lock is taken at the start, when SQLite's busy handler can still wait for it,
  instead of on the first write of a deferred transaction, which fails at once
  with "database is locked" when another process wrote since it started reading;
- every connection waits up to ``DB_BUSY_TIMEOUT`` seconds for the lock, retrying,
  so runs queue behind each other; fetching and judging happen outside any
  transaction, so nobody holds the lock for long.

A file that is not verify's is refused before anything could write to it (not even
the switch to WAL), and commands that only read never migrate.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import sqlite_utils

from verify.config import DB_BUSY_TIMEOUT
from verify.errors import StoreError
from verify.store.schema import migrations

SQLITE_HEADER = b"SQLite format 3\x00"
# Below this much free space a failed write is put down to a full disk: SQLite
# reports some of those as a plain "disk I/O error".
DISK_FULL_MARGIN = 1024 * 1024
# How many of a foreign database's tables the refusal names.
TABLES_NAMED = 5


def open_db(path: str | Path, *, read_only: bool = False) -> sqlite_utils.Database:
    """Open the database at ``path``: created and migrated if need be, unless
    ``read_only``, when it must exist and be current, and is never written.

    The one place migrations run, so no command forgets them.
    """
    path = Path(path)
    _check_file(path, read_only)
    try:
        conn = sqlite3.connect(str(path), timeout=DB_BUSY_TIMEOUT)
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open database ({exc})") from exc
    try:
        # Nothing is written until the file is known to be verify's (or empty).
        conn.execute("PRAGMA query_only = ON")
        db = sqlite_utils.Database(conn)
        _check_ours(db, path)
        if read_only:
            _check_current(db, path)
        else:
            _prepare_for_writing(db)
    except sqlite3.Error as exc:
        conn.close()
        raise StoreError(f"{path}: cannot open database{_cause(str(path), exc)}") from exc
    except StoreError:
        conn.close()
        raise
    return db


def _check_file(path: Path, read_only: bool) -> None:
    """A file of anything but SQLite (an empty one aside) is refused."""
    if not path.exists():
        if read_only:
            raise StoreError(f"{path}: no such database (run 'verify check' first)")
        return
    if not path.is_file():
        raise StoreError(f"{path}: not a database file")
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StoreError(f"{path}: cannot read ({(exc.strerror or str(exc)).lower()})") from exc
    if head and head != SQLITE_HEADER:
        raise StoreError(f"{path}: not a SQLite database, so not verify's: left unchanged")


def is_sqlite_file(path: Path) -> bool:
    """Whether ``path`` is a file that starts like a SQLite database."""
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def _check_ours(db: sqlite_utils.Database, path: Path) -> None:
    """A database with tables but no record of verify's migrations is another
    application's: refused, before anything is written to it."""
    tables = [
        row[0]
        for row in db.execute(
            "select name from sqlite_master where type in ('table', 'view') order by name"
        ).fetchall()
    ]
    if not tables:
        return  # new or empty: nobody's yet
    if migrations.migrations_table in tables and migrations.applied(db):
        return
    named = ", ".join(tables[:TABLES_NAMED]) + (", …" if len(tables) > TABLES_NAMED else "")
    raise StoreError(f"{path}: not a verify database (it holds {named}): left unchanged")


def _check_current(db: sqlite_utils.Database, path: Path) -> None:
    if not migrations.applied(db):
        raise StoreError(f"{path}: holds no verify data yet (run 'verify check' first)")
    if migrations.pending(db):
        raise StoreError(
            f"{path}: written by an older version of verify; a command that writes "
            "(verify ingest, check or review) upgrades it first"
        )


def _prepare_for_writing(db: sqlite_utils.Database) -> None:
    db.execute("PRAGMA query_only = OFF")
    db.execute("PRAGMA foreign_keys = ON")
    if db.journal_mode != "wal":
        db.enable_wal()
    if migrations.pending(db):
        with writing(db):
            # Another process may have migrated while this one waited for the lock.
            if migrations.pending(db):
                migrations.apply(db)


@contextlib.contextmanager
def writing(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One short write transaction: ``BEGIN IMMEDIATE``, then commit, or roll back on
    any error or interruption, so the database holds all of it or none of it.

    Waits up to ``DB_BUSY_TIMEOUT`` for another process's write to finish. A
    failure of the database is raised as a one-line ``StoreError``.
    """
    try:
        db.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise StoreError(write_error(db, exc)) from exc
    try:
        yield db
        db.execute("COMMIT")
    except BaseException as exc:
        with contextlib.suppress(sqlite3.Error):  # a failed COMMIT may have ended it
            db.rollback()
        if isinstance(exc, sqlite3.Error):
            raise StoreError(write_error(db, exc)) from exc
        raise


def write_error(db: sqlite_utils.Database, exc: sqlite3.Error) -> str:
    """Why a write failed, in words a user can act on."""
    path = db_file(db)
    return f"{path}: cannot write to the database{_cause(path, exc)} (nothing was changed)"


def _cause(path: str, exc: sqlite3.Error) -> str:
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name == "SQLITE_FULL" or (name.startswith("SQLITE_IOERR") and _disk_full(path)):
        return ": the disk is full"
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return f": another process kept it busy for more than {DB_BUSY_TIMEOUT:g} s"
    if name.startswith("SQLITE_READONLY"):
        return ": the file or its folder is read-only"
    return f" ({_one_line(exc)})"


def db_file(db: sqlite_utils.Database) -> str:
    """The file the database lives in, for messages."""
    rows = db.execute("pragma database_list").fetchall()
    return next((row[2] for row in rows if row[1] == "main" and row[2]), "the database")


def _disk_full(path: str) -> bool:
    try:
        return shutil.disk_usage(Path(path).parent).free < DISK_FULL_MARGIN
    except OSError:
        return False


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())
