"""An undated article is dated by the past events it reports, by agreement.

On the invented Vesper missions: sentences that give no year are matched with the
reference statements that date the same event; the month most of them agree on
wins, even over a later event one background sentence mentions; what is only
planned, or said in the future tense, dates nothing.
"""

from __future__ import annotations

from pathlib import Path

from judging import JUDGING, article, check

VESPER = [JUDGING / "vesper-missions.html"]


def dated(tmp_path: Path, body: str) -> dict:
    source = article(tmp_path / "undated.html", "News", body)
    [document] = check(tmp_path, source, refs=VESPER)["documents"]
    return document


def test_the_month_most_sentences_agree_on_wins(tmp_path: Path) -> None:
    document = dated(
        tmp_path,
        "The lander Heron touched down in the Amber Basin on Sunday.\n\n"
        "The crew of Vesper 2 had launched four days earlier.\n\n"
        "Vesper 5 would later land in the Salt Plain.",
    )
    assert document["published"] is None
    assert (document["as_of"], document["as_of_source"]) == ("1972-06", "inferred")
    assert "2 sentences" in document["inferred_date"]["reason"]


def test_future_sentences_and_planned_events_date_nothing(tmp_path: Path) -> None:
    document = dated(
        tmp_path,
        "Vesper 6 is set to carry Mara Keel back to the Grey Ridge.\n\n"
        "The lander Heron touched down in the Amber Basin on Sunday.",
    )
    assert document["as_of"] == "1972-06"
    only_future = dated(tmp_path, "Vesper 6 is set to carry Mara Keel back to the Grey Ridge.")
    assert only_future["as_of"] is None and only_future["inferred_date"] is None


def test_a_sentence_that_gives_its_own_year_is_background(tmp_path: Path) -> None:
    document = dated(tmp_path, "Vesper 5 landed in the Salt Plain in 1976, the last landing.")
    assert document["inferred_date"] is None


def test_the_same_names_doing_something_else_date_nothing(tmp_path: Path) -> None:
    """Sharing names and nouns is not reporting the same event: what was done must
    be what the reference dates ("repaired" is not "touched down")."""
    other = dated(tmp_path, "The lander Heron was repaired in the Amber Basin on Sunday.")
    assert other["inferred_date"] is None
    same = dated(tmp_path, "The lander Heron touched down in the Amber Basin on Sunday.")
    assert same["as_of"] == "1972-06"


def test_a_table_column_names_what_was_done(tmp_path: Path) -> None:
    """A dated table row says what happened in its header ("Admitted: Lissa"),
    a timeline in the present tense ("names the crew"): both date the article's
    past tense."""
    membership = JUDGING / "alder-council.html"
    source = article(
        tmp_path / "undated.html", "News", "Ostmark was admitted to the council on Monday."
    )
    [document] = check(tmp_path, source, refs=[membership])["documents"]
    assert (document["as_of"], document["as_of_source"]) == ("2006-06", "inferred")
