"""Figures and counts judged at the claim's time, on invented references.

The Alder Basin Council (a running-total table, an infobox, prose figures bounded
in time), the Basin survey flights (a page about a closed period) and the
Kestrel Cup (names counted with their years in prose): a figure is compared
only with figures of the same measure and subject, at the date the claim speaks
of; a count of a name's wins only with that name's list.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from judging import JUDGING, verdict

COUNCIL = [JUDGING / "alder-council.html"]
FLIGHTS = [JUDGING / "basin-flights.html"]
CUP = [JUDGING / "kestrel-cup.html"]


CASES = [
    (COUNCIL, "The Alder Basin Council now has 12 member states.", "2020-01-01", "supported"),
    (COUNCIL, "The Alder Basin Council now has 11 member states.", "2020-01-01", "contradicted"),
    (COUNCIL, "The Alder Basin Council now has 10 member states.", "2010-01-01", "supported"),
    # The first figure of the series, not today's.
    (
        COUNCIL,
        "When its treaty took effect, the Alder Basin Council had six members.",
        "2020-01-01",
        "contradicted",
    ),
    (
        COUNCIL,
        "The Alder Basin Council had seven members when it was founded.",
        "2020-01-01",
        "supported",
    ),
    # Figures bounded in time: seven until 2004, nine since.
    (COUNCIL, "The nine-member Standing Board met in Port Wren.", "2010-01-01", "supported"),
    (COUNCIL, "The seven-member Standing Board met in Port Wren.", "2010-01-01", "contradicted"),
    # Three permanent members until 2004 and again in 2024: three in between.
    (COUNCIL, "The Standing Board has three permanent members.", "2010-01-01", "supported"),
    (COUNCIL, "The Standing Board has four permanent members.", "2010-01-01", "contradicted"),
    # A length or "full" says nothing of which terms are counted.
    (COUNCIL, "Ana Vell, who served two four-year terms, stepped down.", "2010-01-01", "supported"),
    (
        COUNCIL,
        "Ana Vell, who served three four-year terms, stepped down.",
        "2010-01-01",
        "contradicted",
    ),
    # Nothing counts observers at a session.
    (
        COUNCIL,
        "More than 100 observers attended the Alder Basin Council session.",
        "2010-01-01",
        "unverified",
    ),
    # A page about 1995-1999 dates its undated figures by 1999; actions tell measures apart.
    (
        FLIGHTS,
        "A dozen pilots flew over the basin between 1995 and 1999.",
        "2021-06-01",
        "supported",
    ),
    (
        FLIGHTS,
        "Ten people flew over the basin between 1995 and 1999.",
        "2021-06-01",
        "contradicted",
    ),
    (FLIGHTS, "Ten people walked the length of the basin.", "2021-06-01", "unverified"),
    (
        FLIGHTS,
        "She was one of only ten pilots to fly over the basin.",
        "2021-06-01",
        "contradicted",
    ),
    # A name's count is its own list, at the date.
    (CUP, "Calderon won the cup for a second time on Sunday.", "2001-09-01", "supported"),
    (CUP, "Calderon won the cup for a third time on Sunday.", "2001-09-01", "contradicted"),
    (CUP, "Calderon, with three titles, arrived as favourites.", "2010-01-01", "contradicted"),
    (CUP, "Calderon, with two titles, arrived as favourites.", "2010-01-01", "supported"),
    (CUP, "Norvania and Calderon have two titles each.", "2010-01-01", "contradicted"),
    (CUP, "Ostmark, the one-time champions, arrived early.", "2010-01-01", "supported"),
    # An entry that did not take place is no occurrence.
    (CUP, "The spring regatta has been held three times since 2001.", "2010-01-01", "supported"),
    (CUP, "The spring regatta has been held four times since 2001.", "2010-01-01", "contradicted"),
]


@pytest.mark.parametrize(("refs", "sentence", "date", "expected"), CASES)
def test_a_figure_is_judged_by_its_measure_and_subject_at_the_claims_time(
    tmp_path: Path, refs: list[Path], sentence: str, date: str, expected: str
) -> None:
    claim = verdict(tmp_path, sentence, refs, date)
    assert claim["verdict"] == expected, claim["reasons"]


def test_a_contradicted_figure_names_what_held_then(tmp_path: Path) -> None:
    claim = verdict(tmp_path, CASES[1][1], COUNCIL, "2020-01-01")
    assert "12 member states as of 2020-01-01 (since 2015-07-01)" in claim["reasons"][0]
