"""Dates of events: a claim's date against the date a reference gives the same event.

A date is only compared with a date of the same event. A reference's date is of
the same event when the words attached to it report the same kind of happening as
the claim's clause ("landed"/"landing", "joined"/"admitted": ``event_stems``), both
or neither are negated, every name the claim uses is mentioned where the reference
says it (its passage, the heading above it, the page's title), and the date is
anchored to the claim's names:

- in its own item: the name nearest before the date in its clause or enumeration
  item is one of the claim's ("Uruguay in 1930, Italy in 1934": 1934 is Italy's);
- or as the only such dated clause of an entry that names them all ("Apollo 11
  (...): the lunar module landed ... on 20 July 1969. Neil Armstrong and Buzz
  Aldrin walked on the Moon" dates Armstrong's landing).

A claim that names nothing must share most of its clause with the reference's.
Everything else is another event: a "Last updated" line, the neighbouring entry
of a timeline, the launch when the claim is about the landing.

A differing date contradicts only an event that happens once: one whose kind is
one-off (joining, founding, a death, a landing, a signing), one the claim marks as
unique ("the first", "only", "the last"), or one a nameless clause restates. A
team that won in 1998 may also have won in 2018. Support also comes from a whole
entry about the claim's names whose every date falls within the claim's date. A
date relative to the article ("on Thursday") is never contradicted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from verify.claims import clause_bounds, event_stems, find_dates, find_names, is_negated
from verify.claims import mentions_name as mentions
from verify.facts import is_page_date_line
from verify.judge.details import is_relative
from verify.records import DateRef, Evidence, Finding, ReferencePassage, StoredClaim, Verdict
from verify.search import ReferenceSet

CHECK = "date"
# A date's relation says what kind of time it is: a point ("on", "in") or the
# start or end of a span ("since 1949"). Only times of one kind compare.
RELATION_KINDS = {
    "since": "start",
    "from": "start",
    "after": "start",
    "until": "end",
    "by": "end",
    "before": "end",
}
# Kinds of event that happen once to whatever they happen to (see ``event_stems``).
ONE_OFF = frozenset({"join", "found", "end", "die", "born", "land", "launch", "sign", "force"})
UNIQUE_WORDS = frozenset({"first", "only", "last", "sole", "inaugural", "maiden", "lone"})
_SEGMENT = re.compile(r"[^;:()\[\]—–]+")
# Within a segment, commas separate the items of an enumeration ("Uruguay in 1930,
# Italy in 1934"): a date belongs to its own item.
_ITEM = re.compile(r"[^,;:()\[\]—–]+")
_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+(?=\s|$)|$)")
# A claim naming nothing must share this much with the reference's clause.
MIN_NAMELESS_SHARED = 3
MAX_PASSAGES = 40


@dataclass(frozen=True)
class ClaimEvent:
    """What a claim says happened at one of its dates: its names and event words."""

    names: tuple[str, ...]
    words: frozenset[str]
    negated: bool
    unique: bool  # the claim marks it as happening once ("the first", "only")


@dataclass(frozen=True)
class _Dated:
    """A date a reference sentence gives, with the event words attached to it."""

    date: DateRef
    words: frozenset[str]
    negated: bool
    anchor: str | None  # the name the date belongs to in its sentence
    sentence: str
    sentence_start: int  # local offset in the passage
    passage: ReferencePassage


def kind(date: DateRef) -> str:
    return RELATION_KINDS.get(date.relation, "point")


def agrees(claimed: str, found: str) -> bool:
    """ "1949" agrees with "1949-04-04": compare at the coarser precision."""
    width = min(len(claimed), len(found))
    return claimed[:width] == found[:width]


def _span(text: str, start: int, end: int, pattern: re.Pattern[str]) -> tuple[int, int]:
    for match in pattern.finditer(text):
        if match.start() <= start and end <= match.end():
            return match.span()
    return 0, len(text)


def _event_words(text: str, span: tuple[int, int], names: Iterable[str]) -> frozenset[str]:
    """Event words of ``text[span]`` without the names and dates in it."""
    piece = text[span[0] : span[1]]
    for date in find_dates(piece):
        piece = piece[: date.start] + " " * (date.end - date.start) + piece[date.end :]
    stems = event_stems(piece)
    for name in names:
        stems -= event_stems(name)
    return frozenset(stems)


def claim_event(claim: StoredClaim, date: DateRef) -> ClaimEvent:
    text, base = claim.claim.text, claim.claim.start
    start, end = date.start - base, date.end - base
    clause_start, clause_end = clause_bounds(text, start, end, widen=True)
    names = [
        n.text
        for n in find_names(text, skip_relational=True)
        if (n.end <= start or n.start >= end) and clause_start <= n.start and n.end <= clause_end
    ]
    words = _event_words(text, (clause_start, clause_end), names)
    if not words:
        words = _event_words(text, (0, len(text)), names)
    clause = text[clause_start:clause_end]
    unique = bool(UNIQUE_WORDS & set(re.findall(r"\w+", clause.lower())))
    return ClaimEvent(tuple(dict.fromkeys(names)), words, is_negated(clause), unique)


def _anchor(text: str, date: DateRef) -> str | None:
    """The name a date of ``text`` belongs to: the nearest before it in its item,
    else the first after it there, else the nearest before it in the sentence."""
    item = _span(text, date.start, date.end, _ITEM)
    names = [n for n in find_names(text) if n.end <= date.start or n.start >= date.end]
    inside = [n for n in names if item[0] <= n.start and n.end <= item[1]]
    before = [n for n in inside if n.end <= date.start]
    if before:
        return before[-1].text
    if inside:
        return inside[0].text
    earlier = [n for n in names if n.end <= date.start]
    return earlier[-1].text if earlier else None


def _dated(passage: ReferencePassage) -> list[_Dated]:
    found = []
    for sentence in _SENTENCE.finditer(passage.text):
        text = sentence.group()
        names = [n.text for n in find_names(text)]
        for date in find_dates(text):
            if not date.value:
                continue
            item = _span(text, date.start, date.end, _ITEM)
            segment = _span(text, date.start, date.end, _SEGMENT)
            # An item with no words of its own ("Uruguay in 1930") takes its
            # clause's, then its sentence's ("Six hosts have won the tournament:").
            words = _event_words(text, item, names) or _event_words(text, segment, names)
            words = words or _event_words(text, (0, len(text)), names)
            negated = is_negated(text[item[0] : item[1]]) or is_negated(
                text[segment[0] : segment[1]]
            )
            anchor = _anchor(text, date)
            found.append(_Dated(date, words, negated, anchor, text, sentence.start(), passage))
    return found


def _context(passage: ReferencePassage, refs: ReferenceSet, titles: dict[int, str]) -> str:
    return " ".join(
        [passage.text, refs.heading(passage) or "", titles.get(passage.document_id, "")]
    )


def _same_event(
    event: ClaimEvent, dated: _Dated, entry: list[_Dated], context: str, strict: bool
) -> bool:
    """Whether ``dated`` dates the claim's event; ``strict`` (to contradict) asks for
    every name of the claim's clause, otherwise half of them will do."""
    if event.negated != dated.negated:
        return False
    shared = event.words & dated.words
    if not event.names:
        # Nothing named: the clause must be the same one nearly word for word.
        return len(shared) >= max(MIN_NAMELESS_SHARED, len(event.words) / 2)
    named = sum(mentions(context, name) for name in event.names)
    if not shared or named < (len(event.names) if strict else (len(event.names) + 1) // 2):
        return False
    if dated.anchor and any(mentions(dated.anchor, name) for name in event.names):
        return True
    # The entry's only dated clause of this kind of event, in an entry naming them all.
    alike = [d for d in entry if d.negated == event.negated and event.words & d.words]
    return alike == [dated]


def _fit(event: ClaimEvent, dated: _Dated) -> int:
    """How closely a reference's dated clause fits the claim's event."""
    named = bool(dated.anchor) and any(mentions(dated.anchor or "", n) for n in event.names)
    return len(event.words & dated.words) + int(named)


def _happens_once(event: ClaimEvent) -> bool:
    return event.unique or not event.names or bool(ONE_OFF & event.words)


def _evidence(dated: _Dated, score: float) -> Evidence:
    passage = dated.passage
    start = passage.start + dated.sentence_start
    return Evidence(passage, score, start, start + len(dated.sentence.rstrip()))


def _excerpt(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _candidates(
    event: ClaimEvent, pool: Sequence[Evidence], refs: ReferenceSet
) -> list[ReferencePassage]:
    passages = {e.passage.id: e.passage for e in pool}
    if event.names:
        query = " ".join(f'"{name}"' for name in event.names)
        for passage in refs.search(query, limit=MAX_PASSAGES):
            passages.setdefault(passage.id, passage)
    return [p for p in passages.values() if not is_page_date_line(p.text)]


def check_event_date(
    date: DateRef,
    event: ClaimEvent,
    pool: Sequence[Evidence],
    refs: ReferenceSet,
    titles: dict[int, str],
) -> Finding | None:
    """Support when a reference dates the same event (``claim_event``) alike;
    contradiction when it dates the same one-off event otherwise and nothing
    dates it alike."""
    agreeing: list[_Dated] = []
    differing: list[_Dated] = []
    for passage in _candidates(event, pool, refs):
        context = _context(passage, refs, titles)
        entry = _dated(passage)
        for found in entry:
            if kind(found.date) != kind(date):
                continue
            if agrees(date.value, found.date.value):
                if _same_event(event, found, entry, context, strict=False):
                    agreeing.append(found)
            elif _same_event(event, found, entry, context, strict=True):
                differing.append(found)
        whole = None if agreeing else _whole_entry(event, date, entry, context)
        agreeing += [whole] if whole else []
    # The best-fitting statements decide: "retained the cup in 1985" shares less
    # with "won the first cup in 1985" than "won the cup: Norvania in 1981".
    best_agreeing = max((_fit(event, d) for d in agreeing), default=-1)
    best_differing = max((_fit(event, d) for d in differing), default=-1)
    if agreeing and best_agreeing >= best_differing:
        found = max(agreeing, key=lambda d: _fit(event, d))
        reason = (
            f"the reference dates the same event {found.date.text} ({found.date.value}): "
            f"“{_excerpt(found.sentence)}”"
        )
        return Finding(Verdict.SUPPORTED, reason, _evidence(found, 100.0), CHECK)
    if differing and not is_relative(date) and _happens_once(event):
        found = max(differing, key=lambda d: _fit(event, d))
        reason = (
            f"the claim says {date.text} ({date.value}); the reference dates the same event "
            f"{found.date.text}: “{_excerpt(found.sentence)}”"
        )
        return Finding(Verdict.CONTRADICTED, reason, _evidence(found, 100.0), CHECK)
    return None


def _whole_entry(
    event: ClaimEvent, date: DateRef, dated: list[_Dated], context: str
) -> _Dated | None:
    """A passage about the claim's names whose every date lies within the claim's:
    the first of its dates in a sentence naming one of them, or None."""
    if not event.names or event.negated or not dated:
        return None
    if not all(mentions(context, n) for n in event.names):
        return None
    within = all(
        agrees(date.value, d.date.value) and len(d.date.value) >= len(date.value) for d in dated
    )
    named = [d for d in dated if any(mentions(d.sentence, n) for n in event.names)]
    return named[0] if within and named else None
