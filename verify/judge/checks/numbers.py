"""Vote tallies: a claim's "by 53 votes to 47" against a reference's "53–47".

A tally is one vote's result, not a value that holds over time, so it is not
compared with the references' figures; it is confirmed by a passage that gives
the same tally in matching context. It never contradicts: a passage often gives
several votes' tallies ("confirmed 96–3 ... whom the Senate confirmed 52–48"),
and the words around them do not tell which vote the claim means.

For the same reason a reference's tally confirms only when everyone its sentence
names before it is named by the claim or the sentence before the claim: "Pia
Sund's nomination failed by 45 votes to 55" is Pia Sund's vote, not the one the
claim is about.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from verify.claims import find_names, find_quantities, is_tally_count, mentions_name, same_counted
from verify.judge.checks.context import compare_detail
from verify.records import Evidence, Finding, Quantity, StoredClaim

CHECK = "tally"


_SENTENCE_END = re.compile(r"[.!?;]\s")


def check_tally(
    claim: StoredClaim, quantity: Quantity, evidence: Sequence[Evidence], context: str
) -> Finding | None:
    """Support when a passage gives the same count of the tally in matching context;
    ``context`` is the sentence before the claim's, which may name whose vote it was."""
    told = f"{context} {claim.claim.text}"
    return compare_detail(
        claim,
        quantity,
        evidence,
        found_in=lambda p: (
            q
            for q in find_quantities(p.text, p.start)
            if is_tally_count(q.counted, q.text)
            and same_counted(quantity.counted, q.counted)
            and q.value == quantity.value
            and _names_told(p.text, q.start - p.start, told)
        ),
        agrees=lambda found: True,
        supported=lambda found: f"the reference gives the tally as {_tally_text(found)}",
        contradicted=lambda found: "",  # never reached: only agreeing tallies are found
        check=CHECK,
    )


def _names_told(passage: str, at: int, told: str) -> bool:
    """Whether everyone named in the sentence before a passage's tally at ``at`` is
    named in ``told``."""
    ends = list(_SENTENCE_END.finditer(passage, 0, at))
    before = passage[ends[-1].end() if ends else 0 : at]
    return all(mentions_name(told, name.text) for name in find_names(before))


def _tally_text(found: Quantity) -> str:
    return found.text if found.counted != "votes against" else f"{found.text} against"
