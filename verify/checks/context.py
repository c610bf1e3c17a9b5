"""Whether a detail in a claim and one in a passage talk about the same thing.

A number or a date only contradicts another when the words around them agree:
"30 member states" and "32 members" in a sentence about the same alliance, not
in one about a different body. The measure is shared content stems in a window
around each detail.
"""

from __future__ import annotations

from verify.lexicon import content_stems, window

# Shared stems needed before two details are taken to be about the same thing.
MIN_SHARED_CONTEXT = 2


def context_stems(text: str, start: int, end: int, base: int) -> set[str]:
    """Content stems around the span ``[start, end)`` given in document offsets."""
    return content_stems(window(text, start - base, end - base))


def shared_context(
    claim_text: str,
    claim_span: tuple[int, int],
    claim_base: int,
    passage_text: str,
    passage_span: tuple[int, int],
    passage_base: int,
) -> int:
    left = context_stems(claim_text, *claim_span, claim_base)
    right = context_stems(passage_text, *passage_span, passage_base)
    return len(left & right)
