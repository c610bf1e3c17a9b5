"""A count of what one of a list's many doers did ("it became the second town to
host the regatta twice") is compared only with that doer's entries: the name the
sentence before gives, when the entries give it in one column; otherwise nothing
is counted. Judged on an invented regatta's venue table and cup finals."""

from __future__ import annotations

from pathlib import Path

import pytest
from judging import JUDGING, article, check, claim_with

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
