"""The markdown report, fit to paste into a ticket."""

from __future__ import annotations

from typing import Any

from verify.report.common import MARKS, conflict_lines, dating, excerpt, summary, where
from verify.report.decisions import decision_details, decision_label
from verify.report.differences import differing_spans, distinct_evidence, mark_spans


def _escape(text: str) -> str:
    # Article text must read as text, not as markdown or HTML.
    for char in "\\`*_[]<>|#":
        text = text.replace(char, "\\" + char)
    return text


def _claim_block(claim: dict[str, Any]) -> list[str]:
    verdict = claim["verdict"]
    lines = [f"- {MARKS[verdict]} **{verdict}** (claim {claim['id']}): {_escape(claim['text'])}"]
    review = claim.get("review")
    if review:
        details = _escape(decision_details(review))
        lines.append(f"  - reviewer: **{decision_label(review)}**{details}")
    lines += [f"  - reason: {_escape(reason)}" for reason in claim["reasons"]]
    for evidence in distinct_evidence(claim["evidence"])[:2]:
        text = excerpt(evidence).replace("\0", "").replace("\1", "")
        marked = differing_spans(text, claim)
        text = mark_spans(text, marked, lambda w: f"\0{w}\1")  # escaped, then bolded
        text = _escape(text).replace("\0", "**").replace("\1", "**")
        lines.append(f"  - evidence: “{text}”  ")
        lines.append(f"    from {_escape(where(evidence))}")
    return lines


def render_markdown(data: dict[str, Any]) -> str:
    lines = [f"# Verification report ({data['generated_at']})", ""]
    for document in data["documents"]:
        title = _escape(document["title"] or "(untitled)")
        lines.append(f"## {title}")
        lines.append("")
        published = document["published"] or "no date"
        lines.append(f"Source: `{document['source']}` · published {published}  ")
        lines.append(summary(document) + "  ")
        lines.append(dating(document))
        lines.append("")
        lines += [f"- {_escape(reason)}" for reason in document.get("assessment_reasons", [])]
        lines.append("")
        for claim in document["claims"]:
            lines.extend(_claim_block(claim))
        lines.append("")
    conflicts = conflict_lines(data)
    if conflicts:
        lines += ["## Cross-article conflicts", ""] + [f"- {_escape(c)}" for c in conflicts]
    return "\n".join(lines).rstrip() + "\n"
