"""Which reference figures held at a date.

A figure is a ``value`` fact with the measure it counts (``verify.facts.measures``),
what it is about (its sentence, heading and page title) and when it held:

- from its date (or ``start_date``) until the next figure of its measure, or to
  its ``end_date`` when the text bounds it ("from 1946 to 1965 ... eleven
  members");
- a figure dated only by its page's date line (``dated_by == "page"``) says what
  held on that day, nothing of before.

``in_force`` picks the figures that held at a date: the latest to have begun and
not ended, and on the day of a change the one before it too (an article of that
day may have been written either side of it). When none held, a value known
before the date and again after it, with no other between, held in between.
``value_text`` says it the way a reviewer checks it: "30 members as of
2022-02-24 (since 2020-03-27); 31 since 2023-04-04; 32 since 2024-03-07 (the
latest)". Pure functions, no database.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from verify.claims import CLASS_NOUNS, fold
from verify.facts.measures import (
    GENERIC_PEOPLE,
    Measure,
    actions,
    fact_clause,
    kind_words,
    measure_of,
    noun_stems,
    same_measure,
    text_stems,
)
from verify.facts.periods import Days, days
from verify.records import Fact

# Measures whose figures ``FigureIndex.measured`` keeps (each a list of figures).
KEPT_MEASURES = 256


@dataclass(frozen=True)
class Figure:
    fact: Fact
    measure: Measure
    context: str  # its sentence, heading and page title: what it is about
    start: str
    end: str | None
    page_dated: bool  # dated only by its page's date line

    @property
    def value(self) -> float:
        return self.fact.value or 0.0

    @cached_property
    def folded_context(self) -> str:
        """``context`` folded as names are compared (read for every claim of a run)."""
        return fold(self.context)


def figures_of(facts: Sequence[Fact], titles: Mapping[int, str]) -> list[Figure]:
    """Every dated value fact as a figure; ``titles`` are the pages' titles."""
    return [f for fact in facts if (f := figure_of(fact, titles)) is not None]


def figure_of(fact: Fact, titles: Mapping[int, str]) -> Figure | None:
    if fact.kind != "value" or fact.value is None or not fact.measure:
        return None
    start = fact.start_date or fact.date
    if not start or days(start) is None:
        return None
    clause = fact_clause(fact.text, fact.value, fact.measure)
    title = titles.get(fact.document_id, "") if fact.document_id is not None else ""
    context = " ".join([fact.text, fact.group or "", title])
    measure = measure_of(fact.measure, clause)
    return Figure(fact, measure, context, start, fact.end_date, fact.dated_by == "page")


class FigureIndex:
    """A run's figures by the nouns they count, read into figures only when a
    claim asks for their noun: tens of thousands of table cells are not parsed
    for a claim about members."""

    def __init__(self, facts: Sequence[Fact], titles: Mapping[int, str]) -> None:
        self.titles = titles
        # The figures of the latest measures asked about, already passed through
        # ``same_measure``: the claims of a run ask about a few measures many times,
        # and a generic noun ("people") has every figure of the run as candidates.
        self._measured: OrderedDict[tuple[Measure, bool], list[Figure]] = OrderedDict()
        self.facts = [f for f in facts if f.kind == "value" and f.measure and f.value is not None]
        self.nouns = [noun_stems(fact.measure or "") for fact in self.facts]
        self.by_noun: dict[str, list[int]] = {}
        for number, noun in enumerate(self.nouns):
            for key in _noun_keys(noun):
                self.by_noun.setdefault(key, []).append(number)
        self._built: dict[int, Figure | None] = {}
        self._by_stem: dict[str, list[int]] | None = None
        self._by_action: dict[str, list[int]] = {}

    def _figure(self, number: int) -> Figure | None:
        if number not in self._built:
            self._built[number] = figure_of(self.facts[number], self.titles)
        return self._built[number]

    def candidates(self, measure: Measure) -> list[Figure]:
        """The figures that may count what ``measure`` counts (``same_measure`` decides):
        those with its noun, whose every modifier the claim's noun phrase names."""
        if not measure.noun:
            return []
        if measure.head in GENERIC_PEOPLE:
            numbers: Sequence[int] = self._generic(measure)
        else:
            keys = _noun_keys(measure.noun)
            found = {n for key in keys for n in self.by_noun.get(key, [])}
            wanted = kind_words(measure.noun) - {measure.noun[-1]}
            numbers = sorted(n for n in found if wanted <= set(self.nouns[n]))
        return [f for n in numbers if (f := self._figure(n)) is not None]

    def _generic(self, measure: Measure) -> list[int]:
        """For a generic noun for people ("12 people"), the figures ``same_measure``
        can accept: those of the same noun, and those whose clause holds the claim's
        action, or, for a claim with none, whose own action the claim's words hold.
        Reading every figure's clause took seconds a run at a few thousand pages
        (issue 14); the words of a fact's whole text hold those of any clause of it."""
        if self._by_stem is None:
            self._by_stem, self._by_action = {}, {}
            for number, fact in enumerate(self.facts):
                for one in text_stems(fact.text):
                    self._by_stem.setdefault(one, []).append(number)
                for one in actions(fact.text):
                    self._by_action.setdefault(one, []).append(number)
        found = {n for key in _noun_keys(measure.noun) for n in self.by_noun.get(key, [])}
        if measure.actions:
            for one in measure.actions:
                found.update(self._by_stem.get(one, []))
        else:
            for one in measure.stems:
                found.update(self._by_action.get(one, []))
        return sorted(found)

    def measured(self, wanted: Measure, initial: bool = False) -> list[Figure]:
        """The candidates that count what ``wanted`` counts (``same_measure``), each
        distinct measure of a figure compared once."""
        key = (wanted, initial)
        if key in self._measured:
            self._measured.move_to_end(key)
            return self._measured[key]
        agree: dict[Measure, bool] = {}
        found = []
        for figure in self.candidates(wanted):
            if figure.measure not in agree:
                agree[figure.measure] = same_measure(wanted, figure.measure, initial=initial)
            if agree[figure.measure]:
                found.append(figure)
        self._measured[key] = found
        if len(self._measured) > KEPT_MEASURES:
            self._measured.popitem(last=False)
        return found


def _noun_keys(noun: tuple[str, ...]) -> set[str]:
    """A noun's head, and the member word before a class noun ("member states")."""
    keys = set(noun[-1:])
    if len(noun) >= 2 and noun[-1] in CLASS_NOUNS:
        keys.add(noun[-2])
    return keys


def _span(figure: Figure) -> Days:
    found = days(figure.start)
    assert found is not None  # figures_of keeps only readable starts
    return found


def _begun(figure: Figure, at: Days) -> bool:
    return _span(figure)[0] < at[1]


def _lasts(figure: Figure, at: Days) -> bool:
    if figure.end is None:
        return True
    end = days(figure.end)
    return end is not None and end[1] > at[0]


def in_force(figures: Sequence[Figure], at: str) -> list[Figure]:
    """The figures that held at ``at``, earliest first (see the module's rules)."""
    when = days(at)
    if when is None:
        return []
    begun = sorted((f for f in figures if _begun(f, when)), key=_span)
    current = [f for f in begun if _lasts(f, when)]
    if current:
        latest = _span(current[-1])
        held = [f for f in current if _span(f) == latest]
        if when[0] <= latest[0]:  # it changed during ``at`` itself: either may be meant
            held = [f for f in current if f.value != held[0].value][-1:] + held
        return held
    after = sorted((f for f in figures if not _begun(f, when)), key=_span)
    if begun and after and begun[-1].value == after[0].value:
        return [begun[-1], after[0]]
    return []


def first(figures: Sequence[Figure]) -> list[Figure]:
    """The earliest figures of a series, for a claim about its first value; a
    figure known only from its page's date line is no first value."""
    dated = sorted((f for f in figures if not f.page_dated), key=_span)
    return [f for f in dated if _span(f) == _span(dated[0])] if dated else []


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:g}"


def _run_start(ordered: list[Figure], figure: Figure) -> str:
    """The date from which ``figure``'s value held without a change: restatements
    of the same value later on do not move it."""
    index = ordered.index(figure)
    while index > 0 and ordered[index - 1].value == figure.value:
        index -= 1
    return ordered[index].start


def value_text(figures: Sequence[Figure], figure: Figure, at: str | None) -> str:
    """ "30 members as of 2022-02-24 (since 2020-03-27); 31 since 2023-04-04; 32
    since 2024-03-07 (the latest)": the value then, the next change, and the latest
    value when it is another."""
    ordered = sorted(figures, key=_span)
    when = f"as of {at}" if at else "at the start"
    text = (
        f"{_number(figure.value)} {figure.fact.measure} {when} (since {_run_start(ordered, figure)}"
    )
    text += f" until {figure.end})" if figure.end else ")"
    later = ordered[ordered.index(figure) + 1 :]
    following = next((f for f in later if f.value != figure.value), None)
    if following is None:
        return text
    text += f"; {_number(following.value)} since {following.start}"
    latest = later[-1]
    if latest.value != following.value:
        text += f"; {_number(latest.value)} since {_run_start(ordered, latest)} (the latest)"
    return text
