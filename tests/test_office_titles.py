"""A title that is one word of the office a person held: "Judge Ines Kowal" for an
Associate Judge of the invented Tarn Tribunal, whose table names its people by what
they are ("Judge | Position | Appointed by | From | To").

The one word confirms the office the person held at the date; it never contradicts,
since "Minister X" or "Judge X" may be another post the references do not list.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from judging import JUDGING, verdict

from verify.facts import has_seats
from verify.records import Fact

TRIBUNAL = [JUDGING / "tarn-tribunal.html"]


@pytest.mark.parametrize(
    ("sentence", "date", "expected"),
    [
        ("Judge Ines Kowal dismissed the appeal of the harbour board.", "2008-05-01", "supported"),
        # After her term: the one word may be another post, so nothing is said.
        ("Judge Ines Kowal dismissed the appeal of the harbour board.", "2015-05-01", "unverified"),
        # The whole office, written out, does contradict.
        (
            "Associate Judge Ines Kowal dismissed the appeal of the harbour board.",
            "2015-05-01",
            "contradicted",
        ),
        ("Judge Piet Marsh dismissed the appeal of the harbour board.", "2015-05-01", "supported"),
    ],
)
def test_a_one_word_title_confirms_the_office_held(
    tmp_path: Path, sentence: str, date: str, expected: str
) -> None:
    claim = verdict(tmp_path, sentence, TRIBUNAL, date)
    assert claim["verdict"] == expected, claim["reasons"]


# --- offices of several seats ----------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "date", "expected"),
    [
        # A later associate judge took another seat: Piet Marsh still sits.
        ("Associate Judge Piet Marsh wrote the ruling.", "2016-05-01", "supported"),
        # One's own listed end still counts.
        ("Associate Judge Otto Quell wrote the ruling.", "2016-05-01", "contradicted"),
        # Whose seat a newcomer took is not in a list of several seats.
        ("Ilse Marr succeeded Piet Marsh on the tribunal in 2012.", "2016-05-01", "unverified"),
        # Someone not listed may hold a seat the list leaves out.
        ("Tarn Tribunal Associate Judge Rolf Brandt wrote the ruling.", "2016-05-01", "unverified"),
    ],
)
def test_an_office_of_several_seats(
    tmp_path: Path, sentence: str, date: str, expected: str
) -> None:
    claim = verdict(tmp_path, sentence, TRIBUNAL, date)
    assert claim["verdict"] == expected, claim["reasons"]


def _term(holder: str, start: str, end: str | None) -> Fact:
    return Fact("term", holder, start_date=start, end_date=end, holder=holder, office="Judge")


def test_seats_are_told_by_terms_that_surely_overlap() -> None:
    assert has_seats([_term("Ada Lusk", "2001", "2009"), _term("Ines Kowal", "2005", "2012")])
    # Coarse years that meet at a handover are one seat.
    assert not has_seats([_term("Ada Lusk", "2001", "2006"), _term("Ines Kowal", "2006", "2011")])
    # A term with no end given tells nothing of overlap.
    assert not has_seats([_term("Ada Lusk", "2001", None), _term("Ines Kowal", "2005", "2012")])


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Ada Lusk, Ines Kowal and Piet Marsh sat on 1 June 2010.
        ("The retirement leaves three judges on the tribunal.", "supported"),
        ("The retirement leaves two associate judges on the tribunal.", "supported"),
        # A list of seats may leave some out: a count it does not reach is no contradiction.
        ("The retirement leaves four judges on the tribunal.", "unverified"),
    ],
)
def test_how_many_held_an_office_of_several_seats(
    tmp_path: Path, sentence: str, expected: str
) -> None:
    claim = verdict(tmp_path, sentence, TRIBUNAL, "2010-06-01")
    assert claim["verdict"] == expected, claim["reasons"]
