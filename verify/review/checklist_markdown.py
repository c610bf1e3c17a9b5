"""The reviewer checklist as a markdown task list, fit for a ticket or a wiki."""

from __future__ import annotations

from verify.report import decision_details, decision_label
from verify.review.checklist import ArticleChecklist, Checklist, ClaimItem, Decision
from verify.review.links import REPORT_URL, claim_link
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


def _claim_ref(claim_id: int, report_url: str) -> str:
    """ "claim 12", as a link to its highlight in the HTML report when there is one."""
    href = claim_link(report_url, claim_id)
    if not href:
        return f"claim {claim_id}"
    return f"[claim {claim_id}]({href.replace(' ', '%20').replace(')', '%29')})"


def _claim_lines(item: ClaimItem, label: str, report_url: str) -> list[str]:
    ref = _claim_ref(item.claim_id, report_url)
    lines = [f"{box(item.ticked)} **{item.verdict}** ({ref}): {md(item.text)}"]
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


def _check_line(check: SourceCheck, report_url: str) -> str:
    claims = ", ".join(_claim_ref(i, report_url) for i in check.claim_ids)
    where = f" ({claims})" if claims else ""
    pillar = PILLARS.get(check.pillar, check.pillar)
    return f"{box(False)} **{pillar}**{where}: {md(check.question)} Found: {md(check.found)}"


def _claims(items: tuple[ClaimItem, ...], label: str, report_url: str) -> list[str]:
    return [line for item in items for line in _claim_lines(item, label, report_url)]


def _article_lines(article: ArticleChecklist, report_url: str) -> list[str]:
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
        ("Flagged claims", _claims(article.flagged, "to settle", report_url)),
        ("Unverified claims", _claims(article.unverified, "to verify", report_url)),
        ("Source checks", [_check_line(check, report_url) for check in article.source_checks]),
    )
    for heading, body in sections:
        lines += ["", f"### {heading}", ""]
        lines += body or ["None."]
    return lines + [""]


def render_checklist_markdown(checklist: Checklist, report_url: str = REPORT_URL) -> str:
    """The checklist as a task list; each claim links to its anchor in the HTML report
    at ``report_url`` (relative to the checklist, or absolute; "" for no links)."""
    lines = [f"# Reviewer checklist — check run {checklist.run_id} ({checklist.generated_at})", ""]
    for article in checklist.articles:
        lines += _article_lines(article, report_url)
    if not checklist.articles:
        lines.append("No articles in this run.")
    return "\n".join(lines).rstrip() + "\n"
