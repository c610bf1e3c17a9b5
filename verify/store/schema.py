"""The schema of claims.db, as sqlite-utils migrations.

Each migration is a small function applied once, in a transaction, and
recorded in ``_sqlite_migrations``; ``store.open_db`` is the one place that
applies them. Never edit a migration that has shipped: add a new one.
"""

from __future__ import annotations

import sqlite_utils
from sqlite_utils.migrations import Migrations

from verify.records import NEEDS_WORK, Rating

DOCUMENT_KINDS = ("article", "reference")
# A decision either rates the claim or says it needs work (see m008).
REVIEW_STATUSES = ("rated", NEEDS_WORK)
REVIEW_RATINGS = tuple(rating.value for rating in Rating)
# Which revision or capture a document is (``records.Provenance``), added by m010.
PROVENANCE_COLUMNS = ("revision_id", "revision_timestamp", "original_url", "captured_at")

migrations = Migrations("verify")


def _quoted(values: tuple[str, ...]) -> str:
    """``values`` as a list of SQL string literals (fixed words, never user input)."""
    return ", ".join(f"'{value}'" for value in values)


@migrations()
def m001_documents_passages_claims(db: sqlite_utils.Database) -> None:
    db["documents"].create(
        {
            "id": int,
            "kind": str,
            "source": str,
            "version": int,
            "url": str,
            "status": int,
            "content_type": str,
            "encoding": str,
            "fetched_at": str,
            "sha256": str,
            "size": int,
            "raw": bytes,
            "title": str,
            "publisher": str,
            "author": str,
            "published": str,
            "published_at": str,
            "text": str,
            "extractor_version": str,
            "warnings": str,
        },
        pk="id",
        not_null={"kind", "source", "version", "fetched_at", "sha256", "raw", "text"},
    )
    # A version is identified by its bytes: the same bytes again add nothing.
    db["documents"].create_index(["kind", "source", "sha256"], unique=True)
    db["passages"].create(
        {
            "id": int,
            "document_id": int,
            "seq": int,
            "kind": str,
            "start": int,
            "end": int,
            "text": str,
        },
        pk="id",
        foreign_keys=[("document_id", "documents", "id")],
        not_null={"document_id", "seq", "kind", "start", "end", "text"},
    )
    db["passages"].create_index(["document_id", "seq"], unique=True)
    db["claims"].create(
        {
            "id": int,
            "document_id": int,
            "passage_id": int,
            "sentence_start": int,
            "sentence_end": int,
            "sentence": str,
            "start": int,
            "end": int,
            "text": str,
            "kinds": str,
            "slots": str,
            "checkworthiness": float,
            "extractor_version": str,
        },
        pk="id",
        foreign_keys=[
            ("document_id", "documents", "id"),
            ("passage_id", "passages", "id"),
        ],
        not_null={"document_id", "start", "end", "text", "kinds", "slots"},
    )
    db["claims"].create_index(["document_id"])
    db["claims"].create_index(["passage_id"])


@migrations()
def m002_search_runs_verdicts(db: sqlite_utils.Database) -> None:
    # Porter stemming so "invoked" finds "invocation"-style variants;
    # diacritics folded so "Grybauskaite" finds "Grybauskaitė".
    db["passages"].enable_fts(
        ["text"], create_triggers=True, tokenize="porter unicode61 remove_diacritics 2"
    )
    db["runs"].create(
        {
            "id": int,
            "started": str,
            "finished": str,
            "tool_version": str,
            "arguments": str,
            "as_of": str,
            "articles": int,
            "references": int,
            "claims": int,
            "supported": int,
            "contradicted": int,
            "unverified": int,
        },
        pk="id",
        not_null={"started", "tool_version", "arguments"},
    )
    db["run_documents"].create(
        {"run_id": int, "document_id": int, "role": str},
        pk=("run_id", "document_id", "role"),
        foreign_keys=[("run_id", "runs", "id"), ("document_id", "documents", "id")],
    )
    db["verdicts"].create(
        {
            "id": int,
            "run_id": int,
            "claim_id": int,
            "verdict": str,
            "reasons": str,
        },
        pk="id",
        foreign_keys=[("run_id", "runs", "id"), ("claim_id", "claims", "id")],
        not_null={"run_id", "claim_id", "verdict", "reasons"},
    )
    db["verdicts"].create_index(["run_id", "claim_id"], unique=True)
    db["evidence"].create(
        {
            "id": int,
            "verdict_id": int,
            "passage_id": int,
            "rank": int,
            "score": float,
            "start": int,
            "end": int,
        },
        pk="id",
        foreign_keys=[("verdict_id", "verdicts", "id"), ("passage_id", "passages", "id")],
        not_null={"verdict_id", "passage_id", "score", "start", "end"},
    )
    db["evidence"].create_index(["verdict_id"])


@migrations()
def m003_facts(db: sqlite_utils.Database) -> None:
    # Dated facts read from reference passages (verify.facts.document): terms of office,
    # values as of a date, dated events, page dates. The column is `grouping`,
    # not `group`, so hand-written SQL in Datasette needs no quoting.
    db["facts"].create(
        {
            "id": int,
            "document_id": int,
            "passage_id": int,
            "kind": str,
            "text": str,
            "date": str,
            "start_date": str,
            "end_date": str,
            "holder": str,
            "office": str,
            "measure": str,
            "value": float,
            "grouping": str,
        },
        pk="id",
        foreign_keys=[("document_id", "documents", "id"), ("passage_id", "passages", "id")],
        not_null={"document_id", "kind", "text"},
    )
    db["facts"].create_index(["document_id"])
    db["facts"].create_index(["kind"])
    db["facts"].create_index(["passage_id"])


@migrations()
def m004_run_document_assessment(db: sqlite_utils.Database) -> None:
    # What a run concluded about each article, so checklists and later reports
    # read it back instead of judging again: the date it was judged as of and
    # where that date came from (option, published, inferred or none), the
    # inferred date with its evidence (JSON), the assessment and its reasons.
    table = db["run_documents"]
    table.add_column("as_of", str)
    table.add_column("as_of_source", str)
    table.add_column("inferred_date", str)
    table.add_column("assessment", str)
    table.add_column("assessment_reasons", str)


@migrations()
def m005_reviews(db: sqlite_utils.Database) -> None:
    # A reviewer's decisions on claims. The table is the audit trail, so rows
    # are only ever added: the triggers refuse updates and deletes, and the
    # latest row per claim is the decision in force. The statuses are written out:
    # a shipped migration must create the same table whatever the code says later.
    statuses = _quoted(("confirmed", "rejected", "needs-work"))
    db.execute(
        f"""create table reviews (
            id integer primary key,
            claim_id integer not null references claims(id),
            status text not null check (status in ({statuses})),
            note text,
            reviewer text not null,
            decided_at text not null
        )"""
    )
    db["reviews"].create_index(["claim_id"])
    _refuse_updates_and_deletes(db, "reviews")


def _refuse_updates_and_deletes(db: sqlite_utils.Database, table: str) -> None:
    for action in ("update", "delete"):
        db.execute(
            f"""create trigger {table}_no_{action} before {action} on {table}
            begin select raise(abort, '{table} are append-only'); end"""
        )


@migrations()
def m006_verdict_findings(db: sqlite_utils.Database) -> None:
    # Each check's own verdict and reason behind a claim's verdict (JSON list of
    # {check, verdict, reason}), so a recorded run says which check decided what.
    db["verdicts"].add_column("findings", str)


@migrations()
def m007_fact_subjects(db: sqlite_utils.Database) -> None:
    # What a fact is about, a holder's number, whether an event took place, and
    # where a figure's date came from (see records.Fact).
    for column, kind in (("subject", str), ("ordinal", int), ("status", str), ("dated_by", str)):
        db["facts"].add_column(column, kind)


# The decision words of m008, written out for the reason given in m005.
M008_RATINGS = ("true", "mostly-true", "misleading", "false", "unproven")
M008_ALIASES = {"confirmed": "true", "rejected": "false"}


@migrations()
def m008_review_ratings(db: sqlite_utils.Database) -> None:
    # Decisions in the words fact-checkers publish: a rating (true ... unproven), or
    # needs-work. m005's "confirmed" and "rejected" were read the wrong way round (as
    # the tool's verdict), so they become the ratings they meant, true and false,
    # with the word given kept in `alias`. A CHECK constraint cannot be altered, so
    # the table is rebuilt: every row is copied with its id, then the append-only
    # triggers are made again for the new table. Rows are never changed in place.
    aliases = " ".join(f"when '{old}' then '{new}'" for old, new in M008_ALIASES.items())
    db.execute(
        f"""create table reviews_m008 (
            id integer primary key,
            claim_id integer not null references claims(id),
            status text not null check (status in ('rated', 'needs-work')),
            rating text check (rating in ({_quoted(M008_RATINGS)})),
            alias text check (alias in ({_quoted(tuple(M008_ALIASES))})),
            note text,
            reviewer text not null,
            decided_at text not null,
            check ((status = 'rated') = (rating is not null))
        )"""
    )
    db.execute(
        f"""insert into reviews_m008
            (id, claim_id, status, rating, alias, note, reviewer, decided_at)
        select id, claim_id,
            case status when 'needs-work' then 'needs-work' else 'rated' end,
            case status {aliases} end,
            case when status in ({_quoted(tuple(M008_ALIASES))}) then status end,
            note, reviewer, decided_at
        from reviews order by id"""
    )
    for action in ("update", "delete"):
        db.execute(f"drop trigger reviews_no_{action}")
    db.execute("drop table reviews")
    db.execute("alter table reviews_m008 rename to reviews")
    db["reviews"].create_index(["claim_id"])
    _refuse_updates_and_deletes(db, "reviews")


@migrations()
def m009_reference_library(db: sqlite_utils.Database) -> None:
    # The reference library (`verify refs`): one row per reference source, pointing
    # at the version last fetched, with the validators a refresh sends back
    # (ETag, Last-Modified) and the tags that pick a part of it.
    db["library"].create(
        {
            "id": int,
            "source": str,
            "document_id": int,
            "added_at": str,
            "refreshed_at": str,
            "etag": str,
            "last_modified": str,
        },
        pk="id",
        foreign_keys=[("document_id", "documents", "id")],
        not_null={"source", "document_id", "added_at"},
    )
    db["library"].create_index(["source"], unique=True)
    db["library_tags"].create(
        {"library_id": int, "tag": str},
        pk=("library_id", "tag"),
        foreign_keys=[("library_id", "library", "id")],
    )
    db["library_tags"].create_index(["tag"])
    # When a reference version's dated facts were read: a version whose facts were
    # read is never analysed again. Null for articles, and for references stored
    # before this migration, whose facts are read once more (by the rules of now).
    db["documents"].add_column("facts_read_at", str)
    # Every reference already stored joins the library, at its latest version, so
    # `verify check` without --ref uses what earlier runs fetched.
    db.execute(
        """insert into library (source, document_id, added_at)
        select source, id, fetched_at from documents d
        where kind = 'reference' and version = (
            select max(version) from documents where kind = 'reference' and source = d.source)
        order by id"""
    )


@migrations()
def m010_source_provenance(db: sqlite_utils.Database) -> None:
    # Which revision of a wiki page or Wikidata item, which Wayback Machine capture
    # of which URL, and which page of a PDF: what a reviewer needs to open exactly
    # what the tool read (issue 15). Null for plain pages and files.
    for column in PROVENANCE_COLUMNS:
        db["documents"].add_column(column, str)
    db["passages"].add_column("page", int)
