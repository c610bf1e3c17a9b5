"""The `facts` table: dated facts of reference documents, written and read as ``Fact``.

A fact keeps the passage it was read from (``passage_id``), so a verdict that rests
on it can show the reviewer the exact words. The dataclass field ``group`` is the
column ``grouping`` (``group`` is an SQL keyword).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlite_utils

from verify.records import Fact

_COLUMNS = (
    "kind",
    "text",
    "date",
    "start_date",
    "end_date",
    "holder",
    "office",
    "measure",
    "value",
    "subject",
    "ordinal",
    "status",
    "dated_by",
)


def save_facts(
    db: sqlite_utils.Database, document_id: int, facts: Iterable[tuple[int | None, Fact]]
) -> int:
    """Replace the facts of one stored document; returns how many were written.

    ``facts`` pairs each fact with the index (``passages.seq``) of the passage it
    came from, as ``verify.facts.document.extract_facts`` returns them. The caller owns the
    transaction.
    """
    passage_ids = {
        row["seq"]: row["id"]
        for row in db["passages"].rows_where("document_id = ?", [document_id], select="id, seq")
    }
    rows = [
        _row(document_id, passage_ids.get(seq) if seq is not None else None, fact)
        for seq, fact in facts
    ]
    db["facts"].delete_where("document_id = ?", [document_id])
    db["facts"].insert_all(rows)
    return len(rows)


def _row(document_id: int, passage_id: int | None, fact: Fact) -> dict[str, Any]:
    row: dict[str, Any] = {name: getattr(fact, name) for name in _COLUMNS}
    row.update(document_id=document_id, passage_id=passage_id, grouping=fact.group)
    return row


def load_facts(db: sqlite_utils.Database, document_ids: Iterable[int]) -> list[Fact]:
    """The facts of the given documents, in document and passage order."""
    ids = list(document_ids)
    if not ids:
        return []
    marks = ",".join("?" for _ in ids)
    sql = f"""select facts.* from facts left join passages on passages.id = facts.passage_id
        where facts.document_id in ({marks})
        order by facts.document_id, passages.seq, facts.id"""
    return [_fact(row) for row in db.query(sql, ids)]


def _fact(row: dict[str, Any]) -> Fact:
    values = {name: row[name] for name in _COLUMNS}
    return Fact(
        **values,
        group=row["grouping"],
        passage_id=row["passage_id"],
        document_id=row["document_id"],
    )
