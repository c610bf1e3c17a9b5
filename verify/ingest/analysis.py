"""Reading one fetched document: its text and passages, then claims (an article)
or dated facts (a reference). Pure functions of the bytes, so they run in worker
processes as well as here.

References are read for passages and facts only: the judge never asks a
reference for claims, and finding them cost a third of an ingest and half the
database (issue 14).
"""

from __future__ import annotations

import os
import signal
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from types import TracebackType

from verify.claims import claims_from_sentences, parse_published, split_sentences
from verify.errors import ExtractError, VerifyError
from verify.extract import extract
from verify.facts import document_facts
from verify.ingest.connectors import read_fetched
from verify.ingest.time_limit import TimeUp, time_limit
from verify.records import Claim, Extracted, Fact, Fetched


@dataclass(frozen=True)
class Analysed:
    fetched: Fetched
    extracted: Extracted
    claims: list[Claim]
    # A reference's facts, each with the index of the passage it was read from.
    facts: list[tuple[int | None, Fact]] = field(default_factory=list)


def analyse(fetched: Fetched, kind: str = "article") -> Analysed:
    """Extract (or a connector's own reading), then claims for an article or facts
    for a reference (no I/O)."""
    try:
        reading = read_fetched(fetched)
        extracted = reading.extracted if reading else extract(fetched)
    except ExtractError as exc:
        raise ExtractError(f"{fetched.source}: {exc}") from exc
    if kind == "reference":
        # A connector may have read the facts itself (Wikidata's statements).
        if reading is not None and reading.facts is not None:
            return Analysed(fetched, extracted, [], list(reading.facts))
        return Analysed(fetched, extracted, [], document_facts(extracted))
    sentences = split_sentences(extracted.text, extracted.passages)
    published = parse_published(extracted.metadata.published)
    claims = claims_from_sentences(sentences, published, extracted.passages)
    return Analysed(fetched, extracted, claims)


def analyse_in_time(fetched: Fetched, kind: str, seconds: float | None) -> Analysed:
    try:
        with time_limit(seconds):
            return analyse(fetched, kind)
    except TimeUp:
        raise ExtractError(
            f"{fetched.source}: gave up reading the text after {seconds:g} s "
            "(too large or too complex; see --analysis-timeout)"
        ) from None


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _ignore_interrupts() -> None:
    # Ctrl-C reaches the whole process group: the main process stops the work and
    # says so once; a worker printing its own traceback would only add noise.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class Analyser:
    """Analysis in up to ``workers`` processes, or in this one for ``workers`` <= 1.

    Workers come from a fork server, which forks them from a clean process: this
    one runs fetch threads, and forking a process with threads may deadlock.
    """

    def __init__(self, workers: int, seconds: float | None) -> None:
        self.seconds = seconds
        self._pool: ProcessPoolExecutor | None = None
        if workers > 1:
            context = get_context("forkserver")
            context.set_forkserver_preload(["verify.ingest.analysis"])
            self._pool = ProcessPoolExecutor(
                workers, mp_context=context, initializer=_ignore_interrupts
            )

    def submit(self, fetched: Fetched, kind: str, *, here: bool = False) -> Future[Analysed]:
        """Analysis in a worker, or in this process when there are none or ``here``."""
        if self._pool is not None and not here:
            return self._pool.submit(analyse_in_time, fetched, kind, self.seconds)
        future: Future[Analysed] = Future()
        try:
            future.set_result(analyse_in_time(fetched, kind, self.seconds))
        except VerifyError as exc:
            future.set_exception(exc)
        return future

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> Analyser:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
