"""The database: schema and migrations, and the reads and writes of every stage.

Documents, passages (with their FTS5 index), claims, facts, runs, verdicts and
reviews, in the tables named in the README. Takes and returns records and rows;
knows nothing of how they were made.
"""

from verify.store.browse import DATASETTE_METADATA, datasette_metadata
from verify.store.connection import db_file, is_sqlite_file, open_db, writing
from verify.store.db import (
    Stored,
    list_claims,
    raw_bytes,
    save_document,
    stored_claims,
    stored_provenance,
)
from verify.store.facts import load_facts, save_facts
from verify.store.library import (
    existing_version,
    file_reference,
    library_document_ids,
    library_entries,
    library_sources,
    mark_facts_read,
    mark_unchanged,
    remove_from_library,
    unknown_library_ids,
)
from verify.store.record_json import (
    evidence_data,
    finding_data,
    finding_from_data,
    inferred_data,
    origin,
)
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
    "existing_version",
    "file_reference",
    "finding_data",
    "finding_from_data",
    "inferred_data",
    "is_sqlite_file",
    "latest_reviews",
    "library_document_ids",
    "library_entries",
    "library_sources",
    "list_claims",
    "load_facts",
    "mark_facts_read",
    "mark_unchanged",
    "migrations",
    "open_db",
    "origin",
    "raw_bytes",
    "record_review",
    "remove_from_library",
    "review_history",
    "REVIEW_RATINGS",
    "REVIEW_STATUSES",
    "save_document",
    "save_facts",
    "Stored",
    "stored_claims",
    "stored_provenance",
    "unknown_library_ids",
    "writing",
]
