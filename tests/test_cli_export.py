"""`verify export --format claimreview` over a recorded run, through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from verify.cli import cli
from verify.review import missing_fields

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture(scope="module")
def checked_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    db = tmp_path_factory.mktemp("export") / "claims.db"
    args = ["check", str(FIXTURES / "pages" / "article-b.html"), "--ref"]
    args += [str(FIXTURES / "references"), "--db", str(db), "--format", "json"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1, result.output
    return db, json.loads(result.stdout)


def test_export_writes_one_valid_item_per_claim(checked_db, tmp_path: Path) -> None:
    db, report = checked_db
    out = tmp_path / "reviews.jsonld"
    args = ["export", "--db", str(db), "--author", "Desk Checks", "--output", str(out)]
    args += ["--review-url", "https://checks.example/b"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    items = json.loads(out.read_text(encoding="utf-8"))["@graph"]
    claims = report["documents"][0]["claims"]
    expected = [f"https://checks.example/b#claim-{c['id']}" for c in claims]
    assert [i["url"] for i in items] == expected
    assert all(missing_fields(item) == [] for item in items)
    assert {i["author"]["name"] for i in items} == {"Desk Checks"}
    contradicted = [c for c in claims if c["verdict"] == "contradicted"]
    assert sum(i["reviewRating"]["ratingValue"] == 1 for i in items) == len(contradicted)


def test_export_without_a_review_url_warns(checked_db) -> None:
    db, _ = checked_db
    result = CliRunner().invoke(cli, ["export", "--db", str(db)])
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
