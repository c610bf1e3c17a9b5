"""Cross-article conflicts: two articles checked together that disagree.

Two claims conflict when they count the same kind of thing ("six times",
"seven times") in the same context (enough shared content words around the
numbers) with different values, and their articles speak from overlapping
dates: a count may rightly differ between a 2021 and a 2023 article.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from verify.claims import same_counted
from verify.facts import days
from verify.judge.checks.context import MIN_CONTRADICTING_CONTEXT, claim_context
from verify.records import Conflict, Quantity, StoredClaim

# (source, claims, as of) per article.
Article = tuple[str, Sequence[StoredClaim], str | None]


def _same_time(left: str | None, right: str | None) -> bool:
    """Whether two as-of dates overlap; two undated articles are taken as one time."""
    if left is None or right is None:
        return left is right
    a, b = days(left), days(right)
    return bool(a and b and a[0] < b[1] and b[0] < a[1])


def _context(claim: StoredClaim, quantity: Quantity) -> set[str]:
    text = claim.claim.text
    return claim_context(text, quantity.start, quantity.end, claim.claim.start)


def _disagree(left: tuple[StoredClaim, Quantity], right: tuple[StoredClaim, Quantity]) -> bool:
    (claim_a, a), (claim_b, b) = left, right
    if a.value == b.value or not same_counted(a.counted, b.counted):
        return False
    shared = _context(claim_a, a) & _context(claim_b, b)
    return len(shared) >= MIN_CONTRADICTING_CONTEXT


def _agrees(claim: StoredClaim, quantity: Quantity, other: StoredClaim) -> bool:
    """Whether ``other`` also states ``quantity``: "six times, five of them by X"
    in two articles is agreement, not "six" against "five"."""
    return any(
        q.value == quantity.value and same_counted(q.counted, quantity.counted)
        for q in other.claim.slots.quantities
    )


def find_conflicts(articles: Sequence[Article]) -> list[Conflict]:
    conflicts = []
    for (src_a, claims_a, at_a), (src_b, claims_b, at_b) in combinations(articles, 2):
        if not _same_time(at_a, at_b):
            continue
        left = [(c, q) for c in claims_a for q in c.claim.slots.quantities]
        right = [(c, q) for c in claims_b for q in c.claim.slots.quantities]
        for a in left:
            for b in right:
                if _disagree(a, b) and not _agrees(*a, b[0]) and not _agrees(*b, a[0]):
                    reason = (
                        f"{src_a} says {a[1].text}, {src_b} says {b[1].text}, "
                        f"about the same thing as of {at_a or 'an unknown date'}"
                    )
                    claims = ((src_a, a[0], at_a), (src_b, b[0], at_b))
                    conflicts.append(Conflict(reason, claims))
    return conflicts
