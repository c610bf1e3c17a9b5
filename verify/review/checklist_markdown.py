"""The reviewer checklist as a markdown task list, fit for a ticket or a wiki."""

from __future__ import annotations

from verify.report import decision_details, decision_label
from verify.review.checklist import ArticleChecklist, Checklist, ClaimItem, Decision
from verify.review.source_checks import PILLARS, SourceCheck


def md(text: str) -> str:
    """Article and reference text reads as text, not as markdown or HTML."""
    for char in "\\`*_[]<>|#":
        text = text.replace(char, "\\" + char)
    return " ".join(text.split())


def box(ticked: bool) -> str:
    return "- [x]" if ticked else "- [ ]"


def _decision_line(decision: Decision) -> str:
    review = decision.review
    details = md(decision_details(review))  # md() drops the space before "(given as"
    return f"decision: **{decision_label(review)}**{' ' * details.startswith('(')}{details}"


def _claim_lines(item: ClaimItem, label: str) -> list[str]:
    lines = [f"{box(item.ticked)} **{item.verdict}** (claim {item.claim_id}): {md(item.text)}"]
    if item.decision:
        lines.append(f"  - {_decision_line(item.decision)}")
    lines += [f"  - reason: {md(reason)}" for reason in item.reasons]
    for evidence in item.evidence:
        lines.append(
            f"  - evidence: “{md(evidence.excerpt)}” — {md(evidence.source)} "
            f"(fetched {evidence.fetched_at})"
        )
    lines.append(f"  - {label}: {md(item.question)}")
    return lines


def _check_line(check: SourceCheck) -> str:
    claims = ", ".join(str(i) for i in check.claim_ids)
    where = f" (claim {claims})" if claims else ""
    pillar = PILLARS.get(check.pillar, check.pillar)
    return f"{box(False)} **{pillar}**{where}: {md(check.question)} Found: {md(check.found)}"


def _claims(items: tuple[ClaimItem, ...], label: str) -> list[str]:
    return [line for item in items for line in _claim_lines(item, label)]


def _article_lines(article: ArticleChecklist) -> list[str]:
    lines = [f"## {md(article.title or '(untitled)')}", ""]
    lines.append(f"Source: `{article.source.replace('`', '')}`  ")
    if article.url:
        lines.append(f"URL: {md(article.url)}  ")
    lines.append(
        f"Assessment: {article.assessment}; {article.supported} supported claims not listed  "
    )
    if article.gaps:
        lines.append(f"**Missing:** {md('; '.join(article.gaps))}")
    sections = (
        ("Flagged claims", _claims(article.flagged, "to settle")),
        ("Unverified claims", _claims(article.unverified, "to verify")),
        ("Source checks", [_check_line(check) for check in article.source_checks]),
    )
    for heading, body in sections:
        lines += ["", f"### {heading}", ""]
        lines += body or ["None."]
    return lines + [""]


def render_checklist_markdown(checklist: Checklist) -> str:
    lines = [f"# Reviewer checklist — check run {checklist.run_id} ({checklist.generated_at})", ""]
    for article in checklist.articles:
        lines += _article_lines(article)
    if not checklist.articles:
        lines.append("No articles in this run.")
    return "\n".join(lines).rstrip() + "\n"
