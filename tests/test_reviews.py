"""Recorded decisions: ratings in the fact-checkers' words (or needs-work), appended
with who and when, never overwritten, and `verify review` on top of them."""

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
    row = record_review(db, 1, "mostly-true", note="  checked the wire  ", reviewer="ana")
    assert row["claim_id"] == 1 and row["status"] == "rated"
    assert row["rating"] == "mostly-true" and row["alias"] is None
    assert row["note"] == "checked the wire" and row["reviewer"] == "ana"
    assert UTC_STAMP.match(row["decided_at"])
    assert review_history(db, 1) == [row]


@pytest.mark.parametrize("rating", ["true", "mostly-true", "misleading", "false", "unproven"])
def test_every_rating_is_accepted_by_the_table(claims_db: Path, rating: str) -> None:
    row = record_review(open_db(claims_db), 1, rating, reviewer="ana")
    assert (row["status"], row["rating"]) == ("rated", rating)


@pytest.mark.parametrize(
    ("word", "status", "rating", "alias"),
    [
        ("confirmed", "rated", "true", "confirmed"),  # the claim holds
        ("rejected", "rated", "false", "rejected"),  # the claim is false
        ("needs-work", "needs-work", None, None),
    ],
)
def test_the_older_words_are_aliases_of_ratings(
    claims_db: Path, word: str, status: str, rating: str | None, alias: str | None
) -> None:
    row = record_review(open_db(claims_db), 1, word, reviewer="ana")
    assert (row["status"], row["rating"], row["alias"]) == (status, rating, alias)


def test_the_table_refuses_a_rating_without_its_status(claims_db: Path) -> None:
    db = open_db(claims_db)
    bad_rows = [
        ("rated", None),  # rated, but with no rating
        ("needs-work", "true"),  # needs work, yet rated
        ("rated", "approved"),  # not a rating
    ]
    for status, rating in bad_rows:
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            db.execute(
                "insert into reviews (claim_id, status, rating, reviewer, decided_at)"
                " values (1, ?, ?, 'ana', '2026-01-01T00:00:00Z')",
                [status, rating],
            )
    assert db["reviews"].count == 0


def test_decisions_are_appended_never_overwritten(claims_db: Path) -> None:
    db = open_db(claims_db)
    first = record_review(db, 2, "needs-work", reviewer="ana")
    second = record_review(db, 2, "false", note="wrong office holder", reviewer="ben")
    assert [r["status"] for r in review_history(db, 2)] == ["needs-work", "rated"]
    assert latest_reviews(db, [2, 3]) == {2: second}
    assert first["id"] < second["id"]


def test_the_table_refuses_updates_and_deletes(claims_db: Path) -> None:
    db = open_db(claims_db)
    record_review(db, 1, "true", reviewer="ana")
    for sql in ("update reviews set rating = 'false'", "delete from reviews"):
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            db.execute(sql)
    assert [r["rating"] for r in review_history(db, 1)] == ["true"]


def test_an_unknown_claim_or_decision_is_a_one_line_error(claims_db: Path) -> None:
    db = open_db(claims_db)
    with pytest.raises(StoreError, match="no claim with id 999"):
        record_review(db, 999, "true")
    with pytest.raises(StoreError, match="unknown review decision 'approved'"):
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
        record_review(db, claim_id, "misleading", reviewer="ben")
    latest = latest_reviews(db, ids)
    assert set(latest) == set(ids)
    assert {r["rating"] for r in latest.values()} == {"misleading"}


def test_review_command_records_and_prints_json(claims_db: Path) -> None:
    args = ["review", "3", "--rating", "false", "--note", "Mattis left in 2019"]
    result = CliRunner().invoke(cli, [*args, "--reviewer", "ana", "--db", str(claims_db), "--json"])
    assert result.exit_code == 0, result.output
    printed = json.loads(result.stdout)
    assert printed["review"]["rating"] == "false" and printed["review"]["status"] == "rated"
    assert printed["review"]["reviewer"] == "ana"
    assert [r["id"] for r in printed["history"]] == [printed["review"]["id"]]


def test_review_command_says_what_it_recorded(claims_db: Path) -> None:
    runner = CliRunner(env={"VERIFY_REVIEWER": "desk-2"})
    result = runner.invoke(cli, ["review", "1", "--rating", "mostly-true", "--db", str(claims_db)])
    assert result.exit_code == 0
    assert result.stdout.startswith("claim 1: Mostly true, by desk-2 on ")


def test_an_alias_is_recorded_as_its_rating_and_says_so(claims_db: Path) -> None:
    args = ["review", "1", "--status", "rejected", "--reviewer", "ana", "--db", str(claims_db)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("claim 1: False (given as “rejected”), by ana on ")
    assert latest_reviews(open_db(claims_db), [1])[1]["rating"] == "false"


def test_the_help_spells_out_what_the_aliases_mean() -> None:
    result = CliRunner().invoke(cli, ["review", "--help"])
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())  # as read, whatever the wrapping
    assert "[true|mostly-true|misleading|false|unproven]" in text
    assert "confirmed = --rating true (the claim holds)" in text
    assert "rejected = --rating false (the claim is false)" in text
    assert "not the tool's verdict" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["review", "999", "--rating", "true"], "no claim with id 999"),
        (["review", "1", "--rating", "approved"], "Invalid value for '--rating'"),
        (["review", "1", "--status", "true"], "Invalid value for '--status'"),
        (["review", "1"], "give either --rating or --status"),
        (["review", "1", "--rating", "true", "--status", "needs-work"], "not both"),
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
    result = CliRunner().invoke(cli, ["review", "1", "--rating", "true", "--db", str(missing)])
    assert result.exit_code == 2
    assert "no such database" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not missing.exists()


def test_review_command_leaves_a_file_that_is_not_a_database_alone(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"not a database, just notes\n" * 10)
    result = CliRunner().invoke(cli, ["review", "1", "--rating", "true", "--db", str(path)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {path}: not a SQLite database")
    assert len(result.stderr.strip().splitlines()) == 1
    assert path.read_bytes() == b"not a database, just notes\n" * 10
