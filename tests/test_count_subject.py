"""A count of what one of a list's many doers did is compared only with that
doer's entries: "it" is the name the sentence before gives; "Ana, a two-time
runner-up" counts Ana's entries in the runner-up column; names no entry gives
together are counted each; a standing ("a three-time champion") is open while
the year of its latest entry runs. Otherwise nothing is counted. Judged on
invented regattas, cups and sculls."""

from __future__ import annotations

from pathlib import Path

import pytest
from judging import JUDGING, article, check, claim_with, verdict

REGATTA = JUDGING / "marren-regatta.html"
CUP = JUDGING / "kestrel-cup.html"


def _judge(tmp_path: Path, body: str, date: str, ref: Path) -> dict:
    source = article(tmp_path / "article.html", "Report", body, date)
    return claim_with(check(tmp_path, source, refs=[ref]), "It became")


@pytest.mark.parametrize(
    ("count", "expected"), [("twice", "supported"), ("three times", "contradicted")]
)
def test_it_is_the_name_before_and_only_its_entries_count(
    tmp_path: Path, count: str, expected: str
):
    body = (
        "Esk Harbour staged the regatta again this summer. "
        f"It became the second town to host the regatta {count}."
    )
    claim = _judge(tmp_path, body, "1998-09-01", REGATTA)
    assert claim["verdict"] == expected, claim["reasons"]
    assert "naming Esk Harbour" in claim["reasons"][0]


def test_a_doer_nobody_names_leaves_the_count_open(tmp_path: Path):
    body = (
        "Crowds lined the banks this summer. It became the second town to host the regatta twice."
    )
    claim = _judge(tmp_path, body, "1998-09-01", REGATTA)
    assert claim["verdict"] == "unverified", claim["reasons"]


def test_a_name_in_several_columns_does_not_say_which_entries_count(tmp_path: Path):
    # Lissa hosted one final and was runner-up in another: "once" cannot be counted.
    body = "Lissa staged the final in 1993. It became the first nation to host the final once."
    claim = _judge(tmp_path, body, "2006-01-01", CUP)
    assert claim["verdict"] == "unverified", claim["reasons"]


SCULLS = JUDGING / "harrow-sculls.html"
FOURS = JUDGING / "wren-fours.html"

CASES = [
    # Alnby was host, winner and runner-up: "runners-up" names the column
    (FOURS, "2011-01-01", "Alnby, two-time runners-up, arrive as favourites.", "supported"),
    (FOURS, "2011-01-01", "Alnby, three-time runners-up, arrive as favourites.", "contradicted"),
    # two columns fit the claim's words: which one it counts is not said
    (FOURS, "2011-01-01", "Alnby, two-time hosts and runners-up, arrive.", "unverified"),
    # an "N-time" count with nobody named is no count of the whole list
    (FOURS, "2011-01-01", "Last year's hosts, three-time winners, arrive on Friday.", "unverified"),
    # no entry names both: each one's own entries are counted
    (SCULLS, "2020-01-10", "Ida Lenk joins Mara Voss as a three-time champion.", "supported"),
    # they differ (3 and 2): the claim may count them together, so nothing is said
    (SCULLS, "2020-01-10", "Ida Lenk joins Pia Roth as a three-time champion.", "unverified"),
    # in March 2019 the 2019 title may or may not have been rowed for yet
    (SCULLS, "2019-03-01", "Ida Lenk begins the season as a three-time champion.", "unverified"),
    (SCULLS, "2019-03-01", "Ida Lenk begins the season as a two-time champion.", "unverified"),
    (SCULLS, "2019-03-01", "Ida Lenk begins the season as a five-time champion.", "contradicted"),
]


@pytest.mark.parametrize(("ref", "date", "sentence", "expected"), CASES)
def test_an_n_time_count_is_of_the_names_it_describes(
    tmp_path: Path, ref: Path, date: str, sentence: str, expected: str
):
    claim = verdict(tmp_path, sentence, [ref], date)
    assert claim["verdict"] == expected, claim["reasons"]
