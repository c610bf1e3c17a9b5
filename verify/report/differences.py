"""Where a reference passage differs from a contradicted claim, for every report to mark.

The reasons of a contradicted claim say what the reference has instead ("the claim
says ten men, the reference says 12 astronauts"; "the quotation differs from the
reference: [-mankind-] {+humanity+}"). The reference's side of them, less what the
claim itself says, is looked for in the evidence: its figures first (a "12" in the
reason finds "Twelve" in the passage), else its names and words. Pure functions on
strings; the renderers decide how a marked span looks.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from verify.claims import STOPWORDS, find_ordinals, find_quantities, fold, same_counted
from verify.records import Quantity

Span = tuple[int, int]

_WORD = re.compile(r"\w[\w'’-]*\w|\w")
_POSSESSIVE = re.compile(r"['’]s$")
_DIGITS = re.compile(r"(?<![\w.])\d+(?:,\d{3})*(?:\.\d+)?(?![\d])")
# A date the tool writes itself ("as of 2012-08-26", "from 2018-04-23"): the claim's
# own date or a term's, not a figure the reference gives.
_ISO_DATE = re.compile(r"\b\d{4}-\d{2}(?:-\d{2})?\b")
# The reference's words in a quotation's word diff: "[-mankind-] {+humanity+}".
_REFERENCE_WORDS = re.compile(r"\[-(.*?)-\]")
# The claim's own side in a reason: "the claim says ten men, the reference says ...".
_CLAIM_SIDE = re.compile(r"\bthe claim (?:says|ties)\b.*?(?:;|, (?=the reference)|$)")


def reference_side(claim: Mapping[str, Any]) -> tuple[str, bool]:
    """What the reasons of a contradicted claim give as the reference's side, and
    whether it is a quotation's own words (every word counts, not only names)."""
    findings = [f for f in claim.get("findings") or [] if f.get("verdict") == "contradicted"]
    reasons = [f["reason"] for f in findings] or list(claim.get("reasons") or [])
    quoted = [w for r in reasons for w in _REFERENCE_WORDS.findall(r)]
    if quoted:
        return " ".join(quoted), True
    # A reason may quote the evidence itself after “: that is the passage, not what
    # the reference says instead.
    return " ".join(_CLAIM_SIDE.sub(" ", r.split("“", 1)[0]) for r in reasons), False


def differing_spans(text: str, claim: Mapping[str, Any]) -> list[Span]:
    """Spans of ``text`` (a reference passage or an excerpt of one) holding what the
    reference says instead of a contradicted ``claim``; [] for any other claim."""
    if claim.get("verdict") != "contradicted":
        return []
    side, quotation = reference_side(claim)
    claimed = claim.get("text") or ""
    spans = _figure_spans(text, _ISO_DATE.sub(" ", side), claimed)
    if spans:
        return _merged(spans)
    side = _about_others(side, claimed)
    words = {_key(w) for w in _WORD.findall(side)} - {_key(w) for w in _WORD.findall(claimed)}
    words -= STOPWORDS
    found = [
        (m.start(), m.end())
        for m in _WORD.finditer(text)
        if _key(m.group()) in words
        and (quotation or m.group()[0].isupper())
        and not text[m.end() : m.end() + 1] == ":"  # a table row's label, not its value
    ]
    return _merged(found, text)


def _about_others(side: str, claimed: str) -> str:
    """The clauses of ``side`` that name nobody the claim names: "Roe was Chair from
    1990 to 2001; in 2005 the office was held by John Doe" gives the second. Figures
    are looked for in the whole side, as the claim's own term may be what differs."""
    names = {_key(w) for w in _WORD.findall(claimed) if w[0].isupper()} - STOPWORDS
    clauses = side.split(";")
    return ";".join(c for c in clauses if not names & {_key(w) for w in _WORD.findall(c)})


def _key(word: str) -> str:
    return fold(_POSSESSIVE.sub("", word))


def _figure_spans(text: str, side: str, claimed: str) -> list[Span]:
    """The figures of ``side`` that the claim lacks, found in ``text``: a counted one
    ("12 astronauts") as a figure of the same noun ("Twelve astronauts") where there
    is one, else by value alone, as are years and ordinals."""
    own = _numbers(claimed)
    counted = [q for q in find_quantities(side) if q.counted and q.value not in own]
    in_text = find_quantities(text)
    spans: list[Span] = []
    loose = _numbers(side) - own - {q.value for q in counted}
    for cited in counted:
        same = [
            q for q in in_text if q.value == cited.value and same_counted(q.counted, cited.counted)
        ]
        spans += [_number_part(q) for q in same]
        if not same:
            loose.add(cited.value)
    return spans + [span for value, span in _number_spans(text) if value in loose]


def _numbers(text: str) -> set[float]:
    return {value for value, _ in _number_spans(text)}


def _number_spans(text: str) -> list[tuple[float, Span]]:
    """Each figure in ``text`` with its value: digits, ordinals and number words."""
    found = [(_value(m.group()), (m.start(), m.end())) for m in _DIGITS.finditer(text)]
    found += [(float(value), (start, end)) for value, start, end in find_ordinals(text)]
    for quantity in find_quantities(text):
        if not quantity.text[0].isdigit():  # digits are found above
            found.append((quantity.value, _number_part(quantity)))
    return found


def _value(digits: str) -> float:
    return float(digits.replace(",", ""))


def _number_part(quantity: Quantity) -> Span:
    """The figure of a quantity without its noun: "Twelve" of "Twelve astronauts"."""
    number = quantity.text
    if quantity.counted and number.endswith(quantity.counted):
        number = number[: -len(quantity.counted)].rstrip()
    return quantity.start, quantity.start + len(number)


def _merged(spans: Iterable[Span], text: str = "") -> list[Span]:
    """Sorted, with overlapping spans joined ("192nd" is found as digits and ordinal),
    and words with only spaces between them marked as one ("West Germany")."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        gap = text[merged[-1][1] : start] if merged and text else "-"
        if merged and (start <= merged[-1][1] or not gap.strip(" ")):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def mark_spans(text: str, spans: Iterable[Span], mark: Callable[[str], str]) -> str:
    """``text`` with each span replaced by ``mark`` of its words (spans must not overlap)."""
    out, last = [], 0
    for start, end in sorted(spans):
        out += [text[last:start], mark(text[start:end])]
        last = end
    return "".join(out) + text[last:]


def distinct_evidence(items: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The evidence with each passage once: a passage matched twice (two spans of it)
    is shown at its first, best-ranked match."""
    seen: set[tuple[Any, ...]] = set()
    kept = []
    for item in items:
        key = (item.get("source"), item.get("passage_start"), item.get("passage"))
        if key not in seen:
            seen.add(key)
            kept.append(item)
    return kept
