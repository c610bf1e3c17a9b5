"""When an undated article was written, from the change of office holder it reports.

"Jane Roe, who took over from Otto Quell on Monday" and "Jane Roe took office on
Sunday as chair" report a holder's first days: the references date them by the
start of Roe's listed term. Such a sentence is a match for the date inference
(``verify.judge.date_inference``) like any dated event it reports. Only a sentence
with a news peg (a weekday, "today", a day without a year) and no year of its own
counts: "who succeeded Otto Quell in 2016" is background, not the news.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from verify.claims import find_people, find_successions
from verify.facts import check_succession, shared_office, term_index
from verify.judge.checks.asof import FactBase, fact_evidence
from verify.judge.date_inference import Match, reports_the_past
from verify.records import Fact, Verdict

_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_PEG = re.compile(
    r"\b(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|today|yesterday"
    r"|this\s+week|last\s+week|on\s+\d{1,2}\s+[A-Z][a-z]+)\b"
)
# Taking up an office, said of the person named before the verb.
_TOOK_OFFICE = re.compile(
    r"\b(?:took\s+office|was\s+sworn\s+in|was\s+inaugurated|took\s+up\s+the\s+post)\b"
)


# "Jane Roe", "Ursula von der Leyen": capitalised words, small particles between.
_NAME_ONLY = re.compile(r"(?:[A-Z][\w'’-]+\s+){1,3}(?:[a-z]+\s+){0,2}[A-Z][\w'’-]+")


def office_matches(sentences: Sequence[str], facts: FactBase) -> list[Match]:
    """The sentences that report someone taking up an office, each matched with the
    start of their listed term."""
    found = []
    for sentence in sentences:
        if _YEAR.search(sentence) or not _PEG.search(sentence) or not reports_the_past(sentence):
            continue
        term = _succession_term(sentence, facts) or _took_office_term(sentence, facts)
        if term is None or term.start_date is None:
            continue
        evidence = fact_evidence(sentence, term, facts)
        if evidence is not None:
            found.append(Match(sentence, term.start_date, evidence, term.text))
    return found


def _succession_term(sentence: str, facts: FactBase) -> Fact | None:
    """The listed term of the new holder in "Roe, who took over from Quell on Monday"."""
    index = term_index(facts.terms)
    for link in find_successions(sentence):
        if link.new is None or link.steps != 1:
            continue
        office = shared_office(facts.terms, [link.new, link.old])
        if office is None:
            continue
        result = check_succession(facts.terms, office, link.new, link.old, 1)
        if result is not None and result.verdict is Verdict.SUPPORTED:
            own = [t for t in index.held_by(link.new) if index.office_of(t) == office]
            after = [t for t in own if (t.start_date or "") > (result.term.start_date or "")]
            return after[0] if after else None
    return None


def _took_office_term(sentence: str, facts: FactBase) -> Fact | None:
    """The one listed term of the person who "took office on Sunday as chair"."""
    verb = _TOOK_OFFICE.search(sentence)
    if verb is None:
        return None
    before = [p for p in find_people(sentence[: verb.start()]) if len(p.name.split()) > 1]
    names = [before[-1].name] if before else _leading_name(sentence[: verb.start()])
    index = term_index(facts.terms)
    for name in names:
        starts = {t.start_date for t in index.held_by(name)}
        if len(starts) == 1:
            return index.held_by(name)[0]
    return None


def _leading_name(text: str) -> list[str]:
    """The subject a sentence opens with, when it is the whole text before the verb."""
    name = text.strip()
    return [name] if _NAME_ONLY.fullmatch(name) else []
