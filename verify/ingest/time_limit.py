"""A time limit on one source's analysis, so one page that reads slowly cannot
hold up the sources after it.

Analysis is pure Python and regular expressions, which stop for a signal between
steps (``re`` checks for signals while it matches), so the limit is a SIGALRM timer
that raises in the analysing code. Signals reach only the main thread: elsewhere
(a library caller's worker thread) the analysis runs without a limit.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType


class TimeUp(BaseException):
    """The time limit ran out. A BaseException, like KeyboardInterrupt, so that no
    ``except Exception`` in the code being limited can swallow it."""


@contextlib.contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise ``TimeUp`` in the block once ``seconds`` have passed (None: no limit)."""
    if not seconds or not _can_signal():
        yield
        return

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        raise TimeUp

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _can_signal() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
