"""The database: schema and migrations, and the reads and writes of every stage.

Documents, passages (with their FTS5 index), claims, facts, runs, verdicts and
reviews, in the tables named in the README. Takes and returns records and rows;
knows nothing of how they were made.
"""

from verify.store.browse import DATASETTE_METADATA, datasette_metadata
from verify.store.connection import db_file, is_sqlite_file, open_db, writing
from verify.store.db import Stored, list_claims, raw_bytes, save_document, stored_claims
from verify.store.facts import load_facts, save_facts
from verify.store.record_json import evidence_data, finding_data, finding_from_data, inferred_data
from verify.store.reviews import (
    DECISIONS,
    decision_columns,
    default_reviewer,
    latest_reviews,
    record_review,
    review_history,
)
from verify.store.schema import REVIEW_RATINGS, REVIEW_STATUSES, migrations

__all__ = [
    "DATASETTE_METADATA",
    "datasette_metadata",
    "db_file",
    "DECISIONS",
    "decision_columns",
    "default_reviewer",
    "evidence_data",
    "finding_data",
    "finding_from_data",
    "inferred_data",
    "is_sqlite_file",
    "latest_reviews",
    "list_claims",
    "load_facts",
    "migrations",
    "open_db",
    "raw_bytes",
    "record_review",
    "review_history",
    "REVIEW_RATINGS",
    "REVIEW_STATUSES",
    "save_document",
    "save_facts",
    "Stored",
    "stored_claims",
    "writing",
]
