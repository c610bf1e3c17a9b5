"""Figures stated in prose, with the time they hold for.

"The Alder Basin Council had 51 founding members in 1945", "From 1946 to 1965 the
Council had eleven members", "Since then the Council has had 15 members",
"Ostmark became the tenth member on 9 June 2006", "Twelve pilots flew
over the basin": each counted figure of a sentence becomes a ``value`` fact of its
noun (``measure``), dated by its clause:

- "from A to B" with a verb of having ("had", "numbered") bounds a state: it held
  from A to B (``start_date``, ``end_date``); with a verb of doing ("flew",
  "won") it totals that period and holds from B on;
- "since A" starts it; "until"/"by"/"as of A" and a plain "in A" date it;
- "since then" starts it at the latest date the passage gave before;
- a figure with no date of its own holds as of the page's date line, or as of the
  end of the years the page says it covers ("The missions, 1968–1972"):
  ``dated_by`` says which, so a check knows how far the date can be trusted.

The name the clause opens with is the figure's ``subject``; its heading is its
``group``. Pure functions, no database.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from verify.claims import (
    find_dates,
    find_names,
    find_ordinals,
    find_quantities,
    is_partitive,
    is_tally_count,
    is_time_unit,
    same_counted,
    split_sentences,
)
from verify.facts.measures import clause_actions
from verify.records import DateRef, Fact, Passage

_SINCE_THEN = re.compile(r"\b(?:since\s+then|ever\s+since|thereafter)\b", re.IGNORECASE)
_AS_OF_BEFORE = re.compile(r"\bas\s+(?:of|at)\s*$", re.IGNORECASE)


def figure_facts(
    passage: Passage, heading: str | None, page_as_of: str | None, dated_by: str
) -> list[Fact]:
    """Every counted figure of a prose passage as a value fact.

    ``page_as_of`` dates the figures that carry no date of their own, as
    ``dated_by`` ("page" or "period") says.
    """
    whole = [Passage(passage.kind, 0, len(passage.text), passage.text)]
    facts: list[Fact] = []
    latest: str | None = None
    for sentence in split_sentences(passage.text, whole):
        for clause in sentence.text.split(";"):
            facts.extend(
                _clause_figures(clause, sentence.text, heading, page_as_of, dated_by, latest)
            )
        dates = [d.value for d in find_dates(sentence.text) if d.value]
        latest = max(dates) if dates else latest
    return facts


def _clause_figures(
    clause: str,
    sentence: str,
    heading: str | None,
    page_as_of: str | None,
    dated_by: str,
    latest: str | None,
) -> list[Fact]:
    refs = [ref for ref in find_dates(clause) if ref.value]
    facts = []
    for quantity in find_quantities(clause):
        if not quantity.counted or is_partitive(quantity) or is_time_unit(quantity.counted):
            continue  # a part of another figure ("three of them"), or a duration
        if is_tally_count(quantity.counted, quantity.text):
            continue  # one vote's result ("53–47"), not a value that holds over time
        doing = bool(clause_actions(clause)) or same_counted(quantity.counted, "times")
        timing = _timing(clause, refs, latest, doing)
        if timing is None and page_as_of:
            timing = (page_as_of, None, None, dated_by)
        if timing is None:
            continue
        date, start, end, how = timing
        facts.append(
            Fact(
                "value",
                sentence,
                date=date,
                start_date=start,
                end_date=end,
                measure=quantity.counted.lower(),
                value=quantity.value,
                group=heading,
                subject=_subject(clause, quantity.start),
                dated_by=how,
            )
        )
    return facts


Timing = tuple[str | None, str | None, str | None, str]


def _timing(clause: str, refs: Sequence[DateRef], latest: str | None, doing: bool) -> Timing | None:
    """(date, start, end, "text") from the clause's own dates, or None without any.

    ``doing``: the figure counts what was done ("invoked seven times", "flew
    eleven missions"), a total that only grows; otherwise it is a state ("had
    eleven members"), which holds until it changes.
    """
    starts = [r.value for r in refs if r.relation in ("since", "from")]
    ends = [r.value for r in refs if r.relation in ("until", "by")]
    ends += [
        r.value
        for r in refs
        if r.relation == ""
        and starts
        or _AS_OF_BEFORE.search(clause[max(0, r.start - 12) : r.start])
    ]
    points = [r.value for r in refs if r.relation in ("in", "on") and r.value not in ends]
    if starts and ends:
        # A state held over the span; a total of the span holds from its end on.
        return (
            (starts[0], starts[0], ends[-1], "text")
            if not doing
            else (ends[-1], None, None, "text")
        )
    if starts or (_SINCE_THEN.search(clause) and latest):
        # Since when a state held; a total "since 1949" is as of the page's date.
        first = starts[0] if starts else latest
        return (first, first, None, "text") if not doing else None
    if ends:
        return ends[-1], None, None, "text"
    if points:
        # What was done on a day is a figure of that day only ("twelve states signed").
        return (
            (points[0], None, None, "text")
            if not doing
            else (points[0], points[0], points[0], "text")
        )
    return None


def _subject(clause: str, position: int) -> str | None:
    """The name the clause opens with, before the figure: "the Council", "Norvania".
    None for an ordinal: "Ostmark became the tenth member" numbers the members of a
    body Ostmark joined, not Ostmark's own."""
    if any(start == position for _, start, _ in find_ordinals(clause)):
        return None
    names = [n for n in find_names(clause) if n.end <= position]
    return names[0].text if names else None
