"""Whether a detail in a claim and one in a passage talk about the same thing.

A number or a date only contradicts another when the words around them agree:
"30 member states" and "32 members" in a sentence about the same alliance, not
in one about a different body. The measure is shared content stems between a
window around the claim's detail and the reference sentence holding the other.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Protocol, TypeVar

from verify.claims import content_stems, window
from verify.records import Evidence, Finding, ReferencePassage, StoredClaim, Verdict

# Shared stems needed before two details are taken to be about the same thing,
# and the stricter bar before a difference between them counts against a claim.
MIN_SHARED_CONTEXT = 2
MIN_CONTRADICTING_CONTEXT = 3
CLAIM_WINDOW = 80  # characters either side of the claim's detail
D = TypeVar("D", bound="Detail")
_SENTENCE_END = re.compile(r"[.;!?](?=\s)|\n")


def claim_context(text: str, start: int, end: int, base: int) -> set[str]:
    """Content stems around ``[start, end)`` (document offsets) in a claim."""
    return content_stems(window(text, start - base, end - base, CLAIM_WINDOW))


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Local bounds of the sentence of ``text`` holding local ``[start, end)``."""
    begin = 0
    for match in _SENTENCE_END.finditer(text, 0, start):
        begin = match.end()
    found = _SENTENCE_END.search(text, end)
    finish = found.end() if found else len(text)
    while begin < finish and text[begin].isspace():
        begin += 1
    return begin, finish


def _sentence_context(text: str, start: int, end: int, base: int) -> set[str]:
    """Content stems of the sentence of ``text`` that holds ``[start, end)``,
    without the detail itself: in a timeline entry the date opens the line and
    what happened follows it."""
    begin, finish = _sentence_bounds(text, start - base, end - base)
    return content_stems(text[begin : start - base] + " " + text[end - base : finish])


def _evidence_at(item: Evidence, start: int, end: int) -> Evidence:
    """``item`` narrowed to the sentence that holds the detail at ``[start, end)``."""
    passage = item.passage
    begin, finish = _sentence_bounds(passage.text, start - passage.start, end - passage.start)
    return Evidence(passage, item.score, passage.start + begin, passage.start + finish)


def _shared_context(
    claim_text: str,
    claim_span: tuple[int, int],
    claim_base: int,
    passage_text: str,
    passage_span: tuple[int, int],
    passage_base: int,
) -> int:
    left = claim_context(claim_text, *claim_span, claim_base)
    right = _sentence_context(passage_text, *passage_span, passage_base)
    return len(left & right)


class Detail(Protocol):
    """A slot with a span: a Quantity or a DateRef."""

    start: int
    end: int


def compare_detail(
    claim: StoredClaim,
    claimed: Detail,
    evidence: Sequence[Evidence],
    found_in: Callable[[ReferencePassage], Iterable[D]],
    agrees: Callable[[D], bool],
    supported: Callable[[D], str],
    contradicted: Callable[[D], str],
    check: str,
) -> Finding | None:
    """Support when a passage states the detail alike in matching context;
    otherwise contradiction by the differing detail with the most shared context."""
    best: tuple[int, D, Evidence] | None = None
    for item in evidence:
        passage = item.passage
        for found in found_in(passage):
            shared = _shared_context(
                claim.claim.text,
                (claimed.start, claimed.end),
                claim.claim.start,
                passage.text,
                (found.start, found.end),
                passage.start,
            )
            if shared < MIN_SHARED_CONTEXT:
                continue
            if agrees(found):
                narrowed = _evidence_at(item, found.start, found.end)
                return Finding(Verdict.SUPPORTED, supported(found), narrowed, check)
            if best is None or shared > best[0]:
                best = (shared, found, item)
    if best is None or best[0] < MIN_CONTRADICTING_CONTEXT:
        return None
    _, found, item = best
    narrowed = _evidence_at(item, found.start, found.end)
    return Finding(Verdict.CONTRADICTED, contradicted(found), narrowed, check)
