"""Reviewers' latest decisions, added to the claims of a report.

The verdicts are the tool's; a reviewer's rating is the claim's own, and it can be
given after the run. So the report is built from the run and the decisions are
read from ``reviews`` each time the report is made.
"""

from __future__ import annotations

from typing import Any

import sqlite_utils

from verify.store import latest_reviews

# What a report shows of a ``reviews`` row: all but the claim id it is already under.
REVIEW_FIELDS = ("id", "status", "rating", "alias", "note", "reviewer", "decided_at")


def attach_reviews(db: sqlite_utils.Database, data: dict[str, Any]) -> dict[str, Any]:
    """Set each claim's ``review`` in the report ``data`` to its latest decision
    (None when there is none) and return ``data``."""
    claims = [claim for document in data["documents"] for claim in document["claims"]]
    latest = latest_reviews(db, [claim["id"] for claim in claims])
    for claim in claims:
        row = latest.get(claim["id"])
        claim["review"] = {name: row[name] for name in REVIEW_FIELDS} if row else None
    return data
