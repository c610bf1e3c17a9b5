"""One check run: ingest articles and references, judge every claim, record it all.

The documents are stored in one short transaction, and the run with its
documents, verdicts and evidence in another, so a run is either recorded whole
or not at all, and runs can be compared later.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, cast

import httpx
import sqlite_utils

from verify import __version__
from verify.config import DEFAULT_JOBS, FetchLimits
from verify.errors import NothingToCheck, VerifyError
from verify.ingest import (
    Analysed,
    Collected,
    IngestResult,
    Known,
    Reading,
    add_references,
    collect,
    save_collected,
)
from verify.judge.assessment import (
    assess,
    byline_notes,
    contradiction_reasons,
    date_notes,
    sourcing_notes,
)
from verify.judge.checks.asof import AsOf, FactBase
from verify.judge.checks.membership import inconsistencies
from verify.judge.claim import judge
from verify.judge.conflicts import find_conflicts
from verify.judge.dating import as_of_for
from verify.records import Conflict, InferredEvidence, Judgement, StoredClaim, Verdict, utc_now
from verify.search import ReferenceSet
from verify.store import (
    finding_data,
    inferred_data,
    library_document_ids,
    stored_claims,
    writing,
)

Progress = Callable[[int, int], None]
# Reading sources before judging: (what is being read, done, total).
ReadingProgress = Callable[[str, int, int], None]


@dataclass
class DocumentResult:
    source: str  # as given on the command line
    document: dict[str, Any]
    judgements: list[Judgement]
    as_of: str | None = None
    as_of_source: str | None = None  # "option", "published", "inferred" or None
    inferred: InferredEvidence | None = None
    inconsistencies: list[str] = field(default_factory=list)  # the article against itself
    notes: list[str] = field(default_factory=list)  # caveats: date, byline, sourcing

    def count(self, verdict: Verdict) -> int:
        return sum(1 for j in self.judgements if j.verdict is verdict)

    @property
    def assessment(self) -> str:
        return assess(self.judgements, self.inconsistencies)

    @property
    def assessment_reasons(self) -> list[str]:
        return contradiction_reasons(self.judgements) + self.inconsistencies + self.notes


@dataclass
class CheckResult:
    run_id: int
    generated_at: str
    documents: list[DocumentResult] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    errors: list[VerifyError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def count(self, verdict: Verdict) -> int:
        return sum(d.count(verdict) for d in self.documents)

    @property
    def exit_code(self) -> int:
        """2 on input errors, 1 when any claim is contradicted, else 0 (like a linter)."""
        if self.errors or not self.documents:
            return 2
        return 1 if self.count(Verdict.CONTRADICTED) else 0


def run_check(
    db: sqlite_utils.Database,
    sources: Sequence[str],
    references: Sequence[str] = (),
    *,
    arguments: dict[str, Any] | None = None,
    as_of: str | None = None,
    limits: FetchLimits | None = None,
    client: httpx.Client | None = None,
    progress: Progress | None = None,
    tags: Sequence[str] = (),
    jobs: int = DEFAULT_JOBS,
    reading_progress: ReadingProgress | None = None,
) -> CheckResult:
    """Fetch and analyse, store the documents, judge, record the run. ``progress``
    is told as claims are judged, ``reading_progress`` as sources are read.

    The references are ``references`` (fetched, and kept in the library) and the
    library's sources with any of ``tags``; with neither, the whole library.
    Fetching, analysing and judging happen outside any transaction, and writes in
    short ones, so concurrent runs (and reviewers) queue for seconds at most. A run
    is recorded whole or not at all; with no usable article or reference no run is
    recorded and no article is stored.
    """
    started = utc_now()
    reading = Reading("article", limits or FetchLimits(), jobs, client=client)
    found = collect(
        sources,
        kind="article",
        limits=reading.limits,
        client=client,
        db=db,
        jobs=jobs,
        progress=_labelled(reading_progress, "reading articles"),
    )
    if not found.analysed:
        raise NothingToCheck(
            "no usable article: nothing was checked and no run was recorded", found.errors
        )
    refs = IngestResult()
    if references:
        reading = replace(reading, as_of=as_of or _articles_date(db, found))
        refs = add_references(
            db, references, reading, progress=_labelled(reading_progress, "reading references")
        )
    reference_ids = _unique_ids(refs)
    if tags or not references:
        reference_ids = tuple(dict.fromkeys([*reference_ids, *library_document_ids(db, tags)]))
    if not reference_ids:
        raise NothingToCheck(
            "no usable reference: nothing was checked and no run was recorded",
            found.errors + refs.errors,
        )
    with writing(db):
        articles = save_collected(db, found)
    result = CheckResult(0, started, errors=articles.errors + refs.errors)
    result.warnings = articles.warnings + refs.warnings
    reference_set = ReferenceSet(db, reference_ids)
    result.documents = _judge_articles(db, articles, reference_set, as_of, progress)
    result.conflicts = find_conflicts(
        [(d.source, [j.claim for j in d.judgements], d.as_of) for d in result.documents]
    )
    _note_conflicts(result)
    with writing(db):
        result.run_id = _start_run(db, started, arguments or {}, as_of)
        _record_documents(db, result.run_id, articles, reference_ids)
        _record_assessments(db, result.run_id, result.documents)
        _record_verdicts(db, result.run_id, result)
        _finish_run(db, result.run_id, result, len(reference_ids))
    return result


def _labelled(progress: ReadingProgress | None, label: str) -> Progress | None:
    if progress is None:
        return None
    return lambda done, total: progress(label, done, total)


def _articles_date(db: sqlite_utils.Database, articles: Collected) -> str | None:
    """The date references that keep history are read as of (a Wikipedia revision,
    a Wayback capture): the articles' publication date, the latest when they differ,
    so no reference is older than what an article could have read."""
    dates = [_published(db, item) for item in articles.analysed]
    return max((d for d in dates if d), default=None)


def _published(db: sqlite_utils.Database, item: Analysed | Known) -> str | None:
    if isinstance(item, Known):  # stored already: its date as stored
        row = db.execute("select published from documents where id = ?", [item.document_id])
        return cast(str | None, row.fetchone()[0])
    return item.extracted.metadata.published


def _unique_ids(result: IngestResult) -> tuple[int, ...]:
    return tuple(dict.fromkeys(s.document_id for s in result.stored))


def _judge_articles(
    db: sqlite_utils.Database,
    articles: IngestResult,
    refs: ReferenceSet,
    as_of: str | None,
    progress: Progress | None,
) -> list[DocumentResult]:
    ids = _unique_ids(articles)
    sources = {s.document_id: s.source for s in articles.stored}
    facts = FactBase.load(db, refs.document_ids)
    claims = stored_claims(db, ids)
    results = []
    done = 0
    for document_id in ids:
        document = db["documents"].get(document_id)
        own = [c for c in claims if c.document_id == document_id]
        at, where, inferred = as_of_for(document, refs, facts, as_of)
        asof = AsOf(at, facts, document["text"] or "")
        result = DocumentResult(sources[document_id], document, [], at, where, inferred)
        for claim in own:
            result.judgements.append(judge(claim, refs, asof))
            done += 1
            if progress:
                progress(done, len(claims))
        result.inconsistencies = [i.reason for i in inconsistencies(own, asof.article_text, refs)]
        result.notes = (
            date_notes(document, where, inferred) + byline_notes(document) + sourcing_notes(own)
        )
        results.append(result)
    return results


def _start_run(
    db: sqlite_utils.Database, started: str, arguments: dict[str, Any], as_of: str | None
) -> int:
    row = {
        "started": started,
        "as_of": as_of,
        "tool_version": __version__,
        "arguments": json.dumps(arguments),
    }
    return int(db["runs"].insert(row).last_pk)


def _record_documents(
    db: sqlite_utils.Database, run_id: int, articles: IngestResult, references: Sequence[int]
) -> None:
    rows = [
        *(
            {"run_id": run_id, "document_id": s.document_id, "role": "article"}
            for s in articles.stored
        ),
        *({"run_id": run_id, "document_id": i, "role": "reference"} for i in references),
    ]
    db["run_documents"].insert_all(rows, ignore=True, batch_size=500)


def _note_conflicts(result: CheckResult) -> None:
    for conflict in result.conflicts:
        involved = {source for source, _, _ in conflict.claims}
        for document in result.documents:
            if document.source in involved:
                document.notes.append(f"cross-article conflict: {conflict.reason}")


def _record_assessments(
    db: sqlite_utils.Database, run_id: int, documents: Sequence[DocumentResult]
) -> None:
    for document in documents:
        inferred = document.inferred
        db["run_documents"].update(
            (run_id, document.document["id"], "article"),
            {
                "as_of": document.as_of,
                "as_of_source": document.as_of_source,
                "inferred_date": json.dumps(inferred_data(inferred)) if inferred else None,
                "assessment": document.assessment,
                "assessment_reasons": json.dumps(document.assessment_reasons, ensure_ascii=False),
            },
        )


def _record_verdicts(db: sqlite_utils.Database, run_id: int, result: CheckResult) -> None:
    for document in result.documents:
        for judgement in document.judgements:
            verdict_id = db["verdicts"].insert(_verdict_row(run_id, judgement)).last_pk
            db["evidence"].insert_all(
                {
                    "verdict_id": verdict_id,
                    "passage_id": e.passage.id,
                    "rank": rank,
                    "score": e.score,
                    "start": e.start,
                    "end": e.end,
                }
                for rank, e in enumerate(judgement.evidence)
            )


def _verdict_row(run_id: int, judgement: Judgement) -> dict[str, Any]:
    claim: StoredClaim = judgement.claim
    return {
        "run_id": run_id,
        "claim_id": claim.id,
        "verdict": judgement.verdict.value,
        "reasons": json.dumps(list(judgement.reasons), ensure_ascii=False),
        "findings": json.dumps([finding_data(f) for f in judgement.findings], ensure_ascii=False),
    }


def _finish_run(
    db: sqlite_utils.Database, run_id: int, result: CheckResult, references: int
) -> None:
    db["runs"].update(
        run_id,
        {
            "finished": utc_now(),
            "articles": len(result.documents),
            "references": references,
            "claims": sum(len(d.judgements) for d in result.documents),
            **{v.value: result.count(v) for v in Verdict},
        },
    )
