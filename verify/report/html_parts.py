"""Pieces of the HTML report: escaping, the style sheet, claim highlights, evidence.

Everything from an article or a reference is untrusted text: it goes through
``esc`` (quotes included, so it is safe in attributes too) and nowhere else.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from typing import Any

from verify.records import origin
from verify.report.common import MARKS

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
.article { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1.5rem; }
@media (max-width: 60rem) { .article { grid-template-columns: 1fr; } }
.text { white-space: pre-wrap; border: 1px solid #ddd; padding: 1rem; background: #fcfcfa; }
mark { padding: 0 .1rem; border-radius: 2px; }
mark.supported { background: #c8f0c8; border-bottom: 2px solid #2e7d32; }
mark.contradicted { background: #ffc9c9; border-bottom: 2px solid #c62828; }
mark.unverified { background: #fff1a8; border-bottom: 2px dashed #9a7b00; }
mark.match { background: #dde7ff; border-bottom: 2px solid #3559b5; }
sup a { text-decoration: none; font-size: .75rem; }
ol.claims { list-style: none; padding: 0; margin: 0; }
li.claim { border-left: 5px solid #999; padding: .25rem .75rem; margin-bottom: 1rem; }
li.claim.supported { border-color: #2e7d32; }
li.claim.contradicted { border-color: #c62828; }
li.claim.unverified { border-color: #9a7b00; }
.verdict { font-weight: bold; text-transform: uppercase; font-size: .8rem; }
.contradicted .verdict { color: #c62828; } .supported .verdict { color: #2e7d32; }
.unverified .verdict { color: #7a6200; }
blockquote { margin: .25rem 0; padding: .25rem .5rem; border-left: 3px solid #ccc;
             background: #f6f6f6; white-space: pre-wrap; }
code { font-size: .85rem; word-break: break-all; }
ul.evidence { list-style: none; padding-left: 0; }
.claim-text { font-style: italic; margin: .25rem 0; }
"""


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


def _boundaries(claims: list[Mapping[str, Any]], length: int) -> list[int]:
    points = {0, length}
    for claim in claims:
        points.update((claim["start"], claim["end"]))
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


def highlighted_text(text: str, claims: list[Mapping[str, Any]]) -> str:
    """The article ``text``, escaped, with each locatable claim in a <mark>."""
    placed = [c for c in claims if locatable(c, text)]
    points = _boundaries(placed, len(text))
    return "".join(_segment(text, a, b, placed) for a, b in zip(points, points[1:], strict=False))


def _marked_passage(evidence: Mapping[str, Any]) -> str:
    """The evidence passage, escaped, with the matched span in <mark class="match">."""
    passage = evidence["passage"]
    base = evidence.get("passage_start") or 0
    start = min(max(evidence["start"] - base, 0), len(passage))
    end = min(max(evidence["end"] - base, start), len(passage))
    if start == end:
        return esc(passage)
    matched = tag("mark", esc(passage[start:end]), class_="match")
    return esc(passage[:start]) + matched + esc(passage[end:])


def _evidence_html(evidence: Mapping[str, Any]) -> str:
    # URLs are shown as text, never as links: a reference URL is untrusted too
    # (javascript: is a URL), and the page promises to load nothing.
    where = [
        f"source <code>{esc(evidence['source'])}</code>",
        f"url <code>{esc(evidence.get('url'))}</code>",
        *(esc(part) for part in origin(evidence)),
        f"fetched {esc(evidence.get('fetched_at'))}",
        f"sha256 <code>{esc(evidence.get('sha256'))}</code>",
        f"chars {esc(evidence['start'])}–{esc(evidence['end'])}",
        f"score {esc(_score(evidence.get('score')))}",
    ]
    quote = tag("blockquote", _marked_passage(evidence))
    return tag("li", quote + tag("div", " · ".join(where), class_="meta"), class_="evidence")


def _score(score: Any) -> str | None:
    return f"{score:.1f}" if isinstance(score, int | float) else score


def evidence_list(items: list[Mapping[str, Any]]) -> str:
    if not items:
        return tag("p", "no evidence", class_="meta")
    return tag("ul", "".join(_evidence_html(e) for e in items), class_="evidence")


def claim_detail(claim: Mapping[str, Any], located: bool) -> str:
    verdict = claim["verdict"]
    head = tag("span", esc(f"{MARKS.get(verdict, '?')} {verdict}"), class_="verdict")
    link = tag("a", f"claim {esc(claim['id'])}", href=f"#claim-{claim['id']}")
    where = link if located else f"claim {esc(claim['id'])} (not located in the article text)"
    kinds = esc(", ".join(claim.get("kinds", [])))
    parts = [
        tag("div", f"{head} · {where} · {kinds}"),
        tag("p", esc(claim["text"]), class_="claim-text"),
        tag("ul", "".join(tag("li", esc(r)) for r in claim.get("reasons", [])), class_="reasons"),
        evidence_list(claim.get("evidence", [])),
    ]
    return tag("li", "".join(parts), class_=f"claim {verdict}", id=f"claim-{claim['id']}-detail")
