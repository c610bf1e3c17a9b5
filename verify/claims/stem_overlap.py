"""How much a claim and a reference entry say in common, by their content stems.

Choosing the list a count is about (``verify.facts.counted_list``) and matching a
claim to the dated event it reports (``verify.judge.date_inference``) both compare
sets of stems. Dates are blanked out first, so "in 2014" or "February" never
makes two texts alike, and two long stems that differ only in their ending
count as one word.
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz

from verify.claims.lexicon import content_stems
from verify.claims.slots.dates import date_spans

# Two stems are the same word when equal, or long, sharing their first four
# letters and this similar ("invok"/"invoc", "lithuania"/"lithuanian").
SIMILAR_STEM_RATIO = 80
MIN_SIMILAR_STEM = 5


@lru_cache(maxsize=65536)
def similar_stems(left: str, right: str) -> bool:
    if left == right:
        return True
    if min(len(left), len(right)) < MIN_SIMILAR_STEM or left[:4] != right[:4]:
        return False
    return fuzz.ratio(left, right) >= SIMILAR_STEM_RATIO


def shared_stems(left: frozenset[str], right: frozenset[str]) -> int:
    """Stems of ``left`` with a like stem in ``right``, counted from the smaller side."""
    return min(_with_like(left, right), _with_like(right, left))


def _with_like(stems: frozenset[str], other: frozenset[str]) -> int:
    """How many of ``stems`` have a like stem in ``other``: the same stem, or one
    ``similar_stems`` accepts, which only a long stem with the same first four
    letters can be, so only those are compared (a run compares every claim with
    thousands of lists: comparing every pair was most of its time, issue 14)."""
    long_ones = _long_by_prefix(other)
    return sum(
        a in other
        or (
            len(a) >= MIN_SIMILAR_STEM
            and any(similar_stems(a, b) for b in long_ones.get(a[:4], ()))
        )
        for a in stems
    )


@lru_cache(maxsize=4096)
def _long_by_prefix(stems: frozenset[str]) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for one in stems:
        if len(one) >= MIN_SIMILAR_STEM:
            found.setdefault(one[:4], []).append(one)
    return {prefix: tuple(sorted(group)) for prefix, group in found.items()}


@lru_cache(maxsize=65536)
def plain_stems(text: str) -> frozenset[str]:
    """Content stems of ``text`` without its dates: a month name is not content."""
    chars = list(text)
    for start, end in date_spans(text):
        chars[start:end] = " " * (end - start)
    return frozenset(content_stems("".join(chars)))
