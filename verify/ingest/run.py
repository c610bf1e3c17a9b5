"""The ingest stage end to end: sources -> fetch -> extract -> claims or facts -> store.

Sources are fetched and analysed outside any transaction (``pipeline.py``), then
written in short transactions (``writer.py``): a failure part-way never leaves half
a document in the database, never touches what it already holds, and never keeps
other verify processes waiting for long.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import httpx
import sqlite_utils

from verify.config import DEFAULT_JOBS, FetchLimits
from verify.errors import VerifyError
from verify.ingest.outcomes import Analysed
from verify.ingest.pipeline import Known, Progress, Reading, Unchanged, read_sources
from verify.ingest.writer import IngestResult, Writer


@dataclass
class Collected:
    """Sources fetched and analysed (or found stored already), not yet written."""

    kind: str
    analysed: list[Analysed | Known] = field(default_factory=list)
    errors: list[VerifyError] = field(default_factory=list)


def collect(
    sources: Sequence[str],
    *,
    kind: str = "article",
    limits: FetchLimits | None = None,
    client: httpx.Client | None = None,
    db: sqlite_utils.Database | None = None,
    jobs: int = DEFAULT_JOBS,
    progress: Progress | None = None,
    as_of: str | None = None,
) -> Collected:
    """Fetch and analyse every source, holding them all; one bad source never stops
    the others. With ``db``, a source whose bytes are stored is not analysed again.
    ``as_of`` is the date a connector reference without one of its own is read as of
    (``wikipedia:en:Title``: the revision then)."""
    reading = Reading(kind, limits or FetchLimits(), jobs, client=client, as_of=as_of)
    collected = Collected(kind)
    for outcome in read_sources(db, sources, reading, progress):
        if isinstance(outcome, VerifyError):
            collected.errors.append(outcome)
        elif not isinstance(outcome, Unchanged):
            collected.analysed.append(outcome)
    return collected


def save_collected(db: sqlite_utils.Database, collected: Collected) -> IngestResult:
    """Store what ``collect`` found; the caller holds the write transaction."""
    writer = Writer(db, collected.kind, library=collected.kind == "reference")
    writer.result.errors.extend(collected.errors)
    for item in collected.analysed:
        writer.result.stored.append(writer.save(item))
        writer.result.warnings.extend(f"{item.fetched.source}: {w}" for w in item.fetched.warnings)
    return writer.result


def ingest(
    db: sqlite_utils.Database,
    sources: Sequence[str],
    *,
    kind: str = "article",
    limits: FetchLimits | None = None,
    client: httpx.Client | None = None,
    jobs: int = DEFAULT_JOBS,
    progress: Progress | None = None,
    as_of: str | None = None,
) -> IngestResult:
    """Fetch, analyse and store ``sources``, written in batches as they are read;
    ``as_of`` as in ``collect``."""
    reading = Reading(kind, limits or FetchLimits(), jobs, client=client, as_of=as_of)
    writer = Writer(db, kind, library=kind == "reference")
    return writer.add_all(read_sources(db, sources, reading, progress))
