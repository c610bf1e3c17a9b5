"""A recorded check run, read back from the database as the JSON report.

``verify check`` records its run, the articles' conclusions, the verdicts and
their evidence; this module rebuilds the report from those rows alone, so a
report can be re-rendered (or a checklist built) without checking again.
The records are rebuilt first and handed to ``report_data``, so the stored
report and the one printed after a check share one definition.
"""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from verify.errors import StoreError
from verify.judge import CheckResult, DocumentResult, find_conflicts
from verify.records import Evidence, Judgement, ReferencePassage, StoredClaim, Verdict
from verify.report.data import report_data
from verify.report.reviewed import attach_reviews
from verify.store import finding_from_data, stored_claims

# The columns of run_documents that hold a run's conclusion about an article;
# all NULL on rows written before the run recorded them.
CONCLUSION_COLUMNS = ("as_of", "as_of_source", "inferred_date", "assessment", "assessment_reasons")
JSON_COLUMNS = ("inferred_date", "assessment_reasons")

ARTICLES_SQL = """
select run_documents.*, documents.source
from run_documents join documents on documents.id = run_documents.document_id
where run_documents.run_id = ? and run_documents.role = 'article'
order by run_documents.rowid
"""

VERDICTS_SQL = """
select verdicts.id, verdicts.claim_id, verdicts.verdict, verdicts.reasons, verdicts.findings
from verdicts where verdicts.run_id = ? order by verdicts.id
"""

EVIDENCE_SQL = """
select evidence.verdict_id, evidence.score, evidence.start, evidence."end",
       passages.id, passages.document_id, documents.source, documents.url,
       documents.fetched_at, documents.sha256, documents.published,
       passages.start, passages."end", passages.text, passages.page,
       documents.revision_id, documents.revision_timestamp, documents.original_url,
       documents.captured_at
from evidence
join verdicts on verdicts.id = evidence.verdict_id
join passages on passages.id = evidence.passage_id
join documents on documents.id = passages.document_id
where verdicts.run_id = ?
order by evidence.verdict_id, evidence.rank, evidence.id
"""


def latest_run_id(db: sqlite_utils.Database) -> int:
    """The most recent run that finished (a run is recorded whole or not at all)."""
    row = db.execute("select max(id) from runs where finished is not null").fetchone()
    if row is None or row[0] is None:
        raise StoreError(f"{_db_name(db)}: no check run recorded yet (run 'verify check' first)")
    return int(row[0])


def _db_name(db: sqlite_utils.Database) -> str:
    rows = db.execute("pragma database_list").fetchall()
    return next((row[2] for row in rows if row[1] == "main" and row[2]), "the database")


def run_row(db: sqlite_utils.Database, run_id: int | None = None) -> dict[str, Any]:
    """The ``runs`` row of ``run_id``, or of the latest finished run."""
    if run_id is None:
        run_id = latest_run_id(db)
    rows = list(db.query("select * from runs where id = ?", [run_id]))
    if not rows:
        raise StoreError(f"{_db_name(db)}: no check run with id {run_id}")
    if rows[0]["finished"] is None:
        raise StoreError(f"{_db_name(db)}: check run {run_id} did not finish")
    return rows[0]


def load_report(db: sqlite_utils.Database, run_id: int | None = None) -> dict[str, Any]:
    """The JSON report of a recorded run (default: the latest finished one),
    as ``report_data`` built it when the run was checked, with each claim's latest
    reviewer's decision as it is now."""
    run = run_row(db, run_id)
    articles = list(db.query(ARTICLES_SQL, [run["id"]]))
    data = report_data(_load_result(db, run, articles))
    # The version that produced these verdicts, not the one re-reading them.
    data["tool"]["version"] = run["tool_version"]
    for document, row in zip(data["documents"], articles, strict=True):
        document.update(_stored_conclusion(row))
    return attach_reviews(db, data)


def _load_result(
    db: sqlite_utils.Database, run: dict[str, Any], articles: list[dict[str, Any]]
) -> CheckResult:
    """The run's results as records: its articles with their judgements and evidence."""
    judgements = _judgements(db, run["id"], [row["document_id"] for row in articles])
    result = CheckResult(run["id"], run["started"])
    for row in articles:
        document = db["documents"].get(row["document_id"])
        own = judgements.get(row["document_id"], [])
        found = _document_result(row["source"], document, own, run["as_of"])
        if row.get("assessment") is not None:
            found.as_of, found.as_of_source = row["as_of"], row["as_of_source"]
        result.documents.append(found)
    # Conflicts are not stored: they follow from the stored claims and dates
    # exactly as the check found them.
    result.conflicts = find_conflicts(
        [(d.source, [j.claim for j in d.judgements], d.as_of) for d in result.documents]
    )
    return result


def _document_result(
    source: str, document: dict[str, Any], judgements: list[Judgement], run_as_of: str | None
) -> DocumentResult:
    """For rows that predate the stored conclusion: the run judged an article as
    of its --as-of date, else its publication date."""
    if run_as_of:
        return DocumentResult(source, document, judgements, run_as_of, "option")
    if document["published"]:
        return DocumentResult(source, document, judgements, document["published"], "published")
    return DocumentResult(source, document, judgements)


def _stored_conclusion(row: dict[str, Any]) -> dict[str, Any]:
    """What the run recorded about an article, when it recorded it; {} otherwise
    (the conclusion is then recomputed from the verdicts)."""
    if row.get("assessment") is None:
        return {}
    found = {name: row.get(name) for name in CONCLUSION_COLUMNS}
    for name in JSON_COLUMNS:
        found[name] = json.loads(found[name]) if found[name] else None
    found["assessment_reasons"] = found["assessment_reasons"] or []
    return found


def _judgements(
    db: sqlite_utils.Database, run_id: int, document_ids: list[int]
) -> dict[int, list[Judgement]]:
    """The run's judgements per article, in the order they were made."""
    claims = {claim.id: claim for claim in stored_claims(db, document_ids)}
    evidence = _evidence(db, run_id)
    found: dict[int, list[Judgement]] = {}
    rows = db.execute(VERDICTS_SQL, [run_id]).fetchall()
    for verdict_id, claim_id, verdict, reasons, findings in rows:
        claim: StoredClaim | None = claims.get(claim_id)
        if claim is None:
            continue  # a claim of a reference: references are not reported
        judgement = Judgement(
            claim,
            Verdict(verdict),
            tuple(json.loads(reasons)),
            evidence.get(verdict_id, ()),
            tuple(finding_from_data(f) for f in json.loads(findings or "[]")),
        )
        found.setdefault(claim.document_id, []).append(judgement)
    return found


def _evidence(db: sqlite_utils.Database, run_id: int) -> dict[int, tuple[Evidence, ...]]:
    found: dict[int, list[Evidence]] = {}
    for verdict_id, score, start, end, *passage in db.execute(EVIDENCE_SQL, [run_id]).fetchall():
        evidence = Evidence(ReferencePassage(*passage), score, start, end)
        found.setdefault(verdict_id, []).append(evidence)
    return {key: tuple(value) for key, value in found.items()}
