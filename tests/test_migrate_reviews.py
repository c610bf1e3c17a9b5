"""m008: a database whose reviews were recorded as confirmed / rejected / needs-work
keeps every decision, now in the fact-checkers' words, and stays append-only; so does
one that got m010 first. Commands that only read refuse such a database until a
command that writes upgrades it."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from verify.cli import cli
from verify.config import EXTRACTOR_VERSION
from verify.fetch import expand_sources, load
from verify.ingest.document import analyse
from verify.store import (
    latest_reviews,
    migrations,
    open_db,
    record_review,
    review_history,
    save_document,
)
from verify.store.schema import m010_source_provenance

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
M008 = "m008_review_ratings"
M009 = "m009_reference_library"
M010 = "m010_source_provenance"
# Decisions as m005's table held them: (claim id, status, note, reviewer, time).
OLD_REVIEWS: list[tuple[int, str, str | None, str, str]] = [
    (1, "confirmed", "checked the wire", "ana", "2026-01-05T10:00:00Z"),
    (2, "needs-work", None, "ana", "2026-01-05T10:01:00Z"),
    (2, "rejected", "wrong office holder", "ben", "2026-01-05T10:02:00Z"),
    (3, "rejected", None, "ben", "2026-01-05T10:03:00Z"),
    (4, "needs-work", "ask the desk", "cy", "2026-01-05T10:04:00Z"),
]


@pytest.fixture
def old_db(tmp_path: Path) -> Path:
    """A database at m007 with claims and the reviews above."""
    path = tmp_path / "claims.db"
    db = sqlite_utils.Database(path)
    migrations.apply(db, stop_before=M008)
    # Stored through the store alone: the ingest pipeline reads columns of later
    # migrations (m009's), and open_db, which adds them, is what is under test.
    articles, _ = expand_sources([str(FIXTURES / "articles")])
    with db.atomic():
        for article in articles:
            read = analyse(load(article))
            save_document(
                db,
                read.fetched,
                read.extracted,
                read.claims,
                kind="article",
                extractor_version=EXTRACTOR_VERSION,
            )
    with db.atomic():
        for claim_id, status, note, reviewer, decided_at in OLD_REVIEWS:
            db.execute(
                "insert into reviews (claim_id, status, note, reviewer, decided_at)"
                " values (?, ?, ?, ?, ?)",
                [claim_id, status, note, reviewer, decided_at],
            )
    db.close()
    return path


@pytest.fixture
def provenance_db(old_db: Path) -> Path:
    """The database above as the version before m008 left it: m010 applied (it came
    first), m008 not yet."""
    db = sqlite_utils.Database(old_db)
    with db.atomic():
        m010_source_provenance(db)
        db[migrations.migrations_table].insert(
            {"migration_set": migrations.name, "name": M010, "applied_at": "2026-01-05"}
        )
    db.close()
    return old_db


def test_every_decision_is_kept_in_the_new_words(old_db: Path) -> None:
    db = open_db(old_db)
    assert not migrations.pending(db)
    rows = list(db.query("select * from reviews order by id"))
    assert [r["id"] for r in rows] == [1, 2, 3, 4, 5]
    kept = [(r["claim_id"], r["note"], r["reviewer"], r["decided_at"]) for r in rows]
    assert kept == [(c, n, r, t) for c, _, n, r, t in OLD_REVIEWS]
    assert [(r["status"], r["rating"], r["alias"]) for r in rows] == [
        ("rated", "true", "confirmed"),  # confirmed: the claim holds
        ("needs-work", None, None),
        ("rated", "false", "rejected"),  # rejected: the claim is false
        ("rated", "false", "rejected"),
        ("needs-work", None, None),
    ]


def test_the_latest_decision_is_still_the_one_in_force(old_db: Path) -> None:
    db = open_db(old_db)
    latest = latest_reviews(db, [1, 2, 3, 4])
    assert {k: (v["status"], v["rating"]) for k, v in latest.items()} == {
        1: ("rated", "true"),
        2: ("rated", "false"),
        3: ("rated", "false"),
        4: ("needs-work", None),
    }
    assert [r["id"] for r in review_history(db, 2)] == [2, 3]


def test_the_migrated_table_is_still_append_only(old_db: Path) -> None:
    db = open_db(old_db)
    for sql in ("update reviews set note = 'changed'", "delete from reviews where id = 1"):
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            db.execute(sql)
    assert db["reviews"].count == len(OLD_REVIEWS)
    assert {i.columns[0] for i in db["reviews"].indexes} == {"claim_id"}
    assert ("claim_id", "claims") in {
        (fk.column, fk.other_table) for fk in db["reviews"].foreign_keys
    }


def test_new_decisions_follow_the_migrated_ones(old_db: Path) -> None:
    db = open_db(old_db)
    row = record_review(db, 1, "misleading", reviewer="dee")
    assert row["id"] == len(OLD_REVIEWS) + 1
    assert latest_reviews(db, [1])[1]["rating"] == "misleading"
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        db.execute(
            "insert into reviews (claim_id, status, reviewer, decided_at)"
            " values (1, 'confirmed', 'ana', '2026-01-06T00:00:00Z')"
        )


def test_m008_after_m010_keeps_every_decision_and_the_provenance(provenance_db: Path) -> None:
    assert [m.name for m in migrations.pending(sqlite_utils.Database(provenance_db))] == [
        M008,
        M009,
    ]
    db = open_db(provenance_db)
    assert not migrations.pending(db)
    rows = list(db.query("select claim_id, status, rating, alias from reviews order by id"))
    assert [(r["claim_id"], r["status"], r["rating"], r["alias"]) for r in rows] == [
        (1, "rated", "true", "confirmed"),
        (2, "needs-work", None, None),
        (2, "rated", "false", "rejected"),
        (3, "rated", "false", "rejected"),
        (4, "needs-work", None, None),
    ]
    assert {"revision_id", "captured_at"} <= set(db["documents"].columns_dict)
    assert "page" in db["passages"].columns_dict


def test_reading_commands_refuse_it_until_a_command_that_writes_upgrades_it(
    provenance_db: Path,
) -> None:
    before = provenance_db.read_bytes()
    for command in (["claims"], ["browse", "--metadata"]):
        refused = CliRunner().invoke(cli, [*command, "--db", str(provenance_db)])
        assert refused.exit_code == 2, refused.output
        assert "written by an older version of verify" in refused.stderr
        assert "a command that writes (verify ingest, check or review)" in refused.stderr
    assert provenance_db.read_bytes() == before  # never migrated by a reading command
    reviewed = CliRunner().invoke(
        cli, ["review", "1", "--rating", "true", "--db", str(provenance_db)]
    )
    assert reviewed.exit_code == 0, reviewed.output
    browsed = CliRunner().invoke(cli, ["browse", "--metadata", "--db", str(provenance_db)])
    assert browsed.exit_code == 0, browsed.output
    assert "reviews" in json.loads(browsed.stdout)["databases"]["claims"]["tables"]


def test_a_failed_migration_leaves_the_reviews_as_they_were(old_db: Path) -> None:
    db = sqlite_utils.Database(old_db)
    # Its last step, indexing the rebuilt table, fails on a name already taken: by then
    # the old table and its triggers are dropped, so only the transaction restores them.
    db.execute("drop index idx_reviews_claim_id")
    db.execute("create index idx_reviews_claim_id on claims (id)")
    with pytest.raises(sqlite3.OperationalError, match="idx_reviews_claim_id already exists"):
        migrations.apply(db)
    # m008 failed and is pending still; m009 and m010, after it, were never reached.
    assert [m.name for m in migrations.pending(db)] == [M008, M009, M010]
    rows = db.execute("select claim_id, status, note, reviewer, decided_at from reviews")
    assert rows.fetchall() == OLD_REVIEWS
    assert "reviews_m008" not in db.table_names()
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        db.execute("delete from reviews")


def test_a_new_database_gets_the_same_table(tmp_path: Path, old_db: Path) -> None:
    fresh = open_db(tmp_path / "fresh.db")
    migrated = open_db(old_db)
    assert fresh["reviews"].schema == migrated["reviews"].schema
    triggers = "select name from sqlite_master where type = 'trigger' and tbl_name = 'reviews'"
    assert sorted(fresh.execute(triggers).fetchall()) == sorted(
        migrated.execute(triggers).fetchall()
    )
