"""The reference library: the `library` and `library_tags` tables (migration m009).

One row per reference source, pointing at the version last fetched; the
documents themselves, their passages, index entries and facts are the ordinary
tables. Removing a source from the library keeps its documents, which recorded
runs cite as evidence.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import sqlite_utils

from verify.records import LibraryEntry


def existing_version(
    db: sqlite_utils.Database, kind: str, source: str, sha256: str
) -> dict[str, Any] | None:
    """The stored version of ``source`` with these bytes, if any (the columns an
    ingest needs to decide whether anything is left to do)."""
    rows = db.execute(
        """select id, version, extractor_version, facts_read_at from documents
        where kind = ? and source = ? and sha256 = ?""",
        [kind, source, sha256],
    ).fetchall()
    if not rows:
        return None
    document_id, version, extractor_version, facts_read_at = rows[0]
    return {
        "id": document_id,
        "version": version,
        "extractor_version": extractor_version,
        "facts_read_at": facts_read_at,
    }


def mark_facts_read(db: sqlite_utils.Database, document_id: int, when: str) -> None:
    db["documents"].update(document_id, {"facts_read_at": when})


def file_reference(
    db: sqlite_utils.Database,
    source: str,
    document_id: int,
    *,
    when: str,
    tags: Iterable[str] = (),
    etag: str | None = None,
    last_modified: str | None = None,
) -> int:
    """Put ``source`` in the library at ``document_id`` (the version just fetched), with
    the validators of the response and these tags added; returns the library id.
    The caller owns the transaction."""
    row = db.execute("select id from library where source = ?", [source]).fetchone()
    validators = {"etag": etag, "last_modified": last_modified}
    if row is None:
        library_id = int(
            db["library"]
            .insert({"source": source, "document_id": document_id, "added_at": when, **validators})
            .last_pk
        )
    else:
        # The version just fetched is the source as it is now, even when it is an
        # older one come back (a page reverted): checks use what the source says.
        library_id = row[0]
        db["library"].update(
            library_id, {"document_id": document_id, "refreshed_at": when, **validators}
        )
    db["library_tags"].insert_all(
        ({"library_id": library_id, "tag": tag} for tag in tags), ignore=True
    )
    return library_id


def mark_unchanged(
    db: sqlite_utils.Database,
    library_id: int,
    when: str,
    etag: str | None = None,
    last_modified: str | None = None,
) -> None:
    """A refresh found the stored copy current: only the time (and any new validators)."""
    changes: dict[str, Any] = {"refreshed_at": when}
    if etag or last_modified:
        changes.update(etag=etag, last_modified=last_modified)
    db["library"].update(library_id, changes)


def _tag_filter(tags: Sequence[str]) -> tuple[str, list[str]]:
    if not tags:
        return "", []
    marks = ",".join("?" for _ in tags)
    return (
        f" where library.id in (select library_id from library_tags where tag in ({marks}))",
        list(tags),
    )


def library_document_ids(db: sqlite_utils.Database, tags: Sequence[str] = ()) -> list[int]:
    """The version last fetched of every library source (with any of ``tags``), in order added."""
    where, params = _tag_filter(tags)
    sql = f"select document_id from library{where} order by library.id"
    return [row[0] for row in db.execute(sql, params)]


def library_sources(
    db: sqlite_utils.Database, tags: Sequence[str] = ()
) -> list[tuple[int, str, str | None, str | None]]:
    """(id, source, etag, last_modified) of every library source, for a refresh."""
    where, params = _tag_filter(tags)
    sql = f"select id, source, etag, last_modified from library{where} order by library.id"
    return [tuple(row) for row in db.execute(sql, params)]  # type: ignore[misc]


ENTRIES_SQL = """
select library.id, library.source, library.document_id, documents.version, documents.url,
       documents.title, documents.sha256, documents.fetched_at, library.added_at,
       library.refreshed_at,
       (select group_concat(tag, char(10)) from
           (select tag from library_tags where library_id = library.id order by tag)),
       (select count(*) from passages where passages.document_id = library.document_id),
       (select count(*) from facts where facts.document_id = library.document_id)
from library join documents on documents.id = library.document_id
"""


def library_entries(db: sqlite_utils.Database, tags: Sequence[str] = ()) -> list[LibraryEntry]:
    where, params = _tag_filter(tags)
    rows = db.execute(f"{ENTRIES_SQL}{where} order by library.id", params)
    return [
        LibraryEntry(*row[:10], tuple(row[10].split("\n")) if row[10] else (), *row[11:])
        for row in rows
    ]


def unknown_library_ids(db: sqlite_utils.Database, ids: Sequence[int]) -> list[int]:
    known = {row[0] for row in db.execute("select id from library")}
    return [i for i in ids if i not in known]


def remove_from_library(db: sqlite_utils.Database, ids: Sequence[int]) -> list[str]:
    """Take these sources out of the library (their documents stay); returns their
    sources. The caller owns the transaction and has checked the ids."""
    removed = []
    for library_id in ids:
        row = db.execute("select source from library where id = ?", [library_id]).fetchone()
        if row is None:
            continue
        db["library_tags"].delete_where("library_id = ?", [library_id])
        db["library"].delete(library_id)
        removed.append(row[0])
    return removed
