"""Running totals written into a dated list ("1 April 1996 – Eskdale and Farrow
(6).") give the count from each entry's date on, and a figure of a named body
says nothing of another's: judged on an invented rowing league's membership page."""

from __future__ import annotations

from pathlib import Path

import pytest
from judging import JUDGING, verdict

from verify.facts.running_totals import intro_measure, running_total
from verify.records import Fact

LEAGUE = JUDGING / "tarn-valley-league.html"


def _entry(text: str, date: str = "1996-04-01") -> Fact:
    return Fact("event", text, date=date, group="Expansion")


def test_a_total_in_parentheses_counts_the_noun_named_before():
    assert intro_measure("Admissions, giving the count of member teams following each intake:") == (
        "member teams"
    )
    first, noun = running_total(_entry("1 April 1990 – founders: A and B (4 member teams)."), None)
    assert first is not None and (first.measure, first.value, noun) == ("member teams", 4, noun)
    later, _ = running_total(_entry("1 April 1996 – Eskdale and Farrow (6)."), noun)
    assert later is not None and (later.measure, later.value, later.date) == (
        "member teams",
        6,
        "1996-04-01",
    )


def test_no_total_without_a_noun_or_for_an_entry_that_did_not_happen():
    assert running_total(_entry("1 April 1996 – Eskdale and Farrow (6)."), None)[0] is None
    cancelled = Fact("event", "1999 – expansion (8).", date="1999", status="not held")
    assert running_total(cancelled, "member teams")[0] is None
    assert running_total(_entry("1 April 1996 – Eskdale (the hosts)."), "teams")[0] is None


@pytest.mark.parametrize(
    ("sentence", "date", "expected", "reason"),
    [
        # the total in force at the article's date, from the list
        ("For now the league still counts 12 members.", "2012-05-01", "supported", "12 member"),
        ("The league had nine members at the time.", "2005-06-01", "supported", "9 member"),
        ("The league had ten members at the time.", "2005-06-01", "contradicted", "9 member"),
        # an entry's total holds until the next entry's date
        ("The league had six members at the time.", "1999-06-01", "supported", "6 member"),
        ("The league had seven members at the time.", "1999-06-01", "contradicted", "6 member"),
    ],
)
def test_membership_is_read_from_running_totals_at_the_articles_date(
    tmp_path: Path, sentence: str, date: str, expected: str, reason: str
):
    claim = verdict(tmp_path, sentence, [LEAGUE], date)
    assert claim["verdict"] == expected, claim["reasons"]
    assert any(reason in r for r in claim["reasons"]), claim["reasons"]


def test_a_figure_of_another_body_says_nothing_of_an_unnamed_ones_members(tmp_path: Path):
    sentence = "Four of the seven members of the Race Committee backed the change."
    claim = verdict(tmp_path, sentence, [LEAGUE], "2019-06-01")
    assert claim["verdict"] == "unverified", claim["reasons"]
