"""`verify export --format claimreview` over a recorded run, through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from verify.cli import cli
from verify.review import missing_fields

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def check(db: Path) -> tuple[Path, dict]:
    args = ["check", str(FIXTURES / "pages" / "article-b.html"), "--ref"]
    args += [str(FIXTURES / "references"), "--db", str(db), "--format", "json"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1, result.output
    return db, json.loads(result.stdout)


@pytest.fixture(scope="module")
def checked_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """A checked run nobody reviewed (tests that review use their own)."""
    return check(tmp_path_factory.mktemp("export") / "claims.db")


def test_export_without_reviews_publishes_nothing_and_says_why(checked_db) -> None:
    db, _ = checked_db
    result = CliRunner().invoke(cli, ["export", "--db", str(db)])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {"@context": "https://schema.org", "@graph": []}
    assert "has a reviewer's rating: nothing to publish" in result.stderr


def test_export_publishes_the_reviewers_ratings(tmp_path: Path) -> None:
    db, report = check(tmp_path / "claims.db")
    claims = report["documents"][0]["claims"]
    contradicted = next(c for c in claims if c["verdict"] == "contradicted")
    supported = next(c for c in claims if c["verdict"] == "supported")
    runner = CliRunner(env={"VERIFY_REVIEWER": "Ana"})
    decisions = [
        [str(contradicted["id"]), "--status", "rejected"],  # the alias of false
        [str(supported["id"]), "--rating", "mostly-true", "--note", "rounded figure"],
        [str(claims[-1]["id"]), "--status", "needs-work"],  # not settled: not published
    ]
    for args in decisions:
        assert runner.invoke(cli, ["review", *args, "--db", str(db)]).exit_code == 0
    out = tmp_path / "reviews.jsonld"
    args = ["export", "--db", str(db), "--publisher", "Desk Checks", "--output", str(out)]
    result = runner.invoke(cli, [*args, "--review-url", "https://checks.example/b"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    items = json.loads(out.read_text(encoding="utf-8"))["@graph"]
    ids = sorted([contradicted["id"], supported["id"]], key=[c["id"] for c in claims].index)
    assert [i["url"] for i in items] == [f"https://checks.example/b#claim-{n}" for n in ids]
    ratings = {i["url"].rsplit("-", 1)[1]: i["reviewRating"] for i in items}
    assert ratings[str(contradicted["id"])]["alternateName"] == "False"
    assert ratings[str(supported["id"])]["ratingValue"] == 4
    assert ratings[str(supported["id"])]["ratingExplanation"] == "rounded figure"
    assert {i["author"]["name"] for i in items} == {"Ana"}
    assert {i["publisher"]["name"] for i in items} == {"Desk Checks"}
    assert all(missing_fields({"@context": "x", **item}) == [] for item in items)


def test_include_unreviewed_adds_every_other_claim_as_a_machine_check(checked_db) -> None:
    db, report = checked_db
    args = ["export", "--db", str(db), "--include-unreviewed", "--author", "Old Name"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    items = json.loads(result.stdout)["@graph"]
    assert len(items) == len(report["documents"][0]["claims"])
    machine = [i for i in items if "creator" in i]
    assert machine and all(i["author"]["name"] == "Old Name" for i in machine)
    assert all(i["reviewRating"]["alternateName"].startswith("Machine check") for i in machine)


def test_export_without_a_review_url_warns(checked_db) -> None:
    db, _ = checked_db
    result = CliRunner().invoke(cli, ["export", "--db", str(db), "--include-unreviewed"])
    assert result.exit_code == 0
    assert "warning: items lack url" in result.stderr
    assert json.loads(result.stdout)["@graph"]


def test_export_from_a_missing_database_is_a_one_line_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1
    assert not (tmp_path / "none.db").exists()


def test_export_of_an_unknown_run_is_a_one_line_error(checked_db) -> None:
    db, _ = checked_db
    result = CliRunner().invoke(cli, ["export", "--db", str(db), "--run", "99"])
    assert result.exit_code == 2 and "no check run with id 99" in result.stderr
