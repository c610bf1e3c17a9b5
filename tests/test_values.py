"""Which figures held at a date, what a figure measures, and how the reason says it.

Every figure here is invented (the Orvand Compact and its members), so the rules
are about the shape of the facts, never about a story.
"""

from __future__ import annotations

import pytest

from verify.facts import (
    Figure,
    FigureIndex,
    figures_of,
    first,
    in_force,
    measure_of,
    same_measure,
    value_text,
)
from verify.records import Fact


def value(
    day: str,
    number: float,
    measure: str = "members",
    end: str | None = None,
    dated_by: str = "text",
    text: str = "",
) -> Fact:
    return Fact(
        "value",
        text or f"Date: {day}; Members: {number:g}",
        date=day,
        end_date=end,
        measure=measure,
        value=number,
        dated_by=dated_by,
    )


MEMBERS = figures_of(
    [
        value("2001-01-01", 7),
        value("2008-05-01", 9),
        value("2016-02-10", 11),
        value("2018-06-30", 11),  # a page restating 11
        value("2021-09-01", 12),
    ],
    {},
)


def held(at: str, figures: list[Figure] = MEMBERS) -> list[float]:
    return [f.value for f in in_force(figures, at)]


def test_the_figure_in_force_is_the_latest_begun():
    assert held("2010-05-01") == [9]
    assert held("2000-06-01") == []
    assert held("2030") == [12]


def test_on_the_day_of_a_change_either_value_may_be_meant():
    assert held("2016-02-10") == [9, 11]
    assert held("2016-02-09") == [9]


def test_a_coarse_date_reads_its_end():
    assert held("2016") == [9, 11]  # a change fell in that year
    assert held("2017") == [11]


def test_a_bounded_figure_ends():
    bounded = figures_of([value("1946", 11, end="1965"), value("1966-01", 15)], {})
    assert held("1960", bounded) == [11]
    assert held("1980", bounded) == [15]
    only_bounded = figures_of([value("1946", 11, end="1965")], {})
    assert held("1980", only_bounded) == []


def test_a_value_known_before_and_after_held_in_between():
    # Five until 1965 by one page, five as of 2025 by another: five in 2013.
    known = figures_of([value("1946", 5, end="1965"), value("2025-03-02", 5, dated_by="page")], {})
    assert held("2013", known) == [5, 5]
    changed = figures_of(
        [value("1946", 11, end="1965"), value("2025-03-02", 15, dated_by="page")], {}
    )
    assert held("2013", changed) == []


def test_a_page_dated_figure_says_nothing_of_before_and_is_no_first_value():
    paged = figures_of([value("2025-03-02", 193, "member states", dated_by="page")], {})
    assert held("2013", paged) == []
    assert first(paged) == []
    assert [f.value for f in first(MEMBERS)] == [7]


def test_value_text_names_the_value_then_the_next_change_and_the_latest():
    nine = in_force(MEMBERS, "2010-05-01")[0]
    assert value_text(MEMBERS, nine, "2010-05-01") == (
        "9 members as of 2010-05-01 (since 2008-05-01); 11 since 2016-02-10; "
        "12 since 2021-09-01 (the latest)"
    )
    eleven = in_force(MEMBERS, "2019-03-01")[0]
    # Since the value first held, not since the 2018 page that restated it.
    assert value_text(MEMBERS, eleven, "2019-03-01") == (
        "11 members as of 2019-03-01 (since 2016-02-10); 12 since 2021-09-01"
    )


@pytest.mark.parametrize(
    ("claimed", "figure", "same"),
    [
        (("member states", "now with nine member states"), ("members", "Members: 9"), True),
        (("permanent members", "six permanent members"), ("members", "had eleven members"), False),
        (("members", "had 50 members"), ("founding members", "51 founding members"), False),
        (("soldiers", "five soldiers"), ("members", "Members: 9"), False),
        (
            ("astronauts", "a dozen astronauts walked on Halcyon"),
            ("astronauts", "Twelve astronauts walked on Halcyon"),
            True,
        ),
        (
            ("astronauts", "a dozen astronauts walked on Halcyon"),
            ("astronauts", "24 astronauts flew to Halcyon"),
            False,
        ),
        (
            ("people", "ten people have walked on it"),
            ("pilots", "twelve pilots walked on it"),
            True,
        ),
        (("people", "ten people live there"), ("pilots", "twelve pilots live there"), False),
    ],
)
def test_same_measure(claimed: tuple[str, str], figure: tuple[str, str], same: bool):
    assert same_measure(measure_of(*claimed), measure_of(*figure)) is same


def test_the_index_offers_figures_of_the_claims_noun_and_modifiers():
    facts = [
        value("2001-01-01", 7, "member states"),
        value("2001-01-01", 3, "permanent members"),
        value("2001-01-01", 40, "staff"),
    ]
    index = FigureIndex(facts, {})

    def offered(counted: str) -> list[float]:
        return [f.value for f in index.candidates(measure_of(counted, counted))]

    # Figures of the claim's noun ("member states" are members); same_measure then
    # turns down the permanent members a plain "members" does not name.
    assert offered("members") == [7, 3]
    assert offered("permanent members") == [3]
    assert offered("the") == []  # nothing counted, nothing offered


def test_a_claim_about_the_first_figure_meets_founding_figures():
    founders = measure_of("founding members", "51 founding members")
    assert same_measure(measure_of("members", "had 50 members"), founders, initial=True)
