"""Whether a detail in a claim and one in a passage talk about the same thing.

A number or a date only contradicts another when the words around them agree:
"30 member states" and "32 members" in a sentence about the same alliance, not
in one about a different body. The measure is shared content stems between a
window around the claim's detail and the reference sentence holding the other.
"""

from __future__ import annotations

import re

from verify.lexicon import content_stems, window

# Shared stems needed before two details are taken to be about the same thing,
# and the stricter bar before a difference between them counts against a claim.
MIN_SHARED_CONTEXT = 2
MIN_CONTRADICTING_CONTEXT = 3
CLAIM_WINDOW = 80  # characters either side of the claim's detail
_SENTENCE_END = re.compile(r"[.;!?](?=\s)|\n")


def claim_context(text: str, start: int, end: int, base: int) -> set[str]:
    """Content stems around ``[start, end)`` (document offsets) in a claim."""
    return content_stems(window(text, start - base, end - base, CLAIM_WINDOW))


def sentence_context(text: str, start: int, end: int, base: int) -> set[str]:
    """Content stems of the sentence of ``text`` that holds ``[start, end)``,
    without the detail itself: in a timeline entry the date opens the line and
    what happened follows it."""
    local_start, local_end = start - base, end - base
    begin = 0
    for match in _SENTENCE_END.finditer(text, 0, local_start):
        begin = match.end()
    found = _SENTENCE_END.search(text, local_end)
    finish = found.start() if found else len(text)
    return content_stems(text[begin:local_start] + " " + text[local_end:finish])


def shared_context(
    claim_text: str,
    claim_span: tuple[int, int],
    claim_base: int,
    passage_text: str,
    passage_span: tuple[int, int],
    passage_base: int,
) -> int:
    left = claim_context(claim_text, *claim_span, claim_base)
    right = sentence_context(passage_text, *passage_span, passage_base)
    return len(left & right)
