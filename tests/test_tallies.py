"""Vote tallies: "by 61 votes to 39" in an article, "61–39" in a reference.

On an invented page of the Tarn Assembly's confirmation votes: a tally written
either way confirms the same tally, a different tally is not confirmed, and a
tally never contradicts (a passage gives several votes' results, and which one a
claim means is not in the words).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from judging import JUDGING, article, check, claim_with, verdict

from verify.claims import find_quantities

VOTES = [JUDGING / "tarn-assembly-votes.html"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "confirmed by 61 votes to 39",
            [(61, "votes", "61 votes to 39"), (39, "votes against", "39")],
        ),
        ("confirmed her 61–39 on June 2", [(61, "votes", "61–39"), (39, "votes against", "39")]),
        ("approved by a vote of 96 to 3", [(96, "votes", "96 to 3"), (3, "votes against", "3")]),
        (
            "confirmed by 99 votes to none",
            [(99, "votes", "99 votes to none"), (0, "votes against", "none")],
        ),
    ],
)
def test_a_tally_is_votes_for_and_against(text: str, expected: list) -> None:
    assert [(q.value, q.counted, q.text) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Prices rose from 5 to 7 per cent.",  # a change, not a tally
        "She was elected and served 1998–2004.",  # years
        "The home side won the final 3–1.",  # a score: no voting
    ],
)
def test_what_is_no_tally(text: str) -> None:
    assert all("votes" not in q.counted for q in find_quantities(text))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # The same tally, written another way.
        ("The Assembly confirmed Ilse Marr by 61 votes to 39 on June 2, 2011.", "supported"),
        ("The Assembly confirmed Otto Quell by a vote of 88 to 12 in 2019.", "supported"),
        # Another tally is not confirmed, and does not contradict either.
        ("The Assembly confirmed Ilse Marr by 71 votes to 29 on June 2, 2011.", "unverified"),
        ("The Assembly confirmed Otto Quell by a vote of 45 to 55 in 2019.", "unverified"),
    ],
)
def test_tallies_against_the_reference(tmp_path: Path, sentence: str, expected: str) -> None:
    claim = verdict(tmp_path, sentence, VOTES, "2019-06-01")
    assert claim["verdict"] == expected, claim["reasons"]
    if expected == "supported":
        assert any(f["check"] == "tally" for f in claim["findings"])


def test_whose_vote_it_was_may_be_told_by_the_sentence_before(tmp_path: Path) -> None:
    body = (
        "Otto Quell took his seat on the Harbour Court in 2019. "
        "He was approved by 88 votes to 12 in March that year.\n\n"
        "Pia Sund was also nominated that spring. "
        "She was approved by 88 votes to 12, the clerk said."
    )
    report = check(tmp_path, article(tmp_path / "a.html", "Votes", body, "2019-06-01"), refs=VOTES)
    assert claim_with(report, "He was approved")["verdict"] == "supported"
    # The reference gives Otto Quell's tally, not hers.
    assert claim_with(report, "She was approved")["verdict"] == "unverified"
