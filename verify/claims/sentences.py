"""Where a sentence becomes a claim: slot finding and check-worthiness.

A claim is a sentence (or a semicolon clause of one) holding at least one
checkable detail: a quantity, a date, a person in a role, a quotation, a
sourcing attribution or a named legal provision. The finders live in
``verify.claims.slots``; this module runs them, scores the result and drops
sentences with nothing a fact-checker could check.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Callable, Sequence
from datetime import date

from verify.claims.folding import STOPWORDS
from verify.claims.slots.attributions import find_attributions
from verify.claims.slots.dates import find_dates
from verify.claims.slots.numbers import find_quantities
from verify.claims.slots.people import NAME, find_people
from verify.claims.slots.provisions import find_provisions
from verify.claims.slots.quotes import find_quotations
from verify.claims.slots.roles import HONORIFIC, is_plausible_name
from verify.claims.slots.succession import find_successions
from verify.records import Claim, Passage, Provision, Sentence, Slots

# How much each kind of detail makes a sentence worth checking. A number or a
# named office holder is the classic check-worthy statement (ClaimBuster's
# finding); a sourcing phrase alone is weaker but still something to trace.
WEIGHTS = {
    "quantity": 0.35,
    "person_in_role": 0.35,
    "provision": 0.3,
    "quotation": 0.3,
    "date": 0.2,
    "attribution": 0.15,
    "person": 0.05,
}
HEADING_FACTOR = 0.6  # headlines compress and dramatise; their detail is restated below
MIN_CHECKWORTHINESS = 0.15

_CLAUSE_BREAK = re.compile(r";\s+")
# "the provision", "NATO's mutual defence clauses": a provision referred to
# without its number. Up to three describing words before the noun are kept.
_PROVISION_ANAPHOR = re.compile(r"((?:(?<![\w'’])[a-z][\w-]*\s+){0,3})\b(clauses?|provisions?)\b")


def _implied_provisions(text: str, base: int, last: str | None) -> tuple[Provision, ...]:
    """Provisions named earlier and referred to here by a common noun.

    News names the article once ("triggering Article 4") and then says "the
    provision" or "the mutual defence clauses"; the description that follows
    is a claim about that same article.
    """
    if last is None:
        return ()
    found = []
    for match in _PROVISION_ANAPHOR.finditer(text):
        start = match.start(2)
        # Walk back over the describing words, stopping at a function word.
        for word in reversed(match.group(1).split()):
            if word.lower() in STOPWORDS:
                break
            start = text.rindex(word, match.start(), start)
        found.append(Provision(last, text[start : match.end()], base + start, base + match.end()))
    return tuple(found)


def find_slots(
    text: str, base: int, published: date | None, antecedent: str | None = None
) -> Slots:
    """The slots of ``text``; ``antecedent`` is who a "He" or "She" stands for."""
    return Slots(
        quantities=find_quantities(text, base),
        dates=find_dates(text, base, published),
        people=find_people(text, base, antecedent),
        quotations=find_quotations(text, base),
        attributions=find_attributions(text, base),
        provisions=find_provisions(text, base),
    )


def checkworthiness(slots: Slots, is_heading: bool = False) -> float:
    score = 0.0
    if slots.quantities:
        score += WEIGHTS["quantity"]
    if any(p.role for p in slots.people):
        score += WEIGHTS["person_in_role"]
    elif slots.people:
        score += WEIGHTS["person"]
    if slots.provisions:
        score += WEIGHTS["provision"]
    if slots.quotations:
        score += WEIGHTS["quotation"]
    # An unresolved "on Monday" in an undated article pins nothing down.
    if any(d.value for d in slots.dates):
        score += WEIGHTS["date"]
    if slots.attributions:
        score += WEIGHTS["attribution"]
    if is_heading:
        score *= HEADING_FACTOR
    return min(score, 1.0)


def clauses(sentence: Sentence) -> list[Sentence]:
    """Split a sentence at semicolons: each side can be checked on its own."""
    parts: list[Sentence] = []
    cursor = 0
    for match in _CLAUSE_BREAK.finditer(sentence.text):
        parts.append(_sub_sentence(sentence, cursor, match.start()))
        cursor = match.end()
    parts.append(_sub_sentence(sentence, cursor, len(sentence.text)))
    return [p for p in parts if p.text]


def _sub_sentence(sentence: Sentence, start: int, end: int) -> Sentence:
    text = sentence.text[start:end]
    stripped = text.strip()
    lead = len(text) - len(text.lstrip())
    begin = sentence.start + start + lead
    return Sentence(begin, begin + len(stripped), stripped, sentence.is_heading)


def claims_from_sentences(
    sentences: Sequence[Sentence],
    published: date | None,
    passages: Sequence[Passage] = (),
) -> list[Claim]:
    """The check-worthy claims among ``sentences``, in text order."""
    found: list[Claim] = []
    last_provision: str | None = None
    antecedent: str | None = None
    for sentence in sentences:
        for clause in clauses(sentence):
            slots = find_slots(clause.text, clause.start, published, antecedent)
            antecedent = _subject(clause, slots) or antecedent
            if slots.provisions:
                last_provision = slots.provisions[-1].name
            else:
                implied = _implied_provisions(clause.text, clause.start, last_provision)
                slots = dataclasses.replace(slots, provisions=implied)
            score = checkworthiness(slots, clause.is_heading)
            if find_successions(clause.text):
                # "Roe, who took over from Quell": two holders of an office, in order.
                score = max(score, WEIGHTS["person_in_role"])
            if score >= MIN_CHECKWORTHINESS:
                found.append(Claim(sentence, clause.start, clause.end, clause.text, slots, score))
    return _inherit_speakers(found, passages)


_OPENING_NAME = re.compile(rf"(?:{HONORIFIC}\s+)?(?P<name>{NAME})(?=[\s,])(?![\s,]*['’]s\b)")


def _subject(clause: Sentence, slots: Slots) -> str | None:
    """The person a clause opens with, its subject: the one a later "He" or "She"
    most likely stands for ("Jane Roe took office on Monday. ... She becomes the
    ninth chair"). A pronoun's own clause keeps the subject it was given."""
    for person in slots.people:
        if person.start == clause.start and person.role and person.text[:1].isupper():
            if not re.match(r"(?:He|She)\b", person.text):
                return person.name
    opening = _OPENING_NAME.match(clause.text)
    if opening and is_plausible_name(opening.group("name")):
        return opening.group("name")
    return None


def _inherit_speakers(claims: list[Claim], passages: Sequence[Passage]) -> list[Claim]:
    """Give an unattributed quotation the speaker of the quotation before it in
    the same paragraph: news continues a quote without repeating who said it."""
    result: list[Claim] = []
    last_speaker: tuple[int | None, str] | None = None
    passage_of = _passage_finder(passages)
    for claim in claims:
        passage = passage_of(claim.start)
        quotes = []
        for quote in claim.slots.quotations:
            if quote.speaker:
                last_speaker = (passage, quote.speaker)
            elif last_speaker and last_speaker[0] == passage:
                quote = dataclasses.replace(quote, speaker=last_speaker[1])
            quotes.append(quote)
        slots = dataclasses.replace(claim.slots, quotations=tuple(quotes))
        result.append(dataclasses.replace(claim, slots=slots))
    return result


def _passage_finder(passages: Sequence[Passage]) -> Callable[[int], int | None]:
    """A function from an offset to the index of the first passage holding it.

    Passages in text order are searched by bisection: a scan of them for every
    claim was quadratic on a page of thousands of paragraphs (issue 12).
    """
    starts = [p.start for p in passages]
    in_order = all(a.end <= b.start for a, b in zip(passages, passages[1:], strict=False))

    def find(offset: int) -> int | None:
        if in_order:
            index = bisect.bisect_right(starts, offset) - 1
            candidates = [index] if index >= 0 else []
        else:
            candidates = list(range(len(passages)))
        for index in candidates:
            if passages[index].start <= offset < passages[index].end:
                return index
        return None

    return find


def parse_published(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
