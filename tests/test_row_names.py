"""A table row confirms a claim only when the claim's other names sit in it, and a
row whose holder the claim names itself does not contradict; a count of a list's
entries needs the list to name what the claim counts.

On an invented page of the Orsk Cup's finals (Year | Venue | Champion | Opponent).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from judging import JUDGING, verdict

CUP = [JUDGING / "orsk-cup-finals.html"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("In 2009 Ada Lusk beat Ines Kowal in Halden to win the Orsk Cup.", "supported"),
        # The 2009 final's opponent and venue are others the table lists elsewhere.
        ("In 2009 Ada Lusk beat Piet Marsh in Halden to win the Orsk Cup.", "not supported"),
        ("In 2009 Ada Lusk beat Ines Kowal in Orsk to win the Orsk Cup.", "not supported"),
        # "She": the row is found by its year alone; its opponent is not the one named.
        ("In 2009 she beat Otto Quell in Halden to win the Orsk Cup.", "not supported"),
        # The years belong to the champion before, whom the claim names itself.
        (
            "Ada Lusk was the second champion of the Orsk Cup, after Ines Kowal, "
            "who won it from 2001 to 2005.",
            "not contradicted",
        ),
        # The row of the year a reign ended is its successor's.
        ("Ines Kowal was the Orsk Cup champion until 2009.", "not contradicted"),
        # A list that never names them, and a named kind the list is not about.
        (
            "Ines Kowal and Piet Marsh met in the Orsk Cup final for the first time.",
            "not contradicted",
        ),
        ("The two Vesper rowing machines were used at the Orsk Cup.", "not contradicted"),
    ],
)
def test_rows_and_lists_speak_only_of_their_own(
    tmp_path: Path, sentence: str, expected: str
) -> None:
    found = verdict(tmp_path, sentence, CUP, "2020-01-01")["verdict"]
    if expected == "not supported":
        assert found != "supported"
    elif expected == "not contradicted":
        assert found != "contradicted"
    else:
        assert found == expected
