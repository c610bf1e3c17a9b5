"""Whose figure a figure is: an ordinal numbers the body joined, not the joiner; an
"N-member" compound is the size of the body it names; a number written with a
hyphen ("Twenty-one states") keeps its verb. Judged on an invented treaty body."""

from __future__ import annotations

from pathlib import Path

import pytest
from judging import verdict

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Skerry Isles Compact - OpenReference</title></head><body><main>
<h1>Skerry Isles Compact</h1>
<p>The Skerry Isles Compact is a treaty body of island states.</p>
<p>Brannock became the 14th member state on 2 May 2009.</p>
{extra}
</main></body></html>"""
TRIBUNAL = "<p>Since 2001 the compact's tribunal has had seven members.</p>"


def _judge(tmp_path: Path, sentence: str, extra: str = "") -> dict:
    ref = tmp_path / "compact.html"
    ref.write_text(PAGE.format(extra=extra), encoding="utf-8")
    return verdict(tmp_path, sentence, [ref], "2009-05-02")


@pytest.mark.parametrize(("count", "expected"), [("14", "supported"), ("13", "contradicted")])
def test_an_ordinal_counts_the_body_joined_not_the_joiner(
    tmp_path: Path, count: str, expected: str
):
    claim = _judge(tmp_path, f"The compact now brings together {count} member states.")
    assert claim["verdict"] == expected, claim["reasons"]


def test_an_n_member_body_is_not_sized_by_another_bodys_members(tmp_path: Path):
    claim = _judge(tmp_path, "The appeal went to the nine-member tribunal of the compact.")
    assert claim["verdict"] == "unverified", claim["reasons"]


@pytest.mark.parametrize(("count", "expected"), [("seven", "supported"), ("nine", "contradicted")])
def test_an_n_member_body_is_sized_by_its_own_figure(tmp_path: Path, count: str, expected: str):
    claim = _judge(tmp_path, f"The appeal went to the {count}-member tribunal.", TRIBUNAL)
    assert claim["verdict"] == expected, claim["reasons"]


def test_a_hyphenated_number_keeps_its_verb(tmp_path: Path):
    # "Twenty-one states signed": the states that signed, not the members counted.
    claim = _judge(tmp_path, "Twenty-one states signed the accord that day.")
    assert claim["verdict"] == "unverified", claim["reasons"]
