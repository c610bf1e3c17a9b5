"""The HTML report: one self-contained page a reviewer can open anywhere.

A summary of every article at the top; then each article's text with its
claims highlighted by verdict, beside the verdicts, reasons and evidence. No
scripts, no external styles, fonts or images: it reads the same offline and
without JavaScript. Article and reference text is always escaped, so markup
inside an article is shown as text, never run.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from verify.report.html_article import article_grid, byline
from verify.report.html_parts import CSP, STYLE, VERDICT_ORDER, esc, evidence_list, tag


def verdict_counts(document: Mapping[str, Any]) -> dict[str, int]:
    counts = dict.fromkeys(reversed(VERDICT_ORDER), 0)
    for claim in document["claims"]:
        counts[claim["verdict"]] = counts.get(claim["verdict"], 0) + 1
    return counts


def _anchor(document: Mapping[str, Any]) -> str:
    return f"document-{document['document_id']}"


def _title(document: Mapping[str, Any]) -> str:
    return esc(document.get("title") or "(untitled)")


def _dating(document: Mapping[str, Any]) -> str:
    """How the article was dated: published, or judged as of which date and why."""
    parts = []
    if document.get("published"):
        parts.append(f"published {esc(document['published'])}")
    else:
        parts.append(tag("span", "no publication date", class_="warning"))
    if document.get("as_of"):
        source = document.get("as_of_source")
        why = f" ({esc(source)})" if source else ""
        parts.append(f"judged as of {esc(document['as_of'])}{why}")
    inferred = document.get("inferred_date")
    if inferred:
        parts.append(f"inferred date {esc(inferred.get('date'))}: {esc(inferred.get('reason'))}")
    return "<br>".join(parts)


def _summary_row(document: Mapping[str, Any]) -> str:
    counts = verdict_counts(document)
    tally = ", ".join(f"{n} {esc(v)}" for v, n in counts.items())
    reasons = "".join(tag("li", esc(r)) for r in document.get("assessment_reasons") or [])
    assessment = tag("strong", esc(document.get("assessment")))
    rated = sum(bool((c.get("review") or {}).get("rating")) for c in document["claims"])
    cells = [
        tag("a", _title(document), href=f"#{_anchor(document)}")
        + tag("div", tag("code", esc(document["source"])), class_="meta"),
        f"{len(document['claims'])} claims: {tally}"
        + (tag("div", f"{rated} rated by a reviewer", class_="meta") if rated else ""),
        assessment + (tag("ul", reasons) if reasons else ""),
        _dating(document),
    ]
    return tag("tr", "".join(tag("td", c) for c in cells))


def _summary_section(data: Mapping[str, Any]) -> str:
    documents = data["documents"]
    if not documents:
        return tag("p", "no articles were checked")
    head = "".join(tag("th", h) for h in ("article", "claims", "assessment", "date"))
    rows = "".join(_summary_row(d) for d in documents)
    return tag("table", tag("thead", tag("tr", head)) + tag("tbody", rows), class_="summary")


def _inferred_evidence(document: Mapping[str, Any]) -> str:
    inferred = document.get("inferred_date")
    if not inferred or not inferred.get("evidence"):
        return ""
    heading = tag("h3", f"Why the date {esc(inferred.get('date'))} was inferred")
    return heading + evidence_list(inferred["evidence"])


def _document_section(document: Mapping[str, Any], text: str | None) -> str:
    parts = [
        tag("h2", _title(document)),
        byline(document),
        tag("p", _dating(document), class_="meta"),
        article_grid(document, text),
        _inferred_evidence(document),
    ]
    return tag("section", "".join(parts), id=_anchor(document))


def _conflict_claim(claim: Mapping[str, Any]) -> str:
    link = tag("a", f"claim {esc(claim.get('id'))}", href=f"#claim-{claim.get('id')}-detail")
    as_of = f" (as of {esc(claim.get('as_of'))})" if claim.get("as_of") else ""
    text = esc(claim.get("text"))
    return tag("li", f"{link} in <code>{esc(claim.get('source'))}</code>{as_of}: {text}")


def _conflicts_section(data: Mapping[str, Any]) -> str:
    conflicts = data.get("conflicts") or []
    if not conflicts:
        return ""
    items = "".join(
        tag("li", esc(c.get("reason")) + tag("ul", "".join(map(_conflict_claim, c["claims"]))))
        for c in conflicts
    )
    heading = tag("h2", "Conflicts between articles")
    return tag("section", heading + tag("ul", items), id="conflicts")


def _head(data: Mapping[str, Any]) -> str:
    count = len(data["documents"])
    return (
        '<meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{esc(CSP)}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        + tag("title", f"Verification report: {count} article{'s' * (count != 1)}")
        + tag("style", STYLE)
    )


def _masthead(data: Mapping[str, Any]) -> str:
    tool = data.get("tool") or {}
    meta = (
        f"generated {esc(data.get('generated_at'))} · run {esc(data.get('run_id'))} · "
        f"{esc(tool.get('name'))} {esc(tool.get('version'))}"
    )
    return tag("h1", "Verification report") + tag("p", meta, class_="meta")


def render_html(data: Mapping[str, Any], texts: Mapping[int, str]) -> str:
    """The report ``data`` (see ``report_data``) as one self-contained HTML page.

    ``texts`` maps a document's ``document_id`` to its stored text, which the
    claims' offsets point into; an article without one is shown by its claims.
    """
    sections = [
        _masthead(data),
        _summary_section(data),
        _conflicts_section(data),
        *(_document_section(d, texts.get(d["document_id"])) for d in data["documents"]),
    ]
    body = tag("body", "".join(sections))
    return f'<!DOCTYPE html>\n<html lang="en"><head>{_head(data)}</head>{body}</html>\n'
