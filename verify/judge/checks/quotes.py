"""Quotations: found in a reference by alignment, compared word for word."""

from __future__ import annotations

import difflib
import re

from rapidfuzz import fuzz

from verify.claims import fold
from verify.records import Evidence, Finding, Quotation, ReferencePassage, Verdict
from verify.search import ReferenceSet, word_bounds

CHECK = "quotation"  # the name findings of this module carry (Finding.check)

# Below this the closest passage is not the source of the quotation at all.
MIN_QUOTE_ALIGNMENT = 75.0
MIN_QUOTE_WORDS = 4  # shorter quotes ("very productive") match too much by chance

# Square brackets and ellipses are the quoting writer's own marks (an insertion,
# an omission), not words the source said.
_EDITORIAL = re.compile(r"\[[^\]]*\]|\.\.\.|…")
_WORD = re.compile(r"[\w']+")


def quote_words(text: str) -> list[str]:
    return _WORD.findall(fold(_EDITORIAL.sub(" ", text)))


def locate(quote: str, passage: ReferencePassage) -> Evidence:
    """The span of ``passage`` closest to ``quote``, widened to whole words."""
    needle, hay = fold(quote), fold(passage.text)
    if len(needle) <= len(hay):
        found = fuzz.partial_ratio_alignment(needle, hay)
        start, end = word_bounds(hay, found.dest_start, found.dest_end)
    else:
        found = fuzz.partial_ratio_alignment(hay, needle)
        start, end = 0, len(hay)
    return Evidence(passage, round(found.score, 1), passage.start + start, passage.start + end)


def word_diff(claimed: list[str], reference: list[str]) -> str:
    """Changed words as ``[-reference-] {+claim+}``, the form git uses."""
    parts = []
    matcher = difflib.SequenceMatcher(a=reference, b=claimed, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if a1 != a2:
            parts.append(f"[-{' '.join(reference[a1:a2])}-]")
        if b1 != b2:
            parts.append(f"{{+{' '.join(claimed[b1:b2])}+}}")
    return " ".join(parts)


def check_quotation(quote: Quotation, refs: ReferenceSet) -> Finding | None:
    claimed = quote_words(quote.text)
    if len(claimed) < MIN_QUOTE_WORDS:
        return None
    located = [locate(quote.text, p) for p in refs.claim_search(quote.text, limit=10)]
    located = [e for e in located if e.score >= MIN_QUOTE_ALIGNMENT]
    if not located:
        return Finding(
            Verdict.UNVERIFIED, "the quotation was not found in the references", None, CHECK
        )
    best = max(located, key=lambda e: e.score)
    reference = quote_words(best.span)
    if _contains(reference, claimed):
        return Finding(
            Verdict.SUPPORTED, "the quotation matches the reference word for word", best, CHECK
        )
    diff = word_diff(claimed, _closest_run(reference, claimed))
    return Finding(
        Verdict.CONTRADICTED, f"the quotation differs from the reference: {diff}", best, CHECK
    )


def _contains(reference: list[str], claimed: list[str]) -> bool:
    width = len(claimed)
    return any(reference[i : i + width] == claimed for i in range(len(reference) - width + 1))


def _closest_run(reference: list[str], claimed: list[str]) -> list[str]:
    """The stretch of the reference that lines up with the claimed words, so a
    diff shows the changed words rather than everything around them."""
    matcher = difflib.SequenceMatcher(a=reference, b=claimed, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if not blocks:
        return reference
    first, last = blocks[0], blocks[-1]
    start = max(0, first.a - first.b)
    end = min(len(reference), last.a + last.size + (len(claimed) - last.b - last.size))
    return reference[start:end]
