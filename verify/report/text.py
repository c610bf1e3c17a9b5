"""The plain-text report for a terminal: colour only when asked (a terminal)."""

from __future__ import annotations

from typing import Any

import click

from verify.report.common import MARKS, conflict_lines, dating, excerpt, summary, where
from verify.report.decisions import decision_text
from verify.report.differences import differing_spans, distinct_evidence, mark_spans

COLOURS = {"supported": "green", "contradicted": "red", "unverified": "yellow"}


def _claim_lines(claim: dict[str, Any], color: bool) -> list[str]:
    verdict = claim["verdict"]
    mark = f"{MARKS[verdict]} {verdict}"
    if color:
        mark = click.style(mark, fg=COLOURS[verdict], bold=True)
    lines = [f"  {mark} [{claim['id']}] {claim['text']}"]
    if claim.get("review"):
        lines.append(f"      reviewer: {decision_text(claim['review'])}")
    lines += [f"      reason: {reason}" for reason in claim["reasons"]]
    for evidence in distinct_evidence(claim["evidence"])[:2]:
        text = excerpt(evidence)
        text = mark_spans(text, differing_spans(text, claim), _marker(color))
        lines.append(f"      evidence: “{text}”")
        lines.append(f"        from {where(evidence)}")
    return lines


def _marker(color: bool):  # type: ignore[no-untyped-def]
    if color:
        return lambda word: click.style(word, fg="red", bold=True, underline=True)
    return lambda word: f"[{word}]"


def render_text(data: dict[str, Any], color: bool = False) -> str:
    lines: list[str] = []
    for document in data["documents"]:
        title = document["title"] or "(untitled)"
        published = document["published"] or "no date"
        heading = f"{title} — {document['source']} ({published})"
        lines.append(click.style(heading, bold=True) if color else heading)
        lines.append(f"  {summary(document)}")
        lines.append(f"  {dating(document)}")
        lines += [f"  - {reason}" for reason in document.get("assessment_reasons", [])]
        for claim in document["claims"]:
            lines.extend(_claim_lines(claim, color))
        lines.append("")
    lines += conflict_lines(data)
    if not data["documents"]:
        lines.append("no articles were checked")
    return "\n".join(lines).rstrip() + "\n"
