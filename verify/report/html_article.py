"""An article in the HTML report: its text paragraph by paragraph, each claim's card
beside the paragraph that holds it.

Two independent columns (all the text, then all the cards) drift apart on a long
article: the text ends while the cards of its first sentences still fill the page.
So the article is a grid with one row per block of text, its claims' cards in the
row's second cell; the row is as tall as the taller of the two.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from verify.report.html_parts import claim_detail, esc, highlighted_text, locatable, tag

# Passages of a stored text are separated by blank lines.
_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")


def text_blocks(text: str, claims: list[Mapping[str, Any]]) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of ``text``, without the blank lines between;
    paragraphs a claim runs across are one block, so every claim is in one block."""
    placed = [c for c in claims if locatable(c, text)]
    blocks: list[tuple[int, int]] = []
    start = 0
    for gap in _BLANK_LINES.finditer(text):
        if any(c["start"] < gap.end() and gap.start() < c["end"] for c in placed):
            continue  # a claim crosses this gap: keep its paragraphs together
        if text[start : gap.start()].strip():
            blocks.append((start, gap.start()))
        start = gap.end()
    if text[start:].strip() or not blocks:
        blocks.append((start, len(text)))
    return blocks


def article_grid(document: Mapping[str, Any], text: str | None) -> str:
    """The article's text and claim cards, row by row; without its text, the cards."""
    claims = document["claims"]
    if text is None:
        missing = tag("p", "The article's stored text was not available.", class_="meta")
        cards = "".join(claim_detail(c, False) for c in claims)
        return tag("div", missing + tag("ol", cards, class_="claims"), class_="article")
    cells = [tag("h3", "Article text"), tag("h3", "Claims")]
    placed = [c for c in claims if locatable(c, text)]
    for start, end in text_blocks(text, claims):
        own = [c for c in placed if start <= c["start"] < end]
        cells.append(tag("div", highlighted_text(text, claims, start, end), class_="text"))
        cells.append(tag("ol", "".join(claim_detail(c, True) for c in own), class_="claims"))
    elsewhere = [c for c in claims if c not in placed]
    if elsewhere:
        note = tag("p", f"{len(elsewhere)} claims not located in the article text", class_="meta")
        cells.append(tag("div", note, class_="text"))
        cells.append(tag("ol", "".join(claim_detail(c, False) for c in elsewhere), class_="claims"))
    return tag("div", "".join(cells), class_="article")


def byline(document: Mapping[str, Any]) -> str:
    """Where the article came from, leaving out what it does not have."""
    sha = str(document.get("sha256") or "")
    parts = [
        f"source <code>{esc(document['source'])}</code>",
        f"URL <code>{esc(document['url'])}</code>" if document.get("url") else "",
        f"by {esc(document['author'])}" if document.get("author") else "",
        f"published by {esc(document['publisher'])}" if document.get("publisher") else "",
        tag("code", esc(sha[:12]) + "…", title=f"sha256 {sha}") if sha else "",
    ]
    return tag("p", " · ".join(part for part in parts if part), class_="meta")
