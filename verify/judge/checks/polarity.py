"""Negation: "X is not a member" and "X is a member" share every content word,
so fuzzy scores cannot tell them apart; the presence of a negator can."""

from __future__ import annotations

import re

from verify.claims import content_stems, is_negated
from verify.records import Evidence, Finding, StoredClaim, Verdict
from verify.search import ReferenceSet

CHECK = "negation"  # the name findings of this module carry (Finding.check)

_CLAUSE = re.compile(r"[^,;:–—()]+")
_SENTENCE = re.compile(r"[^.;!?]+")
MIN_STEMS = 2  # a clause needs this much substance to be compared
# Share of the clause's stems a reference sentence must hold. A negated claim
# is specific, so half will do; a plain clause must match almost whole before
# a negated reference sentence is taken to deny it.
NEGATED_COVERAGE = 0.5
PLAIN_COVERAGE = 0.8
_RELATIVE = ("which ", "who ", "that ")
# A clause opening with one of these has lost its subject to an appositive
# ("Velmora, a neighbour, is not party"); the sentence's first clause has it.
_AUXILIARIES = ("is ", "are ", "was ", "were ", "has ", "have ", "had ", "does ", "did ")


def clauses(text: str) -> list[str]:
    """Comma-separated clauses; a relative clause ("which is not ...") takes
    the last words of the clause before it, the thing it is about."""
    parts = [c.strip() for c in _CLAUSE.findall(text) if c.strip()]
    result: list[str] = []
    for index, part in enumerate(parts):
        if index and part.lower().startswith(_RELATIVE):
            part = " ".join(parts[index - 1].split()[-2:]) + " " + part
        elif index and part.lower().startswith(_AUXILIARIES):
            part = parts[0] + " " + part
        result.append(part)
    return result


def _covered(stems: set[str], other: set[str], negated: bool) -> bool:
    coverage = NEGATED_COVERAGE if negated else PLAIN_COVERAGE
    return len(stems & other) >= max(MIN_STEMS, coverage * len(stems))


def check_polarity(claim: StoredClaim, refs: ReferenceSet) -> list[Finding]:
    findings: list[Finding] = []
    for clause in clauses(claim.claim.text):
        negated = is_negated(clause)
        stems = content_stems(clause)
        # Only negated clauses, or long plain ones, are specific enough to test.
        if len(stems) < MIN_STEMS or (not negated and len(stems) < MIN_STEMS + 1):
            continue
        finding = _compare(clause, stems, negated, refs)
        if finding:
            findings.append(finding)
    return findings


def _closest_sentence(
    stems: set[str], refs: ReferenceSet, query: str
) -> tuple[float, str, Evidence] | None:
    """The reference sentence sharing most of ``stems``, by two-way coverage
    so that a long sentence mentioning two of the words does not win."""
    best: tuple[float, str, Evidence] | None = None
    for passage in refs.claim_search(query, limit=10):
        for match in _SENTENCE.finditer(passage.text):
            other = content_stems(match.group(0))
            shared = len(stems & other)
            if shared < MIN_STEMS or not other:
                continue
            score = shared / len(stems) + shared / len(other) / 2
            if best is None or score > best[0]:
                start = passage.start + match.start()
                evidence = Evidence(
                    passage, round(100 * shared / len(stems), 1), start, passage.start + match.end()
                )
                best = (score, match.group(0).strip(), evidence)
    return best


def _compare(clause: str, stems: set[str], negated: bool, refs: ReferenceSet) -> Finding | None:
    found = _closest_sentence(stems, refs, clause)
    if found is None:
        return None
    _, sentence, evidence = found
    if not _covered(stems, content_stems(sentence), negated):
        return None
    # The reference's own clause that says it: a "not" in another clause of the
    # same sentence ("..., which Ukraine is not a member of") denies nothing.
    sentence = max(clauses(sentence), key=lambda c: len(stems & content_stems(c)), default=sentence)
    if is_negated(sentence) == negated:
        if negated:
            return Finding(
                Verdict.SUPPORTED, f"the reference also says: “{sentence}”", evidence, CHECK
            )
        return None
    # Denying a claim takes near-complete overlap: a shared subject and verb
    # with a negation nearby is not yet the same statement.
    if not _covered(stems, content_stems(sentence), negated=False):
        return None
    reason = f"the claim says “{clause}”, the reference says “{sentence}”"
    return Finding(Verdict.CONTRADICTED, reason, evidence, CHECK)
