"""The database: schema, migrations, versions and provenance."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from verify.errors import StoreError
from verify.records import Claim, Extracted, Fetched, Metadata, Passage, Quantity, Sentence, Slots
from verify.store import list_claims, migrations, open_db, raw_bytes, save_document

TEXT = "Headline\n\nThe club has 30 members."


def make_fetched(
    body: bytes = b"<p>The club has 30 members.</p>", source: str = "a.html"
) -> Fetched:
    return Fetched(
        source=source,
        url=None,
        status=None,
        content_type="text/html",
        fetched_at="2024-01-01T00:00:00Z",
        body=body,
        encoding="utf-8",
        text=body.decode(),
    )


def make_extracted() -> Extracted:
    passages = (Passage("heading", 0, 8, "Headline"), Passage("paragraph", 10, 34, TEXT[10:34]))
    return Extracted(TEXT, passages, Metadata(title="Headline", published="2024-01-01"))


def make_claim() -> Claim:
    sentence = Sentence(10, 34, TEXT[10:34])
    slots = Slots(quantities=(Quantity(30.0, "members", "30 members", 23, 33),))
    return Claim(sentence, 10, 34, sentence.text, slots, 0.35)


def save(db, fetched: Fetched | None = None):  # type: ignore[no-untyped-def]
    with db.atomic():
        return save_document(
            db, fetched or make_fetched(), make_extracted(), [make_claim()], extractor_version="t"
        )


def test_schema_has_tables_foreign_keys_and_wal(db_path: Path) -> None:
    db = open_db(db_path)
    assert {"documents", "passages", "claims"} <= set(db.table_names())
    assert db.journal_mode == "wal"
    fks = {(fk.column, fk.other_table) for fk in db["claims"].foreign_keys}
    assert ("document_id", "documents") in fks and ("passage_id", "passages") in fks
    assert [m.name for m in migrations.applied(db)][:1] == ["m001_documents_passages_claims"]


def test_migrations_apply_once(db_path: Path) -> None:
    open_db(db_path).close()
    db = open_db(db_path)
    assert not migrations.pending(db)
    names = [row[0] for row in db.execute("select name from _sqlite_migrations")]
    assert len(names) == len(set(names)) >= 2


def test_migrates_a_database_from_the_first_schema(db_path: Path) -> None:
    import sqlite_utils

    old = sqlite_utils.Database(db_path)
    migrations.apply(old, stop_before="m002_search_runs_verdicts")
    with old.atomic():
        stored = save_document(
            old, make_fetched(), make_extracted(), [make_claim()], extractor_version="t"
        )
    old.close()
    db = open_db(db_path)
    assert not migrations.pending(db)
    assert db["claims"].count == 1
    # Passages stored before the index existed must be searchable too.
    hits = list(db["passages"].search("members"))
    assert [h["document_id"] for h in hits] == [stored.document_id]


def test_saves_document_passages_claims_with_provenance(db_path: Path) -> None:
    db = open_db(db_path)
    stored = save(db)
    assert stored.created and stored.version == 1 and stored.claims == 1
    doc = db["documents"].get(stored.document_id)
    assert doc["sha256"] == make_fetched().sha256
    assert raw_bytes(db, stored.document_id) == make_fetched().body
    assert db["passages"].count == 2
    [claim] = list_claims(db)
    assert claim["slots"]["quantities"][0]["value"] == 30.0
    assert claim["kinds"] == ["quantity"]
    passage = db["passages"].get(db["claims"].get(claim["id"])["passage_id"])
    assert passage["kind"] == "paragraph"


def test_identical_bytes_add_nothing(db_path: Path) -> None:
    db = open_db(db_path)
    first = save(db)
    again = save(db)
    assert not again.created and again.document_id == first.document_id
    assert db["documents"].count == 1 and db["claims"].count == 1


def test_changed_bytes_add_a_version_and_keep_the_old(db_path: Path) -> None:
    db = open_db(db_path)
    first = save(db)
    second = save(db, make_fetched(b"<p>The club has 31 members.</p>"))
    assert second.created and second.version == 2
    assert db["documents"].count == 2
    assert db["documents"].get(first.document_id)["version"] == 1


def test_a_failed_transaction_keeps_what_was_there(db_path: Path) -> None:
    db = open_db(db_path)
    save(db)
    with pytest.raises(RuntimeError), db.atomic():
        save_document(db, make_fetched(b"other"), make_extracted(), [], extractor_version="t")
        raise RuntimeError("interrupted")
    assert db["documents"].count == 1


def test_not_a_database_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="junk.db"):
        open_db(path)


def test_opens_with_plain_sqlite3(db_path: Path) -> None:
    save(open_db(db_path))
    conn = sqlite3.connect(db_path)
    assert conn.execute("select count(*) from claims").fetchone()[0] == 1
