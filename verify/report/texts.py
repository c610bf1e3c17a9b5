"""The stored texts of reported articles, which the HTML report highlights."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import sqlite_utils


def _document_texts(db: sqlite_utils.Database, ids: Iterable[int]) -> dict[int, str]:
    """``documents.text`` of each id (claim offsets point into it); unknown ids are absent."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    marks = ", ".join("?" for _ in wanted)
    rows = db.execute(f"select id, text from documents where id in ({marks})", wanted)
    return {row[0]: row[1] for row in rows.fetchall()}


def report_texts(db: sqlite_utils.Database, data: Mapping[str, Any]) -> dict[int, str]:
    """The texts of the articles listed in a report (``report_data``)."""
    return _document_texts(db, (d["document_id"] for d in data["documents"]))
