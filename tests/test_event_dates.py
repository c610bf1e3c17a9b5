"""A claim's date is compared only with the date of the same event.

On invented references (the Kestrel Cup, the Vesper missions): a date of another
event in the same passage, a page's "Last updated" line or a neighbouring timeline
entry never contradicts; a one-off event's wrong date does; a repeatable event is
contradicted only by the row a dated table keeps for its date.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from judging import JUDGING, verdict

CUP = [JUDGING / "kestrel-cup.html"]
VESPER = [JUDGING / "vesper-missions.html"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # The landing's date, not the launch's, in the same entry.
        ("The lander Heron touched down in the Amber Basin on 18 June 1972.", "supported"),
        ("Ilka Saarinen and Tomas Brel landed on Halcyon on 18 June 1971.", "contradicted"),
        ("Mara Keel and Oskar Vint landed on Halcyon on 24 August 1974.", "supported"),
        # Entry-wide agreement: every date of the Vesper 1 entry is in May 1971.
        ("Vesper 1 returned to base four days after launch, in May 1971.", "supported"),
    ],
)
def test_a_landing_is_dated_by_its_own_entry(tmp_path: Path, sentence: str, expected: str) -> None:
    claim = verdict(tmp_path, sentence, VESPER, "2020-01-01")
    assert claim["verdict"] == expected, claim["reasons"]


def test_a_neighbouring_entry_of_a_timeline_is_another_event(tmp_path: Path) -> None:
    # Vesper 4's entry says 1974; Vesper 5's 1976: "Vesper 5 landed in 1975" is not
    # contradicted by Vesper 4's landing, but by its own.
    claim = verdict(tmp_path, "Vesper 5 landed in the Salt Plain in 1975.", VESPER, "2020-01-01")
    assert claim["verdict"] == "contradicted"
    assert "15 October 1976" in claim["reasons"][0]


def test_the_pages_updated_line_is_not_an_event(tmp_path: Path) -> None:
    claim = verdict(tmp_path, "The Vesper missions were updated on 9 September 2021.", VESPER)
    assert claim["verdict"] != "contradicted", claim["reasons"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Calderon won the cup in 1993.", "supported"),
        ("Calderon won the cup in 1989.", "contradicted"),  # the 1989 row: Norvania
        ("Ostmark's only title came in 2001.", "contradicted"),  # the 2001 row: Calderon
        ("The cup was not held in 1997 because of the Great Flood.", "supported"),
        ("The cup was not held in 1993 because of the Great Flood.", "contradicted"),
    ],
)
def test_a_dated_table_keeps_the_event_of_each_date(
    tmp_path: Path, sentence: str, expected: str
) -> None:
    claim = verdict(tmp_path, sentence, CUP, "2020-01-01")
    assert claim["verdict"] == expected, claim["reasons"]


def test_not_since_a_date_is_not_denied_by_that_dates_row(tmp_path: Path) -> None:
    """ "Has not won since 1989" names 1989 as the last win: its row agrees."""
    claim = verdict(tmp_path, "Norvania have not won the cup since 1989.", CUP, "2006-01-01")
    assert claim["verdict"] != "contradicted", claim["reasons"]


def test_a_repeated_event_is_not_contradicted_by_another_occurrence(tmp_path: Path) -> None:
    # "Two hosts have won the cup: Norvania in 1981" is one of Norvania's wins.
    claim = verdict(
        tmp_path, "Norvania, the hosts, won in 1985.", CUP[:0] + [_prose_only(tmp_path)]
    )
    assert claim["verdict"] != "contradicted", claim["reasons"]


def test_a_one_off_event_marked_first_is_contradicted(tmp_path: Path) -> None:
    claim = verdict(
        tmp_path, "Norvania won the first cup, on home soil, in 1985.", [_prose_only(tmp_path)]
    )
    assert claim["verdict"] == "contradicted", claim["reasons"]


def _prose_only(tmp_path: Path) -> Path:
    """The cup page without its table: only the prose dates the wins."""
    text = (JUDGING / "kestrel-cup.html").read_text(encoding="utf-8")
    start, end = text.index("<h2>Finals</h2>"), text.index("</table>") + len("</table>")
    path = tmp_path / "prose.html"
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # The date a relation word governs is its own name's event, whatever the
        # main clause denies.
        ("No one has landed on Halcyon since Vesper 5 in 1976.", "supported"),
        ("It was the first landing since Vesper 2 in 1973.", "contradicted"),
        # A landing the reference says was abandoned did not happen.
        ("Vesper 3 landed on the Grey Ridge in 1973.", "contradicted"),
        # A date set off by commas dates the whole sentence around it.
        ("The next mission, in 2031, will take a crew of three to the Grey Ridge.", "supported"),
    ],
)
def test_what_a_date_is_the_date_of(tmp_path: Path, sentence: str, expected: str) -> None:
    claim = verdict(tmp_path, sentence, VESPER, "2024-01-01")
    assert claim["verdict"] == expected, claim["reasons"]


def test_sharing_only_first_is_no_same_event(tmp_path: Path) -> None:
    """ "First introduced" and "the first election": which of a kind, not what happened."""
    reference = tmp_path / "orsk-wardens.html"
    reference.write_text(
        "<html><head><title>Wardens of Orsk</title></head><body><article>"
        "<h1>Wardens of Orsk</h1><p>The office of Warden of Orsk was created by the "
        "Harbour Act 1989, and the first wardens' election in Orsk was held on 4 May "
        "1990.</p></article></body></html>",
        encoding="utf-8",
    )
    claim = verdict(
        tmp_path, "The toll zone was first introduced in Orsk in April 2019.", [reference]
    )
    assert claim["verdict"] != "contradicted", claim["reasons"]


def test_an_election_entry_dates_nothing_else_the_person_did(tmp_path: Path) -> None:
    reference = tmp_path / "orsk-elections.html"
    reference.write_text(
        "<html><head><title>Wardens of Orsk</title></head><body><article>"
        "<h1>Wardens of Orsk</h1><h2>Elections</h2><ul>"
        "<li>4 May 2000 – Ada Lusk elected</li><li>10 June 2004 – Ada Lusk re-elected</li>"
        "</ul></article></body></html>",
        encoding="utf-8",
    )
    elected = verdict(tmp_path, "Ada Lusk was re-elected Warden of Orsk in 2004.", [reference])
    assert elected["verdict"] == "supported", elected["reasons"]
    other = verdict(
        tmp_path, "The Orsk harbour toll was introduced by Ada Lusk in 2004.", [reference]
    )
    assert other["verdict"] != "supported", other["reasons"]
