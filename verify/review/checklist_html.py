"""The reviewer checklist as one self-contained HTML page.

No scripts, no external styles, fonts or images, and a Content-Security-Policy
that forbids them; every piece of article, reference and reviewer text is
escaped, so markup inside an article is shown, never run.
"""

from __future__ import annotations

from html import escape

from verify.report import decision_text
from verify.review.checklist import ArticleChecklist, Checklist, ClaimItem, Decision
from verify.review.source_checks import PILLARS, SourceCheck

CSP = "default-src 'none'; style-src 'unsafe-inline'"
STYLE = """
body { font: 16px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
ul.checklist { list-style: none; padding-left: 0; }
ul.checklist > li { margin: 0 0 1rem; padding: .5rem .75rem; border-left: 4px solid #bbb; }
ul.checklist > li.contradicted { border-color: #c0392b; }
ul.checklist > li.unverified { border-color: #d4a017; }
ul.checklist > li.supported { border-color: #2e8b57; } ul.checklist > li.ticked { opacity: .75; }
input[type="checkbox"] { transform: scale(1.3); margin-right: .4rem; }
.verdict { font-weight: bold; text-transform: uppercase; font-size: .85em; }
.decision { background: #eef6ee; padding: .1rem .4rem; }
.gaps { color: #c0392b; } .question { font-weight: 600; } .found { color: #444; }
blockquote { margin: .25rem 0 .25rem 1rem; color: #333; }
"""


def esc(text: object) -> str:
    return escape(str(text), quote=True)


def box(ticked: bool) -> str:
    checked = " checked" if ticked else ""
    return f'<input type="checkbox" disabled{checked} aria-label="done">'


def _decision_html(decision: Decision) -> str:
    return f'<p class="decision">Decision: {esc(decision_text(decision.review))}</p>'


def _claim_html(item: ClaimItem, label: str) -> str:
    classes = f"{esc(item.verdict)}{' ticked' if item.ticked else ''}"
    parts = [
        f'{box(item.ticked)} <span class="verdict">{esc(item.verdict)}</span> '
        f"(claim {item.claim_id}): {esc(item.text)}"
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
    return f'<li class="{classes}">' + "\n".join(parts) + "</li>"


def _check_html(check: SourceCheck) -> str:
    claims = ", ".join(str(i) for i in check.claim_ids)
    where = f" (claim {esc(claims)})" if claims else ""
    pillar = esc(PILLARS.get(check.pillar, check.pillar))
    return (
        f"<li>{box(False)} <strong>{pillar}</strong>{where}: "
        f'<span class="question">{esc(check.question)}</span> '
        f'<span class="found">Found: {esc(check.found)}</span></li>'
    )


def _section(heading: str, items: list[str]) -> str:
    body = f'<ul class="checklist">{"".join(items)}</ul>' if items else "<p>None.</p>"
    return f"<h3>{esc(heading)}</h3>\n{body}"


def _article_html(article: ArticleChecklist) -> str:
    url = f"<br>URL: {esc(article.url)}" if article.url else ""
    head = (
        f"<h2>{esc(article.title or '(untitled)')}</h2>\n"
        f"<p>Source: <code>{esc(article.source)}</code>{url}<br>"
        f"Assessment: {esc(article.assessment)}; "
        f"{article.supported} supported claims not listed</p>"
    )
    if article.gaps:
        head += f'\n<p class="gaps"><strong>Missing:</strong> {esc("; ".join(article.gaps))}</p>'

    sections = [
        _section("Flagged claims", [_claim_html(i, "To settle") for i in article.flagged]),
        _section("Unverified claims", [_claim_html(i, "To verify") for i in article.unverified]),
        _section("Source checks", [_check_html(c) for c in article.source_checks]),
    ]
    return "<section>\n" + head + "\n" + "\n".join(sections) + "\n</section>"


def render_checklist_html(checklist: Checklist) -> str:
    title = f"Reviewer checklist — check run {checklist.run_id}"
    articles = [_article_html(a) for a in checklist.articles] or ["<p>No articles in this run.</p>"]
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{esc(CSP)}">\n'
        f"<title>{esc(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f"<h1>{esc(title)}</h1>\n<p>Checked {esc(checklist.generated_at)}</p>\n"
        + "\n".join(articles)
        + "\n</body>\n</html>\n"
    )
