"""Where documents are read: in worker processes on machines with cores to spare,
else in this one. The readers themselves (``verify.ingest.document``) are loaded
where the reading happens, so a process that only fetches or only finds its pages
stored never loads them (issue 14: `verify refs add` starts fetching at once).
"""

from __future__ import annotations

import os
import signal
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing import get_context
from types import TracebackType

from verify.errors import VerifyError
from verify.ingest.outcomes import Analysed
from verify.records import Fetched

READERS = "verify.ingest.document"


def analyse_in_time(fetched: Fetched, kind: str, seconds: float | None) -> Analysed:
    """``verify.ingest.document.analyse_in_time``, loaded on first use."""
    from verify.ingest.document import analyse_in_time as read

    return read(fetched, kind, seconds)


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
            context.set_forkserver_preload([READERS])
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
