"""A recorded run read back from claims.db is the report the check printed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import click
import pytest
import sqlite_utils
from click.testing import CliRunner

from verify.cli import cli
from verify.cli.report import report_command
from verify.errors import StoreError
from verify.judge import CheckResult, run_check
from verify.report import latest_run_id, load_report, render, report_data
from verify.store import open_db

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ARTICLE_A_TEXT = str(FIXTURES / "articles" / "000_7ad785c25a2a454d.txt")
ARTICLE_A_PAGE = str(FIXTURES / "pages" / "article-a.html")
ARTICLE_B_PAGE = str(FIXTURES / "pages" / "article-b.html")
REFERENCES = str(FIXTURES / "references")


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, CheckResult]:
    path = tmp_path_factory.mktemp("stored") / "claims.db"
    sources = [ARTICLE_B_PAGE, ARTICLE_A_TEXT, ARTICLE_A_PAGE]
    result = run_check(open_db(path), sources, [REFERENCES])
    return path, result


def test_the_stored_report_is_the_printed_report(checked) -> None:  # type: ignore[no-untyped-def]
    path, result = checked
    expected = report_data(result)
    loaded = load_report(open_db(path))
    assert loaded == expected
    # Same keys in the same order, so --format json prints the same text.
    assert json.dumps(loaded, ensure_ascii=False) == json.dumps(expected, ensure_ascii=False)
    for fmt in ("text", "markdown"):
        assert render(loaded, fmt) == render(expected, fmt)


def test_the_report_keeps_evidence_provenance(checked) -> None:  # type: ignore[no-untyped-def]
    path, _ = checked
    db = open_db(path)
    report = load_report(db)
    evidence = [e for d in report["documents"] for c in d["claims"] for e in c["evidence"]]
    assert evidence
    for item in evidence:
        [document] = db["documents"].rows_where("sha256 = ?", [item["sha256"]])
        assert document["kind"] == "reference"
        assert item["matched"] == document["text"][item["start"] : item["end"]]
        assert item["passage"] == document["text"][item["passage_start"] : item["passage_end"]]


def copy_db(path: Path, tmp_path: Path) -> sqlite_utils.Database:
    target = tmp_path / "copy.db"
    source = sqlite_utils.Database(path)
    source.execute("pragma wal_checkpoint(truncate)")
    source.close()
    shutil.copy(path, target)
    return open_db(target)


def test_an_older_run_by_id_and_the_latest_by_default(checked, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path, first = checked
    db = copy_db(path, tmp_path)
    second = run_check(db, [ARTICLE_B_PAGE], [REFERENCES])
    assert latest_run_id(db) == second.run_id != first.run_id
    assert load_report(db)["run_id"] == second.run_id
    assert [d["source"] for d in load_report(db)["documents"]] == [ARTICLE_B_PAGE]
    older = load_report(db, first.run_id)
    assert older["run_id"] == first.run_id
    assert len(older["documents"]) == 3


def test_an_unknown_run_is_a_one_line_error(checked) -> None:  # type: ignore[no-untyped-def]
    path, _ = checked
    with pytest.raises(StoreError) as raised:
        load_report(open_db(path), 9999)
    assert "9999" in str(raised.value) and "\n" not in str(raised.value)


def test_a_database_without_runs_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no check run"):
        load_report(open_db(tmp_path / "empty.db"))


def test_runs_recorded_without_conclusions_are_judged_from_their_verdicts(
    checked,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    """Rows written before runs recorded their conclusions (m004 columns NULL):
    the assessment comes from the verdicts, the date from the publication date."""
    path, result = checked
    db = copy_db(path, tmp_path)
    db.execute(
        "update run_documents set as_of = null, as_of_source = null, inferred_date = null,"
        " assessment = null, assessment_reasons = null"
    )
    db.conn.commit()
    expected = report_data(result)
    loaded = load_report(db)
    by_source = {d["source"]: d for d in loaded["documents"]}
    page_a = by_source[ARTICLE_A_PAGE]
    assert (page_a["as_of"], page_a["as_of_source"]) == ("2022-02-24", "published")
    undated = by_source[ARTICLE_B_PAGE]
    assert undated["as_of"] is None and undated["inferred_date"] is None
    assert undated["assessment"] == "dubious"
    # Stored findings tell office holders out of term from other contradictions.
    reasons = undated["assessment_reasons"]
    assert reasons and all(
        "is contradicted" in reason or "out of their term" in reason for reason in reasons
    )
    assert any("out of their term" in reason for reason in reasons)
    assert [d["claims"] for d in loaded["documents"]] == [
        d["claims"] for d in expected["documents"]
    ]


def verdict_counts(report: dict[str, Any]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for document in report["documents"]:
        for claim in document["claims"]:
            counts[claim["verdict"]] = counts.get(claim["verdict"], 0) + 1
    return counts


def test_the_counts_agree_with_the_runs_table(checked) -> None:  # type: ignore[no-untyped-def]
    path, _ = checked
    db = open_db(path)
    report = load_report(db)
    run = db["runs"].get(report["run_id"])
    counts = verdict_counts(report)
    for verdict in ("supported", "contradicted", "unverified"):
        assert counts.get(verdict, 0) == run[verdict]


@click.group()
def reviewer_cli() -> None:
    """`verify report` as the main CLI registers it."""


reviewer_cli.add_command(report_command)


def test_report_command_prints_what_check_printed(tmp_path: Path) -> None:
    path = str(tmp_path / "claims.db")
    check = ["check", ARTICLE_B_PAGE, "--ref", REFERENCES, "--db", path]
    for fmt in ("json", "markdown", "text", "html"):
        checked = CliRunner().invoke(cli, [*check, "--format", fmt])
        assert checked.exit_code == 1, checked.output  # article B has contradictions
        again = CliRunner().invoke(reviewer_cli, ["report", "--db", path, "--format", fmt])
        assert again.exit_code == 0, again.output
        assert again.stdout == checked.stdout


def test_report_command_writes_an_older_run_to_a_file(checked, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path, result = checked
    out = tmp_path / "report.json"
    args = ["report", "--run", str(result.run_id), "--db", str(path), "--format", "json"]
    ran = CliRunner().invoke(reviewer_cli, [*args, "--output", str(out)])
    assert ran.exit_code == 0 and ran.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8")) == report_data(result)


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--run", "42"], "no check run with id 42"), (["--format", "pdf"], "Invalid value")],
)
def test_report_command_errors(checked, args: list[str], message: str) -> None:  # type: ignore[no-untyped-def]
    path, _ = checked
    ran = CliRunner().invoke(reviewer_cli, ["report", "--db", str(path), *args])
    assert ran.exit_code == 2
    assert message in ran.stderr and "Traceback" not in ran.output


def test_report_command_never_creates_a_database(tmp_path: Path) -> None:
    missing = tmp_path / "nothing.db"
    ran = CliRunner().invoke(reviewer_cli, ["report", "--db", str(missing)])
    assert ran.exit_code == 2
    assert ran.stderr.strip() == f"error: {missing}: no such database (run 'verify check' first)"
    assert not missing.exists()
