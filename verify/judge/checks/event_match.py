"""Which dated statements of the references report the same event as a sentence.

The reading both the date check (``verify.judge.checks.events``) and the dating of
an undated article (``verify.judge.date_inference``) rest on. A reference's date is
of the same event when the words attached to it report the same kind of happening
("landed"/"landing", "joined"/"admitted": ``event_stems``), both or neither are
negated, the sentence's names are mentioned where the reference says it (its
passage, the heading above it, the page's title), and the date is anchored to
them:

- in its own item: the name nearest before the date in its clause or enumeration
  item is one of the sentence's ("Norvania in 1930, Calderon in 1934": 1934 is Calderon's);
- or as the only such dated clause of an entry that names them all ("Vesper 2
  (...): the lunar module landed ... on 20 July 1969. Ilka Saarinen and Buzz
  Brel walked on Halcyon" dates Saarinen's landing).

A sentence that names nothing must share most of its clause with the reference's.
A page's "Last updated" line is never an event.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from verify.claims import clause_bounds, event_stems, find_dates, find_names, is_negated
from verify.claims import mentions_name as mentions
from verify.facts import is_page_date_line, row_cells, whole_date
from verify.records import DateRef, Evidence, ReferencePassage, StoredClaim
from verify.search import ReferenceSet

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
# A dash between words or figures ("1–0", "1968–1972") joins; a spaced or em dash breaks.
_SEGMENT = re.compile(r"(?:[^;:()\[\]—–]|(?<=\S)–(?=\S))+")
# Within a segment, commas separate the items of an enumeration ("Norvania in 1930,
# Calderon in 1934"): a date belongs to its own item.
# A passage with neither a year nor a month name dates nothing.
_DATED = re.compile(
    r"\b(?:1[89]|20)\d\d\b|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b"
)
_COMMA_ITEM = re.compile(r"(?:[^,;:()\[\]—–]|(?<=\S)–(?=\S))+")
_ITEM_BREAK = re.compile(r"[,;:()\[\]—]|\s–|–\s|\band\b")
_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+(?=\s|$)|$)")
# A claim naming nothing must share this much with the reference's clause.
MIN_NAMELESS_SHARED = 3
MAX_PASSAGES = 20


@dataclass(frozen=True)
class ClaimEvent:
    """What a claim says happened at one of its dates: its names and event words."""

    names: tuple[str, ...]
    words: frozenset[str]
    negated: bool
    unique: bool  # the claim marks it as happening once ("the first", "only")
    governed: bool = False  # the date of a name a relation word governs: negation is moot


@dataclass(frozen=True)
class DatedClause:
    """A date a reference sentence gives, with the event words attached to it."""

    date: DateRef
    words: frozenset[str]
    negated: bool
    anchors: tuple[str, ...]  # the names the date belongs to in its sentence
    sentence: str
    sentence_start: int  # local offset in the passage
    passage: ReferencePassage


# "since Ostmark in 2007": the date is when the governed event happened.
_GOVERNED = re.compile(r"\w+\s+.*\b(?:in|on)\s+\S", re.IGNORECASE)


def kind(date: DateRef) -> str:
    """A point, or the start or end of a span. A relation word that governs an
    event dated inside it ("since Ostmark in 2007", "since the alliance formed
    in 1949") dates that event: a point."""
    if date.relation in RELATION_KINDS and _GOVERNED.match(date.text):
        return "point"
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


def _item(text: str, start: int, end: int) -> tuple[int, int]:
    """The enumeration item of ``text`` holding ``[start, end)``: between commas,
    or "and" ("Ostmark in 1978 and Lissa in 1998")."""
    breaks = [m.end() for m in _ITEM_BREAK.finditer(text, 0, start)]
    after = _ITEM_BREAK.search(text, end)
    return (breaks[-1] if breaks else 0), (after.start() if after else len(text))


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
    governed = _governed_name(text, start, end)
    if governed:
        # "no one has travelled since Vesper 5 in 1972": the date is Vesper 5's,
        # whatever the main clause says or denies.
        return ClaimEvent((governed,), words, False, unique, governed=True)
    return ClaimEvent(tuple(dict.fromkeys(names)), words, is_negated(clause), unique)


_GOVERNOR = re.compile(r"\b(?:since|after|before|until|following)\s+(?:the\s+)?$", re.IGNORECASE)


def _governed_name(text: str, start: int, end: int) -> str | None:
    """The name a relation word governs at a date: "since Ostmark in 2007",
    "since Vesper 5 in 1972" (the name inside or right before the date's words)."""
    for name in find_names(text[:end]):
        inside = start <= name.start and name.end <= end
        before = name.end <= start and not text[name.end : start].strip(" ,")
        if (inside or before) and _GOVERNOR.search(text[: name.start]):
            return name.text
    return None


def sentence_event(text: str) -> ClaimEvent:
    """What a whole sentence reports: all its names (but the other ends of its
    relations) and event words; for dating an article by what it reports."""
    names = [n.text for n in find_names(text, skip_relational=True)]
    words = _event_words(text, (0, len(text)), names)
    unique = bool(UNIQUE_WORDS & set(re.findall(r"\w+", text.lower())))
    return ClaimEvent(tuple(dict.fromkeys(names)), words, is_negated(text), unique)


def _anchors(text: str, date: DateRef) -> tuple[str, ...]:
    """The names a date of ``text`` belongs to: those before it in its item ("at
    Wren Stadium in Qatar on 18 December 2022"), else the first after it there,
    else the nearest before it in the sentence ("Norvania (1930 and 1950)")."""
    item = _item(text, date.start, date.end)
    names = [n for n in find_names(text) if n.end <= date.start or n.start >= date.end]
    inside = [n for n in names if item[0] <= n.start and n.end <= item[1]]
    before = [n.text for n in inside if n.end <= date.start]
    if before:
        return tuple(before)
    if inside:
        return (inside[0].text,)
    earlier = [n.text for n in names if n.end <= date.start]
    if earlier:
        return tuple(earlier[-1:])
    # "12 November 2021 – The Council condemned ...": the date opens its entry.
    return tuple(n.text for n in names if n.start >= date.end)


def _row_dates(text: str) -> list[DateRef]:
    """The date a table row is keyed by ("Year: 1934; Host: Calderon; ..."): a cell under
    a date header holding a whole date, which prose readers leave bare."""
    found = []
    for header, value in row_cells(text):
        date = whole_date(value) if header.lower() in ("year", "date", "day") else None
        at = text.find(f"{header}: {value}")
        if date and at >= 0:
            start = at + len(header) + 2
            found.append(DateRef(date, "", value, start, start + len(value)))
    return found


@lru_cache(maxsize=2048)  # a run's claims meet the same reference passages again and again
def dated_clauses(passage: ReferencePassage) -> list[DatedClause]:
    if not _DATED.search(passage.text):
        return []
    found = []
    for sentence in _SENTENCE.finditer(passage.text):
        text = sentence.group()
        if not _DATED.search(text):
            continue
        names = [n.text for n in find_names(text)]
        dates = list(find_dates(text))
        dates += [d for d in _row_dates(text) if not any(o.start <= d.start < o.end for o in dates)]
        for date in dates:
            if not date.value:
                continue
            # Words from the comma item ("came into force on 31 August 1965 and
            # raised the number ..."); anchors from the "and" item (see _anchors).
            item = _span(text, date.start, date.end, _COMMA_ITEM)
            segment = _span(text, date.start, date.end, _SEGMENT)
            # An item with no words of its own ("Norvania in 1930") takes its
            # clause's, then its sentence's ("Six hosts have won the tournament:").
            words = _event_words(text, item, names) or _event_words(text, segment, names)
            words = words or _event_words(text, (0, len(text)), names)
            negated = is_negated(text[item[0] : item[1]])
            anchors = _anchors(text, date)
            found.append(
                DatedClause(date, words, negated, anchors, text, sentence.start(), passage)
            )
    return found


def passage_context(
    passage: ReferencePassage, refs: ReferenceSet, titles: dict[int, str]
) -> Callable[[], str]:
    """The passage with the heading above it and its page's title, read once and only
    when asked: finding a passage's heading reads its whole document."""

    @cache
    def context() -> str:
        heading = refs.heading(passage) or ""
        return " ".join([passage.text, heading, titles.get(passage.document_id, "")])

    return context


def same_event(
    event: ClaimEvent,
    dated: DatedClause,
    entry: list[DatedClause],
    context: Callable[[], str],
    strict: bool,
) -> bool:
    """Whether ``dated`` dates the claim's event; ``strict`` (to contradict) asks for
    every name of the claim's clause, otherwise half of them will do. ``context``
    gives the passage with its heading and title, read only when the words fit."""
    if event.negated != dated.negated and not event.governed:
        return False
    # "First" or "only" says which of a kind, not what happened: sharing it alone
    # ("first introduced" and "the first election") is no same event.
    shared = (event.words & dated.words) - UNIQUE_WORDS
    if not event.names:
        # Nothing named: the clause must be the same one nearly word for word.
        return len(shared) >= max(MIN_NAMELESS_SHARED, len(event.words) / 2)
    if not shared:
        return False
    named = sum(mentions(context(), name) for name in event.names)
    if named < (len(event.names) if strict else (len(event.names) + 1) // 2):
        return False
    if anchored(dated, event):
        return True
    # The entry's only dated clause of this kind of event, in an entry naming them all.
    alike = [d for d in entry if d.negated == event.negated and event.words & d.words]
    return alike == [dated]


def anchored(dated: DatedClause, event: ClaimEvent) -> bool:
    """Whether the date belongs to the event's names: one of the names it belongs
    to is the event's, and its sentence names two of the event's names (all when
    it has fewer): "Lissa beat Tessaly ... on 15 July 2018" is not the date of
    "Ostmark ... beating Lissa at Wren Stadium"."""
    if not any(mentions(anchor, name) for anchor in dated.anchors for name in event.names):
        return False
    shared = sum(mentions(dated.sentence, name) for name in event.names)
    return shared >= min(2, len(event.names))


def candidate_passages(
    event: ClaimEvent, pool: Sequence[Evidence], refs: ReferenceSet
) -> list[ReferencePassage]:
    passages = {e.passage.id: e.passage for e in pool}
    if event.names:
        # The claim search: on a large index it reads the rarest names' passages
        # instead of ranking every passage holding a common one.
        for passage in refs.claim_search(" ".join(event.names), limit=MAX_PASSAGES):
            passages.setdefault(passage.id, passage)
    # A passage naming none of the event's names cannot anchor a date to them.
    return [
        p
        for p in passages.values()
        if not is_page_date_line(p.text)
        and (not event.names or any(mentions(p.text, name) for name in event.names))
    ]
