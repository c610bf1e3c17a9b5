"""The reference library: add sources to it, and refresh what it holds.

A reference is fetched, read for passages and dated facts once, and kept; checks
then use it from the database. A refresh asks each server whether its page changed
(a conditional GET with the stored ETag and Last-Modified), so an unchanged page
costs one request and nothing else, and a changed one adds a version.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import sqlite_utils

from verify.ingest.pipeline import Progress, Reading, read_sources
from verify.ingest.writer import IngestResult, Writer
from verify.store import library_sources


def add_references(
    db: sqlite_utils.Database,
    sources: Sequence[str],
    reading: Reading,
    *,
    tags: Sequence[str] = (),
    progress: Progress | None = None,
) -> IngestResult:
    """Store ``sources`` as references in the library, with ``tags``; written in
    batches as they are read."""
    reading = replace(reading, kind="reference", validators=None)
    writer = Writer(db, "reference", library=True, tags=tuple(tags))
    return writer.add_all(read_sources(db, sources, reading, progress))


def refresh_references(
    db: sqlite_utils.Database,
    reading: Reading,
    *,
    tags: Sequence[str] = (),
    progress: Progress | None = None,
) -> IngestResult:
    """Fetch every library source (with any of ``tags``) again if it changed."""
    entries = library_sources(db, tags)
    validators = {source: (etag, modified) for _, source, etag, modified in entries}
    reading = replace(reading, kind="reference", validators=validators)
    writer = Writer(db, "reference", library=True)
    return writer.add_all(read_sources(db, [s for _, s, _, _ in entries], reading, progress))
