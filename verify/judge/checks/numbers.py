"""Counts and amounts: the same thing counted, in the same context, must agree."""

from __future__ import annotations

from collections.abc import Sequence

from verify.claims import find_quantities, same_counted
from verify.judge.checks.context import compare_detail
from verify.records import Evidence, Finding, Quantity, StoredClaim


def check_quantity(
    claim: StoredClaim, quantity: Quantity, evidence: Sequence[Evidence]
) -> Finding | None:
    """Support when a matching passage counts the same thing with the same value;
    contradiction when the best-matching count differs."""
    return compare_detail(
        claim,
        quantity,
        evidence,
        found_in=lambda p: (
            q for q in find_quantities(p.text, p.start) if same_counted(quantity.counted, q.counted)
        ),
        agrees=lambda found: found.value == quantity.value,
        supported=lambda found: f"the reference also says {found.text}",
        contradicted=lambda found: (
            f"the claim says {quantity.text}, the reference says {found.text}"
        ),
        check="quantity",
    )
