"""Dated facts from reference passages: terms, values as of a date, events, page dates.

The fixture references run through the real fetch and extract stages; the inline
passages use invented people, offices, bodies and dates so nothing passes by knowing
the fixtures.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from verify.extract import extract
from verify.facts import (
    NO_HEADING,
    document_facts,
    event_series,
    extract_facts,
    nearest_headings,
    page_date,
    row_cells,
)
from verify.fetch import load
from verify.ingest import ingest
from verify.records import Extracted, Fact, Passage
from verify.store import load_facts, migrations, open_db, save_document, save_facts

REFERENCES = Path(__file__).resolve().parent.parent / "fixtures" / "references"


def reference(name: str) -> Extracted:
    return extract(load(str(REFERENCES / name)))


def facts_of(name: str) -> list[Fact]:
    return [fact for _, fact in document_facts(reference(name))]


def passages(*items: tuple[str, str]) -> list[Passage]:
    found, offset = [], 0
    for kind, text in items:
        found.append(Passage(kind, offset, offset + len(text), text))
        offset += len(text) + 2
    return found


def facts(*items: tuple[str, str], as_of: str | None = None) -> list[Fact]:
    given_passages = passages(*items)
    found = extract_facts(given_passages, nearest_headings(given_passages), as_of)
    return [fact for _, fact in found]


def kind(found: list[Fact], name: str) -> list[Fact]:
    return [fact for fact in found if fact.kind == name]


# --- the fixture references ---------------------------------------------------------------


def test_office_holder_table_gives_terms_with_incumbents_open() -> None:
    terms = {fact.holder: fact for fact in kind(facts_of("office-holders.html"), "term")}
    assert len(terms) == 9
    assert terms["Dalia Grybauskaitė"].office == "President of Lithuania"
    assert (terms["Dalia Grybauskaitė"].start_date, terms["Dalia Grybauskaitė"].end_date) == (
        "2009-07-12",
        "2019-07-12",
    )
    assert terms["Gitanas Nausėda"].start_date == "2019-07-12"
    assert terms["Gitanas Nausėda"].end_date is None  # "Incumbent"
    assert terms["Jim Mattis"].office == "United States Secretary of Defense"
    assert terms["Jim Mattis"].end_date == "2019-01-01"


def test_membership_table_gives_a_dated_series_of_values() -> None:
    found = facts_of("nato-encyclopedia.html")
    series = [f for f in kind(found, "value") if f.group == "Growth of NATO membership"]
    assert [(f.date, f.value) for f in series][:2] == [("1949-04-04", 12.0), ("1952-02-18", 14.0)]
    assert ("2020-03-27", 30.0) in [(f.date, f.value) for f in series]
    assert {f.measure for f in series} == {"members"}
    assert len(series) == 11
    assert not [f for f in kind(found, "event") if f.group == "Growth of NATO membership"]


def test_infobox_gives_an_as_of_value_a_term_and_an_event() -> None:
    found = facts_of("nato-encyclopedia.html")
    members = [f for f in kind(found, "value") if f.text.startswith("Members:")]
    assert [(f.measure, f.value, f.date) for f in members] == [("members", 32.0, "2024-03-07")]
    (term,) = kind(found, "term")
    assert (term.holder, term.start_date, term.end_date) == ("Mark Rutte", "2024-10-01", None)
    assert term.office is not None and term.office.startswith("Secretary General of North")
    assert ("1949-04-04", "Formation: 4 April 1949") in [(f.date, f.text) for f in found]


def test_timeline_list_items_are_events_grouped_by_their_heading() -> None:
    found = facts_of("article4-invocations.html")
    series = event_series(found)
    timeline = series[(None, "Timeline of invocations")]
    assert len(timeline) == 9
    assert timeline[0].date == "2003-02-10"
    assert timeline[0].text.startswith("10 February 2003 – ")
    assert len([f for f in timeline if f.date and f.date < "2022-02-24"]) == 6
    assert len(series[(None, "Discussed but not invoked: the Belarus border crisis")]) == 4


def test_prose_counts_are_dated_by_the_page_or_by_their_own_date() -> None:
    found = kind(facts_of("article4-invocations.html"), "value")
    dated = {(f.measure, f.value, f.date) for f in found}
    assert ("times", 9.0, "2025-09-23") in dated  # "Since ... 1949, ... nine times"
    assert ("requests", 6.0, "2022-02-24") in dated  # "Up to 24 February 2022 ... six requests"
    (sheet,) = kind(facts_of("article4-factsheet-2023.html"), "value")
    assert (sheet.measure, sheet.value, sheet.date) == ("times", 7.0, "2023-07-12")
    assert (
        sheet.text
        == "Since the Alliance was founded in 1949, Article 4 has been invoked seven times."
    )


def test_prose_since_term_in_a_page_without_a_date() -> None:
    (term,) = kind(facts_of("regional-context.html"), "term")
    assert (term.holder, term.office, term.start_date) == (
        "Gitanas Nausėda",
        "president of Lithuania",
        "2019",
    )
    assert not kind(facts_of("regional-context.html"), "value")  # no page date, no counts


def test_a_treaty_text_gives_no_facts() -> None:
    assert facts_of("north-atlantic-treaty.txt") == []


@pytest.mark.parametrize("name", sorted(p.name for p in REFERENCES.iterdir()))
def test_every_fact_points_at_the_passage_it_was_read_from(name: str) -> None:
    extracted = reference(name)
    for index, fact in document_facts(extracted):
        assert fact.text in extracted.passages[index].text
        assert fact.kind in ("term", "value", "event", "page_date")


# --- terms --------------------------------------------------------------------------------


def test_term_table_by_header_names_with_open_ends() -> None:
    found = facts(
        (
            "table_row",
            "Name: Ottilie Varga; Position: Mayor of Brindleton; From: 3 March 2019; To: present",
        ),
        ("table_row", "Name: Bram Okonkwo; Position: Mayor of Brindleton; From: 2010; To: –"),
        ("table_row", "Name: Ines Kowal; Position: Mayor of Brindleton; From: June 2004"),
        ("table_row", "Officeholder: Ada Lusk; Post: Warden; Term start: 1998; Term end: 2003"),
    )
    assert [(f.holder, f.start_date, f.end_date) for f in found] == [
        ("Ottilie Varga", "2019-03-03", None),
        ("Bram Okonkwo", "2010", None),
        ("Ines Kowal", "2004-06", None),
        ("Ada Lusk", "1998", "2003"),
    ]
    assert {f.office for f in found} == {"Mayor of Brindleton", "Warden"}


def test_term_table_without_office_column_takes_the_office_from_its_heading() -> None:
    found = facts(
        ("heading", "Chancellors of Freedonia"),
        ("table_row", "Chancellor: Rufus Firefly; Term: 2001–2009"),
        ("table_row", "Holder: Ada Lusk; Took office: 9 May 2009; Left office: Incumbent"),
    )
    assert [(f.holder, f.office, f.start_date, f.end_date) for f in found] == [
        ("Rufus Firefly", "Chancellor of Freedonia", "2001", "2009"),
        ("Ada Lusk", "Chancellor of Freedonia", "2009-05-09", None),
    ]


def test_a_row_without_a_person_or_office_is_no_term() -> None:
    assert facts(("table_row", "Country: Westmark; From: 2001; To: 2005")) == []
    assert facts(("heading", "Notes"), ("table_row", "Holder: Ada Lusk; From: 2001")) == []


def test_infobox_office_holder_with_since_or_range() -> None:
    found = facts(
        ("heading", "Freedonian Rowing League"),
        ("table_row", "Chair: Ottilie Varga (since 3 March 2019)"),
        ("table_row", "Director: Bram Okonkwo (2010–2016)"),
        ("table_row", "Patron: Westmark Mills"),
    )
    assert [(f.holder, f.office, f.start_date, f.end_date) for f in found] == [
        ("Ottilie Varga", "Chair of Freedonian Rowing League", "2019-03-03", None),
        ("Bram Okonkwo", "Director of Freedonian Rowing League", "2010", "2016"),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Freedonia’s chancellor since 2016 is Rufus Firefly.",
            ("Rufus Firefly", "chancellor of Freedonia", "2016", None),
        ),
        (
            "Ottilie Varga has been mayor of Brindleton since March 2020.",
            ("Ottilie Varga", "mayor of Brindleton", "2020-03", None),
        ),
        (
            "Bram Okonkwo served as governor of Westmark from 2001 to 2005.",
            ("Bram Okonkwo", "governor of Westmark", "2001", "2005"),
        ),
        (
            "Ines Kowal became chief executive of Tarrow Mills on 3 May 2018.",
            ("Ines Kowal", "chief executive of Tarrow Mills", "2018-05-03", None),
        ),
        (
            "Since 2016, the governor of Westmark has been Pat Quill.",
            ("Pat Quill", "governor of Westmark", "2016", None),
        ),
        (
            "The current chair, Maria Lind, took office in 2021.",
            ("Maria Lind", "chair", "2021", None),
        ),
        (
            "Tove Rask has been Prime Minister of Westmark since 2 May 2022.",
            ("Tove Rask", "prime minister of Westmark", "2022-05-02", None),
        ),
        (
            "Ada Lusk served as Prime Minister of Westmark from 2019 to 2022, when she left "
            "to become the bloc's foreign policy chief.",
            ("Ada Lusk", "prime minister of Westmark", "2019", "2022"),
        ),
    ],
)
def test_prose_terms(sentence: str, expected: tuple[str, str, str, str | None]) -> None:
    (term,) = facts(("paragraph", sentence))
    assert (term.holder, term.office, term.start_date, term.end_date) == expected
    assert term.text == sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Prime Minister Ada Lusk said on Monday that since 2019 prices had risen.",
        "Governor Pat Quill met Rufus Firefly and Ines Kowal in 2014.",
        "Ottilie Varga has been a critic of the mayor since 2020.",
        "Pat Quill was governor of Westmark.",  # no date: nothing to place in time
    ],
)
def test_prose_without_a_dated_office_gives_no_term(sentence: str) -> None:
    assert kind(facts(("paragraph", sentence)), "term") == []


# --- values -------------------------------------------------------------------------------


def test_dated_rows_with_numeric_columns_give_values() -> None:
    found = facts(
        ("heading", "Population of Brindleton"),
        ("table_row", "Year: 2010; Population: 1,250,000"),
        ("table_row", "Date: 3 May 2015; Seats: 45; Notes: after the merger"),
        ("table_row", "No.: 3; Date: 2 June 2016; Seats: 47"),
    )
    assert [(f.date, f.measure, f.value, f.group) for f in found] == [
        ("2010", "population", 1_250_000.0, "Population of Brindleton"),
        ("2015-05-03", "seats", 45.0, "Population of Brindleton"),
        ("2016-06-02", "seats", 47.0, "Population of Brindleton"),
    ]


def test_infobox_values_as_of_their_own_date_or_the_page_date() -> None:
    rows = (("table_row", "Employees: 1,200 (2021)"), ("table_row", "Members: 17"))
    dated = facts(*rows, as_of="2024-01-02")
    assert [(f.measure, f.value, f.date) for f in dated] == [
        ("employees", 1200.0, "2021"),
        ("members", 17.0, "2024-01-02"),
    ]
    assert [f.measure for f in facts(*rows)] == ["employees"]  # no page date: no as-of


@pytest.mark.parametrize(
    ("sentence", "as_of", "expected"),
    [
        (
            "Since 1990, the clause has been used four times.",
            "2024-06-01",
            ("times", 4.0, "2024-06-01"),
        ),
        ("Up to 1 May 2010 there had been three strikes.", None, ("strikes", 3.0, "2010-05-01")),
        (
            "As of 7 March 2024, the league had 32 member clubs.",
            "2025-01-01",
            ("member clubs", 32.0, "2024-03-07"),
        ),
        ("By 2020 the league had grown to 40 clubs.", None, ("clubs", 40.0, "2020")),
    ],
)
def test_prose_counts(sentence: str, as_of: str | None, expected: tuple[str, float, str]) -> None:
    (value,) = facts(("paragraph", sentence), as_of=as_of)
    assert (value.measure, value.value, value.date) == expected
    assert value.text == sentence


def test_prose_counts_of_a_day_hold_that_day_and_undated_ones_need_a_page_date() -> None:
    (day,) = facts(("paragraph", "On 2 June 1999, twelve delegates signed."), as_of="2024-01-01")
    assert (day.value, day.start_date, day.end_date) == (12, "1999-06-02", "1999-06-02")
    assert facts(("paragraph", "The clause has been used four times.")) == []


# --- events -------------------------------------------------------------------------------


def test_list_items_that_open_with_a_date_are_events_of_their_list() -> None:
    found = facts(
        ("heading", "Timeline"),
        ("list_item", "June 2012: The league split."),
        ("list_item", "2015 — Rivals merged."),
        ("list_item", "3 March 2014 – Talks failed."),
        ("list_item", "No date opens this item, though 2019 is in it."),
        ("heading", "Later"),
        ("list_item", "March 3, 2016 - The league folded."),
    )
    assert [(f.date, f.group) for f in found] == [
        ("2012-06", "Timeline"),  # a month stays a month
        ("2015", "Timeline"),
        ("2014-03-03", "Timeline"),
        ("2016-03-03", "Later"),
    ]
    assert found[0].text == "June 2012: The league split."


def test_events_without_a_heading_and_event_table_rows() -> None:
    found = facts(
        ("list_item", "5 May 2001 – Treaty of Blor signed."),
        ("table_row", "Date: 9 June 2003; Event: Blor ratified; Venue: Brindleton"),
    )
    assert [(f.kind, f.date, f.group) for f in found] == [
        ("event", "2001-05-05", NO_HEADING),
        ("event", "2003-06-09", NO_HEADING),
    ]


def test_event_series_keeps_documents_apart() -> None:
    one = Fact("event", "a", date="2002", group="Timeline", document_id=1)
    two = Fact("event", "b", date="2001", group="Timeline", document_id=2)
    early = Fact("event", "c", date="2000", group="Timeline", document_id=1)
    assert event_series([one, two, early]) == {
        (1, "Timeline"): [early, one],
        (2, "Timeline"): [two],
    }


# --- page dates ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Last updated: 12 July 2023", "2023-07-12"),
        ("Page updated: 23 September 2025", "2025-09-23"),
        ("Last reviewed: 1 October 2025", "2025-10-01"),
        ("Last modified: 3 March 2025.", "2025-03-03"),
        ("Updated 2 Oct 2025", "2025-10-02"),
        ("As of 5 May 2024", "2024-05-05"),
        ("This page was last updated on 4 June 2021 at 10:32", "2021-06-04"),
        ("Updated guidance for members", None),
        ("As of 5 May 2024, the league had 32 member clubs and a waiting list.", None),
    ],
)
def test_page_date(line: str, expected: str | None) -> None:
    assert page_date(passages(("heading", "Title"), ("paragraph", line))) == expected


def test_page_date_line_beats_the_fallback_and_dates_counts() -> None:
    given_passages = passages(
        ("paragraph", "Last updated: 12 July 2023"),
        ("paragraph", "Since 1990, the clause has been used four times."),
    )
    found = extract_facts(given_passages, nearest_headings(given_passages), "2001-01-01")
    assert [(index, f.kind, f.date) for index, f in found] == [
        (0, "page_date", "2023-07-12"),
        (1, "value", "2023-07-12"),
    ]


def test_row_cells_keep_colons_inside_values() -> None:
    text = "Date: 4 April 1949; Countries joined: Founders: A, B; Members: 12"
    assert row_cells(text) == [
        ("Date", "4 April 1949"),
        ("Countries joined", "Founders: A, B"),
        ("Members", "12"),
    ]


# --- the facts table ----------------------------------------------------------------------


def test_facts_table_from_migrations(db_path: Path) -> None:
    db = open_db(db_path)
    assert "m003_facts" in [m.name for m in migrations.applied(db)]
    columns = set(db["facts"].columns_dict)
    assert {"document_id", "passage_id", "kind", "date", "value", "grouping"} <= columns
    assert {(fk.column, fk.other_table) for fk in db["facts"].foreign_keys} == {
        ("document_id", "documents"),
        ("passage_id", "passages"),
    }
    indexed = {tuple(index.columns) for index in db["facts"].indexes}
    assert {("document_id",), ("kind",)} <= indexed


def test_a_database_from_before_the_facts_table_is_migrated(db_path: Path) -> None:
    import sqlite_utils

    old = sqlite_utils.Database(db_path)
    migrations.apply(old, stop_before="m003_facts")
    fetched = load(str(REFERENCES / "office-holders.html"))
    extracted = extract(fetched)
    with old.atomic():
        stored = save_document(old, fetched, extracted, [], kind="reference", extractor_version="t")
    assert "facts" not in old.table_names()
    old.close()
    db = open_db(db_path)
    assert not migrations.pending(db)
    with db.atomic():
        assert save_facts(db, stored.document_id, document_facts(extracted)) == 9
    assert {f.holder for f in load_facts(db, [stored.document_id])} >= {"Egils Levits"}


def test_save_and_load_facts_round_trip(db_path: Path) -> None:
    db = open_db(db_path)
    fetched = load(str(REFERENCES / "article4-invocations.html"))
    extracted = extract(fetched)
    with db.atomic():
        stored = save_document(db, fetched, extracted, [], kind="reference", extractor_version="t")
        found = document_facts(extracted)
        assert save_facts(db, stored.document_id, found) == len(found)
        save_facts(db, stored.document_id, found)  # saving again replaces, never doubles
    loaded = load_facts(db, [stored.document_id])
    assert len(loaded) == len(found) == db["facts"].count
    for (index, fact), back in zip(found, loaded, strict=True):
        passage = db["passages"].get(back.passage_id)
        assert passage["seq"] == index and fact.text in passage["text"]
        assert back.document_id == stored.document_id
        assert (back.kind, back.date, back.measure, back.value, back.group) == (
            fact.kind,
            fact.date,
            fact.measure,
            fact.value,
            fact.group,
        )
    series = event_series(loaded)
    assert len(series[(stored.document_id, "Timeline of invocations")]) == 9
    assert load_facts(db, []) == []


# --- never crash --------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "Holder: ",
        "Office: ",
        "Took office: ",
        "Left office: ",
        "Date: ",
        "Members: ",
        "Term: ",
        "; ",
        ": ",
        " – ",
        "—",
        "(since ",
        "(as of ",
        ")",
        "12 July 2019",
        "June 2012",
        "2015",
        "Incumbent",
        "President of Ruritania",
        "Jane Roe",
        " has been ",
        " since ",
        " mayor ",
        "Last updated: ",
        "As of ",
        "seven times",
        "1,200",
        "3.5 million",
        "Up to ",
        "’s ",
        "Chair: ",
        " from 2001 to ",
        "9999",
        "0",
        "31/02/2020",
        "2020-13-45",
        "of ",
    ]
)
_TEXTS = st.one_of(st.text(max_size=200), st.lists(_PIECES, max_size=14).map("".join))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["heading", "paragraph", "list_item", "table_row"]), _TEXTS),
        max_size=6,
    ),
    st.one_of(st.none(), st.sampled_from(["2024-01-02", "2020", "2019-07"])),
)
def test_extract_facts_never_crashes(items: list[tuple[str, str]], as_of: str | None) -> None:
    given_passages = passages(*items)
    found = extract_facts(given_passages, nearest_headings(given_passages), as_of)
    for index, fact in found:
        assert 0 <= index < len(given_passages)
        assert fact.kind in ("term", "value", "event", "page_date")
        assert fact.text


def test_a_stored_reference_is_read_for_facts_once_and_again_only_from_an_older_database(
    db_path: Path,
) -> None:
    source = str(REFERENCES / "office-holders.html")
    db = open_db(db_path)
    ingest(db, [source], kind="reference")
    (document_id,) = [row["id"] for row in db["documents"].rows]
    count = db["facts"].count
    assert count and db["documents"].get(document_id)["facts_read_at"]
    # The same bytes again: nothing is extracted or read again (issue 14), so facts
    # that went missing stay missing.
    db["facts"].delete_where()
    ingest(db, [source], kind="reference")
    assert db["facts"].count == 0
    # A version stored before facts were recorded as read (a database from before
    # m009, or from before the facts table) is read once more ...
    db["documents"].update(document_id, {"facts_read_at": None})
    ingest(db, [source], kind="reference")
    assert db["facts"].count == count
    # ... unless another extractor version made its passages, which may not line up.
    db["facts"].delete_where()
    db["documents"].update(document_id, {"extractor_version": "0-older", "facts_read_at": None})
    ingest(db, [source], kind="reference")
    assert db["facts"].count == 0
