"""The markdown report, fit to paste into a ticket."""

from __future__ import annotations

from typing import Any

from verify.report.common import (
    MARKS,
    conflict_lines,
    dating,
    excerpt,
    mark_differences,
    summary,
    where,
)


def _escape(text: str) -> str:
    # Article text must read as text, not as markdown or HTML.
    for char in "\\`*_[]<>|#":
        text = text.replace(char, "\\" + char)
    return text


def _claim_block(claim: dict[str, Any]) -> list[str]:
    verdict = claim["verdict"]
    lines = [f"- {MARKS[verdict]} **{verdict}** (claim {claim['id']}): {_escape(claim['text'])}"]
    lines += [f"  - reason: {_escape(reason)}" for reason in claim["reasons"]]
    for evidence in claim["evidence"][:2]:
        text = _escape(excerpt(evidence))
        if verdict == "contradicted":
            text = mark_differences(text, claim["text"], claim["reasons"], lambda w: f"**{w}**")
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
