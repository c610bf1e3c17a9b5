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
