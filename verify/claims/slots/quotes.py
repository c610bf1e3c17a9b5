"""Direct quotations and who the sentence says spoke them.

The quotation marks are found by ``quote_marks.py``.

The speaker comes from the speech clauses of ``attributions.py``: the one
right after the closing mark (“…,” X said), else the one right before the
opening mark (X said, “…”), else the sentence's main speech clause.
"""

from __future__ import annotations

import re

from verify.claims.slots.attributions import Speech, find_speech
from verify.claims.slots.quote_marks import inner_span, quotation_mark_spans
from verify.records import Quotation

_ADJACENT_AFTER = re.compile(r"[\s,.;:!?—–-]*")
_ADJACENT_BEFORE = re.compile(r"[\s,:;—–-]*")


def find_quotations(text: str, base: int = 0) -> tuple[Quotation, ...]:
    """Direct quotations in ``text``; offsets are of the words inside the marks."""
    spans = quotation_mark_spans(text)
    speeches = [s for s in find_speech(text) if not any(a < s.start < b for a, b in spans)]
    found = []
    for outer in spans:
        inner = inner_span(text, outer)
        if inner is None:
            continue
        start, end = inner
        speaker = _speaker(text, outer, speeches)
        found.append(
            Quotation(text=text[start:end], speaker=speaker, start=start + base, end=end + base)
        )
    return tuple(found)


def _speaker(text: str, outer: tuple[int, int], speeches: list[Speech]) -> str | None:
    for speech in speeches:
        if speech.start >= outer[1] and _ADJACENT_AFTER.fullmatch(text, outer[1], speech.start):
            return speech.speaker
    for speech in speeches:
        if speech.end <= outer[0] and _ADJACENT_BEFORE.fullmatch(text, speech.end, outer[0]):
            return speech.speaker
    main = [s for s in speeches if not s.subordinate]
    before = [s for s in main if s.end <= outer[0]]
    if before:
        return before[-1].speaker
    after = [s for s in main if s.start >= outer[1]]
    return after[0].speaker if after else None
