"""Writing what ``read_sources`` found, in batches: each batch one short transaction,
so memory stays bounded, other processes wait for the database briefly, and a crash
loses at most the batch being written (what was written before it stays).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

import sqlite_utils

from verify.config import EXTRACTOR_VERSION, WRITE_BATCH, WRITE_BATCH_BYTES
from verify.errors import VerifyError
from verify.ingest.outcomes import Analysed
from verify.ingest.pipeline import Known, Outcome, Unchanged
from verify.records import utc_now
from verify.store import (
    Stored,
    file_reference,
    mark_facts_read,
    mark_unchanged,
    save_document,
    save_facts,
    stored_provenance,
    writing,
)


@dataclass
class IngestResult:
    stored: list[Stored] = field(default_factory=list)
    errors: list[VerifyError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 all ingested, 1 some failed, 2 nothing could be ingested."""
        if not self.stored:
            return 2
        return 1 if self.errors else 0


@dataclass
class Writer:
    """Stores outcomes of one kind; references also go into the library (with
    ``tags``) when ``library`` is set."""

    db: sqlite_utils.Database
    kind: str
    library: bool = False
    tags: Sequence[str] = ()
    batch: int = WRITE_BATCH
    batch_bytes: int = WRITE_BATCH_BYTES
    result: IngestResult = field(default_factory=IngestResult)
    _pending: list[Outcome] = field(default_factory=list, repr=False)
    _bytes: int = 0

    def add(self, outcome: Outcome) -> None:
        if isinstance(outcome, VerifyError):
            self.result.errors.append(outcome)
            return
        self._pending.append(outcome)
        if isinstance(outcome, Analysed):
            self._bytes += len(outcome.fetched.body) + len(outcome.extracted.text)
        if len(self._pending) >= self.batch or self._bytes >= self.batch_bytes:
            self.flush()

    def add_all(self, outcomes: Iterable[Outcome]) -> IngestResult:
        for outcome in outcomes:
            self.add(outcome)
        self.flush()
        return self.result

    def flush(self) -> None:
        if not self._pending:
            return
        now = utc_now()
        with writing(self.db):
            stored = [self.save(outcome, now) for outcome in self._pending]
        # Only once the batch is committed is it reported as stored.
        for outcome, item in zip(self._pending, stored, strict=True):
            self.result.stored.append(item)
            if not isinstance(outcome, Unchanged):
                source = outcome.fetched.source
                self.result.warnings.extend(f"{source}: {w}" for w in outcome.fetched.warnings)
        self._pending, self._bytes = [], 0

    def save(self, outcome: Analysed | Known | Unchanged, now: str | None = None) -> Stored:
        """Store one outcome; the caller owns the transaction."""
        now = now or utc_now()
        if isinstance(outcome, Unchanged):
            return self._unchanged(outcome.source, now)
        if isinstance(outcome, Known):
            stored = Stored(
                outcome.document_id,
                outcome.fetched.source,
                outcome.version,
                False,
                self._count("claims", outcome.document_id),
                self._count("facts", outcome.document_id),
                stored_provenance(self.db, outcome.document_id),
            )
        else:
            stored = self._save_analysed(outcome, now)
        if self.library and self.kind == "reference":
            fetched = outcome.fetched
            file_reference(
                self.db,
                fetched.source,
                stored.document_id,
                when=now,
                tags=self.tags,
                etag=fetched.etag,
                last_modified=fetched.last_modified,
            )
        return stored

    def _save_analysed(self, item: Analysed, now: str) -> Stored:
        stored = save_document(
            self.db,
            item.fetched,
            item.extracted,
            item.claims,
            kind=self.kind,
            extractor_version=EXTRACTOR_VERSION,
        )
        if self.kind != "reference":
            return stored
        # A new version, or one stored before facts were recorded as read (the
        # pipeline analyses those only when this extractor made their passages).
        facts = save_facts(self.db, stored.document_id, item.facts)
        mark_facts_read(self.db, stored.document_id, now)
        return replace(stored, claims=0, facts=facts)

    def _unchanged(self, source: str, now: str) -> Stored:
        row = self.db.execute(
            """select library.id, documents.id, documents.version from library
            join documents on documents.id = library.document_id where library.source = ?""",
            [source],
        ).fetchone()
        library_id, document_id, version = row
        mark_unchanged(self.db, library_id, now)
        facts = self._count("facts", document_id)
        return Stored(
            document_id, source, version, False, 0, facts, stored_provenance(self.db, document_id)
        )

    def _count(self, table: str, document_id: int) -> int:
        sql = f"select count(*) from {table} where document_id = ?"
        return int(self.db.execute(sql, [document_id]).fetchone()[0])
