"""The page's main content as trafilatura finds it, read into our blocks.

trafilatura (https://github.com/adbar/trafilatura) decides which parts of a page
are the story better than a single container choice: on its own evaluation set
(990 real pages) it finds the main text with F1 0.93 where our container choice
reached 0.89. It returns the content as a small XML tree (``head``, ``p``,
``list``/``item``, ``table``/``row``/``cell``, ``quote``); this module turns that
tree into our blocks. Tables are read by our own rules (``html_tables``): each
table trafilatura keeps is found again in the page by its cells' text, so a row
keeps its column headers and an infobox row reads "Label: value", which
trafilatura's flattening loses.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterator

from trafilatura import bare_extraction

from verify.extract.blocks import BR, PARAGRAPH_BREAK, Block, without_trailing_headings
from verify.extract.boilerplate import Tag, text_of
from verify.extract.html_tables import cells_of, is_layout_table, row_texts, rows_of
from verify.extract.text_furniture import match_key, normalise_space

# trafilatura logs each page it finds nothing on; that is an answer, not a warning.
logging.getLogger("trafilatura").setLevel(logging.ERROR)

TABLE_KEY_CELLS = 4  # cells that identify a table again in the page
# Share of trafilatura's text our own extraction must hold for the two to agree
# on where the story is.
AGREEMENT = 0.5
PARAGRAPH_AGREEMENT = 0.7  # likewise for one of our paragraphs to be kept
SHORT_LINE_WORDS = 8
_WORD = re.compile(r"\w+")


def combine(ours: list[Block], theirs: list[Block] | None) -> list[Block]:
    """One extraction from two opinions. Where our blocks hold most of
    trafilatura's words, both found the story: ours are kept for their structure
    (tables, infoboxes, definition lists, lists), less the paragraphs trafilatura
    judged furniture. Where they do not, our container choice went wrong (a
    headline and tagline only, the comments instead of the article) and
    trafilatura's blocks are taken."""
    if not theirs:
        return ours
    their_words = Counter(_words(" ".join(b.text for b in theirs if b.level != 1)))
    our_words = Counter(_words(" ".join(block.text for block in ours)))
    shared = sum((their_words & our_words).values())
    theirs_size, ours_size = sum(their_words.values()), sum(our_words.values())
    if not ours or shared < AGREEMENT * theirs_size or shared < AGREEMENT * ours_size:
        return theirs
    kept = [b for b in ours if b.kind != "paragraph" or _within(b.text, their_words)]
    return without_trailing_headings(_without_empty_sections(kept, their_words))


def _without_empty_sections(blocks: list[Block], their_words: Counter[str]) -> list[Block]:
    """Less the subheadings left with nothing under them (the next block is another
    heading) that trafilatura did not keep either: the title of a related box
    ("Weitere Themen", "Most read") whose teasers went. A section heading over kept
    text stays, even when trafilatura dropped it: the facts layer reads a table's or a
    list's heading for what it lists."""
    kept = []
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        empty = following is None or following.kind == "heading"
        if block.kind == "heading" and block.level != 1 and empty:
            if not _within(block.text, their_words):
                continue
        kept.append(block)
    return kept


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _within(text: str, words: Counter[str]) -> bool:
    """Whether most of the text's words are among ``words``; a quotation's
    source line ("— the secretary general") goes with its quotation."""
    own = _words(text)
    if text.startswith(("—", "–")) and len(own) <= SHORT_LINE_WORDS:
        return True
    return sum(word in words for word in own) >= PARAGRAPH_AGREEMENT * len(own)


def trafilatura_blocks(root: Tag, url: str | None = None) -> list[Block] | None:
    """The main content of the page ``root`` (left unchanged), or None when
    trafilatura finds none."""
    document = bare_extraction(
        root,
        url=url,
        include_comments=False,
        include_tables=True,
        include_formatting=False,
        include_images=False,
    )
    if document is None or document.body is None:
        return None
    # The page's tables are read only when trafilatura kept one (a third of pages).
    tables = _page_tables(root) if document.body.find(".//table") is not None else {}
    return list(_Reader(tables).blocks(document.body))


def _page_tables(root: Tag) -> dict[tuple[str, ...], tuple[str | None, list[str]]]:
    """The page's data tables by their first cells' text: caption and row texts."""
    tables: dict[tuple[str, ...], tuple[str | None, list[str]]] = {}
    for table in root.iter("table"):
        rows = rows_of(table)
        if not rows or is_layout_table(table, rows):
            continue
        cells = (text_of(cell) for row in rows for cell in cells_of(row))
        key = _key(cells)
        caption = next(table.iter("caption"), None)
        title = normalise_space(text_of(caption)) if caption is not None else None
        tables.setdefault(key, (title or None, row_texts(rows)))
    return tables


def _key(cells: Iterator[str]) -> tuple[str, ...]:
    texts = (match_key(text) for text in cells)
    key: list[str] = []
    for text in texts:
        if text:
            key.append(text)
            if len(key) == TABLE_KEY_CELLS:
                break
    return tuple(key)


class _Reader:
    def __init__(self, tables: dict[tuple[str, ...], tuple[str | None, list[str]]]) -> None:
        self.tables = tables

    def blocks(self, body: Tag) -> Iterator[Block]:
        for element in body:
            yield from self._element(element)

    def _element(self, element: Tag) -> Iterator[Block]:
        tag = element.tag
        if tag == "head":
            rend = element.get("rend") or ""
            level = int(rend[1]) if rend[:1] == "h" and rend[1:2].isdigit() else 2
            yield Block("heading", normalise_space(_text(element)), level=level)
        elif tag == "list":
            yield from self._list(element)
        elif tag == "table":
            yield from self._table(element)
        elif tag == "quote" and any(child.tag in ("p", "list", "head") for child in element):
            yield from self.blocks(element)
        elif tag != "graphic":
            for part in PARAGRAPH_BREAK.split(_text(element)):
                if normalise_space(part):
                    yield Block("paragraph", normalise_space(part))

    def _list(self, element: Tag) -> Iterator[Block]:
        term = ""
        for item in element:
            if item.tag != "item":
                continue
            nested = [child for child in item if child.tag == "list"]
            text = normalise_space(_text(item, skip=("list",)))
            rend = item.get("rend") or ""
            if rend.startswith("dt"):
                if term:
                    yield Block("list_item", term)
                term = text
                continue
            if term:
                text = f"{term}: {text}" if text else term
                term = ""
            if text:
                yield Block("list_item", text)
            for child in nested:
                yield from self._list(child)
        if term:
            yield Block("list_item", term)

    def _table(self, element: Tag) -> Iterator[Block]:
        cells = (_text(cell) for row in element for cell in row)
        found = self.tables.get(_key(cells))
        if found is not None:
            caption, rows = found
            if caption:
                yield Block("heading", caption, level=3)
            yield from (Block("table_row", row) for row in rows if row)
            return
        for row in element:
            text = "; ".join(filter(None, (normalise_space(_text(cell)) for cell in row)))
            if text:
                yield Block("table_row", text)


def _text(element: Tag, skip: tuple[str, ...] = ()) -> str:
    """The element's text, a line break marked as BR, nested ``skip`` elements left out."""
    parts: list[str] = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append(BR)
        elif child.tag not in skip:
            parts.append(_text(child, skip))
        parts.append(child.tail or "")
    return "".join(parts)
