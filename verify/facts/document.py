"""Dated facts read out of reference passages, so a claim can be checked as of its date.

A 2022 article's "six requests so far" is right even if a 2025 page says nine, so the
checker needs what a reference says *when*: who held an office from when to when
(``term``), what a measure was as of a date (``value``), what happened on which day
(``event``) and the page's own date (``page_date``). They are read from the shapes
reference pages use for them, by column header and cell content, never by topic:

- rows of tables, infoboxes and dated lists (``verify.facts.rows``);
- prose: "X's president since 2019 is Jane Roe"; counts on a dated page ("invoked
  seven times" is a count as of the page's date, or of "up to 24 February 2022")
  (``verify.facts.prose``);
- the dates in both, and the page's own date line (``verify.facts.dates``).

This module walks a document's passages and sends each to its reader. Dates are
never invented: "June 2012" stays "2012-06". Pure functions, no database.

Groups: events (and table values) of one list or table share ``group``, the heading
they sit under, or ``NO_HEADING``. A heading is unique only within its document, so a
series is identified by ``(document_id, group)``; ``event_series`` groups that way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from verify.claims import split_sentences
from verify.facts.dates import page_date_line
from verify.facts.enumerations import enumerated_events
from verify.facts.figures import figure_facts
from verify.facts.office_bodies import complete_offices
from verify.facts.prose import prose_facts
from verify.facts.row_terms import list_term, row_term
from verify.facts.rows import Page, list_event, row_facts
from verify.facts.running_totals import intro_measure, running_total
from verify.records import Extracted, Fact, Passage

Found = tuple[int, Fact]  # (index of the passage the fact was read from, the fact)


# --- entry points ----------------------------------------------------------------------


def document_facts(extracted: Extracted) -> list[Found]:
    """The facts of one extracted document; its metadata date stands in for a page
    date line the extractor dropped as a dateline."""
    passages = extracted.passages
    return extract_facts(passages, nearest_headings(passages), extracted.metadata.published)


def nearest_headings(passages: Sequence[Passage]) -> list[str | None]:
    """For each passage, the text of the nearest heading before it (None if none)."""
    headings: list[str | None] = []
    current = None
    for passage in passages:
        headings.append(current)
        if passage.kind == "heading":
            current = passage.text
    return headings


def extract_facts(
    passages: Sequence[Passage], headings: Sequence[str | None], page_date: str | None = None
) -> list[Found]:
    """Every dated fact in ``passages``, with the index of the passage it came from.

    ``headings[i]`` is the heading passage ``i`` sits under. ``page_date`` is a
    fallback for the page's date when no passage states it ("Last updated: ...").
    """
    line = page_date_line(passages)
    title = next((p.text for p in passages if p.kind == "heading"), None)
    page = Page(title, line[1] if line else page_date)
    found: list[Found] = []
    if line:
        found.append((line[0], Fact("page_date", passages[line[0]].text, date=line[1])))
    period = _period_end(title)
    counted: str | None = None  # the noun a list's running totals count, once named
    for index, passage in enumerate(passages):
        heading = headings[index] if index < len(headings) else None
        facts = _passage_facts(passage, heading, page, period)
        if passage.kind == "list_item":
            for event in [f for f in facts if f.kind == "event"]:
                total, counted = running_total(event, counted)
                facts += [total] if total else []
        else:
            counted = intro_measure(passage.text) if passage.kind == "paragraph" else None
        found.extend((index, fact) for fact in facts)
    return complete_offices(found, passages, headings, title)


def page_date(passages: Sequence[Passage]) -> str | None:
    """The page's own date from a line like "Last updated: 12 July 2023", as ISO."""
    line = page_date_line(passages)
    return line[1] if line else None


def event_series(facts: Iterable[Fact]) -> dict[tuple[int | None, str | None], list[Fact]]:
    """Events by (document, group), each series in date order."""
    series: dict[tuple[int | None, str | None], list[Fact]] = {}
    for fact in facts:
        if fact.kind == "event":
            series.setdefault((fact.document_id, fact.group), []).append(fact)
    return {key: sorted(events, key=lambda f: f.date or "") for key, events in series.items()}


def _passage_facts(
    passage: Passage, heading: str | None, page: Page, period: str | None
) -> list[Fact]:
    if passage.kind == "heading":
        return []
    if passage.kind == "table_row":
        term = row_term(passage.text, heading, page)
        return [term] if term else row_facts(passage.text, heading, page)
    if passage.kind == "list_item":
        event = list_term(passage.text, heading) or list_event(passage.text, heading)
        if event is not None:
            return [event]
    figures = figure_facts(passage, heading, period or page.as_of, "period" if period else "page")
    by_sentence = {s: enumerated_events(s, heading) for s in _sentences(passage)}
    listed = [event for events in by_sentence.values() for event in events]
    # A sentence that lists a name's years is read as that list, not as figures.
    figures = [f for f in figures if not by_sentence.get(f.text)]
    return prose_facts(passage, page.as_of) + figures + listed


def _sentences(passage: Passage) -> list[str]:
    whole = [Passage(passage.kind, 0, len(passage.text), passage.text)]
    return [s.text for s in split_sentences(passage.text, whole)]


# "The crewed missions, 1968–1972": a page about a closed period.
_PERIOD = re.compile(r"\b(?:1[89]|20)\d\d\s*[–—-]\s*(?P<end>(?:1[89]|20)\d\d)\s*$")


def _period_end(title: str | None) -> str | None:
    """The last year a page's title says it covers, for figures it gives undated."""
    match = _PERIOD.search(title or "")
    return match.group("end") if match else None
