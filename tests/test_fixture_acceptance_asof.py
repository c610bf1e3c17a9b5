"""Issue 4's acceptance on the fixture articles, judged as of their dates.

Article A (24 February 2022) is right at its date although the 2023 fact
sheet counts seven invocations and NATO has 32 members now; article B,
undated, names two people who had left office by the time it reports.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from verify.cli import cli

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    db = tmp_path_factory.mktemp("asof") / "claims.db"
    pages = FIXTURES / "pages"
    args = ["check", str(pages / "article-a.html"), str(pages / "article-b.html")]
    args += ["--ref", str(FIXTURES / "references"), "--db", str(db), "--format", "json"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1, result.output
    return json.loads(result.stdout)


def document(report: dict[str, Any], name: str) -> dict[str, Any]:
    [found] = [d for d in report["documents"] if d["source"].endswith(name)]
    return found


def claim(doc: dict[str, Any], words: str) -> dict[str, Any]:
    [found] = [c for c in doc["claims"] if words in c["text"]]
    return found


def test_article_a_is_consistent_as_of_its_date(report) -> None:  # type: ignore[no-untyped-def]
    a = document(report, "article-a.html")
    assert (a["as_of"], a["as_of_source"]) == ("2022-02-24", "published")
    assert a["assessment"] == "consistent"
    invoked = claim(a, "six times")
    assert invoked["verdict"] == "supported"
    reasons = " ".join(invoked["reasons"])
    assert "as of 2022-02-24" in reasons and "6 entries" in reasons
    assert "5 entries naming Turkey" in reasons
    members = claim(a, "30 member states")
    assert members["verdict"] == "supported"
    assert "30 members as of 2022-02-24" in members["reasons"][0]


def test_article_b_office_holders_are_contradicted(report) -> None:  # type: ignore[no-untyped-def]
    b = document(report, "article-b.html")
    assert b["assessment"] == "dubious"
    grybauskaite = " ".join(claim(b, "Dalia Grybauskaite")["reasons"])
    assert claim(b, "Dalia Grybauskaite")["verdict"] == "contradicted"
    assert "Gitanas Nausėda" in grybauskaite
    mattis = claim(b, "Jim Mattis")
    assert mattis["verdict"] == "contradicted" and "Lloyd Austin" in " ".join(mattis["reasons"])
    reasons = b["assessment_reasons"]
    assert sum("out of their term" in r for r in reasons) == 2


def test_article_b_date_is_flagged_and_inferred(report) -> None:  # type: ignore[no-untyped-def]
    b = document(report, "article-b.html")
    assert b["published"] is None
    assert (b["as_of"], b["as_of_source"]) == ("2021-11", "inferred")
    assert b["inferred_date"]["date"] == "2021-11"
    assert "November 2021" in b["inferred_date"]["evidence"][0]["matched"]
    assert "the article gives no publication date" in b["assessment_reasons"]
    assert "the article names no author (no byline)" in b["assessment_reasons"]


def test_article_b_older_events_still_hold(report) -> None:  # type: ignore[no-untyped-def]
    b = document(report, "article-b.html")
    assert claim(b, "Crimea peninsula in 2014")["verdict"] == "supported"
    assert claim(b, "2015 ceasefire")["verdict"] == "supported"


def test_article_b_baltic_list_is_inconsistent(report) -> None:  # type: ignore[no-untyped-def]
    b = document(report, "article-b.html")
    assert any("Poland is not one of the Baltic states" in r for r in b["assessment_reasons"])
