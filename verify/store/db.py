"""The claims database: schema, migrations and the writes of the ingest stage.

The database is the product: tables and columns are named for people browsing
them in Datasette, foreign keys are declared so Datasette links rows, and the
raw bytes of every fetched document are kept (zlib-compressed) so a later
extractor version can re-extract without fetching again.
"""

from __future__ import annotations

import bisect
import dataclasses
import json
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from verify.records import (
    Attribution,
    Claim,
    DateRef,
    Extracted,
    Fetched,
    PersonRole,
    Provenance,
    Provision,
    Quantity,
    Quotation,
    Sentence,
    Slots,
    StoredClaim,
)
from verify.store.schema import DOCUMENT_KINDS, PROVENANCE_COLUMNS


@dataclass(frozen=True)
class Stored:
    """What happened to one ingested document."""

    document_id: int
    source: str
    version: int
    created: bool  # False when identical bytes were already stored
    claims: int
    facts: int = 0  # a reference's dated facts
    # Which revision or capture the document is, the columns it has of
    # ``PROVENANCE_COLUMNS`` ({"captured_at": ..., "original_url": ...}).
    provenance: dict[str, str] = field(default_factory=dict)


def _find_version(db: sqlite_utils.Database, kind: str, source: str, sha256: str) -> int | None:
    rows = db.execute(
        "select id from documents where kind = ? and source = ? and sha256 = ?",
        [kind, source, sha256],
    ).fetchall()
    return rows[0][0] if rows else None


def _next_version(db: sqlite_utils.Database, kind: str, source: str) -> int:
    row = db.execute(
        "select max(version) from documents where kind = ? and source = ?", [kind, source]
    ).fetchone()
    return (row[0] or 0) + 1


def _document_row(
    fetched: Fetched, extracted: Extracted, kind: str, version: int, extractor_version: str
) -> dict[str, Any]:
    meta = extracted.metadata
    return {
        "kind": kind,
        "source": fetched.source,
        "version": version,
        "url": fetched.url,
        "status": fetched.status,
        "content_type": fetched.content_type,
        "encoding": fetched.encoding,
        "fetched_at": fetched.fetched_at,
        "sha256": fetched.sha256,
        "size": len(fetched.body),
        "raw": zlib.compress(fetched.body, 6),
        "title": meta.title,
        "publisher": meta.publisher,
        "author": meta.author,
        "published": meta.published,
        "published_at": meta.published_at,
        "text": extracted.text,
        "extractor_version": extractor_version,
        "warnings": json.dumps(list(fetched.warnings)),
        **_provenance_columns(fetched.provenance),
    }


def _provenance_columns(provenance: Provenance) -> dict[str, str]:
    """The revision or capture a document is (m010), only those it has: a plain
    page's row is written as before."""
    values = {name: getattr(provenance, name) for name in PROVENANCE_COLUMNS}
    return {name: value for name, value in values.items() if value is not None}


def stored_provenance(db: sqlite_utils.Database, document_id: int) -> dict[str, str]:
    """The ``PROVENANCE_COLUMNS`` a stored document has (not its text)."""
    row = db.execute(
        f"select {', '.join(PROVENANCE_COLUMNS)} from documents where id = ?", [document_id]
    ).fetchone()
    return {
        name: value
        for name, value in zip(PROVENANCE_COLUMNS, row, strict=True)
        if value is not None
    }


def _passage_rows(document_id: int, extracted: Extracted) -> Iterator[dict[str, Any]]:
    for seq, passage in enumerate(extracted.passages):
        yield {
            "document_id": document_id,
            "seq": seq,
            "kind": passage.kind,
            "start": passage.start,
            "end": passage.end,
            "text": passage.text,
            **({"page": passage.page} if passage.page is not None else {}),
        }


def _passage_for(passage_spans: list[tuple[int, int, int]], offset: int) -> int | None:
    """The id of the passage holding ``offset``; the spans are in text order and do
    not overlap, so bisection finds it (a scan per claim was quadratic, issue 12)."""
    index = bisect.bisect_right(passage_spans, (offset, float("inf"))) - 1
    if index >= 0:
        start, end, passage_id = passage_spans[index]
        if start <= offset < end:
            return passage_id
    return None


def _slots_json(claim: Claim) -> str:
    return json.dumps(dataclasses.asdict(claim.slots), ensure_ascii=False)


def _claim_rows(
    db: sqlite_utils.Database, document_id: int, claims: Iterable[Claim], extractor_version: str
) -> Iterator[dict[str, Any]]:
    spans = sorted(
        (row["start"], row["end"], row["id"])
        for row in db["passages"].rows_where("document_id = ?", [document_id], order_by="seq")
    )
    for claim in claims:
        yield {
            "document_id": document_id,
            "passage_id": _passage_for(spans, claim.sentence.start),
            "sentence_start": claim.sentence.start,
            "sentence_end": claim.sentence.end,
            "sentence": claim.sentence.text,
            "start": claim.start,
            "end": claim.end,
            "text": claim.text,
            "kinds": json.dumps(list(claim.kinds)),
            "slots": _slots_json(claim),
            "checkworthiness": round(claim.checkworthiness, 3),
            "extractor_version": extractor_version,
        }


def save_document(
    db: sqlite_utils.Database,
    fetched: Fetched,
    extracted: Extracted,
    claims: Iterable[Claim],
    *,
    kind: str = "article",
    extractor_version: str,
) -> Stored:
    """Store one document version with its passages and claims.

    Identical bytes from the same source are not stored twice; changed bytes
    become a new version and the old one stays. The caller owns the transaction.
    """
    if kind not in DOCUMENT_KINDS:
        raise ValueError(f"unknown document kind {kind!r}")
    existing = _find_version(db, kind, fetched.source, fetched.sha256)
    if existing is not None:
        version = db["documents"].get(existing)["version"]
        count = db["claims"].count_where("document_id = ?", [existing])
        kept = stored_provenance(db, existing)
        return Stored(existing, fetched.source, version, False, count, provenance=kept)
    version = _next_version(db, kind, fetched.source)
    row = _document_row(fetched, extracted, kind, version, extractor_version)
    document_id = db["documents"].insert(row).last_pk
    db["passages"].insert_all(_passage_rows(document_id, extracted))
    claim_rows = list(_claim_rows(db, document_id, claims, extractor_version))
    db["claims"].insert_all(claim_rows)
    provenance = _provenance_columns(fetched.provenance)
    count = len(claim_rows)
    return Stored(document_id, fetched.source, version, True, count, provenance=provenance)


def raw_bytes(db: sqlite_utils.Database, document_id: int) -> bytes:
    """The bytes as fetched, for re-extraction without fetching again."""
    return zlib.decompress(db["documents"].get(document_id)["raw"])


CLAIMS_SQL = """
select claims.id, claims.document_id, documents.kind as document_kind,
       documents.source, documents.version, documents.url, documents.title,
       documents.published, documents.fetched_at, documents.sha256,
       claims.sentence_start, claims.sentence_end, claims.sentence,
       claims.start, claims."end", claims.text, claims.kinds, claims.slots,
       claims.checkworthiness, claims.extractor_version
from claims join documents on documents.id = claims.document_id
where documents.kind = ?
order by claims.document_id, claims.start, claims.id
"""


def list_claims(db: sqlite_utils.Database, kind: str = "article") -> list[dict[str, Any]]:
    """Every stored claim with its provenance, slots decoded from JSON."""
    rows = []
    for row in db.query(CLAIMS_SQL, [kind]):
        row["kinds"] = json.loads(row["kinds"])
        row["slots"] = json.loads(row["slots"])
        rows.append(row)
    return rows


_SLOT_TYPES = {
    "quantities": Quantity,
    "dates": DateRef,
    "people": PersonRole,
    "quotations": Quotation,
    "attributions": Attribution,
    "provisions": Provision,
}


def _slots_from_json(data: dict[str, list[dict[str, Any]]]) -> Slots:
    """The inverse of ``_slots_json``; unknown keys from a newer version are ignored."""
    values = {}
    for name, cls in _SLOT_TYPES.items():
        known = {f.name for f in dataclasses.fields(cls)}
        values[name] = tuple(
            cls(**{k: v for k, v in item.items() if k in known}) for item in data.get(name, [])
        )
    return Slots(**values)


def stored_claims(db: sqlite_utils.Database, document_ids: Iterable[int]) -> list[StoredClaim]:
    """The claims of the given documents as records, in text order."""
    ids = list(document_ids)
    if not ids:
        return []
    marks = ",".join("?" for _ in ids)
    sql = f"""select claims.*, documents.source as doc_source, documents.published as doc_published
        from claims join documents on documents.id = claims.document_id
        where claims.document_id in ({marks}) order by claims.document_id, claims.start"""
    return [_stored_claim(row) for row in db.query(sql, ids)]


def _stored_claim(row: dict[str, Any]) -> StoredClaim:
    sentence = Sentence(row["sentence_start"], row["sentence_end"], row["sentence"])
    slots = _slots_from_json(json.loads(row["slots"]))
    claim = Claim(
        sentence, row["start"], row["end"], row["text"], slots, row["checkworthiness"] or 0.0
    )
    return StoredClaim(
        row["id"], row["document_id"], row["doc_source"], row["doc_published"], claim
    )
