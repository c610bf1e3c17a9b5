"""The ingest stage end to end: sources -> fetch -> extract -> segment -> claims -> store.

Everything is fetched and analysed before anything is written, outside any
transaction; then all writes happen in one short transaction (``store.writing``),
so a failure part-way never leaves half a document in the database, never touches
what it already holds, and never keeps other verify processes waiting for long.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import httpx
import sqlite_utils

from verify.claims import claims_from_sentences, parse_published, split_sentences
from verify.config import FetchLimits
from verify.errors import ExtractError, VerifyError
from verify.extract import EXTRACTOR_VERSION, extract
from verify.facts import document_facts
from verify.fetch import load
from verify.ingest.connectors import Session, expand_references, fetch_reference, read_fetched
from verify.ingest.time_limit import TimeUp, time_limit
from verify.records import Claim, Extracted, Fact, Fetched
from verify.store import Stored, save_document, save_facts, writing

# Told (sources read, sources in all) after each source is fetched and analysed.
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Analysed:
    fetched: Fetched
    extracted: Extracted
    claims: list[Claim]
    # The facts a connector read with the passages (Wikidata's statements); None:
    # the page readers find them.
    facts: tuple[tuple[int | None, Fact], ...] | None = None


@dataclass
class Collected:
    """Sources fetched and analysed, not yet stored."""

    kind: str
    analysed: list[Analysed] = field(default_factory=list)
    errors: list[VerifyError] = field(default_factory=list)


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
        reading = read_fetched(fetched)
        extracted = reading.extracted if reading else extract(fetched)
    except ExtractError as exc:
        raise ExtractError(f"{fetched.source}: {exc}") from exc
    sentences = split_sentences(extracted.text, extracted.passages)
    published = parse_published(extracted.metadata.published)
    claims = claims_from_sentences(sentences, published, extracted.passages)
    return Analysed(fetched, extracted, claims, reading.facts if reading else None)


def _analyse_in_time(fetched: Fetched, seconds: float | None) -> Analysed:
    try:
        with time_limit(seconds):
            return _analyse(fetched)
    except TimeUp:
        raise ExtractError(
            f"{fetched.source}: gave up reading the text after {seconds:g} s "
            "(too large or too complex; see --analysis-timeout)"
        ) from None


def collect(
    sources: Sequence[str],
    *,
    kind: str = "article",
    limits: FetchLimits | None = None,
    client: httpx.Client | None = None,
    as_of: str | None = None,
    progress: Progress | None = None,
) -> Collected:
    """Fetch and analyse every source; one bad source never stops the others.
    ``as_of`` is the date a connector reference without one of its own is read
    as of (``wikipedia:en:Title``: the revision then); ``progress`` is told after
    each source."""
    limits = limits or FetchLimits()
    paths, errors = expand_references(sources)
    collected = Collected(kind, errors=list(errors))
    with Session(limits, as_of) as session:
        for done, path in enumerate(paths, 1):
            try:
                fetched = fetch_reference(path, session) or load(path, limits, client=client)
                collected.analysed.append(_analyse_in_time(fetched, limits.analysis_timeout))
            except VerifyError as exc:
                collected.errors.append(exc)
            if progress:
                progress(done, len(paths))
    return collected


def save_collected(db: sqlite_utils.Database, collected: Collected) -> IngestResult:
    """Store what ``collect`` found; the caller holds the write transaction."""
    result = IngestResult(errors=list(collected.errors))
    for item in collected.analysed:
        stored = save_document(
            db,
            item.fetched,
            item.extracted,
            item.claims,
            kind=collected.kind,
            extractor_version=EXTRACTOR_VERSION,
        )
        if collected.kind == "reference" and _passages_match(db, stored):
            # Dated facts (terms, events, values) for time-aware checking, read
            # again on every ingest so a database from an older version (or
            # from before the facts table) gets the facts the code finds now;
            # a connector may have read them itself (Wikidata's statements).
            facts = item.facts if item.facts is not None else document_facts(item.extracted)
            save_facts(db, stored.document_id, facts)
        result.stored.append(stored)
        result.warnings.extend(f"{item.fetched.source}: {w}" for w in item.fetched.warnings)
    return result


def ingest(
    db: sqlite_utils.Database,
    sources: Sequence[str],
    *,
    kind: str = "article",
    limits: FetchLimits | None = None,
    client: httpx.Client | None = None,
    as_of: str | None = None,
    progress: Progress | None = None,
) -> IngestResult:
    """Store ``sources``; ``as_of`` and ``progress`` as in ``collect``."""
    collected = collect(
        sources, kind=kind, limits=limits, client=client, as_of=as_of, progress=progress
    )
    with writing(db):
        return save_collected(db, collected)


def _passages_match(db: sqlite_utils.Database, stored: Stored) -> bool:
    """Whether the stored passages are the ones this extractor makes, so facts read
    now point at the right passages: a new document, or one stored by this version."""
    if stored.created:
        return True
    row = db["documents"].get(stored.document_id)
    return bool(row["extractor_version"] == EXTRACTOR_VERSION)
