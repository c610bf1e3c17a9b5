"""The ingest stage end to end: sources -> fetch -> extract -> segment -> claims -> store.

Everything is fetched and analysed before anything is written, and all writes
happen in one transaction, so a failure part-way never leaves half a document
in the database and never touches what it already holds.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import httpx
import sqlite_utils

from verify.claims import claims_from_sentences, parse_published, split_sentences
from verify.config import FetchLimits
from verify.errors import ExtractError, StoreError, VerifyError
from verify.extract import EXTRACTOR_VERSION, extract
from verify.facts import document_facts
from verify.fetch import expand_sources, load
from verify.records import Claim, Extracted, Fetched
from verify.store import Stored, save_document, save_facts

# Told (sources read, sources in all) after each source is fetched and analysed.
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Analysed:
    fetched: Fetched
    extracted: Extracted
    claims: list[Claim]


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


def _analyse(fetched: Fetched) -> Analysed:
    """Extract, segment and find claims in one fetched document (no I/O)."""
    try:
        extracted = extract(fetched)
    except ExtractError as exc:
        raise ExtractError(f"{fetched.source}: {exc}") from exc
    sentences = split_sentences(extracted.text, extracted.passages)
    published = parse_published(extracted.metadata.published)
    claims = claims_from_sentences(sentences, published, extracted.passages)
    return Analysed(fetched, extracted, claims)


def _collect(
    sources: Sequence[str],
    limits: FetchLimits,
    client: httpx.Client | None = None,
    progress: Progress | None = None,
) -> tuple[list[Analysed], list[VerifyError]]:
    """Fetch and _analyse every source; one bad source never stops the others."""
    paths, errors = expand_sources(sources)
    errors = list(errors)
    analysed: list[Analysed] = []
    for done, path in enumerate(paths, 1):
        try:
            analysed.append(_analyse(load(path, limits, client=client)))
        except VerifyError as exc:
            errors.append(exc)
        if progress:
            progress(done, len(paths))
    return analysed, errors


def ingest(
    db: sqlite_utils.Database,
    sources: Sequence[str],
    *,
    kind: str = "article",
    limits: FetchLimits | None = None,
    client: httpx.Client | None = None,
    progress: Progress | None = None,
) -> IngestResult:
    """Fetch, analyse and store ``sources``; ``progress`` is told after each one."""
    analysed, errors = _collect(sources, limits or FetchLimits(), client, progress)
    result = IngestResult(errors=errors)
    try:
        _save_all(db, analysed, kind, result)
    except sqlite3.Error as exc:
        # The transaction rolled back: what the database held is untouched.
        raise StoreError(f"cannot write to the database ({exc})") from exc
    return result


def _passages_match(db: sqlite_utils.Database, stored: Stored) -> bool:
    """Whether the stored passages are the ones this extractor makes, so facts read
    now point at the right passages: a new document, or one stored by this version."""
    if stored.created:
        return True
    row = db["documents"].get(stored.document_id)
    return bool(row["extractor_version"] == EXTRACTOR_VERSION)


def _save_all(
    db: sqlite_utils.Database, analysed: list[Analysed], kind: str, result: IngestResult
) -> None:
    with db.atomic():
        for item in analysed:
            stored = save_document(
                db,
                item.fetched,
                item.extracted,
                item.claims,
                kind=kind,
                extractor_version=EXTRACTOR_VERSION,
            )
            if kind == "reference" and _passages_match(db, stored):
                # Dated facts (terms, events, values) for time-aware checking, read
                # again on every ingest so a database from an older version (or
                # from before the facts table) gets the facts the code finds now.
                save_facts(db, stored.document_id, document_facts(item.extracted))
            result.stored.append(stored)
            result.warnings.extend(f"{item.fetched.source}: {w}" for w in item.fetched.warnings)
