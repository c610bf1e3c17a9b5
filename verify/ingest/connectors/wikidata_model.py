"""Wikidata's JSON, read into small records: an item's statements and the labels they need.

The shapes are Wikibase's own (https://doc.wikimedia.org/Wikibase/master/php/
docs_topics_json.html): an entity has ``labels``, ``aliases`` and ``claims`` (property
id -> statements); a statement has a ``mainsnak``, ``qualifiers`` and a ``rank``; a
snak's ``datavalue`` is an item, a time (with its precision), a quantity or text.
Pure functions, no network.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from verify.errors import FetchError
from verify.records import Fetched

LANGUAGE = "en"
# Wikidata's time precisions: 9 a year, 10 a month, 11 a day (coarser ones, a
# decade or a century, date nothing a claim could be checked against).
YEAR, MONTH, DAY = 9, 10, 11
_TIME = re.compile(r"^\+(?P<year>\d{1,4})-(?P<month>\d\d)-(?P<day>\d\d)T")
_ENTITY_URI = re.compile(r"/entity/(?P<id>[QP]\d+)$")
_MONTHS = (
    "January February March April May June July August September October November December"
).split()


@dataclass(frozen=True)
class Value:
    """A snak's value: an item, a date, an amount, or text."""

    kind: str  # "item", "time", "quantity", "text"
    id: str | None = None  # an item's id
    date: str | None = None  # "YYYY", "YYYY-MM" or "YYYY-MM-DD", as precise as given
    amount: float | None = None
    unit: str | None = None  # the unit's item id; None for a plain number
    text: str | None = None


@dataclass(frozen=True)
class Statement:
    property: str  # "P39"
    value: Value | None  # None: "no value" or "unknown value", or a kind not read
    qualifiers: Mapping[str, tuple[Value, ...]]
    rank: str  # "preferred", "normal" or "deprecated"

    def first(self, prop: str) -> Value | None:
        values = self.qualifiers.get(prop, ())
        return values[0] if values else None

    def date(self, prop: str) -> str | None:
        value = self.first(prop)
        return value.date if value is not None else None


@dataclass(frozen=True)
class Item:
    id: str
    label: str
    description: str | None
    aliases: tuple[str, ...]
    statements: tuple[Statement, ...]  # in the order Wikidata gives, deprecated ones left out
    revision_id: str | None
    modified: str | None


@dataclass
class Labels:
    """Labels and aliases of entities, by id; an id without a label is shown as itself."""

    names: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def of(self, entity_id: str) -> str:
        return self.names.get(entity_id, entity_id)

    def add(self, entity: Mapping[str, Any]) -> None:
        entity_id = entity.get("id")
        if not isinstance(entity_id, str) or "missing" in entity:
            return
        label = _text_in(entity.get("labels"))
        if label:
            self.names[entity_id] = label
        self.aliases[entity_id] = _aliases(entity)


# --- entities -----------------------------------------------------------------------


def entity_of(data: Any, wanted: str) -> Mapping[str, Any]:
    """The entity of an EntityData answer: ``wanted``, or the one it redirects to."""
    entities = data.get("entities") if isinstance(data, dict) else None
    if not isinstance(entities, dict) or not entities:
        raise FetchError("no entity in the answer (not Wikidata's EntityData JSON)")
    entity = entities.get(wanted) or next(iter(entities.values()))
    if not isinstance(entity, dict) or "missing" in entity:
        raise FetchError(f"no such item {wanted}")
    return entity


def item_of(entity: Mapping[str, Any]) -> Item:
    claims = entity.get("claims")
    statements = [
        statement
        for group in (claims.values() if isinstance(claims, dict) else ())
        if isinstance(group, list)
        for raw in group
        if (statement := _statement(raw)) is not None and statement.rank != "deprecated"
    ]
    entity_id = str(entity.get("id", ""))
    revision = entity.get("lastrevid")
    return Item(
        id=entity_id,
        label=_text_in(entity.get("labels")) or entity_id,
        description=_text_in(entity.get("descriptions")),
        aliases=_aliases(entity),
        statements=tuple(statements),
        revision_id=str(revision) if revision is not None else None,
        modified=entity.get("modified") if isinstance(entity.get("modified"), str) else None,
    )


def labels_of(fetched: Fetched) -> Labels:
    """The labels of the item itself and of what its statements point to (the
    wbgetentities answers fetched with it)."""
    labels = Labels()
    for answer in (fetched, *fetched.related):
        data = json.loads(answer.body)
        entities = data.get("entities") if isinstance(data, dict) else None
        for entity in entities.values() if isinstance(entities, dict) else ():
            if isinstance(entity, dict):
                labels.add(entity)
    return labels


def pointed_ids(item: Item, statements: Iterable[Statement]) -> list[str]:
    """The properties, items and units ``statements`` name, for their labels."""
    found: dict[str, None] = {}
    for statement in statements:
        found[statement.property] = None
        values = [statement.value, *(v for vs in statement.qualifiers.values() for v in vs)]
        found.update(dict.fromkeys(statement.qualifiers))
        for value in values:
            if value is not None:
                found.update(dict.fromkeys(i for i in (value.id, value.unit) if i))
    found.pop(item.id, None)
    return list(found)


# --- snaks --------------------------------------------------------------------------


def _statement(raw: Any) -> Statement | None:
    if not isinstance(raw, dict) or not isinstance(raw.get("mainsnak"), dict):
        return None
    snak = raw["mainsnak"]
    prop = snak.get("property")
    if not isinstance(prop, str):
        return None
    qualifiers: dict[str, tuple[Value, ...]] = {}
    raw_qualifiers = raw.get("qualifiers")
    for qualifier, snaks in raw_qualifiers.items() if isinstance(raw_qualifiers, dict) else ():
        values = tuple(v for s in snaks if (v := value_of(s)) is not None)
        if values:
            qualifiers[qualifier] = values
    return Statement(prop, value_of(snak), qualifiers, str(raw.get("rank", "normal")))


def value_of(snak: Any) -> Value | None:
    """The value of a snak, None for "no value", "unknown value" and kinds not read."""
    if not isinstance(snak, dict) or snak.get("snaktype", "value") != "value":
        return None
    datavalue = snak.get("datavalue")
    if not isinstance(datavalue, dict):
        return None
    value, kind = datavalue.get("value"), datavalue.get("type")
    if kind == "wikibase-entityid" and isinstance(value, dict):
        return Value("item", id=value.get("id") or f"Q{value.get('numeric-id')}")
    if kind == "time" and isinstance(value, dict):
        date = _date(value)
        return Value("time", date=date) if date else None
    if kind == "quantity" and isinstance(value, dict):
        return _quantity(value)
    if kind == "string" and isinstance(value, str):
        return Value("text", text=value)
    if kind == "monolingualtext" and isinstance(value, dict):
        return Value("text", text=str(value.get("text", "")))
    return None


def _date(value: Mapping[str, Any]) -> str | None:
    """ "+2009-07-12T00:00:00Z" at day precision -> "2009-07-12"; "+2009-00-00..." at
    year precision -> "2009". Dates before year 1, or coarser than a year, are None."""
    match = _TIME.match(str(value.get("time", "")))
    precision = value.get("precision")
    if match is None or not isinstance(precision, int) or precision < YEAR:
        return None
    year, month, day = (int(match.group(g)) for g in ("year", "month", "day"))
    if year < 1:
        return None
    if precision >= DAY and month and day:
        return f"{year:04d}-{month:02d}-{day:02d}"
    if precision >= MONTH and month:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}"


def _quantity(value: Mapping[str, Any]) -> Value | None:
    try:
        amount = float(str(value.get("amount", "")))
    except ValueError:
        return None
    unit = _ENTITY_URI.search(str(value.get("unit", "")))
    return Value("quantity", amount=amount, unit=unit.group("id") if unit else None)


def _text_in(texts: Any) -> str | None:
    entry = texts.get(LANGUAGE) if isinstance(texts, dict) else None
    value = entry.get("value") if isinstance(entry, dict) else None
    return value if isinstance(value, str) and value.strip() else None


def _aliases(entity: Mapping[str, Any]) -> tuple[str, ...]:
    aliases = entity.get("aliases")
    entries = aliases.get(LANGUAGE) if isinstance(aliases, dict) else None
    return tuple(
        e["value"] for e in entries or () if isinstance(e, dict) and isinstance(e.get("value"), str)
    )


# --- dates in words -----------------------------------------------------------------


def date_words(date: str) -> str:
    """ "2009-07-12" -> "12 July 2009"; "2009-07" -> "July 2009"; "2009" as it is."""
    parts = date.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return date


def amount_words(amount: float) -> str:
    """2800000.0 -> "2,800,000"; 2.5 -> "2.5"."""
    return f"{int(amount):,}" if amount.is_integer() else f"{amount:,}"
