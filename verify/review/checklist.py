"""The reviewer's checklist for the articles of a check run.

Per article: the flagged claims first (contradicted, then others needing
attention), each with the question that settles it; then the unverified claims
with what would settle them; then the source checks a verification desk runs
on every piece (``checklist_sources``). Built from the stored report, the
claims' slots and the latest review of each claim; renderers live in
``checklist_markdown`` and ``checklist_html``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from verify.errors import SourceError
from verify.report import excerpt, load_report
from verify.review.source_checks import SourceCheck, gaps, page_links, source_checks
from verify.store import latest_reviews

CLAIM_CHARS = 160
QUESTION_EXCERPT_CHARS = 160
EVIDENCE_SHOWN = 2
_CLAIM_REF = re.compile(r"\bclaim (\d+)\b")


@dataclass(frozen=True)
class Decision:
    """A claim's latest review: a rating settles it; needs-work (no rating) leaves it open."""

    rating: str | None
    reviewer: str
    decided_at: str
    note: str | None = None
    alias: str | None = None  # the older word it was given as ("confirmed", "rejected")

    @property
    def settled(self) -> bool:
        return self.rating is not None

    @property
    def review(self) -> dict[str, Any]:
        """As a ``reviews`` row, for ``verify.report.decision_text`` and friends."""
        return {
            "rating": self.rating,
            "reviewer": self.reviewer,
            "decided_at": self.decided_at,
            "note": self.note,
            "alias": self.alias,
        }


@dataclass(frozen=True)
class EvidenceNote:
    source: str  # the reference's URL, else its source as given
    fetched_at: str
    excerpt: str


@dataclass(frozen=True)
class ClaimItem:
    claim_id: int
    text: str
    verdict: str
    reasons: tuple[str, ...]
    evidence: tuple[EvidenceNote, ...]
    question: str  # flagged: the question to settle; unverified: what would settle it
    decision: Decision | None = None

    @property
    def ticked(self) -> bool:
        return self.decision is not None and self.decision.settled


@dataclass(frozen=True)
class ArticleChecklist:
    document_id: int
    source: str
    url: str | None
    title: str | None
    assessment: str
    flagged: tuple[ClaimItem, ...]
    unverified: tuple[ClaimItem, ...]
    source_checks: tuple[SourceCheck, ...]
    supported: int  # supported claims nobody disputed: not listed
    gaps: tuple[str, ...] = ()  # what the piece lacks (date, byline), shown first


@dataclass(frozen=True)
class Checklist:
    run_id: int
    generated_at: str  # when the run was checked
    articles: tuple[ArticleChecklist, ...]


# --- building (pure: no database) ---------------------------------------------


def build_checklist(
    report: dict[str, Any],
    slots: dict[int, dict[str, Any]],
    reviews: dict[int, dict[str, Any]],
    links: dict[int, tuple[tuple[str, str], ...] | None] | None = None,
) -> Checklist:
    """The checklist of every document of ``report``. ``slots`` and ``reviews``
    are keyed by claim id; ``links`` by document id (None: a page without links)."""
    links = links or {}
    articles = tuple(
        _article_checklist(
            document,
            slots,
            reviews,
            report.get("conflicts", []),
            links.get(document["document_id"]),
        )
        for document in report["documents"]
    )
    return Checklist(report["run_id"], report["generated_at"], articles)


def _article_checklist(
    document: dict[str, Any],
    slots: dict[int, dict[str, Any]],
    reviews: dict[int, dict[str, Any]],
    conflicts: Sequence[dict[str, Any]] = (),
    links: tuple[tuple[str, str], ...] | None = None,
) -> ArticleChecklist:
    decisions = {i: _decision(row) for i, row in reviews.items()}
    attention = _needing_attention(document, conflicts, decisions)
    flagged, unverified, supported = [], [], 0
    for claim in _flag_order(document["claims"], attention):
        decision = decisions.get(claim["id"])
        own = slots.get(claim["id"], {})
        if claim["verdict"] == "contradicted" or claim["id"] in attention:
            question = _question(claim, own, document, attention.get(claim["id"]))
            flagged.append(_item(claim, question, decision))
        elif claim["verdict"] == "unverified":
            settle = what_would_settle(own, document.get("as_of"))
            unverified.append(_item(claim, settle, decision))
        else:
            supported += 1
    own_slots = {c["id"]: slots.get(c["id"], {}) for c in document["claims"]}
    checks = source_checks(document, own_slots, links)
    return ArticleChecklist(
        document["document_id"],
        document["source"],
        document.get("url"),
        document.get("title"),
        document.get("assessment") or "unknown",
        tuple(flagged),
        tuple(unverified),
        tuple(checks),
        supported,
        tuple(gaps(document)),
    )


def _decision(row: dict[str, Any]) -> Decision:
    return Decision(
        row["rating"], row["reviewer"], row["decided_at"], row.get("note"), row.get("alias")
    )


def _flag_order(claims: list[dict[str, Any]], attention: dict[int, str | None]) -> list[dict]:
    """Contradicted claims first, then the others needing attention, each in text order."""
    contradicted = [c for c in claims if c["verdict"] == "contradicted"]
    others = [c for c in claims if c["verdict"] != "contradicted"]
    return (
        contradicted
        + [c for c in others if c["id"] in attention]
        + [c for c in others if c["id"] not in attention]
    )


def _needing_attention(
    document: dict[str, Any], conflicts: Sequence[dict[str, Any]], decisions: dict[int, Decision]
) -> dict[int, str | None]:
    """Claims that are not contradicted but still need a look, with why (None:
    the verdict's own reason will do): claims in a conflict between articles,
    claims the assessment names, and supported claims a reviewer did not rate true."""
    own = {c["id"]: c for c in document["claims"] if c["verdict"] != "contradicted"}
    found: dict[int, str | None] = {}
    for conflict in conflicts:
        for entry in conflict["claims"]:
            if entry["id"] in own:
                found.setdefault(entry["id"], _conflict_question(entry["id"], conflict))
    for reason in document.get("assessment_reasons") or []:
        for claim_id in map(int, _CLAIM_REF.findall(reason)):
            if claim_id in own:
                found.setdefault(claim_id, f"The assessment notes: {reason}")
    for claim_id, claim in own.items():
        decision = decisions.get(claim_id)
        if claim["verdict"] == "supported" and decision and decision.rating != "true":
            found.setdefault(claim_id, None)
    return found


def _conflict_question(claim_id: int, conflict: dict[str, Any]) -> str:
    others = [
        f"“{_shorten(entry['text'])}” ({entry['source']}"
        + (f", as of {entry['as_of']})" if entry.get("as_of") else ")")
        for entry in conflict["claims"]
        if entry["id"] != claim_id
    ]
    return f"Which account is right? {conflict['reason']}. The other: " + "; ".join(others)


def _item(claim: dict[str, Any], question: str, decision: Decision | None) -> ClaimItem:
    notes = tuple(
        EvidenceNote(e["url"] or e["source"], e["fetched_at"], excerpt(e))
        for e in claim["evidence"][:EVIDENCE_SHOWN]
    )
    return ClaimItem(
        claim["id"],
        claim["text"],
        claim["verdict"],
        tuple(claim["reasons"]),
        notes,
        question,
        decision,
    )


def _shorten(text: str, limit: int = CLAIM_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


AS_OF_SOURCES = {
    "option": "the date given with --as-of",
    "published": "its publication date",
    "inferred": "the inferred date",
}


def _as_of_phrase(document: dict[str, Any]) -> str:
    if not document.get("as_of"):
        return ""
    how = AS_OF_SOURCES.get(document.get("as_of_source") or "", "")
    return f" as of {document['as_of']}" + (f" ({how})" if how else "")


def _question(
    claim: dict[str, Any], slots: dict[str, Any], document: dict[str, Any], why: str | None
) -> str:
    """The concrete question to settle a flagged claim (``why``: what flagged it
    when its verdict did not)."""
    said = f"“{_shorten(claim['text'])}”{_as_of_phrase(document)}"
    if why:
        return f"{why}. {what_would_settle(slots, document.get('as_of'))}"
    dated = _dated_question(claim, document)
    if dated:
        return dated
    if not claim["evidence"]:
        reason = "; ".join(claim["reasons"]) or "no reason recorded"
        return f"What source supports {said}? The tool found: {reason}."
    first = claim["evidence"][0]
    where = first["url"] or first["source"]
    quoted = _shorten(excerpt(first), QUESTION_EXCERPT_CHARS)
    return f"Does {where} support {said}? The reference says “{quoted}”."


# The question a contradicted time-bound finding asks: what held at the date.
DATED_QUESTIONS = {
    "office": "Who held the office{when}?",
    "count": "How many were there{when}?",
    "value": "What was the figure{when}?",
}


def _dated_question(claim: dict[str, Any], document: dict[str, Any]) -> str | None:
    findings = [
        f
        for f in claim.get("findings", [])
        if f["verdict"] == "contradicted" and f["check"] in DATED_QUESTIONS
    ]
    if not findings:
        return None
    question = DATED_QUESTIONS[findings[0]["check"]].format(when=_as_of_phrase(document))
    return f"{question} The references say: {findings[0]['reason']}."


def what_would_settle(slots: dict[str, Any], as_of: str | None = None) -> str:
    """What would settle an unverified claim, from the details it states."""
    when = f" as of {as_of}" if as_of else " at the article's date"
    needs = [_original(q) for q in slots.get("quotations", [])]
    needs += [
        f"a record that {_in_office(p)}{when}" for p in slots.get("people", []) if p.get("role")
    ]
    needs += [f"a dated source for the count “{q['text']}”" for q in slots.get("quantities", [])]
    needs += [f"a dated record of the event “{d['text']}”" for d in slots.get("dates", [])]
    needs += [_attributed(a, slots) for a in slots.get("attributions", [])]
    needs += [f"the text of {p['name']}" for p in slots.get("provisions", [])]
    needs = [need for need in needs if need]
    if not needs:
        return "Would settle it: a reliable reference that reports the same thing."
    return "Would settle it: " + "; ".join(dict.fromkeys(needs)) + "."


def _in_office(person: dict[str, Any]) -> str:
    office = " ".join(x for x in (person.get("organisation"), person["role"]) if x)
    return f"{person['name']} was {office}"


def _original(quote: dict[str, Any]) -> str:
    speaker = quote.get("speaker")
    where = f" ({speaker}: a transcript, recording or their own statement)" if speaker else ""
    return f"the original of “{_shorten(quote['text'], 80)}”{where}"


def _attributed(attribution: dict[str, Any], slots: dict[str, Any]) -> str:
    source = attribution["source"]
    if attribution.get("anonymous"):
        return f"a named source, on the record, for what “{source}” said"
    if _quoted_speaker(source, slots):
        return ""  # the quotation's original already names what to find
    return f"{source}'s own statement or report"


def _quoted_speaker(source: str, slots: dict[str, Any]) -> bool:
    return any(q.get("speaker") == source for q in slots.get("quotations", []))


# --- loading --------------------------------------------------------------------


def load_checklist(
    db: sqlite_utils.Database, sources: Sequence[str] = (), run_id: int | None = None
) -> Checklist:
    """The checklist of a recorded run (default: the latest), for all its articles
    or those ``sources`` select (by source as given, URL, or a directory holding it)."""
    report = load_report(db, run_id)
    report["documents"] = _select_documents(report, sources)
    claim_ids = [c["id"] for d in report["documents"] for c in d["claims"]]
    links = {d["document_id"]: page_links(db, d["document_id"]) for d in report["documents"]}
    return build_checklist(
        report, _claim_slots(db, claim_ids), latest_reviews(db, claim_ids), links
    )


def _claim_slots(db: sqlite_utils.Database, claim_ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    found = {}
    for claim_id in claim_ids:
        row = db.execute("select slots from claims where id = ?", [claim_id]).fetchone()
        if row:
            found[claim_id] = json.loads(row[0])
    return found


def _select_documents(report: dict[str, Any], sources: Sequence[str]) -> list[dict[str, Any]]:
    if not sources:
        return list(report["documents"])
    chosen = []
    for given in sources:
        matched = [d for d in report["documents"] if _selects(given, d)]
        if not matched:
            known = ", ".join(d["source"] for d in report["documents"]) or "none"
            raise SourceError(
                f"{given}: not an article of check run {report['run_id']} (its articles: {known})"
            )
        chosen += [d for d in matched if d not in chosen]
    return chosen


def _selects(given: str, document: dict[str, Any]) -> bool:
    if given in (document["source"], document.get("url")):
        return True
    if "://" in given or "://" in document["source"]:
        return False
    wanted, own = Path(given).resolve(), Path(document["source"]).resolve()
    return own == wanted or wanted in own.parents
