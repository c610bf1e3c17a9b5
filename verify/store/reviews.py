"""Reviewers' decisions on claims: recorded, never overwritten.

Each decision is a new row of ``reviews``; a claim's history is its rows in
order and its latest row is the decision in force (its rating, or needs-work),
so the table doubles as the audit trail of who decided what and when.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Iterable
from typing import Any

import sqlite_utils

from verify.errors import StoreError
from verify.records import NEEDS_WORK, RATING_ALIASES, Rating, utc_now
from verify.store.connection import writing

REVIEWER_ENV_VAR = "VERIFY_REVIEWER"
UNKNOWN_REVIEWER = "unknown"
# Enough ids per query to stay far below SQLite's limit on bound parameters.
ID_BATCH = 500
# Every word a decision can be given with: a rating, needs-work, or an old alias.
DECISIONS = (*(rating.value for rating in Rating), NEEDS_WORK, *RATING_ALIASES)


def decision_columns(decision: str) -> dict[str, str | None]:
    """The ``status``, ``rating`` and ``alias`` columns of a decision given as a word:
    "false" rates the claim false, "rejected" too (an alias, kept in ``alias``)."""
    if decision == NEEDS_WORK:
        return {"status": NEEDS_WORK, "rating": None, "alias": None}
    if decision in RATING_ALIASES:
        return {"status": "rated", "rating": RATING_ALIASES[decision].value, "alias": decision}
    if decision in tuple(Rating):
        return {"status": "rated", "rating": decision, "alias": None}
    raise StoreError(f"unknown review decision {decision!r} (use {', '.join(DECISIONS)})")


def default_reviewer() -> str:
    """$VERIFY_REVIEWER, else the login name, else "unknown"."""
    named = os.environ.get(REVIEWER_ENV_VAR, "").strip()
    if named:
        return named
    try:
        return getpass.getuser() or UNKNOWN_REVIEWER
    except (OSError, KeyError):
        # No login name: getpass finds none in the environment or password file.
        return UNKNOWN_REVIEWER


def record_review(
    db: sqlite_utils.Database,
    claim_id: int,
    decision: str,
    note: str | None = None,
    reviewer: str | None = None,
) -> dict[str, Any]:
    """Append a decision on ``claim_id`` and return the stored row. ``decision`` is a
    rating (``true`` ... ``unproven``), ``needs-work``, or ``confirmed``/``rejected``.

    The time is taken once the write lock is held, so concurrent reviewers'
    decisions are stored in the order of their times.
    """
    columns = decision_columns(decision)
    _require_claim(db, claim_id)
    with writing(db):
        row = {
            "claim_id": claim_id,
            **columns,
            "note": (note or "").strip() or None,
            "reviewer": (reviewer or "").strip() or default_reviewer(),
            "decided_at": utc_now(),
        }
        row_id = db["reviews"].insert(row).last_pk
    return {"id": row_id, **row}


def _require_claim(db: sqlite_utils.Database, claim_id: int) -> None:
    if not db.execute("select 1 from claims where id = ?", [claim_id]).fetchone():
        raise StoreError(f"no claim with id {claim_id} (see 'verify claims')")


def review_history(db: sqlite_utils.Database, claim_id: int) -> list[dict[str, Any]]:
    """Every decision on ``claim_id``, oldest first."""
    _require_claim(db, claim_id)
    return list(db["reviews"].rows_where("claim_id = ?", [claim_id], order_by="id"))


def latest_reviews(
    db: sqlite_utils.Database, claim_ids: Iterable[int]
) -> dict[int, dict[str, Any]]:
    """The decision in force for each of ``claim_ids`` that has one."""
    ids = list(dict.fromkeys(claim_ids))
    latest: dict[int, dict[str, Any]] = {}
    for start in range(0, len(ids), ID_BATCH):
        batch = ids[start : start + ID_BATCH]
        marks = ",".join("?" for _ in batch)
        sql = f"""select * from reviews where id in (
            select max(id) from reviews where claim_id in ({marks}) group by claim_id)"""
        latest.update((row["claim_id"], row) for row in db.query(sql, batch))
    return latest
