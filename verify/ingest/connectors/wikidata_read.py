"""A Wikidata item read into passages and the dated facts pages give.

Each statement worth checking a claim against becomes a passage: a sentence in
plain words ("Jane Roe held the position Chair of the Tarn Rowing League from 1 May
2001 to 30 April 2009"), then the statement itself, so the evidence shows exactly
what Wikidata says: the item id, the property, the value and the qualifiers
("Wikidata Q1001, position held (P39): Chair of the Tarn Rowing League (Q2001);
start time (P580): 2001-05-01; end time (P582): 2009-04-30").

The facts are the kinds page readers give (``verify.facts``):

- ``term``: position held (P39) on a person, officeholder (P1308) on an office,
  with start time (P580), end time (P582) and series ordinal (P1545); the office is
  its label ("of" (P642) added when the position names its body only there), and
  every alias that names the office with other role words is filed as well, so a
  claim's "Lithuanian head of state" finds the terms of "President of Lithuania";
- ``event``: inception (P571), dissolved (P576), and joining and leaving a body the
  item is a member of (P463, start and end time);
- ``value``: a quantity with a point in time (P585) or start and end times.

Deprecated statements were left out when the item was read: they are not facts.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from verify.ingest.connectors.connector import Found, Reading
from verify.ingest.connectors.wikidata_model import (
    Item,
    Labels,
    Statement,
    Value,
    amount_words,
    date_words,
    entity_of,
    item_of,
    labels_of,
)
from verify.records import Extracted, Fact, Fetched, Metadata, Passage

POSITION_HELD, OFFICEHOLDER, MEMBER_OF = "P39", "P1308", "P463"
INCEPTION, DISSOLVED = "P571", "P576"
START, END, POINT_IN_TIME, ORDINAL, OF = "P580", "P582", "P585", "P1545", "P642"
TIME_QUALIFIERS = (START, END, POINT_IN_TIME)
EVENT_WORDS = {INCEPTION: "was founded", DISSOLVED: "was dissolved"}


def wanted(statement: Statement) -> bool:
    """Statements read into passages: the ones above, and any dated one."""
    if statement.value is None:
        return False
    if statement.property in (POSITION_HELD, OFFICEHOLDER, MEMBER_OF, INCEPTION, DISSOLVED):
        return True
    return statement.value.kind in ("time", "quantity") or any(
        q in statement.qualifiers for q in TIME_QUALIFIERS
    )


def read_item(fetched: Fetched) -> Reading:
    """Passages and facts of the item a ``wikidata:`` reference fetched."""
    item = item_of(entity_of(json.loads(fetched.body), fetched.source.partition(":")[2].upper()))
    labels = labels_of(fetched)
    builder = _Builder(item, labels)
    builder.add("heading", item.label)
    builder.add("paragraph", _summary(item))
    for prop, statements in _by_property(item):
        builder.add("heading", f"{labels.of(prop)} ({prop})")
        for statement in statements:
            builder.statement(statement)
    published = item.modified[:10] if item.modified else None
    metadata = Metadata(
        title=item.label, publisher="Wikidata", published=published, published_at=item.modified
    )
    text = "\n\n".join(p.text for p in builder.passages)
    return Reading(Extracted(text, tuple(builder.passages), metadata), tuple(builder.facts))


def _summary(item: Item) -> str:
    text = f"{item.label} ({item.id}) on Wikidata"
    text += f": {item.description}." if item.description else "."
    if item.aliases:
        text += f" Also known as {', '.join(item.aliases)}."
    return text


def _by_property(item: Item) -> list[tuple[str, list[Statement]]]:
    grouped: dict[str, list[Statement]] = {}
    for statement in item.statements:
        if wanted(statement):
            grouped.setdefault(statement.property, []).append(statement)
    return list(grouped.items())


@dataclass
class _Builder:
    item: Item
    labels: Labels

    def __post_init__(self) -> None:
        self.passages: list[Passage] = []
        self.facts: list[Found] = []
        self.heading: str | None = None

    def add(self, kind: str, text: str) -> int:
        start = self.passages[-1].end + 2 if self.passages else 0
        self.passages.append(Passage(kind, start, start + len(text), text))
        if kind == "heading":
            self.heading = text
        return len(self.passages) - 1

    def statement(self, statement: Statement) -> None:
        text = f"{self.sentence(statement)} (Wikidata {self.item.id}, {self.detail(statement)})."
        index = self.add("list_item", text)
        self.facts.extend((index, fact) for fact in self.facts_of(statement, text))

    # --- words --------------------------------------------------------------------

    def name(self, value: Value | None) -> str:
        if value is None:
            return "unknown"
        if value.kind == "item" and value.id:
            return self.labels.of(value.id)
        if value.kind == "time" and value.date:
            return date_words(value.date)
        if value.kind == "quantity" and value.amount is not None:
            unit = f" {self.labels.of(value.unit)}" if value.unit else ""
            return f"{amount_words(value.amount)}{unit}"
        return value.text or ""

    def shown(self, value: Value) -> str:
        """A value as the statement gives it: an item with its id, a date in ISO."""
        if value.kind == "item" and value.id:
            return f"{self.labels.of(value.id)} ({value.id})"
        if value.kind == "time" and value.date:
            return value.date
        return self.name(value)

    def detail(self, statement: Statement) -> str:
        prop = statement.property
        parts = [f"{self.labels.of(prop)} ({prop}): {self.shown(statement.value)}"]  # type: ignore[arg-type]
        for qualifier, values in statement.qualifiers.items():
            shown = ", ".join(self.shown(v) for v in values)
            parts.append(f"{self.labels.of(qualifier)} ({qualifier}): {shown}")
        return "; ".join(parts)

    def sentence(self, statement: Statement) -> str:
        prop, subject, value = statement.property, self.item.label, self.name(statement.value)
        span = _span(statement)
        if prop == POSITION_HELD:
            return f"{subject} held the position {self.office(statement)}{span}"
        if prop == OFFICEHOLDER:
            return f"{value} held the position {subject}{span}"
        if prop == MEMBER_OF:
            return f"{subject} was a member of {value}{span}"
        if prop in EVENT_WORDS and statement.value and statement.value.date:
            return f"{subject} {EVENT_WORDS[prop]} {_on(statement.value.date)}"
        if statement.value and statement.value.kind == "quantity":
            when = statement.date(POINT_IN_TIME)
            at = f" as of {date_words(when)}" if when else span
            return f"{subject} had a {self.labels.of(prop)} of {value}{at}"
        return f"{subject}: {self.labels.of(prop)} {value}{span}"

    def office(self, statement: Statement) -> str:
        """The position's label, with the body its "of" qualifier names."""
        office = self.name(statement.value)
        body = statement.first(OF)
        return f"{office} of {self.name(body)}" if body is not None else office

    # --- facts --------------------------------------------------------------------

    def facts_of(self, statement: Statement, text: str) -> list[Fact]:
        prop, value = statement.property, statement.value
        if prop in (POSITION_HELD, OFFICEHOLDER) and value is not None:
            return self.terms(statement, text)
        if prop == MEMBER_OF:
            return self.memberships(statement, text)
        if prop in EVENT_WORDS and value is not None and value.date:
            return [self.fact("event", text, date=value.date)]
        if value is not None and value.kind == "quantity":
            return self.quantities(statement, text)
        return []

    def fact(self, kind: str, text: str, **values: object) -> Fact:
        return Fact(kind, text, group=self.heading, subject=self.item.label, **values)  # type: ignore[arg-type]

    def terms(self, statement: Statement, text: str) -> list[Fact]:
        start, end = statement.date(START), statement.date(END)
        if start is None and end is None:
            return []  # no dates: nothing to check a claim's date against
        if statement.property == POSITION_HELD:
            holder, office = self.item.label, self.office(statement)
            aliases = self.labels.aliases.get(statement.value.id or "", ())  # type: ignore[union-attr]
        else:
            holder, office = self.name(statement.value), self.item.label
            aliases = self.item.aliases
        ordinal = statement.first(ORDINAL)
        number = int(ordinal.text) if ordinal and (ordinal.text or "").isdigit() else None
        return [
            Fact(
                "term",
                text,
                start_date=start,
                end_date=end,
                holder=holder,
                office=name,
                ordinal=number,
            )
            for name in (office, *_other_offices(office, aliases))
        ]

    def memberships(self, statement: Statement, text: str) -> list[Fact]:
        found = []
        for qualifier in (START, END):  # joining and leaving
            date = statement.date(qualifier)
            if date is not None:
                found.append(self.fact("event", text, date=date))
        return found

    def quantities(self, statement: Statement, text: str) -> list[Fact]:
        value = statement.value
        assert value is not None and value.amount is not None
        point, start, end = (statement.date(q) for q in (POINT_IN_TIME, START, END))
        if not (point or start):
            return []
        measure = _measure(self.labels.of(statement.property))
        return [
            self.fact(
                "value",
                text,
                date=point or start,
                start_date=start,
                end_date=end,
                measure=measure,
                value=value.amount,
                dated_by="text",
            )
        ]


def _span(statement: Statement) -> str:
    start, end = statement.date(START), statement.date(END)
    if start and end:
        return f" from {date_words(start)} to {date_words(end)}"
    if start:
        return f" from {date_words(start)}"
    return f" until {date_words(end)}" if end else ""


def _on(date: str) -> str:
    return f"{'on' if len(date) == len('YYYY-MM-DD') else 'in'} {date_words(date)}"


def _other_offices(office: str, aliases: Sequence[str]) -> list[str]:
    """The aliases that name the office in other role words and name its body: each
    is filed as an office of its own, with the same terms. An alias with the same
    words ("Lithuanian President") or with no body ("President") adds nothing, or
    would make every president this one."""
    # Imported here: the facts layer (and the claim patterns it compiles) loads when
    # an item is read, not whenever connectors are listed (issue 14).
    from verify.facts import office_key_from_title

    key = office_key_from_title(office)
    found: dict[object, str] = {}
    for alias in aliases:
        other = office_key_from_title(alias)
        if other.organisation and other.role and other.role != key.role:
            found.setdefault((other.role, other.organisation), alias)
    return list(found.values())


def _measure(label: str) -> str:
    """A quantity property's label as the noun it counts: "number of employees" ->
    "employees", "member count" -> "members"; others ("population") as they are."""
    if label.startswith("number of "):
        return label.removeprefix("number of ")
    if label.endswith(" count"):
        return label.removesuffix(" count") + "s"
    return label
