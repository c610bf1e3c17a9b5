"""Reading many sources at once, in the order given: fetch in a pool of threads,
skip what is already stored, analyse the rest (in worker processes where there are
cores), and hand each source's outcome on as soon as those before it are done.

At most a few ``jobs`` worth of sources are in flight at any time, so memory stays
bounded whatever the number of sources, and the caller can write each batch as it
comes (``writer.py``).
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

import httpx
import sqlite_utils

from verify.config import EXTRACTOR_VERSION, POOL_MIN_SOURCES, FetchLimits
from verify.errors import ExtractError, VerifyError
from verify.fetch import FetchPool, NotModified, shown
from verify.ingest.analysis import Analyser, usable_cores
from verify.ingest.connectors import Session, connector_for, expand_references, fetch_reference
from verify.ingest.outcomes import Analysed
from verify.records import Fetched
from verify.store import existing_version

# Sources fetched ahead of the one being analysed, and analyses in flight, per job.
AHEAD_PER_JOB = 4

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Known:
    """Bytes already stored for this source: nothing to extract or analyse again."""

    fetched: Fetched
    document_id: int
    version: int


@dataclass(frozen=True)
class Unchanged:
    """A refresh the server answered "not modified": the stored copy is current."""

    source: str


Outcome = Analysed | Known | Unchanged | VerifyError
Validators = Mapping[str, tuple[str | None, str | None]]  # source -> (etag, last_modified)


@dataclass(frozen=True)
class Reading:
    """How to read a list of sources."""

    kind: str = "article"
    limits: FetchLimits = FetchLimits()
    jobs: int = 1
    validators: Validators | None = None  # for a refresh: conditional GETs
    client: httpx.Client | None = None
    # The date a connector reference without one of its own is read as of
    # (``wikipedia:en:Title``: the revision then); None: the latest.
    as_of: str | None = None


def read_sources(
    db: sqlite_utils.Database | None,
    sources: Sequence[str],
    reading: Reading,
    progress: Progress | None = None,
) -> Iterator[Outcome]:
    """Every source's outcome, in the order given (directories expanded); a bad
    argument is an error outcome before the rest."""
    paths, errors = expand_references(sources)
    yield from errors
    total = len(paths)
    workers = min(reading.jobs, usable_cores()) if total >= POOL_MIN_SOURCES else 1
    validators = reading.validators or {}
    jobs = max(1, reading.jobs)
    ahead = jobs * AHEAD_PER_JOB
    done = 0
    with (
        Session(reading.limits, reading.as_of) as session,
        FetchPool(
            reading.limits, jobs, client=reading.client, connector=_connector_fetch(session)
        ) as fetcher,
        Analyser(workers, reading.limits.analysis_timeout) as analyser,
    ):
        queued = iter(paths)
        fetching: deque[tuple[str, Future[Fetched]]] = deque()
        analysing: deque[tuple[str, Future[Analysed] | Outcome]] = deque()

        def fetch_more() -> None:
            while len(fetching) < ahead:
                path = next(queued, None)
                if path is None:
                    return
                fetching.append((path, fetcher.submit(path, *validators.get(path, (None, None)))))

        fetch_more()
        while fetching or analysing:
            if fetching and len(analysing) < ahead:
                path, fetched = fetching.popleft()
                fetch_more()
                analysing.append((path, _next_step(db, path, fetched, reading.kind, analyser)))
                if not _ready(analysing[0][1]):
                    continue
            outcome = _result(*analysing.popleft())
            done += 1
            if progress:
                progress(done, total)
            yield outcome


def _connector_fetch(session: Session) -> Callable[[str], Fetched | None]:
    """Fetching a connector reference (None for a URL or file), one at a time: the
    session's client is made on first use, and connectors ask one request at a time
    per host anyway (``PoliteTransport``)."""
    lock = threading.Lock()

    def fetch(source: str) -> Fetched | None:
        if connector_for(source) is None:
            return None
        with lock:
            return fetch_reference(source, session)

    return fetch


def _next_step(
    db: sqlite_utils.Database | None,
    path: str,
    fetching: Future[Fetched],
    kind: str,
    analyser: Analyser,
) -> Future[Analysed] | Outcome:
    try:
        fetched = fetching.result()
    except NotModified:
        return Unchanged(path)
    except VerifyError as exc:
        return exc
    stored = existing_version(db, kind, fetched.source, fetched.sha256) if db else None
    if stored is not None and not _facts_to_read(kind, stored):
        return Known(fetched, stored["id"], stored["version"])
    # A connector's own reading runs here, where its plugin is registered (a test or
    # program may register one in this process only).
    return analyser.submit(fetched, kind, here=connector_for(fetched.source) is not None)


def _facts_to_read(kind: str, stored: Mapping[str, object]) -> bool:
    """A reference stored before facts were recorded as read, whose passages this
    extractor made (so facts read now point at the right ones): read once more."""
    return (
        kind == "reference"
        and stored["facts_read_at"] is None
        and stored["extractor_version"] == EXTRACTOR_VERSION
    )


def _ready(item: Future[Analysed] | Outcome) -> bool:
    return not isinstance(item, Future) or item.done()


def _result(path: str, item: Future[Analysed] | Outcome) -> Outcome:
    if not isinstance(item, Future):
        return item
    try:
        return item.result()
    except VerifyError as exc:
        return exc
    except BrokenProcessPool:
        # A worker was killed (out of memory, a signal): this source is lost, and the
        # ones after it that were waiting for that pool.
        return ExtractError(f"{shown(path)}: the process reading it stopped unexpectedly")
