from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from verify.claims import date_spans, find_dates

PUBLISHED = date(2022, 2, 24)  # a Thursday


def found(text: str, published: date | None = None, base: int = 0) -> list[tuple]:
    refs = find_dates(text, base, published)
    for ref in refs:
        assert text[ref.start - base : ref.end - base] == ref.text
    return [(r.value, r.relation, r.text, r.resolved) for r in refs]


@pytest.mark.parametrize(
    ("text", "value", "relation", "span"),
    [
        ("24 February 2022", "2022-02-24", "", "24 February 2022"),
        ("on 24 February 2022", "2022-02-24", "on", "on 24 February 2022"),
        ("February 24, 2022 10:01am", "2022-02-24", "", "February 24, 2022"),
        ("Feb. 24, 2022", "2022-02-24", "", "Feb. 24, 2022"),
        ("after 11 September 2001.", "2001-09-11", "after", "after 11 September 2001"),
        ("on Thursday, February 24, 2022", "2022-02-24", "on", "on Thursday, February 24, 2022"),
        ("2022-02-24", "2022-02-24", "", "2022-02-24"),
        ("24/02/2022", "2022-02-24", "", "24/02/2022"),
        ("02/24/2022", "2022-02-24", "", "02/24/2022"),
        ("March 2014", "2014-03", "", "March 2014"),
        ("annexed in March 2014", "2014-03", "in", "in March 2014"),
        ("signed in 1949", "1949", "in", "in 1949"),
        ("members since 1949", "1949", "since", "since 1949"),
        ("annexed in 2014 and", "2014", "in", "in 2014"),
        ("by 2030 at the latest", "2030", "by", "by 2030"),
        ("before 2003,", "2003", "before", "before 2003"),
        ("until 2019", "2019", "until", "until 2019"),
        ("in early 2014", "2014", "in", "in early 2014"),
        ("in mid-2014", "2014", "in", "in mid-2014"),
        ("a 2015 ceasefire deal", "2015", "", "2015"),
        ("the treaty (1949) says", "1949", "", "1949"),
    ],
)
def test_absolute_dates(text: str, value: str, relation: str, span: str) -> None:
    assert found(text, PUBLISHED) == [(value, relation, span, False)]
    assert found(text) == [(value, relation, span, False)]


def test_seed_since_governs_the_clause() -> None:
    # "since" opens the clause whose date is "in 1949": the count runs from
    # 1949, so the relation is "since" and the span shows the governing word.
    text = (
        "It has been invoked six times since the alliance formed in 1949, "
        "with Turkey responsible for five occasions."
    )
    assert found(text) == [("1949", "since", "since the alliance formed in 1949", False)]


def test_plain_in_without_a_governing_clause_word() -> None:
    assert found("The alliance formed in 1949.") == [("1949", "in", "in 1949", False)]


def test_range_of_years() -> None:
    assert found("from 2014 to 2016") == [
        ("2014", "from", "from 2014", False),
        ("2016", "until", "to 2016", False),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "1,949 people",
        "the 1990s",
        "2000 troops arrived",
        "rose to 2000 troops",
        "03/04/2022",
        "May said so",
        "The March was long",
        "in 1700",
        "February 30, 2022",
        "pay 2022.5 units",
    ],
)
def test_not_dates(text: str) -> None:
    assert found(text, PUBLISHED) == []


def test_seed_on_thursday_resolves_to_publication_day() -> None:
    text = "A group of NATO member states on Thursday have triggered NATO Article 4"
    assert found(text, PUBLISHED) == [("2022-02-24", "on", "on Thursday", True)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("said on Tuesday after", "2022-02-22"),
        ("On Monday a patrol", "2022-02-21"),
        ("on Friday", "2022-02-18"),
        ("last Thursday", "2022-02-17"),
        ("next Monday", "2022-02-28"),
        ("yesterday", "2022-02-23"),
        ("today", "2022-02-24"),
        ("tomorrow", "2022-02-25"),
        ("last year", "2021"),
        ("this month", "2022-02"),
        ("In November, Turkey", "2021-11"),
        ("in February", "2022-02"),
        ("on 24 February", "2022-02-24"),
        ("on March 3", "2021-03-03"),
    ],
)
def test_relative_dates_resolve_against_publication(text: str, value: str) -> None:
    [ref] = find_dates(text, 0, PUBLISHED)
    assert (ref.value, ref.resolved) == (value, True)


@pytest.mark.parametrize(
    "text", ["on Thursday", "In November, Turkey", "yesterday", "on 24 February", "last year"]
)
def test_relative_dates_without_publication_stay_unresolved(text: str) -> None:
    [ref] = find_dates(text)
    assert (ref.value, ref.resolved) == ("", False)


def test_month_only_needs_a_relation_word() -> None:
    assert found("November was cold") == []
    assert found("since November") == [("", "since", "since November", False)]


def test_seed_article_b_dates() -> None:
    text = (
        "Baltic states grew increasingly alarmed when the Kremlin annexed Ukraine’s Crimea "
        "peninsula in 2014 and joined a Moscow-led military alliance."
    )
    assert found(text) == [("2014", "in", "in 2014", False)]
    text = "NATO has accused Russia of violating the terms of a 2015 ceasefire deal."
    assert found(text) == [("2015", "", "2015", False)]


def test_offsets_are_document_offsets() -> None:
    [ref] = find_dates("formed in 1949.", base=500)
    assert (ref.start, ref.end, ref.text) == (507, 514, "in 1949")


@given(
    st.text(max_size=200),
    st.integers(min_value=0, max_value=10_000),
    st.one_of(st.none(), st.dates()),
)
def test_never_crashes_and_offsets_lie_inside(text: str, base: int, published: date | None) -> None:
    for ref in find_dates(text, base, published):
        assert base <= ref.start < ref.end <= base + len(text)
        assert text[ref.start - base : ref.end - base] == ref.text
        assert ref.value == "" or ref.value[:4].isdigit()


words = st.sampled_from(
    [
        "on",
        "in",
        "since",
        "Thursday",
        "February",
        "24",
        "2022",
        "1949",
        "last",
        "next",
        "May",
        "yesterday",
        ",",
        ".",
        "-",
        "/",
        "02",
        "early",
        "the",
        "formed",
        "29",
        "Feb.",
        "of",
    ]
)


@given(
    st.lists(words, max_size=25).map(" ".join),
    st.one_of(st.none(), st.dates()),
)
def test_never_crashes_on_date_like_text(text: str, published: date | None) -> None:
    for ref in find_dates(text, 0, published):
        assert text[ref.start : ref.end] == ref.text
        if published is None and ref.resolved is False and ref.value:
            assert len(ref.value) in (4, 7, 10)


@pytest.mark.parametrize("published", [date.min, date.max])
def test_publication_dates_outside_the_handled_years_count_as_unknown(published: date) -> None:
    assert found("tomorrow and on Sunday", published) == [
        ("", "", "tomorrow", False),
        ("", "on", "on Sunday", False),
    ]


def test_date_spans_cover_the_date_words_only() -> None:
    text = "invoked since the alliance formed in 1949 and on 4 April 1949"
    assert [text[a:b] for a, b in date_spans(text)] == ["1949", "4 April 1949"]
