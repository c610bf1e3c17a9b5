"""What the text and markdown reports share: summaries, excerpts, marked words."""

from __future__ import annotations

from typing import Any

from verify.store import origin

MARKS = {"supported": "✓", "contradicted": "✗", "unverified": "?"}
EXCERPT_CHARS = 240


def summary(document: dict[str, Any]) -> str:
    counts = {v: 0 for v in MARKS}
    for claim in document["claims"]:
        counts[claim["verdict"]] += 1
    parts = ", ".join(f"{n} {v}" for v, n in counts.items())
    return f"{len(document['claims'])} claims: {parts} — assessment: {document['assessment']}"


def dating(document: dict[str, Any]) -> str:
    """How the article was dated: "judged as of 2021-11 (inferred: no publication date)"."""
    as_of, where = document.get("as_of"), document.get("as_of_source")
    if as_of is None:
        return "judged with no date: none given and none could be inferred"
    labels = {
        "published": "its publication date",
        "option": "given with --as-of",
        "inferred": "inferred: the article gives no date",
    }
    return f"judged as of {as_of} ({labels.get(where or '', where)})"


def conflict_lines(data: dict[str, Any]) -> list[str]:
    return [f"conflict: {c['reason']}" for c in data.get("conflicts", [])]


def excerpt(evidence: dict[str, Any]) -> str:
    """The matched span, widened to the passage when short, cut when long."""
    text = evidence["matched"] if len(evidence["matched"]) > 40 else evidence["passage"]
    text = " ".join(text.split())
    if len(text) > EXCERPT_CHARS:
        text = text[: EXCERPT_CHARS - 1].rsplit(" ", 1)[0] + "…"
    return text


def where(evidence: dict[str, Any]) -> str:
    location = evidence["url"] or evidence["source"]
    exactly = "".join(f"{part}, " for part in origin(evidence))
    return (
        f"{location} ({exactly}fetched {evidence['fetched_at']}, "
        f"sha256 {evidence['sha256'][:12]}, "
        f"chars {evidence['start']}–{evidence['end']}, match {evidence['score']:.0f}/100)"
    )
