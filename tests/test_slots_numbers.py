import pytest
from hypothesis import given
from hypothesis import strategies as st

from verify.claims import find_quantities, is_partitive


def found(text: str, base: int = 0) -> list[tuple[float, str, str]]:
    quantities = find_quantities(text, base)
    for q in quantities:
        assert text[q.start - base : q.end - base] == q.text
    return [(q.value, q.counted, q.text) for q in quantities]


def test_seed_invocations_sentence() -> None:
    text = (
        "It has been invoked six times since the alliance formed in 1949, "
        "with Turkey responsible for five occasions."
    )
    assert found(text) == [(6.0, "times", "six times"), (5.0, "occasions", "five occasions")]


def test_seed_member_states_sentence() -> None:
    text = "Consultation under Article 4 can lead to collective action among the 30 member states."
    assert found(text) == [(30.0, "member states", "30 member states")]


def test_offsets_are_document_offsets() -> None:
    text = "among the 30 member states."
    [quantity] = find_quantities(text, base=100)
    assert (quantity.start, quantity.end) == (110, 126)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("killed 33 soldiers", (33.0, "soldiers", "33 soldiers")),
        ("killed 33 Turkish soldiers", (33.0, "Turkish soldiers", "33 Turkish soldiers")),
        ("signed by 12 founding members", (12.0, "founding members", "12 founding members")),
        ("a request by eight allies", (8.0, "allies", "eight allies")),
        ("Three Baltic states will", (3.0, "Baltic states", "Three Baltic states")),
        ("about 1,000 people", (1000.0, "people", "1,000 people")),
        ("growth of 3.5 percent", (3.5, "percent", "3.5 percent")),
        ("a 12% rise", (12.0, "percent", "12%")),
        ("twenty-five soldiers", (25.0, "soldiers", "twenty-five soldiers")),
        ("a dozen drones", (12.0, "drones", "a dozen drones")),
        ("two hundred and fifty people", (250.0, "people", "two hundred and fifty people")),
        ("thirty ships", (30.0, "ships", "thirty ships")),
        ("for about 12 minutes", (12.0, "minutes", "12 minutes")),
        ("over 7 months old", (7.0, "months", "7 months")),
        ("one soldier died", (1.0, "soldier", "one soldier")),
        ("£30 million", (30_000_000.0, "pounds", "£30 million")),
        ("$3.5bn in aid", (3_500_000_000.0, "dollars", "$3.5bn")),
        ("the toll rose to 30.", (30.0, "", "30")),
        ("2000 troops arrived", (2000.0, "troops", "2000 troops")),
    ],
)
def test_quantity_and_what_it_counts(text: str, expected: tuple[float, str, str]) -> None:
    assert found(text) == [expected]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("invoked once, after the attacks", 1.0),
        ("invoked only once in its history", 1.0),
        ("met twice", 2.0),
        ("tried thrice.", 3.0),
    ],
)
def test_once_twice_thrice_count_times(text: str, value: float) -> None:
    assert [(q.value, q.counted) for q in find_quantities(text)] == [(value, "times")]


@pytest.mark.parametrize(
    "text",
    [
        "The treaty was signed in 1949.",
        "It was formed in 2014 and changed since 1949.",
        "a 2015 ceasefire deal",
        "on 24 February 2022",
        "on February 24, the council met",
        "February 24, 2022 10:01am",
        "at 10 a.m. local time",
        "Consultation under Article 4 began",
        "Articles 4 and 5 of the treaty",
        "triggered NATO’s Article 4",
        "Flight 17 crashed",
        "the first and second meetings",
        "on the 3rd",
        "the 1990s",
        "an attack on one as an attack on all",
        "one of them",
        "one or more of them",
        "no one said",
        "once the war ends",
        "leave at once",
        "once again",
        "a one-off payment",
        "two-thirds of voters",
        "2022-02-24",
        "24/02/2022",
        "a MiG-31 jet",
        "COVID-19 cases",
    ],
)
def test_names_dates_and_pronouns_are_not_quantities(text: str) -> None:
    assert found(text) == []


def test_several_quantities_in_order() -> None:
    text = "three Russian MiG-31 jets stayed for about 12 minutes, and 19 violations followed."
    assert found(text) == [
        (3.0, "Russian MiG-31 jets", "three Russian MiG-31 jets"),
        (12.0, "minutes", "12 minutes"),
        (19.0, "violations", "19 violations"),
    ]


def test_thousands_separator_number_is_not_a_year() -> None:
    assert found("1,949 people") == [(1949.0, "people", "1,949 people")]


@given(st.text(max_size=200), st.integers(min_value=0, max_value=10_000))
def test_never_crashes_and_offsets_lie_inside(text: str, base: int) -> None:
    for quantity in find_quantities(text, base):
        assert base <= quantity.start < quantity.end <= base + len(text)
        assert text[quantity.start - base : quantity.end - base] == quantity.text


words = st.sampled_from(
    [
        "one",
        "twice",
        "30",
        "1,000",
        "3.5",
        "%",
        "member",
        "states",
        "in",
        "1949",
        "February",
        "24",
        "Article",
        "4",
        "and",
        "a",
        "dozen",
        "-",
        "£",
        " ",
        ",",
        ".",
        "times",
        "twenty",
    ]
)


@given(st.lists(words, max_size=30).map(" ".join), st.integers(min_value=0, max_value=99))
def test_never_crashes_on_number_like_text(text: str, base: int) -> None:
    for quantity in find_quantities(text, base):
        assert text[quantity.start - base : quantity.end - base] == quantity.text


def test_a_count_inside_a_governed_date_clause_is_kept() -> None:
    # The date span runs from "since" to "1949"; only the year itself is skipped.
    assert found("since the five allies formed in 1949") == [(5.0, "allies", "five allies")]


def test_a_capitalised_word_before_a_count_does_not_make_it_a_label() -> None:
    assert found("Killing 33 soldiers, the strike") == [(33.0, "soldiers", "33 soldiers")]
    assert found("Apollo 11 landed") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("invoked six times since 1990, four of them by Freedonia", (4.0, "times", "four of them")),
        ("It has 30 members, 12 of which were founders.", (12.0, "members", "12 of which")),
        ("nine requests, three of those from Velmora", (3.0, "requests", "three of those")),
    ],
)
def test_a_partitive_counts_what_the_quantity_before_it_counts(
    text: str, expected: tuple[float, str, str]
) -> None:
    found = find_quantities(text)
    last = found[-1]
    assert (last.value, last.counted, last.text) == expected
    assert is_partitive(last) and not is_partitive(found[0])
    assert len(found) == 2  # the bare number is not also a quantity of its own


@pytest.mark.parametrize("text", ["an attack on one of them", "three of those were seen"])
def test_a_partitive_with_nothing_before_it_is_no_count(text: str) -> None:
    assert find_quantities(text) == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the three-time winners", [(3.0, "times", False)]),
        ("Calderon won for a third time.", [(3.0, "times", False)]),
        ("Ostmark became the tenth member in 2006.", [(10.0, "member", False)]),
        ("a nine-member board", [(9.0, "member", False)]),
        ("Eighteen of the 21 members voted.", [(18.0, "members", True), (21.0, "members", False)]),
        ("three of their titles in Europe", [(3.0, "titles", True)]),
        # A superlative and a holder's rank are not counts.
        ("the first country to join", []),
        ("the seventh person to hold the post", []),
    ],
)
def test_occurrences_ranks_and_parts(text: str, expected: list[tuple[float, str, bool]]) -> None:
    found = [(q.value, q.counted, is_partitive(q)) for q in find_quantities(text)]
    assert found == expected
