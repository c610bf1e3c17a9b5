"""The reviewer checklist as one self-contained HTML page.

No scripts, no external styles, fonts or images, and a Content-Security-Policy
that forbids them; every piece of article, reference and reviewer text is
escaped, so markup inside an article is shown, never run.
"""

from __future__ import annotations

from html import escape

from verify.report import decision_css, decision_details, decision_key, decision_label
from verify.review.checklist import ArticleChecklist, Checklist, ClaimItem, Decision
from verify.review.links import REPORT_URL, claim_link
from verify.review.source_checks import PILLARS, SourceCheck

CSP = "default-src 'none'; style-src 'unsafe-inline'"
STYLE = """
body { font: 16px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
ul.checklist { list-style: none; padding-left: 0; }
ul.checklist > li { margin: 0 0 1rem; padding: .5rem .75rem; border-left: 4px solid #bbb; }
ul.checklist > li.contradicted { border-color: #c0392b; }
ul.checklist > li.unverified { border-color: #d4a017; }
ul.checklist > li.supported { border-color: #2e8b57; }
ul.checklist > li.ticked > :not(.decision) { opacity: .7; }
input[type="checkbox"] { transform: scale(1.3); margin-right: .4rem; cursor: pointer; }
label { cursor: pointer; }
.verdict { font-weight: bold; text-transform: uppercase; font-size: .85em; }
.decision { border-left: 4px solid; padding: .1rem .5rem; margin: .4rem 0; }
.decision strong { text-transform: uppercase; font-size: .85em; }
.gaps { color: #c0392b; } .question { font-weight: 600; } .found { color: #444; }
.note { color: #555; font-size: .9rem; }
blockquote { margin: .25rem 0 .25rem 1rem; color: #333; }
""" + decision_css(".decision")


def esc(text: object) -> str:
    return escape(str(text), quote=True)


def box(box_id: str, ticked: bool, label: str) -> str:
    """A checkbox the reviewer can tick, with ``label`` (HTML) as its label. The page
    keeps nothing: a decision is recorded with `verify review`, and a ticked box
    here is that decision, shown when the page is made again."""
    checked = " checked" if ticked else ""
    return (
        f'<input type="checkbox" id="{esc(box_id)}"{checked}> '
        f'<label for="{esc(box_id)}">{label}</label>'
    )


def _decision_html(decision: Decision) -> str:
    review = decision.review
    return (
        f'<p class="decision {esc(decision_key(review))}">Decision: '
        f"<strong>{esc(decision_label(review))}</strong>{esc(decision_details(review))}</p>"
    )


def _claim_ref(claim_id: int, report_url: str) -> str:
    """ "claim 12", linked to its highlight in the HTML report when there is one."""
    href = claim_link(report_url, claim_id)
    return f'<a href="{esc(href)}">claim {claim_id}</a>' if href else f"claim {claim_id}"


def _claim_html(item: ClaimItem, label: str, report_url: str) -> str:
    classes = f"{esc(item.verdict)}{' ticked' if item.ticked else ''}"
    verdict = f'<span class="verdict">{esc(item.verdict)}</span>'
    parts = [
        f"{box(f'check-claim-{item.claim_id}', item.ticked, verdict)} "
        f"({_claim_ref(item.claim_id, report_url)}): {esc(item.text)}"
    ]
    if item.decision:
        parts.append(_decision_html(item.decision))
    parts += [f"<p>Reason: {esc(reason)}</p>" for reason in item.reasons]
    for evidence in item.evidence:
        parts.append(
            f"<blockquote>“{esc(evidence.excerpt)}”<br>— {esc(evidence.source)} "
            f"(fetched {esc(evidence.fetched_at)})</blockquote>"
        )
    parts.append(f'<p class="question">{esc(label)}: {esc(item.question)}</p>')
    return f'<li class="{classes}" id="item-{item.claim_id}">' + "\n".join(parts) + "</li>"


def _check_html(check: SourceCheck, box_id: str, report_url: str) -> str:
    claims = ", ".join(_claim_ref(i, report_url) for i in check.claim_ids)
    where = f" ({claims})" if claims else ""
    pillar = f"<strong>{esc(PILLARS.get(check.pillar, check.pillar))}</strong>"
    return (
        f"<li>{box(box_id, False, pillar)}{where}: "
        f'<span class="question">{esc(check.question)}</span> '
        f'<span class="found">Found: {esc(check.found)}</span></li>'
    )


def _section(heading: str, items: list[str]) -> str:
    body = f'<ul class="checklist">{"".join(items)}</ul>' if items else "<p>None.</p>"
    return f"<h3>{esc(heading)}</h3>\n{body}"


def _article_html(article: ArticleChecklist, report_url: str) -> str:
    url = f"<br>URL: {esc(article.url)}" if article.url else ""
    head = (
        f"<h2>{esc(article.title or '(untitled)')}</h2>\n"
        f"<p>Source: <code>{esc(article.source)}</code>{url}<br>"
        f"Assessment: {esc(article.assessment)}; "
        f"{article.supported} supported claims not listed</p>"
    )
    if article.gaps:
        head += f'\n<p class="gaps"><strong>Missing:</strong> {esc("; ".join(article.gaps))}</p>'
    checks = [
        _check_html(c, f"check-source-{article.document_id}-{n}", report_url)
        for n, c in enumerate(article.source_checks, 1)
    ]
    sections = [
        _section(
            "Flagged claims", [_claim_html(i, "To settle", report_url) for i in article.flagged]
        ),
        _section(
            "Unverified claims",
            [_claim_html(i, "To verify", report_url) for i in article.unverified],
        ),
        _section("Source checks", checks),
    ]
    return "<section>\n" + head + "\n" + "\n".join(sections) + "\n</section>"


def render_checklist_html(checklist: Checklist, report_url: str = REPORT_URL) -> str:
    """The checklist as one page; each claim links to its anchor in the HTML report at
    ``report_url`` (relative to the checklist, or absolute; "" for no links)."""
    title = f"Reviewer checklist — check run {checklist.run_id}"
    articles = [_article_html(a, report_url) for a in checklist.articles]
    note = (
        '<p class="note">Tick the boxes as you go; the page keeps nothing. Record each '
        "decision with <code>verify review CLAIM --rating …</code>: decided claims are ticked "
        "when the checklist is made again.</p>"
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{esc(CSP)}">\n'
        f"<title>{esc(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f"<h1>{esc(title)}</h1>\n<p>Checked {esc(checklist.generated_at)}</p>\n{note}\n"
        + "\n".join(articles or ["<p>No articles in this run.</p>"])
        + "\n</body>\n</html>\n"
    )
