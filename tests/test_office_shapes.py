"""Terms of office in every shape a reference page writes them.

On invented pages (the Tarn Compact, the Orsk Rowing League, the Halden space
agency HASA, the Central Bank of Velmora): tables whose office is only in the
heading above or in the page's title, one cell of years, a "No." column, an
"Acting" note, prose under a heading or page naming the body, terms told by a
verb ("led HASA from ..."), and lists or ``<dl>`` pairs under a heading naming
the office.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from judging import JUDGING

from verify.extract import extract
from verify.facts import document_facts, extract_facts, nearest_headings, short_forms
from verify.fetch import load
from verify.records import Fact, Passage


def terms_of(name: str) -> dict[str, Fact]:
    found = document_facts(extract(load(str(JUDGING / name))))
    return {fact.holder or "": fact for _, fact in found if fact.kind == "term"}


def terms(*items: tuple[str, str]) -> list[tuple[str | None, str | None, str | None, str | None]]:
    passages, offset = [], 0
    for kind, text in items:
        passages.append(Passage(kind, offset, offset + len(text), text))
        offset += len(text) + 2
    found = extract_facts(passages, nearest_headings(passages))
    return [(f.holder, f.office, f.start_date, f.end_date) for _, f in found if f.kind == "term"]


def shape(fact: Fact) -> tuple[str | None, str | None, str | None, int | None]:
    return fact.office, fact.start_date, fact.end_date, fact.ordinal


# --- tables ---------------------------------------------------------------------------


def test_office_in_the_heading_with_a_plural_hyphenated_head_and_one_cell_of_years() -> None:
    found = terms_of("northern-leaders-almanac.html")
    office = "Director-General of the Tarn Compact"
    assert shape(found["Maren Holt"]) == (office, "1978", "1989", 1)
    assert shape(found["Ines Kowal"]) == (office, "1998-11-01", "2006-11-30", 3)
    assert shape(found["Park Ji-soo"]) == (office, "2007", None, 4)  # "2007–": still in office
    assert "Tomas Vint" not in found  # "Acting", no years: nothing to place in time


def test_office_in_a_heading_with_dates_and_took_left_office_columns() -> None:
    found = terms_of("halden-space-agency.html")
    office = "Administrator of HASA (Halden Space Agency)"
    assert shape(found["Lena Voss"]) == (office, "2004-03-12", "2011-01-20", None)
    assert found["Karl Ode"].office == f"Acting {office}"  # the "Acting" note
    assert shape(found["Mira Sand"]) == (office, "2019-01-20", None, None)


def test_an_office_keeps_the_short_form_its_page_gives_the_body() -> None:
    found = terms_of("halden-space-agency.html")
    assert found["Lena Voss"].office == "Administrator of HASA (Halden Space Agency)"


@pytest.mark.parametrize(
    ("text", "forms"),
    [
        ("In 1958 the Halden Space Agency (HASA) was founded.", {"Halden Space Agency": "HASA"}),
        ("The Orsk Rowing League (the ORL) met.", {"Orsk Rowing League": "ORL"}),
        ("Ada Lusk (Chair) spoke. Results (Table 2) follow.", {}),
        ("Report\nThe Tarn Compact (TC) met.", {"Tarn Compact": "TC"}),
    ],
)
def test_short_forms_a_page_defines(text: str, forms: dict[str, str]) -> None:
    assert short_forms(text) == forms


def test_office_in_the_page_title_only() -> None:
    assert terms(
        ("heading", "Presidents of the Orsk Rowing League"),
        ("heading", "Recent holders"),
        ("table_row", "Name: Ada Lusk; Took office: 4 May 2010; Left office: 1 June 2015"),
    ) == [("Ada Lusk", "President of the Orsk Rowing League", "2010-05-04", "2015-06-01")]


def test_office_named_only_in_the_prose_before_the_table() -> None:
    intro = (
        "The Administrator is the agency's most senior official. Administrators are "
        "nominated by the President; between appointments a senior official serves as "
        "acting administrator."
    )
    assert terms(
        ("heading", "Who runs the agency?"),
        ("paragraph", intro),
        ("heading", "Recent holders"),
        ("table_row", "Name: Ada Lusk; Took office: 4 May 2010; Left office: 1 June 2015"),
    ) == [("Ada Lusk", "administrator", "2010-05-04", "2015-06-01")]


@pytest.mark.parametrize(
    ("intro", "row"),
    [
        # Named once: not clearly the table's office.
        (
            "The President appoints the members of the board.",
            "Name: Ada Lusk; Took office: 4 May 2010; Left office: 1 June 2015",
        ),
        # Columns that do not say the dates are a term of office.
        (
            "The leader chose the crew. The leader was praised.",
            "Name: Ada Lusk; From: 4 May 2010; To: 1 June 2015",
        ),
    ],
)
def test_a_table_whose_office_the_prose_does_not_settle(intro: str, row: str) -> None:
    assert terms(("heading", "Members"), ("paragraph", intro), ("table_row", row)) == []


def test_a_table_whose_first_column_names_its_subject_by_what_they_are() -> None:
    """ "Arbiter | Position | Appointed by | From | To": the header says what the people
    are, not that the column holds names; the position column is the office."""
    rows = [
        "Arbiter: Ada Lusk; Position: Presiding Arbiter; Appointed by: Orin Vale; "
        "From: May 4, 2010; To: — (serving)",
        "Arbiter: Ines Kowal; Position: Deputy Arbiter; Appointed by: Orin Vale; "
        "From: June 1, 2001; To: March 3, 2012",
    ]
    found = terms(("heading", "Sitting and former members"), *(("table_row", row) for row in rows))
    assert found == [
        ("Ada Lusk", "Presiding Arbiter", "2010-05-04", None),
        ("Ines Kowal", "Deputy Arbiter", "2001-06-01", "2012-03-03"),
    ]


@pytest.mark.parametrize(
    "row",
    [
        # The first name is who appointed them, not whom the row is about.
        "Appointed by: Orin Vale; Arbiter: Ada Lusk; Position: Presiding Arbiter; From: 2010",
        # No office column: the dates may be of anything.
        "Arbiter: Ada Lusk; Court: Tarn Tribunal; From: 2010; To: 2015",
    ],
)
def test_a_subject_column_needs_an_office_column_and_comes_first(row: str) -> None:
    assert terms(("heading", "Bench"), ("table_row", row)) == []


@pytest.mark.parametrize(
    ("heading", "office"),
    [
        ("Secretaries-General of the Tarn Compact", "Secretary-General of the Tarn Compact"),
        ("List of governors of Velmora", "governor of Velmora"),
        ("Prime Ministers of Velmora (1990–present)", "Prime Minister of Velmora"),
        ("HASA Administrators, 2004 to 2024", "HASA Administrator"),
        ("Velmoran Chancellors", "Velmoran Chancellor"),
        ("Chairs", "Chair"),
    ],
)
def test_an_office_read_from_a_heading(heading: str, office: str) -> None:
    row = ("table_row", "Name: Ada Lusk; Years: 2001–2009")
    assert terms(("heading", heading), row) == [("Ada Lusk", office, "2001", "2009")]


@pytest.mark.parametrize("heading", ["Earlier results", "Recent winners", "Notes", "Leadership"])
def test_a_heading_that_names_no_office_gives_no_term(heading: str) -> None:
    assert terms(("heading", heading), ("table_row", "Name: Ada Lusk; Years: 2001–2009")) == []


# --- prose ----------------------------------------------------------------------------


def test_prose_terms_take_their_body_from_the_page() -> None:
    found = terms_of("central-bank-of-velmora.html")
    # "of Ostmark" is where she comes from; the office's body is the page's subject.
    assert shape(found["Ilse Brandt"]) == (
        "governor of the Central Bank of Velmora (CBV)",
        "1995-01-01",
        "2006-12-31",
        4,
    )
    assert shape(found["Jonas Pell"])[1:] == ("2007-01-01", None, 5)
    # Under a heading naming another body, the heading's body.
    assert found["Hana Ruzic"].office == "chair of the Velmora Rail Board"


def test_prose_terms_take_the_office_the_page_lists_for_their_body() -> None:
    found = terms_of("halden-space-agency.html")
    # "led HASA" is HASA's one office here; "administrator" its one administrator.
    office = "Administrator of HASA (Halden Space Agency)"
    assert shape(found["Orla Fenn"]) == (office, "1975", "1983", None)
    assert shape(found["Piet Marsh"]) == (office, "1984-03", "1990-09", None)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Ada Lusk, the ninth Chair of the Tarn Compact, took office on 1 January 2017.",
            ("Ada Lusk", "chair of Tarn Compact", "2017-01-01", None),
        ),
        (
            "On 1 January 2017 Ada Lusk became Chair of the Tarn Compact.",
            ("Ada Lusk", "chair of Tarn Compact", "2017-01-01", None),
        ),
        (
            "Ada Lusk chaired the Tarn Compact from 2017 to 2021.",
            ("Ada Lusk", "chair of Tarn Compact", "2017", "2021"),
        ),
        (
            "From 2017 to 2021 the Tarn Compact was led by Ada Lusk.",
            ("Ada Lusk", "head of Tarn Compact", "2017", "2021"),
        ),
        (
            "Ada Lusk succeeded Bo Hale as Chair of the Tarn Compact in 2017.",
            ("Ada Lusk", "chair of Tarn Compact", "2017", None),
        ),
        (
            "Ada Lusk was Chair of the Tarn Compact until 2021, when Bo Hale took over.",
            ("Ada Lusk", "chair of Tarn Compact", None, "2021"),
        ),
    ],
)
def test_prose_term_shapes(
    sentence: str, expected: tuple[str, str, str | None, str | None]
) -> None:
    assert terms(("paragraph", sentence)) == [expected]


def test_a_date_of_another_clause_does_not_start_a_term() -> None:
    found = terms_of("northern-leaders-almanac.html")
    assert "Tomas Vint" not in found  # "stood down on 30 November 2006, and Tomas Vint ..."


# --- lists ----------------------------------------------------------------------------


def test_lists_and_definitions_under_a_heading_naming_the_office() -> None:
    found = terms_of("northern-leaders-almanac.html")
    office = "Chair of the Orsk Rowing League"
    assert shape(found["Ada Lusk"]) == (office, "2010-05-04", "2015-06-01", None)
    assert shape(found["Ottilie Varga"]) == (office, "2021-03-03", None, None)  # a <dl> pair


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("Ada Lusk — 4 May 2010 to 1 June 2015", ("2010-05-04", "2015-06-01")),
        ("Ada Lusk (2001–2009)", ("2001", "2009")),
        ("Ada Lusk: since 2019", ("2019", None)),
        ("Ada Lusk, from March 2001", ("2001-03", None)),
        # A note in brackets after the name (a country, a party) is not the term.
        ("Ada Lusk (Velmora), 4 May 2010 – 1 June 2015", ("2010-05-04", "2015-06-01")),
        ("Ada Lusk (Orsk), since 1 July 2019", ("2019-07-01", None)),
    ],
)
def test_a_list_item_term(item: str, expected: tuple[str, str | None]) -> None:
    found = terms(("heading", "Tarnmoor Council"), ("heading", "Governors"), ("list_item", item))
    assert found == [("Ada Lusk", "Governor of Tarnmoor Council", *expected)]


@pytest.mark.parametrize(
    "item",
    [
        "Ada Lusk — founder of the league; later its patron",
        "Ada Lusk won the sculls in 2010 and 2012",
        "4 May 2010 – Ada Lusk was elected",
    ],
)
def test_list_items_that_are_not_terms(item: str) -> None:
    found = terms(("heading", "Chairs"), ("list_item", item))
    assert [t for t in found if t[0] == "Ada Lusk"] == []


def test_a_list_under_a_heading_naming_no_office_gives_no_term() -> None:
    assert terms(("heading", "Winners"), ("list_item", "Ada Lusk — 2010 to 2015")) == []


def test_the_fixture_pages_exist() -> None:
    for name in (
        "northern-leaders-almanac.html",
        "halden-space-agency.html",
        "central-bank-of-velmora.html",
    ):
        assert (Path(JUDGING) / name).exists()


@pytest.mark.parametrize(
    ("sentence", "ordinal"),
    [
        # The number is of the governors; the term told is as mayor.
        (
            "Ada Lusk, the eighth Governor and the first from the coast, "
            "had been Tarnby’s Mayor from 2005 to 2012.",
            None,
        ),
        ("Ada Lusk became the ninth Governor of Orsk on 1 May 2010.", 9),
    ],
)
def test_a_prose_term_takes_only_a_number_of_its_own_office(
    sentence: str, ordinal: int | None
) -> None:
    found = extract_facts([Passage("paragraph", 0, len(sentence), sentence)], [None])
    [term] = [fact for _, fact in found if fact.kind == "term"]
    assert term.holder == "Ada Lusk"
    assert term.ordinal == ordinal


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        (
            "Ada Lusk Governor from 4 May 2010 to 1 June 2015. Elected in 2010, re-elected later.",
            [("Ada Lusk", "Governor", "2010-05-04", "2015-06-01")],
        ),
        (
            "Ada Lusk Governor since 9 May 2016. Elected in 2016.",
            [("Ada Lusk", "Governor", "2016-05-09", None)],
        ),
        # No office between the name and the dates: no term.
        ("Ada Lusk won from 2001 to 2009.", []),
    ],
)
def test_a_list_item_naming_its_office_after_the_name(item: str, expected: list) -> None:
    """A name set apart only by type ("<b>Ada Lusk</b> Governor from ..."), under a
    heading that names no office ("Past and present holders")."""
    assert terms(("heading", "Past and present holders"), ("list_item", item)) == expected
