"""A claim's figure against the references' figures of the same measure, at the
time the claim speaks of.

"The Council has six permanent members" is compared only with figures of
permanent members (``same_measure``), about what the claim names (every name of
its clause is in the figure's sentence, heading or page title; a claim naming
nothing is held to the pages retrieved for it), and only with the figures that
held at the claim's time:

- the clause's own date ("in 1945", "between 1969 and 1972": its end), else the
  article's date;
- for the first figure of a series ("when the Charter took effect", "founding
  members", "when it was founded") the earliest one;
- a figure holds from its date (or start) to its end; among figures of one series
  the latest before the time is the one in force; a figure known only from a page
  dated later holds at an earlier time only when an earlier figure agrees with it
  (nothing changed in between).

"More than 100", "some 40,000" and "around 650 million" are read as bounds and
approximations, never as exact figures.
"""

from __future__ import annotations

import re
from dataclasses import replace

from verify.claims import (
    clause_bounds,
    content_stems,
    find_dates,
    find_names,
    fold,
    is_partitive,
    is_tally_count,
    is_time_unit,
    stem,
)
from verify.claims import mentions_name as mentions
from verify.facts import (
    Figure,
    FigureIndex,
    LastBuilt,
    first,
    in_force,
    measure_of,
    value_text,
)
from verify.judge.checks.asof import LATEST, AsOf, FactBase, fact_evidence
from verify.records import Evidence, Finding, Quantity, StoredClaim, Verdict

CHECK = "value"
_INITIAL = re.compile(
    r"\b(?:founding|original(?:ly)?|initial(?:ly)?|inaugural)\b"
    r"|\bwhen\b[^,;]*\b(?:founded|established|created|formed|set\s+up|took\s+effect|"
    r"entered\s+into\s+force|came\s+into\s+force|was\s+signed|began)\b"
    r"|\bat\s+(?:its|the)\s+(?:founding|creation|inception|start|outset)\b",
    re.IGNORECASE,
)
_LOWER = re.compile(r"\b(?:more\s+than|over|at\s+least|upwards\s+of|in\s+excess\s+of)\s*$", re.I)
_UPPER = re.compile(
    r"\b(?:fewer\s+than|less\s+than|under|up\s+to|at\s+most|no\s+more\s+than)\s*$", re.I
)
_ABOUT = re.compile(
    r"\b(?:about|around|some|roughly|approximately|nearly|almost|an\s+estimated|close\s+to|"
    r"circa|c\.)\s*$",
    re.IGNORECASE,
)
APPROXIMATE = 0.1  # "some 40,000": within a tenth agrees
FAR_OFF = 0.5  # and more than half off disagrees


def _build(facts: FactBase) -> FigureIndex:
    return FigureIndex(facts.facts, facts.titles)


_figures = LastBuilt(_build)


def _bound(claim: StoredClaim, quantity: Quantity) -> str:
    text, base = claim.claim.text, claim.claim.start
    before = text[max(0, quantity.start - base - 25) : quantity.start - base]
    if _LOWER.search(before):
        return "lower"
    if _UPPER.search(before):
        return "upper"
    return "about" if _ABOUT.search(before) else "exact"


def _agrees(claimed: float, found: float, bound: str) -> bool | None:
    """True, False, or None when the figure can be neither confirmed nor denied."""
    if bound in ("lower", "upper") and found == claimed:
        return None  # "more than 100" against "100": the reference's own figure may be a bound
    if bound == "lower":
        return found > claimed
    if bound == "upper":
        return found < claimed
    if bound == "about":
        off = abs(found - claimed) / max(abs(claimed), 1)
        return True if off <= APPROXIMATE else False if off > FAR_OFF else None
    return found == claimed


def _when(clause: str, at: str | None) -> str | None:
    """The time a clause speaks of: its own date ("in 1945", "between 1969 and
    1972" -> its end), else the article's."""
    refs = [r for r in find_dates(clause) if r.value and not r.resolved]
    points = [r.value for r in refs if r.relation in ("in", "on", "", "until", "by")]
    return points[-1] if points else at


def _subject(text: str, begin: int, end: int, start: int, stop: int) -> list[str]:
    """The name a figure is of: the one right after it ("the 15-member Security
    Council"), else the nearest before it in its clause ("the Council has six
    members"), else the last before the clause ("the Council, whose five ...")."""
    names = find_names(text)
    right_after = [n for n in names if stop <= n.start <= stop + 1 and n.end <= end]
    if right_after:
        return [right_after[0].text]
    before = [n for n in names if begin <= n.start and n.end <= start]
    if before:
        return [before[-1].text]
    earlier = [n for n in names if n.end <= begin]
    return [earlier[-1].text] if earlier else []


def _about(names: list[str], figure: Figure, documents: set[int]) -> bool:
    if not names:
        return figure.fact.document_id in documents
    context = figure.folded_context
    return all(fold(name) in context for name in names)


_OWNER = re.compile(r"\s+of\s+(?:the\s+)?")
# A number joined to a noun ("nine-member", "five-year"), not one written with a
# hyphen ("Sixty-one states"), whose clause's verb is the counted things' own.
_HYPHENED = re.compile(r"\w-(?!(?:one|two|three|four|five|six|seven|eight|nine)\b)\w", re.I)
_LOWER_NOUN = re.compile(r"\s+([a-z][a-z'’-]+)")


def _compound(quantity: Quantity) -> bool:
    """Whether the quantity is a size joined to a noun ("nine-member"), not a number
    written with a hyphen ("Sixty-one states")."""
    return quantity.text.lower().endswith("-" + quantity.counted.lower())


def _body_noun(text: str, stop: int) -> str | None:
    """The common noun an "N-member" compound describes ("court" of "the nine-member
    court"); a name after it (the "nine-member Board") is read by ``_subject``."""
    found = _LOWER_NOUN.match(text, stop)
    return found.group(1) if found else None


def _owner(text: str, stop: int) -> str | None:
    """The name the figure's own words say it is of: "nine members of the Race
    Committee" counts that body's members, and no other page's figure is about it."""
    found = _OWNER.match(text, stop)
    if found is None:
        return None
    return next((n.text for n in find_names(text) if n.start == found.end()), None)


def _other_subject(figure: Figure, text: str) -> bool:
    """Whether the figure's sentence names what it counts ("Velmora has had 31 member
    clubs") and the claim does not name it: another body's members."""
    subject = figure.fact.subject
    return bool(subject) and not mentions(text, subject or "")


def check_measure(
    claim: StoredClaim, quantity: Quantity, asof: AsOf, pool: list[Evidence]
) -> Finding | None:
    """The verdict of the references' figures of the quantity's measure, or None
    when none is about the same thing at the same time."""
    if is_partitive(quantity) or is_tally_count(quantity.counted, quantity.text):
        return None  # "three of Germany's four titles": a part is no figure of the whole;
        # "by 53 votes to 47": one vote's result, not a value that holds over time
    text, base = claim.claim.text, claim.claim.start
    begin, end = clause_bounds(text, quantity.start - base, quantity.end - base)
    clause = text[begin:end]
    initial = bool(_INITIAL.search(clause))
    wanted = measure_of(quantity.counted, clause)
    if _HYPHENED.search(quantity.text):
        # "the nine-member Board met": the size describes the Board, the action is its.
        wanted = replace(wanted, actions=frozenset())
    # A duration ("five-year terms") is no size of a body.
    sized = _compound(quantity) and not is_time_unit(quantity.counted)
    body = _body_noun(text, quantity.end - base) if sized else None
    owner = _owner(text, quantity.end - base)
    names = (
        [owner] if owner else _subject(text, begin, end, quantity.start - base, quantity.end - base)
    )
    documents = {e.passage.document_id for e in pool}
    measured = _figures(asof.facts).measured(wanted, initial)
    if body:
        # "the nine-member court": only a figure whose own words name a court is its size.
        measured = [f for f in measured if stem(body) in content_stems(f.context)]
    matching = [f for f in measured if _about(names, f, documents)]
    if names and not matching and not owner:
        # Names no figure's page gives ("Consultation under Article 4 ... the 30
        # member states") are not what is counted: the pages retrieved for the
        # claim say whose members.
        matching = [f for f in measured if _about([], f, documents)]
    if not names or not matching:
        # A figure of a body neither the claim nor the sentence before it names is
        # another body's ("Velmora has had 31 member clubs" for a committee).
        said = f"{asof.context(claim)} {text}"
        matching = [f for f in matching if not _other_subject(f, said)]
    when = None if initial else _when(clause, asof.at)
    held = first(matching) if initial else in_force(matching, when) if when else []
    if not held:
        return None
    bound = _bound(claim, quantity)
    verdicts = [(_agrees(quantity.value, f.value, bound), f) for f in held]
    agreeing = [f for ok, f in verdicts if ok]
    if agreeing:
        said = f"the reference says {value_text(matching, agreeing[-1], when)}"
        return _finding(claim, Verdict.SUPPORTED, said, agreeing[-1], asof.facts)
    if all(ok is False for ok, _ in verdicts) and len({f.value for f in held}) == 1:
        then = value_text(matching, held[-1], when)
        said = f"the claim says {quantity.text}, the reference says {then}"
        return _finding(claim, Verdict.CONTRADICTED, said, held[-1], asof.facts)
    return None


def undated_measure(
    claim: StoredClaim, quantity: Quantity, asof: AsOf, pool: list[Evidence]
) -> Finding | None:
    """In an article with no date: a figure the references give by date cannot be
    checked, whatever it would be compared with."""
    probe = check_measure(claim, quantity, replace(asof, at=LATEST), pool)
    if probe is None:
        return None
    reason = (
        f"{quantity.text} is a value that changes in the references, and the article "
        "has no date to check it at"
    )
    return Finding(Verdict.UNVERIFIED, reason, probe.evidence, CHECK)


def _finding(
    claim: StoredClaim, verdict: Verdict, reason: str, figure: Figure, facts: FactBase
) -> Finding:
    evidence = fact_evidence(claim.claim.text, figure.fact, facts)
    return Finding(verdict, reason, evidence, CHECK)
