"""Negation: "X is not a member" and "X is a member" share every content word,
so fuzzy scores cannot tell them apart; the presence of a negator can."""

from __future__ import annotations

import re
from collections.abc import Sequence

from verify.lexicon import content_stems, is_negated
from verify.records import Evidence, Finding, StoredClaim, Verdict

_CLAUSE = re.compile(r"[^,;:–—()]+")
_SENTENCE = re.compile(r"[^.;!?]+")
MIN_STEMS = 2  # a clause needs this much substance to be compared
# Share of the clause's stems a reference sentence must hold. A negated claim
# is specific, so half will do; a plain clause must match almost whole before
# a negated reference sentence is taken to deny it.
NEGATED_COVERAGE = 0.5
PLAIN_COVERAGE = 0.8
_RELATIVE = ("which ", "who ", "that ")


def clauses(text: str) -> list[str]:
    """Comma-separated clauses; a relative clause ("which is not ...") takes
    the last words of the clause before it, the thing it is about."""
    parts = [c.strip() for c in _CLAUSE.findall(text) if c.strip()]
    result: list[str] = []
    for index, part in enumerate(parts):
        if index and part.lower().startswith(_RELATIVE):
            part = " ".join(parts[index - 1].split()[-2:]) + " " + part
        result.append(part)
    return result


def _covered(stems: set[str], other: set[str], negated: bool) -> bool:
    coverage = NEGATED_COVERAGE if negated else PLAIN_COVERAGE
    return len(stems & other) >= max(MIN_STEMS, coverage * len(stems))


def check_polarity(claim: StoredClaim, evidence: Sequence[Evidence]) -> list[Finding]:
    findings: list[Finding] = []
    for clause in clauses(claim.claim.text):
        negated = is_negated(clause)
        stems = content_stems(clause)
        # Only negated clauses, or long plain ones, are specific enough to test.
        if not negated and len(stems) < MIN_STEMS + 1:
            continue
        finding = _compare(clause, stems, negated, evidence)
        if finding:
            findings.append(finding)
    return findings


def _compare(
    clause: str, stems: set[str], negated: bool, evidence: Sequence[Evidence]
) -> Finding | None:
    for item in evidence:
        for sentence in _SENTENCE.findall(item.passage.text):
            if not _covered(stems, content_stems(sentence), negated):
                continue
            if is_negated(sentence) == negated:
                if negated:
                    reason = f"the reference also says: “{sentence.strip()}”"
                    return Finding(Verdict.SUPPORTED, reason, item)
                continue
            reason = f"the claim says “{clause}”, the reference says “{sentence.strip()}”"
            return Finding(Verdict.CONTRADICTED, reason, item)
    return None
