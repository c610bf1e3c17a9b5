"""Spans already taken by a finder, for "does this one overlap any of them?" in log time.

The finders keep the first of two overlapping readings. Asking every kept span
made a long unpunctuated text quadratic in the names or speech verbs it holds
(issue 12); the kept spans never overlap, so sorted by start they are sorted by
end too, and one bisection answers.
"""

from __future__ import annotations

import bisect


class TakenSpans:
    """Non-empty half-open spans that do not overlap one another."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        """Whether [start, end) overlaps a taken span (``a < d and c < b``, as the finders test)."""
        before = bisect.bisect_left(self._starts, end)  # the spans starting before ``end``
        return before > 0 and self._ends[before - 1] > start

    def take(self, start: int, end: int) -> None:
        index = bisect.bisect_left(self._starts, start)
        self._starts.insert(index, start)
        self._ends.insert(index, end)
