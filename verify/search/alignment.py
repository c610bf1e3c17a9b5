"""Fuzzy matching of a claim against candidate passages with rapidfuzz.

Two measures are combined: partial ratio with alignment (where in the passage
the closest stretch of text lies, so each match knows its span) and coverage
(the share of the claim's content words the passage holds). Coverage keeps a
short passage such as a heading from scoring 100 merely because it appears
inside a long claim, which token-set and partial ratios both allow.
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz

from verify.claims import content_stems, fold
from verify.records import Evidence, ReferencePassage

# Below this a passage shares too little with the claim to count as evidence.
MIN_EVIDENCE_SCORE = 55.0
MAX_EVIDENCE = 3


def align(text: str, passage: ReferencePassage) -> Evidence:
    """Score ``passage`` against ``text`` and locate the best-matching span."""
    claim, target = fold(text), fold(passage.text)
    if len(claim) <= len(target):
        alignment = fuzz.partial_ratio_alignment(claim, target)
        start, end = word_bounds(target, alignment.dest_start, alignment.dest_end)
        similarity = alignment.score
    else:
        # The passage is the shorter string: it is itself the span, and it can
        # only vouch for as much of the claim as its length covers.
        alignment = fuzz.partial_ratio_alignment(target, claim)
        start, end = 0, len(target)
        similarity = alignment.score * len(target) / len(claim)
    score = round((similarity + 100 * coverage(text, passage.text)) / 2, 1)
    return Evidence(passage, score, passage.start + start, passage.start + end)


def word_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` so it neither starts nor ends inside a word."""
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return start, end


def coverage(claim: str, passage: str) -> float:
    """The share of the claim's content stems that the passage holds."""
    wanted = content_stems(claim)
    if not wanted:
        return 0.0
    return len(wanted & content_stems(passage)) / len(wanted)


def best_matches(
    text: str,
    passages: Iterable[ReferencePassage],
    limit: int = MAX_EVIDENCE,
    min_score: float = MIN_EVIDENCE_SCORE,
) -> list[Evidence]:
    """The best ``limit`` passages scoring at least ``min_score``, best first."""
    scored = [align(text, passage) for passage in passages]
    good = [e for e in scored if e.score >= min_score]
    return sorted(good, key=lambda e: -e.score)[:limit]
