"""The clause of a sentence that holds a detail.

"Baltic states grew alarmed when the Kremlin annexed Crimea in 2014 and joined an
alliance": the date belongs to "the Kremlin annexed Crimea in 2014"; "Twelve
pilots flew over the basin, and four of them walked its length": "twelve" to
"Twelve pilots flew over the basin". A clause runs from the last opener before the
detail (punctuation, or a word opening a subordinate clause) to the next closer
after it (punctuation, or "and" before a lower-case word).
"""

from __future__ import annotations

import re

from verify.claims.names import find_names

_OPENER = re.compile(
    r"[;:()\[\]—–]|,\s|\b(?:when|while|because|although|though|whereas|who|which|whose)\b",
    re.IGNORECASE,
)
_CLOSER = re.compile(r"[;:()\[\]—–]|,\s(?!\d)|\sand\s(?=[a-z])")


def clause_bounds(text: str, start: int, end: int, widen: bool = False) -> tuple[int, int]:
    """Local bounds of the clause of ``text`` holding ``[start, end)``; with
    ``widen``, a clause naming nothing ("..., in 2010") reaches back to the
    sentence's start, the event it dates."""
    openers = [m.end() for m in _OPENER.finditer(text, 0, start)]
    begin = openers[-1] if openers else 0
    closer = _CLOSER.search(text, end)
    finish = closer.start() if closer else len(text)
    if widen and begin and not find_names(text[begin:finish]):
        # ", in 2026," set off by commas dates the whole sentence around it.
        if text[begin - 2 : begin].strip() == "," and text[finish : finish + 1] == ",":
            return 0, len(text)
        return 0, finish
    return begin, finish
