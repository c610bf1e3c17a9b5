"""When an undated article was written, from the past events it reports.

Each sentence that reports something without dating it ("Tessaly was
admitted on Thursday as the 193rd member state") is matched with the reference
statements that date the same event (``verify.judge.checks.event_match``: the
same names, the same kind of happening, anchored to them). Only what the article
reports as having happened counts: a sentence about what will happen ("will be
shared", "is set to") and a reference event that has not taken place ("To be
played") say nothing of when it was written, and a sentence that gives its own
year ("titles came in 1978 and 1990") is background, not news.

The month most sentences agree on wins (the latest among equals): an article
reports its news once or twice and its background once each.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from verify.claims import event_stems
from verify.claims import mentions_name as mentions
from verify.facts import actions, event_status
from verify.judge.checks.event_match import (
    candidate_passages,
    dated_clauses,
    passage_context,
    same_event,
    sentence_event,
)
from verify.records import Evidence
from verify.search import ReferenceSet

EXCERPT = 70  # characters of a sentence or reference quoted in a reason
SAME_CAST = 3  # names a sentence and a dated reference sentence share to report one story
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_FUTURE = re.compile(
    r"\b(?:will|shall|is\s+to|are\s+to|(?:is|are)\s+(?:set|due|expected|scheduled|planned|"
    r"going)\s+to|plans?\s+to|aims?\s+to)\b",
    re.IGNORECASE,
)
# A participle after these is future or infinitive ("will be shared", "to be named").
_NOT_PAST_BEFORE = re.compile(r"\b(?:be|will|to|would|shall)\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class Match:
    """A sentence of the article and a reference statement dating what it reports."""

    sentence: str
    date: str  # ISO, as precise as the reference
    evidence: Evidence
    said: str  # the reference sentence


@dataclass(frozen=True)
class InferredDate:
    value: str  # "YYYY-MM" (or "YYYY" when the agreed events have only a year)
    reason: str
    evidence: tuple[Match, ...]  # the agreeing matches, latest first
    agreeing: int  # sentences that agree on the month


def reports_the_past(sentence: str) -> bool:
    """Whether a sentence reports what happened: no future words, or a past verb
    of its own beside them ("named the astronauts who will fly")."""
    if not _FUTURE.search(sentence):
        return True
    past = [
        word
        for word in re.finditer(r"[A-Za-z]+", sentence)
        if actions(word.group()) and not _NOT_PAST_BEFORE.search(sentence[: word.start()])
    ]
    return bool(past)


def sentence_matches(sentence: str, refs: ReferenceSet, titles: dict[int, str]) -> list[Match]:
    """The reference statements that date what ``sentence`` reports."""
    if _YEAR.search(sentence) or not reports_the_past(sentence):
        return []
    event = sentence_event(sentence)
    if not event.names or not event.words:
        return []
    done = _things_done(sentence)
    found = []
    for passage in candidate_passages(event, [], refs):
        context = passage_context(passage, refs, titles)
        entry = dated_clauses(passage)
        for dated in entry:
            if event_status(dated.sentence) == "planned":
                continue
            # The same cast of names dates a story as well as the same words do;
            # the same words must include what was done, when the sentence says
            # it in the past: "cut rates" is not dated by "was given the power to
            # set rates".
            cast = sum(mentions(dated.sentence, name) for name in event.names) >= SAME_CAST
            # A headline in the present tense ("X consider Y") has no past verb
            # to compare: its names and words have to do.
            same = same_event(event, dated, entry, context, strict=False) and (
                not done or _same_action(done, dated.sentence)
            )
            if not (same or cast):
                continue
            start = passage.start + dated.sentence_start
            evidence = Evidence(passage, 100.0, start, start + len(dated.sentence.rstrip()))
            found.append(Match(sentence, dated.date.value, evidence, dated.sentence))
    return found


def _things_done(sentence: str) -> frozenset[str]:
    """The sentence's past verbs, as stems and as the event words they stand for
    ("admitted": admitt, join)."""
    done = set(actions(sentence))
    for verb in done.copy():
        done |= event_stems(verb)
    return frozenset(done)


def _same_action(done: frozenset[str], said: str) -> bool:
    """Whether the reference sentence says one of the things done: a timeline's
    present ("the agency names the crew") beside the article's past ("named"),
    whose stems differ only by their endings, or a table's "Admitted" column."""
    stems = event_stems(said) | actions(said)
    return any(a.startswith(b) or b.startswith(a) for a in done for b in stems if len(b) >= 3)


def infer_date(matches: Sequence[Match]) -> InferredDate | None:
    """The month most sentences' matches agree on, the latest among equals, at the
    precision the references give. A match dated by its year only agrees with
    every month of that year; a month wins over its year when as many agree."""
    best: dict[str, Match] = {}
    for match in matches:  # the most precise match of each sentence and date
        key = (match.sentence, match.date[:7])
        if key not in best or len(match.date) > len(best[key].date):
            best[key] = match
    periods = {m.date[:7] for m in best.values()}
    if not periods:
        return None

    def agreeing(period: str) -> dict[str, Match]:
        found: dict[str, Match] = {}
        for match in best.values():
            month = match.date[:7]
            if (
                month == period
                or (len(month) == 4 and period.startswith(month))
                or (len(period) == 4 and month.startswith(period))
            ):
                found.setdefault(match.sentence, match)
        return found

    value = max(periods, key=lambda p: (len(agreeing(p)), len(p), p))
    chosen = sorted(agreeing(value).values(), key=lambda m: m.date, reverse=True)
    reason = _reason(value, chosen, len(matches))
    return InferredDate(value, reason, tuple(chosen), len(chosen))


def date_from_sentences(
    sentences: Sequence[str], refs: ReferenceSet, titles: dict[int, str]
) -> InferredDate | None:
    return infer_date([m for s in sentences for m in sentence_matches(s, refs, titles)])


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT else text[: EXCERPT - 1].rstrip() + "…"


def _reason(value: str, agreeing: Sequence[Match], matched: int) -> str:
    plural = "sentence" if len(agreeing) == 1 else "sentences"
    pairs = "; ".join(
        f"'{_excerpt(m.sentence)}' ~ {m.date} '{_excerpt(m.said)}'" for m in agreeing[:3]
    )
    more = f"; and {len(agreeing) - 3} more" if len(agreeing) > 3 else ""
    return (
        f"inferred {value} from {len(agreeing)} {plural} reporting events the references "
        f"date then ({matched} dated matches in all): {pairs}{more}"
    )
