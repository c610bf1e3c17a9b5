"""Recorded decisions: appended with who and when, never overwritten, and
`verify review` on top of them."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from verify.cli.review import review_command
from verify.errors import StoreError
from verify.ingest import ingest
from verify.store import default_reviewer, latest_reviews, open_db, record_review, review_history

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
UTC_STAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


@pytest.fixture
def claims_db(tmp_path: Path) -> Path:
    path = tmp_path / "claims.db"
    ingest(open_db(path), [str(FIXTURES / "articles")])
    return path


@click.group()
def cli() -> None:
    """The reviewer commands, as the main CLI registers them."""


cli.add_command(review_command)


def test_a_decision_is_recorded_with_who_and_when(claims_db: Path) -> None:
    db = open_db(claims_db)
    row = record_review(db, 1, "confirmed", note="  checked the wire  ", reviewer="ana")
    assert row["claim_id"] == 1 and row["status"] == "confirmed"
    assert row["note"] == "checked the wire" and row["reviewer"] == "ana"
    assert UTC_STAMP.match(row["decided_at"])
    assert review_history(db, 1) == [row]


def test_decisions_are_appended_never_overwritten(claims_db: Path) -> None:
    db = open_db(claims_db)
    first = record_review(db, 2, "needs-work", reviewer="ana")
    second = record_review(db, 2, "rejected", note="wrong office holder", reviewer="ben")
    assert [r["status"] for r in review_history(db, 2)] == ["needs-work", "rejected"]
    assert latest_reviews(db, [2, 3]) == {2: second}
    assert first["id"] < second["id"]


def test_the_table_refuses_updates_and_deletes(claims_db: Path) -> None:
    db = open_db(claims_db)
    record_review(db, 1, "confirmed", reviewer="ana")
    for sql in ("update reviews set status = 'rejected'", "delete from reviews"):
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            db.execute(sql)
    assert [r["status"] for r in review_history(db, 1)] == ["confirmed"]


def test_an_unknown_claim_or_status_is_a_one_line_error(claims_db: Path) -> None:
    db = open_db(claims_db)
    with pytest.raises(StoreError, match="no claim with id 999"):
        record_review(db, 999, "confirmed")
    with pytest.raises(StoreError, match="unknown review status"):
        record_review(db, 1, "approved")
    with pytest.raises(StoreError, match="no claim with id 999"):
        review_history(db, 999)
    assert db["reviews"].count == 0


def test_the_reviewer_defaults_to_the_environment_then_the_login(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("VERIFY_REVIEWER", "desk-1")
    assert default_reviewer() == "desk-1"
    monkeypatch.delenv("VERIFY_REVIEWER")
    for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        monkeypatch.setenv(name, "login-name")
    assert default_reviewer() == "login-name"


def test_latest_reviews_of_many_claims(claims_db: Path) -> None:
    db = open_db(claims_db)
    ids = [row["id"] for row in db["claims"].rows]
    for claim_id in ids:
        record_review(db, claim_id, "needs-work", reviewer="ana")
        record_review(db, claim_id, "confirmed", reviewer="ben")
    latest = latest_reviews(db, ids)
    assert set(latest) == set(ids)
    assert {r["status"] for r in latest.values()} == {"confirmed"}


def test_review_command_records_and_prints_json(claims_db: Path) -> None:
    args = ["review", "3", "--status", "rejected", "--note", "Mattis left in 2019"]
    result = CliRunner().invoke(cli, [*args, "--reviewer", "ana", "--db", str(claims_db), "--json"])
    assert result.exit_code == 0, result.output
    printed = json.loads(result.stdout)
    assert printed["review"]["status"] == "rejected"
    assert printed["review"]["reviewer"] == "ana"
    assert [r["id"] for r in printed["history"]] == [printed["review"]["id"]]


def test_review_command_says_what_it_recorded(claims_db: Path) -> None:
    runner = CliRunner(env={"VERIFY_REVIEWER": "desk-2"})
    args = ["review", "1", "--status", "confirmed", "--db", str(claims_db)]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0
    assert "claim 1" in result.stdout and "confirmed" in result.stdout
    assert "desk-2" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["review", "999", "--status", "confirmed"], "no claim with id 999"),
        (["review", "1", "--status", "approved"], "Invalid value for '--status'"),
    ],
)
def test_review_command_errors(claims_db: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(cli, [*args, "--db", str(claims_db)])
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert open_db(claims_db)["reviews"].count == 0


def test_review_command_never_creates_a_database(tmp_path: Path) -> None:
    missing = tmp_path / "missing.db"
    result = CliRunner().invoke(cli, ["review", "1", "--status", "confirmed", "--db", str(missing)])
    assert result.exit_code == 2
    assert "no such database" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not missing.exists()


def test_review_command_leaves_a_file_that_is_not_a_database_alone(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"not a database, just notes\n" * 10)
    result = CliRunner().invoke(cli, ["review", "1", "--status", "confirmed", "--db", str(path)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {path}: not a SQLite database")
    assert len(result.stderr.strip().splitlines()) == 1
    assert path.read_bytes() == b"not a database, just notes\n" * 10
