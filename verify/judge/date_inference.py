"""When an undated article was written, guessed from the dated events its claims report.

An article reports the latest thing it mentions: when its claims match
reference entries dated up to some month, it was written in or after that
month. ``match_events`` finds the dated events a claim reports by shared
content, never by dates; ``infer_date`` takes the latest match and counts the
matches that agree with it; ``date_from_claims`` does both over an article's
sentences. ``verify.judge.dating`` decides when an inferred date is used.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from verify.claims import fold, plain_stems, shared_stems
from verify.facts import LastBuilt, by_date, days
from verify.records import Fact

# match_events: shared content stems, and the cosine of the two stem sets, before
# a claim is taken to report an event; the cosine keeps long entries that name
# many countries from matching every claim naming two of them.
MIN_EVENT_STEMS = 3
MIN_EVENT_SCORE = 0.25
SAME_MONTH_DAYS = 31
EXCERPT = 70  # characters of a claim or entry quoted in a reason


@dataclass(frozen=True)
class InferredDate:
    value: str  # "YYYY-MM" (or "YYYY" when the latest event has only a year)
    reason: str
    evidence: tuple[tuple[str, Fact], ...]  # (claim text, event it matched), latest first
    agreeing: int  # matched events within a month of the latest


class _EventIndex:
    """The dated events of a run, with their stems, and which events hold a stem
    starting with each four letters: like stems share their first four, so an
    event holding fewer than ``MIN_EVENT_STEMS`` of a claim's prefixes cannot
    match it and is never compared."""

    def __init__(self, events: Sequence[Fact]) -> None:
        self.dated = by_date(e for e in events if e.kind == "event")
        self.stems = [plain_stems(fact.text) for _, fact in self.dated]
        self.by_prefix: dict[str, list[int]] = {}
        for number, stems in enumerate(self.stems):
            for prefix in {s[:4] for s in stems}:
                self.by_prefix.setdefault(prefix, []).append(number)

    def candidates(self, claim: frozenset[str]) -> list[int]:
        tally: Counter[int] = Counter()
        for prefix in {s[:4] for s in claim}:
            tally.update(self.by_prefix.get(prefix, ()))
        return sorted(n for n, count in tally.items() if count >= MIN_EVENT_STEMS)


_index = LastBuilt(_EventIndex)  # the index of a run's events, built once


def match_events(claim_text: str, events: Sequence[Fact]) -> list[tuple[Fact, float]]:
    """Dated events a claim reports, best first, with a 0..1 score.

    Only content counts: dates are blanked out of both texts first, so "annexed
    Crimea in 2014" matches an entry by "annexed" and "Crimea", never by "2014".
    A match needs ``MIN_EVENT_STEMS`` shared stems and a stem-set cosine of at
    least ``MIN_EVENT_SCORE``.
    """
    claim = plain_stems(claim_text)
    index = _index(events)
    found = []
    for number in index.candidates(claim):
        (span, fact), entry = index.dated[number], index.stems[number]
        shared = shared_stems(claim, entry)
        if shared < MIN_EVENT_STEMS:
            continue
        score = shared / math.sqrt(len(claim) * len(entry))
        if score >= MIN_EVENT_SCORE:
            found.append((fact, round(min(score, 1.0), 3), span))
    found.sort(key=lambda item: (-item[1], -item[2][0].toordinal()))
    return [(fact, score) for fact, score, _ in found]


def infer_date(matches: Sequence[tuple[str, Fact]]) -> InferredDate | None:
    """When an undated article was written, from (claim, dated event it reports) pairs.

    Articles report the latest thing they mention, so the latest matched event
    wins, at month precision (a year when it has no month): the article was written
    in or after that month. Earlier matches ("annexed Crimea in 2014") never pull
    the date back. ``agreeing`` counts matches within a month of the latest.
    """
    unique = {(" ".join(fold(claim).split()), fact): claim for claim, fact in matches}
    dated = [(days(fact.date), claim, fact) for (_, fact), claim in unique.items()]
    usable = sorted(
        ((span, claim, fact) for span, claim, fact in dated if span), key=lambda d: d[0]
    )
    if not usable:
        return None
    latest = usable[-1]
    value = (latest[2].date or "")[:7]
    agreeing = [u for u in usable if (latest[0][0] - u[0][0]).days <= SAME_MONTH_DAYS]
    evidence = tuple((claim, fact) for _, claim, fact in reversed(usable))
    return InferredDate(
        value, _inferred_reason(value, evidence, len(agreeing)), evidence, len(agreeing)
    )


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT else text[: EXCERPT - 1].rstrip() + "…"


def _inferred_reason(value: str, evidence: Sequence[tuple[str, Fact]], agreeing: int) -> str:
    plural = "sentence" if len(evidence) == 1 else "sentences"
    pairs = "; ".join(
        f"'{_excerpt(claim)}' ~ {fact.date} '{_excerpt(fact.text)}'" for claim, fact in evidence[:3]
    )
    more = f"; and {len(evidence) - 3} more" if len(evidence) > 3 else ""
    return (
        f"inferred {value} from {len(evidence)} {plural} matching dated events "
        f"({agreeing} within a month of the latest): {pairs}{more}"
    )


def date_from_claims(claims: Sequence[str], events: Sequence[Fact]) -> InferredDate | None:
    """``infer_date`` over each claim's best-matching event (the latest among equals)."""
    pairs = []
    for claim in claims:
        matched = match_events(claim, events)
        if matched:
            best = [fact for fact, score in matched if score == matched[0][1]]
            pairs.append((claim, max(best, key=lambda f: days(f.date) or (date.min, date.min))))
    return infer_date(pairs)
