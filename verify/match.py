"""Fuzzy matching of a claim against candidate passages with rapidfuzz.

Two scores are combined: token-set ratio (do the claim's words appear in the
passage, whatever the order) and partial ratio with alignment (where in the
passage the closest stretch of text lies), so each match knows its span.
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz

from verify.records import Evidence, ReferencePassage
from verify.retrieve import fold

# Below this a passage shares too little with the claim to count as evidence.
MIN_EVIDENCE_SCORE = 55.0
MAX_EVIDENCE = 3


def align(text: str, passage: ReferencePassage) -> Evidence:
    """Score ``passage`` against ``text`` and locate the best-matching span."""
    claim, target = fold(text), fold(passage.text)
    token_set = fuzz.token_set_ratio(claim, target)
    if len(claim) <= len(target):
        alignment = fuzz.partial_ratio_alignment(claim, target)
        start, end = alignment.dest_start, alignment.dest_end
    else:
        # The passage is the shorter string: it is itself the span.
        alignment = fuzz.partial_ratio_alignment(target, claim)
        start, end = 0, len(target)
    score = round((token_set + alignment.score) / 2, 1)
    return Evidence(passage, score, passage.start + start, passage.start + end)


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
