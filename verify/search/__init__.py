"""Stage 5, search: a claim's text in, ranked ``ReferencePassage`` candidates and
their rapidfuzz alignment (``Evidence``) out.

FTS5 narrows any corpus to a few dozen passages; alignment scores each against
the claim and finds the matching span.
"""

from verify.search.alignment import MIN_EVIDENCE_SCORE, align, best_matches, word_bounds
from verify.search.references import ReferenceSet
from verify.search.retrieve import DEFAULT_CANDIDATES, PASSAGE_SQL, ClaimSearch, plan_claim_query

__all__ = [
    "align",
    "best_matches",
    "ClaimSearch",
    "DEFAULT_CANDIDATES",
    "MIN_EVIDENCE_SCORE",
    "PASSAGE_SQL",
    "plan_claim_query",
    "ReferenceSet",
    "word_bounds",
]
