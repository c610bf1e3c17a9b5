"""Wikidata statements read into facts, with an invented item (no network): events,
memberships, quantities with a point in time, and the shapes of Wikibase values."""

from __future__ import annotations

import json
from typing import Any

from verify.ingest.connectors.wikidata_read import read_item
from verify.records import Fact, Fetched

LEAGUE = "Q7700001"


def time(prop: str, value: str, precision: int) -> dict[str, Any]:
    return {
        "snaktype": "value",
        "property": prop,
        "datavalue": {
            "value": {"time": f"+{value}T00:00:00Z", "timezone": 0, "before": 0, "after": 0,
                      "precision": precision,
                      "calendarmodel": "http://www.wikidata.org/entity/Q1985727"},
            "type": "time",
        },
        "datatype": "time",
    }  # fmt: skip


def item(prop: str, target: str) -> dict[str, Any]:
    value = {"entity-type": "item", "numeric-id": int(target[1:]), "id": target}
    return {
        "snaktype": "value",
        "property": prop,
        "datavalue": {"value": value, "type": "wikibase-entityid"},
        "datatype": "wikibase-item",
    }


def statement(main: dict[str, Any], *qualifiers: dict[str, Any], rank: str = "normal") -> Any:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for qualifier in qualifiers:
        grouped.setdefault(qualifier["property"], []).append(qualifier)
    return {"mainsnak": main, "type": "statement", "qualifiers": grouped, "rank": rank}


CLAIMS = {
    "P571": [statement(time("P571", "1887-05-14", 11))],
    "P576": [statement(time("P576", "2019-00-00", 9))],
    "P463": [statement(item("P463", "Q7700010"), time("P580", "1990-03-00", 10),
                       time("P582", "2011-06-30", 11))],
    "P2124": [
        statement({"snaktype": "value", "property": "P2124", "datatype": "quantity",
                   "datavalue": {"value": {"amount": "+14", "unit": "1"}, "type": "quantity"}},
                  time("P585", "2009-01-01", 11)),
        statement({"snaktype": "value", "property": "P2124", "datatype": "quantity",
                   "datavalue": {"value": {"amount": "+16", "unit": "1"}, "type": "quantity"}},
                  time("P585", "2015-01-01", 11), rank="deprecated"),
    ],
    "P1308": [
        statement(item("P1308", "Q7700020"), time("P580", "2001-05-01", 11),
                  {"snaktype": "value", "property": "P1545", "datatype": "string",
                   "datavalue": {"value": "3", "type": "string"}}),
        statement({"snaktype": "somevalue", "property": "P1308", "datatype": "wikibase-item"},
                  time("P580", "1990-01-01", 11)),
    ],
}  # fmt: skip
LABELS = {
    "Q7700010": "Northern Rowing Federation",
    "Q7700020": "Jane Roe",
    "P571": "inception",
    "P576": "dissolved, abolished or demolished date",
    "P463": "member of",
    "P580": "start time",
    "P582": "end time",
    "P585": "point in time",
    "P2124": "member count",
    "P1308": "officeholder",
    "P1545": "series ordinal",
}


def league() -> Fetched:
    entity = {
        "id": LEAGUE,
        "type": "item",
        "lastrevid": 55,
        "modified": "2024-02-01T10:00:00Z",
        "labels": {"en": {"language": "en", "value": "Tarn Rowing League"}},
        "aliases": {"en": [{"language": "en", "value": "TRL"}]},
        "claims": CLAIMS,
    }
    labels = {
        "entities": {
            i: {"id": i, "labels": {"en": {"language": "en", "value": v}}}
            for i, v in LABELS.items()
        }
    }

    def answer(data: Any) -> Fetched:
        body = json.dumps(data).encode()
        return Fetched(f"wikidata:{LEAGUE}", "u", 200, "application/json", "t", body, "utf-8", "")

    page = answer({"entities": {LEAGUE: entity}})
    return Fetched(**{**vars(page), "related": (answer(labels),)})


def facts(kind: str) -> list[Fact]:
    reading = read_item(league())
    assert reading.facts is not None
    return [fact for _, fact in reading.facts if fact.kind == kind]


def test_inception_and_dissolution_are_events_at_their_precision() -> None:
    events = {(f.date, f.group) for f in facts("event")}
    assert ("1887-05-14", "inception (P571)") in events
    assert ("2019", "dissolved, abolished or demolished date (P576)") in events


def test_membership_is_joining_and_leaving() -> None:
    joined = [f for f in facts("event") if f.group == "member of (P463)"]
    assert [f.date for f in joined] == ["1990-03", "2011-06-30"]
    assert joined[0].subject == "Tarn Rowing League"
    assert joined[0].text.startswith(
        "Tarn Rowing League was a member of Northern Rowing Federation from March 1990 "
        "to 30 June 2011 (Wikidata Q7700001, member of (P463): Northern Rowing Federation "
        "(Q7700010); start time (P580): 1990-03; end time (P582): 2011-06-30)"
    )


def test_a_quantity_at_a_point_in_time_is_a_value() -> None:
    [value] = facts("value")  # the deprecated 16 is not one
    assert (value.measure, value.value, value.date, value.dated_by) == (
        "members",
        14.0,
        "2009-01-01",
        "text",
    )
    assert value.text.startswith("Tarn Rowing League had a member count of 14 as of 1 January 2009")


def test_an_officeholder_keeps_the_number_and_an_unknown_holder_is_no_term() -> None:
    [term] = facts("term")
    assert (term.holder, term.office, term.start_date, term.ordinal) == (
        "Jane Roe",
        "Tarn Rowing League",
        "2001-05-01",
        3,
    )


def test_the_item_reads_as_a_page_with_headings_per_property() -> None:
    extracted = read_item(league()).extracted
    kinds = [(p.kind, p.text[:30]) for p in extracted.passages[:3]]
    assert kinds[0] == ("heading", "Tarn Rowing League")
    assert (
        extracted.passages[1].text
        == "Tarn Rowing League (Q7700001) on Wikidata. Also known as TRL."
    )
    for passage in extracted.passages:
        assert extracted.text[passage.start : passage.end] == passage.text
    assert extracted.metadata.published == "2024-02-01"
