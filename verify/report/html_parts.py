"""Pieces of the HTML report: escaping, the style sheet, claim highlights, evidence.

Everything from an article or a reference is untrusted text: it goes through
``esc`` (quotes included, so it is safe in attributes too) and nowhere else.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from typing import Any

from verify.report.common import MARKS
from verify.report.decisions import decision_css, decision_details, decision_key, decision_label
from verify.report.differences import differing_spans, distinct_evidence
from verify.store import origin

# Most severe first: where claims overlap, the overlap shows the worst verdict.
VERDICT_ORDER = ("contradicted", "unverified", "supported")

# Defence in depth: even if something slipped through unescaped, the page may
# load nothing and run nothing; only its own inline <style> applies.
CSP = "default-src 'none'; style-src 'unsafe-inline'"

STYLE = """
body { font: 15px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 80rem; padding: 1rem;
       color: #1b1b1b; background: #fff; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.25rem; margin-top: 2.5rem; }
h3 { font-size: 1rem; margin: 1rem 0 .25rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #ccc; padding: .3rem .5rem; text-align: left; vertical-align: top; }
.meta { color: #555; font-size: .9rem; }
.warning { color: #8a3b00; font-weight: bold; }
.article { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
           column-gap: 1.5rem; align-items: start; }
.article > h3 { margin-bottom: .5rem; }
@media (max-width: 60rem) { .article { grid-template-columns: 1fr; } }
.text { white-space: pre-wrap; padding: .5rem 1rem; margin: 0; background: #fcfcfa;
        border-left: 1px solid #ddd; border-right: 1px solid #ddd; align-self: stretch; }
mark { padding: 0 .1rem; border-radius: 2px; }
mark.supported { background: #c8f0c8; border-bottom: 2px solid #2e7d32; }
mark.contradicted { background: #ffc9c9; border-bottom: 2px solid #c62828; }
mark.unverified { background: #fff1a8; border-bottom: 2px dashed #9a7b00; }
.match { background: #e3ebfd; }
mark.differs { background: #ffd24d; color: #5c0000; font-weight: bold; padding: 0 .15rem;
               box-shadow: 0 0 0 1px #b3261e; }
sup a { text-decoration: none; font-size: .75rem; }
ol.claims { list-style: none; padding: 0; margin: 0; }
li.claim { border-left: 5px solid #999; padding: .25rem .75rem; margin-bottom: 1rem; }
li.claim.supported { border-color: #2e7d32; }
li.claim.contradicted { border-color: #c62828; }
li.claim.unverified { border-color: #9a7b00; }
.verdict { font-weight: bold; text-transform: uppercase; font-size: .8rem; }
.contradicted .verdict { color: #c62828; } .supported .verdict { color: #2e7d32; }
.unverified .verdict { color: #7a6200; }
.decision { border-left: 4px solid; padding: .1rem .5rem; margin: .25rem 0; font-size: .9rem; }
.decision strong { text-transform: uppercase; font-size: .8rem; }
blockquote { margin: .25rem 0; padding: .25rem .5rem; border-left: 3px solid #ccc;
             background: #f6f6f6; white-space: pre-wrap; }
code { font-size: .85rem; word-break: break-all; }
ul.evidence { list-style: none; padding-left: 0; }
details { display: inline; } summary { display: inline; cursor: pointer; color: #555; }
.claim-text { font-style: italic; margin: .25rem 0; }
""" + decision_css(".decision")
# Characters of a document's sha256 shown; the whole hash is one click away.
SHA256_SHOWN = 12


def esc(value: Any) -> str:
    """``value`` as HTML text, safe in element content and in quoted attributes."""
    return html.escape("—" if value is None else str(value), quote=True)


def tag(name: str, content: str, **attributes: Any) -> str:
    """An element; ``content`` must already be HTML, attribute values are escaped.
    A trailing underscore in a name is dropped (``class_`` for ``class``)."""
    attrs = "".join(f' {k.rstrip("_")}="{esc(v)}"' for k, v in attributes.items())
    return f"<{name}{attrs}>{content}</{name}>"


def worst(verdicts: Iterable[str]) -> str:
    present = set(verdicts)
    return next((v for v in VERDICT_ORDER if v in present), "unverified")


def locatable(claim: Mapping[str, Any], text: str) -> bool:
    """Whether the claim's offsets point at its own words in ``text``: a stale or
    foreign text must not get highlights in the wrong places."""
    start, end = claim["start"], claim["end"]
    return 0 <= start < end <= len(text) and text[start:end] == claim["text"]


def _boundaries(claims: list[Mapping[str, Any]], start: int, end: int) -> list[int]:
    points = {start, end}
    for claim in claims:
        points.update(p for p in (claim["start"], claim["end"]) if start < p < end)
    return sorted(points)


def _segment(text: str, start: int, end: int, claims: list[Mapping[str, Any]]) -> str:
    """One stretch of text that every claim either fully covers or misses."""
    covering = [c for c in claims if c["start"] <= start and end <= c["end"]]
    piece = esc(text[start:end])
    if not covering:
        return piece
    # Overlapping claims split into several marks; only the first piece of a
    # claim carries its id, extra claims starting here get an empty anchor.
    starting = [c for c in covering if c["start"] == start]
    anchors = "".join(tag("span", "", id=f"claim-{c['id']}") for c in starting[1:])
    ids = {"id": f"claim-{starting[0]['id']}"} if starting else {}
    names = ", ".join(f"claim {c['id']}: {c['verdict']}" for c in covering)
    mark = tag("mark", piece, class_=worst(c["verdict"] for c in covering), title=names, **ids)
    return anchors + mark + _endnotes(end, covering)


def _endnotes(offset: int, claims: list[Mapping[str, Any]]) -> str:
    """A link to the details of each claim ending here, marked with its verdict."""
    notes = []
    for claim in claims:
        if claim["end"] == offset:
            label = f"{MARKS.get(claim['verdict'], '?')}{claim['id']}"
            notes.append(tag("sup", tag("a", esc(label), href=f"#claim-{claim['id']}-detail")))
    return "".join(notes)


def highlighted_text(
    text: str, claims: list[Mapping[str, Any]], start: int = 0, end: int | None = None
) -> str:
    """``text[start:end]`` (the whole text by default), escaped, with each locatable
    claim in a <mark>; a claim must lie inside the stretch or outside it."""
    end = len(text) if end is None else end
    placed = [c for c in claims if locatable(c, text) and start <= c["start"] < end]
    points = _boundaries(placed, start, end)
    return "".join(_segment(text, a, b, placed) for a, b in zip(points, points[1:], strict=False))


def _marked_passage(evidence: Mapping[str, Any], claim: Mapping[str, Any] | None) -> str:
    """The evidence passage, escaped: the matched span in <span class="match">, and
    where the claim is contradicted, what the reference says instead in <mark class="differs">."""
    passage = evidence["passage"]
    base = evidence.get("passage_start") or 0
    start = min(max(evidence["start"] - base, 0), len(passage))
    end = min(max(evidence["end"] - base, start), len(passage))
    differs = differing_spans(passage, claim) if claim else []
    points = sorted({0, len(passage), start, end, *(p for span in differs for p in span)})
    pieces = []
    for a, b in zip(points, points[1:], strict=False):
        piece = esc(passage[a:b])
        if any(x <= a and b <= y for x, y in differs):
            piece = tag("mark", piece, class_="differs")
        if start <= a and b <= end and start < end:
            piece = tag("span", piece, class_="match")
        pieces.append(piece)
    return "".join(pieces)


def _evidence_html(evidence: Mapping[str, Any], claim: Mapping[str, Any] | None) -> str:
    # URLs are shown as text, never as links: a reference URL is untrusted too
    # (javascript: is a URL), and the page promises to load nothing. What a reader
    # needs is in view (where, which page, revision or capture, when, how well it
    # matched); the rest, to cite or to check the stored copy, is folded into
    # "provenance".
    fetched = str(evidence.get("fetched_at") or "")
    shown = [
        tag("code", esc(evidence.get("url") or evidence["source"])),
        *(esc(part) for part in origin(evidence)),
        f"fetched {esc(fetched[:10])}" if fetched else "",
        f"match {esc(_score(evidence.get('score')))}/100",
    ]
    provenance = [
        f"source <code>{esc(evidence['source'])}</code>",
        f"fetched {esc(fetched)}",
        f"sha256 <code>{esc(evidence.get('sha256'))}</code>",
        f"characters {esc(evidence['start'])}–{esc(evidence['end'])} of its text",
    ]
    details = tag("details", tag("summary", "provenance") + " " + " · ".join(provenance))
    meta = " · ".join(part for part in shown if part) + " · " + details
    quote = tag("blockquote", _marked_passage(evidence, claim))
    return tag("li", quote + tag("div", meta, class_="meta"), class_="evidence")


def _score(score: Any) -> str | None:
    return f"{score:.0f}" if isinstance(score, int | float) else score


def evidence_list(items: list[Mapping[str, Any]], claim: Mapping[str, Any] | None = None) -> str:
    """The evidence, each passage once; for a contradicted ``claim`` the differing
    figures and words are marked."""
    if not items:
        return tag("p", "no evidence", class_="meta")
    shown = "".join(_evidence_html(e, claim) for e in distinct_evidence(items))
    return tag("ul", shown, class_="evidence")


def decision_html(review: Mapping[str, Any] | None) -> str:
    """A reviewer's decision in its own colour, or nothing when there is none."""
    if not review:
        return ""
    label = tag("strong", esc(decision_label(review)))
    details = esc(decision_details(review))
    return tag("p", f"Reviewer: {label}{details}", class_=f"decision {decision_key(review)}")


def claim_detail(claim: Mapping[str, Any], located: bool) -> str:
    verdict = claim["verdict"]
    head = tag("span", esc(f"{MARKS.get(verdict, '?')} {verdict}"), class_="verdict")
    link = tag("a", f"claim {esc(claim['id'])}", href=f"#claim-{claim['id']}")
    where = link if located else f"claim {esc(claim['id'])} (not located in the article text)"
    # A claim not in the text is still where links to claim-<id> (the checklist's,
    # ClaimReview's) land: its card carries the anchor.
    anchor = "" if located else tag("span", "", id=f"claim-{claim['id']}")
    kinds = esc(", ".join(claim.get("kinds", [])))
    parts = [
        tag("div", f"{anchor}{head} · {where} · {kinds}"),
        decision_html(claim.get("review")),
        tag("p", esc(claim["text"]), class_="claim-text"),
        tag("ul", "".join(tag("li", esc(r)) for r in claim.get("reasons", [])), class_="reasons"),
        evidence_list(claim.get("evidence", []), claim),
    ]
    return tag("li", "".join(parts), class_=f"claim {verdict}", id=f"claim-{claim['id']}-detail")
