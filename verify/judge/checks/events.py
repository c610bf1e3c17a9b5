"""Dates of events: a claim's date against the date a reference gives the same event.

A date is only compared with a date of the same event. A reference's date is of
the same event when the words attached to it report the same kind of happening as
the claim's clause ("landed"/"landing", "joined"/"admitted": ``event_stems``), both
or neither are negated, every name the claim uses is mentioned where the reference
says it (its passage, the heading above it, the page's title), and the date is
anchored to the claim's names:

- in its own item: the name nearest before the date in its clause or enumeration
  item is one of the claim's ("Norvania in 1930, Calderon in 1934": 1934 is Calderon's);
- or as the only such dated clause of an entry that names them all ("Vesper 2
  (...): the lunar module landed ... on 20 July 1969. Ilka Saarinen and Buzz
  Brel walked on Halcyon" dates Saarinen's landing).

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

from collections.abc import Callable, Sequence

from verify.claims import EVENT_KINDS
from verify.claims import mentions_name as mentions
from verify.judge.checks.event_match import (
    ONE_OFF,
    ClaimEvent,
    DatedClause,
    agrees,
    anchored,
    candidate_passages,
    dated_clauses,
    kind,
    passage_context,
    same_event,
)
from verify.judge.details import is_relative
from verify.records import DateRef, Evidence, Finding, Verdict
from verify.search import ReferenceSet

CHECK = "date"


def _fit(event: ClaimEvent, dated: DatedClause) -> int:
    """How closely a reference's dated clause fits the claim's event."""
    return len(event.words & dated.words) + int(anchored(dated, event))


def _happens_once(event: ClaimEvent) -> bool:
    return event.unique or not event.names or bool(ONE_OFF & event.words)


def _evidence(dated: DatedClause, score: float) -> Evidence:
    passage = dated.passage
    start = passage.start + dated.sentence_start
    return Evidence(passage, score, start, start + len(dated.sentence.rstrip()))


def _excerpt(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


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
    agreeing: list[DatedClause] = []
    differing: list[DatedClause] = []
    denied: list[DatedClause] = []
    for passage in candidate_passages(event, pool, refs):
        context = passage_context(passage, refs, titles)
        entry = dated_clauses(passage)
        for found in entry:
            if kind(found.date) != kind(date):
                continue
            if _denies(event, found, entry, context) and agrees(date.value, found.date.value):
                denied.append(found)
            elif agrees(date.value, found.date.value):
                if same_event(event, found, entry, context, strict=False):
                    agreeing.append(found)
            elif same_event(event, found, entry, context, strict=True):
                differing.append(found)
        whole = None if agreeing or denied else _whole_entry(event, date, entry, context)
        agreeing += [whole] if whole else []
    if denied:
        found = max(denied, key=lambda d: _fit(event, d))
        reason = f"the reference says it did not happen then: “{_excerpt(found.sentence)}”"
        return Finding(Verdict.CONTRADICTED, reason, _evidence(found, 100.0), CHECK)
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


def _denies(event: ClaimEvent, found: DatedClause, entry: list[DatedClause], context: str) -> bool:
    """Whether a reference clause about the same event says it did not happen
    ("the landing was abandoned") where the claim says it did."""
    if event.negated or event.governed or not found.negated:
        return False
    flipped = ClaimEvent(event.names, event.words, True, event.unique)
    return same_event(flipped, found, entry, context, strict=True)


# Events of a person's standing, not of what they do: an entry reporting one dates
# nothing else the person did that year.
_OFFICE_KINDS = frozenset({"elect", "appoint", "resign"}) & EVENT_KINDS


def _whole_entry(
    event: ClaimEvent, date: DateRef, dated: list[DatedClause], context: Callable[[], str]
) -> DatedClause | None:
    """A passage about the claim's names whose every date lies within the claim's:
    the first of its dates in a sentence naming one of them, or None."""
    if not event.names or event.negated or not dated:
        return None
    within = all(
        agrees(date.value, d.date.value) and len(d.date.value) >= len(date.value) for d in dated
    )
    named = [d for d in dated if any(mentions(d.sentence, n) for n in event.names)]
    if not within or not named or not all(mentions(context(), n) for n in event.names):
        return None
    kinds = named[0].words & _OFFICE_KINDS
    if kinds and not kinds & event.words:
        return None  # "2004 – X re-elected" is no date of what else X did in 2004
    return named[0]
