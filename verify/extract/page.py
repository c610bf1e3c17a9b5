"""The extract stage: a fetched page or text file -> main text, passages, metadata.

HTML: metadata is read first (bylines and JSON-LD go with the furniture),
furniture is removed (boilerplate.py), the element holding the story is
chosen, and its headings, paragraphs, list items and table rows
(html_tables.py) become passages. Plain text: blocks split on blank lines,
furniture lines dropped (text_furniture.py). Either way the passages are
joined with blank lines into ``Extracted.text`` and each passage carries its
offsets into it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

import lxml.html
from lxml.etree import ElementDefaultClassLookup, ParserError
from lxml.html import (
    HtmlComment,
    HtmlElement,
    HtmlEntity,
    HTMLParser,
    HtmlProcessingInstruction,
)

from verify.errors import ExtractError
from verify.extract import boilerplate
from verify.extract.blocks import BR, PARAGRAPH_BREAK, Block, without_trailing_headings
from verify.extract.boilerplate import BLOCK_TAGS, HEADINGS, Tag, text_of
from verify.extract.html_tables import cells_of, is_layout_table, row_texts, rows_of
from verify.extract.main_content import combine, trafilatura_blocks
from verify.extract.metadata import html_metadata, is_section_label, text_metadata
from verify.extract.publication_dates import parse_dateline
from verify.extract.text_furniture import (
    drop_furniture_lines,
    is_byline,
    is_furniture_line,
    is_teaser,
    match_key,
    normalise_space,
    strip_stale_banner,
)
from verify.records import Extracted, Fetched, Metadata, Passage

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
NO_TEXT = "no main text found"

PARAGRAPH_TAGS = ("p", "pre", "dt", "dd", "summary", "address")
NESTED_BLOCKS = ("ul", "ol", "dl", "table")  # a list item's own passages
# Control characters lxml refuses in a tree's text; a page's own are noise.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]+")
_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)

# Every element an HtmlElement, chosen in C: lxml.html's own lookup picks a class per
# tag (forms, inputs, labels) in Python for each element touched, and trafilatura,
# htmldate and our rules touch millions; nothing here uses the form classes. Same
# output, 6% less time a page (A/B on 500 of the benchmark's pages).
_HTML_CLASSES = ElementDefaultClassLookup(
    element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity
)

LINK_BLOCK_SHARE = 0.9  # a short block that is all link is a teaser or a button
MAX_LINK_BLOCK_WORDS = 15
MAX_KICKER_WORDS = 3  # "Politics" above the headline
MAX_SUBHEADING_WORDS = 10


def extract(fetched: Fetched) -> Extracted:
    """Dispatch on the media type; a local file without one is sniffed."""
    media = (fetched.content_type or "").lower()
    if media in HTML_TYPES or (not media and _HTML_START.match(fetched.text)):
        return extract_html(fetched.text, url=fetched.url)
    return extract_text(fetched.text)


# --- HTML ----------------------------------------------------------------------


def extract_html(html: str, url: str | None = None) -> Extracted:
    root = parse_html(html)
    metadata = html_metadata(root, url=url)
    try:
        found = trafilatura_blocks(root, url)
        ours = _html_blocks(root, metadata)
        blocks = combine(ours, _main_blocks(found, root, metadata) if found else None)
    except RecursionError:
        raise ExtractError("page nesting too deep to extract") from None
    if not any(block.level != 1 for block in blocks):
        raise ExtractError(NO_TEXT)  # a headline alone is an empty page (a JS shell)
    if metadata.title is None and blocks[0].level == 1:
        metadata = replace(metadata, title=blocks[0].text)
    return _assemble(blocks, metadata)


def parse_html(html: str) -> Tag:
    """The page as an lxml tree, comments and processing instructions left out.
    The text is already decoded, so a charset the page declares is not applied again."""
    parser = HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, collect_ids=False)
    parser.set_element_class_lookup(_HTML_CLASSES)
    try:
        return lxml.html.document_fromstring(
            _CONTROLS.sub(" ", html).encode("utf-8", "replace"), parser=parser
        )
    except (ParserError, ValueError):
        raise ExtractError(NO_TEXT) from None


def _main_blocks(found: list[Block], root: Tag, metadata: Metadata) -> list[Block]:
    """trafilatura's blocks, cleaned as ours are, under the story's headline."""
    blocks = _clean_blocks(found)
    return _with_headline(blocks, _headline(root, root, metadata))


def _mark_line_breaks(root: Tag) -> None:
    for br in list(root.iter("br")):
        br.tail = BR + (br.tail or "")
        br.drop_tag()


def _html_blocks(root: Tag, metadata: Metadata) -> list[Block]:
    _mark_line_breaks(root)
    boilerplate.strip_furniture(root)
    body = root.find("body")
    body = root if body is None else body
    container = boilerplate.choose_container(body)
    blocks = _clean_blocks(_Walker().blocks_of(container))
    if container is not body and all(block.kind == "heading" for block in blocks):
        container, blocks = body, _clean_blocks(_Walker().blocks_of(body))
    return _with_headline(blocks, _headline(container, body, metadata))


def _headline(container: Tag, page: Tag, metadata: Metadata) -> str | None:
    """The story's <h1>: one matching the metadata title (in the container,
    then anywhere left on the page), else the container's first, else the
    metadata title (og:title, <title>)."""
    title = match_key(metadata.title or "")
    first: str | None = None
    for scope in (container, page):
        for h1 in scope.iter("h1"):
            heading = normalise_space(text_of(h1))
            if heading and title and (match_key(heading) in title or title in match_key(heading)):
                return heading
            if scope is container:
                first = first or heading or None
    return first or metadata.title


def _with_headline(blocks: list[Block], headline: str | None) -> list[Block]:
    """The headline first, once; kickers and section labels above it go."""
    if not headline:
        return blocks
    key = match_key(headline)
    at = next((i for i, block in enumerate(blocks) if match_key(block.text) == key), None)
    if at is None:
        return [Block("heading", headline, level=1), *blocks]
    before = [block for block in blocks[:at] if len(block.text.split()) > MAX_KICKER_WORDS]
    return [Block("heading", headline, level=1), *before, *blocks[at + 1 :]]


class _Walker:
    """Turns a container's elements into blocks, each element once: a list item
    holding paragraphs is one passage, not one per paragraph."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []

    def blocks_of(self, container: Tag) -> list[Block]:
        self.walk(container)
        return self.blocks

    def walk(self, node: Tag) -> None:
        run: list[Tag | str] = [node.text or ""]
        for child in node:
            if _is_block(child):
                self._paragraphs(run)
                run = []
                self._block(child)
            else:
                run.append(child)
            run.append(child.tail or "")
        self._paragraphs(run)

    def _paragraphs(self, run: Sequence[Tag | str]) -> None:
        """Inline content as paragraphs, split where two <br> meet."""
        text = "".join(n if isinstance(n, str) else text_of(n) for n in run)
        linked = sum(
            boilerplate.link_share(n) * len(n.text_content()) for n in run if not isinstance(n, str)
        )
        share = min(1.0, linked / (len(text) or 1))
        for part in PARAGRAPH_BREAK.split(text):
            if normalise_space(part):
                self.blocks.append(Block("paragraph", normalise_space(part), share))

    def _block(self, tag: Tag) -> None:
        if tag.tag in HEADINGS:
            text = normalise_space(text_of(tag))
            self.blocks.append(Block("heading", text, boilerplate.link_share(tag), int(tag.tag[1])))
        elif tag.tag in PARAGRAPH_TAGS:
            self._paragraphs([tag])
        elif tag.tag == "li":
            text = normalise_space(text_of(tag, skip=NESTED_BLOCKS))
            self.blocks.append(Block("list_item", text, boilerplate.link_share(tag, text)))
            for nested in _nested_blocks(tag):
                self._block(nested)
        elif tag.tag in ("ul", "ol"):
            if not boilerplate.is_link_list(tag):
                self.walk(tag)
        elif tag.tag == "dl":
            self.blocks.extend(Block("list_item", text) for text in _definitions(tag))
        elif tag.tag == "table":
            self._table(tag)
        elif tag.tag != "hr":
            self.walk(tag)

    def _table(self, table: Tag) -> None:
        """One passage per data row, each value labelled with its column header."""
        rows = rows_of(table)
        if is_layout_table(table, rows):
            for row in rows:
                for cell in cells_of(row):
                    self.walk(cell)
            return
        caption = next(table.iter("caption"), None)
        if caption is not None:
            self.blocks.append(Block("heading", normalise_space(text_of(caption)), level=3))
        self.blocks.extend(Block("table_row", text) for text in row_texts(rows))


def _is_block(tag: Tag) -> bool:
    return tag.tag in BLOCK_TAGS or next(tag.iterdescendants(*BLOCK_TAGS), None) is not None


def _nested_blocks(tag: Tag) -> Iterator[Tag]:
    """Lists and tables inside a list item, outermost only."""
    for child in tag:
        if child.tag in NESTED_BLOCKS:
            yield child
        else:
            yield from _nested_blocks(child)


def _definitions(dl: Tag) -> Iterator[str]:
    """<dt>Term</dt><dd>Value</dd> -> "Term: Value"."""
    term = ""
    for item in dl.iter("dt", "dd"):
        if next(item.iterancestors("dl"), None) is not dl:
            continue
        text = normalise_space(text_of(item))
        if item.tag == "dt":
            if term:
                yield term
            term = text
        else:
            yield f"{term}: {text}" if term and text else term or text
            term = ""
    if term:
        yield term


# --- cleaning blocks ------------------------------------------------------------------


def _clean_blocks(blocks: list[Block]) -> list[Block]:
    """Drop furniture, teasers, datelines and bylines, and headings left at the
    end with nothing under them (a "Related" box's title)."""
    blocks = [_without_banner(block) for block in blocks if block.text]
    texts = [block.text for block in blocks]
    kept = [b for b in blocks if _is_content(b) and not is_teaser(b.text, texts)]
    return without_trailing_headings(kept)


def _without_banner(block: Block) -> Block:
    if block.kind == "table_row":
        return block
    return replace(block, text=strip_stale_banner(block.text))


def _is_content(block: Block) -> bool:
    if block.kind == "table_row":
        return True
    text = block.text
    if is_furniture_line(text) or parse_dateline(text) or is_byline(text):
        return False
    link_only = block.linked >= LINK_BLOCK_SHARE and block.level != 1
    short = len(text.split()) <= MAX_LINK_BLOCK_WORDS
    return not (link_only and short and block.kind != "list_item")


# --- plain text ----------------------------------------------------------------------

_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
WRAP_WIDTHS = (40, 100)  # hard-wrapped prose has lines about this long


def extract_text(text: str) -> Extracted:
    blocks = drop_furniture_lines(_text_blocks(text))
    metadata = text_metadata(blocks)
    typed = _text_kinds(blocks, metadata.title)
    if len(typed) == 1:
        typed = [Block("paragraph", typed[0].text)]  # a single line is text, not a headline
    return _assemble(typed, metadata)


def _text_blocks(text: str) -> list[str]:
    """Blocks separated by blank lines; inside a block each line is its own
    block unless the block is prose hard-wrapped at a fixed width."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks: list[str] = []
    for chunk in _BLANK_LINE.split(text):
        lines = [line for line in map(normalise_space, chunk.split("\n")) if line]
        blocks.extend([" ".join(lines)] if _is_wrapped(lines) else lines)
    return [block for block in blocks if block]


def _is_wrapped(lines: list[str]) -> bool:
    width = max(map(len, lines), default=0)
    if len(lines) < 2 or not WRAP_WIDTHS[0] <= width <= WRAP_WIDTHS[1]:
        return False
    return all(len(line) >= 0.6 * width for line in lines[:-1])


def _text_kinds(blocks: list[str], title: str | None) -> list[Block]:
    """The title as the first heading; datelines, bylines and the labels above
    the title dropped; a short unpunctuated line before prose is a subheading."""
    out: list[Block] = []
    before_title = title is not None
    for index, block in enumerate(blocks):
        if parse_dateline(block) or is_byline(block):
            continue
        if before_title and block == title:
            out.append(Block("heading", block, level=1))
            before_title = False
        elif before_title:
            if not is_section_label(block):
                out.append(Block("paragraph", block))
        else:
            following = blocks[index + 1] if index + 1 < len(blocks) else ""
            standfirst = bool(out) and out[-1].level == 1  # the line under the title
            heading = not standfirst and _is_subheading(block, following)
            out.append(Block("heading", block, level=2) if heading else Block("paragraph", block))
    return out


def _is_subheading(block: str, following: str) -> bool:
    words = block.split()
    if not words or len(words) > MAX_SUBHEADING_WORDS or block.startswith("("):
        return False
    if not (block[0].isupper() or block[0].isdigit()):
        return False
    if block.rstrip("\"'”’").endswith((".", ",", ";", ":", "…", "!", "?")):
        return False
    return len(following.split()) > MAX_SUBHEADING_WORDS


# --- passages ---------------------------------------------------------------------------


def _assemble(blocks: Iterable[Block], metadata: Metadata) -> Extracted:
    """Passages joined by blank lines, exact duplicates (a repeated headline)
    dropped, each with its offsets into the joined text."""
    passages: list[Passage] = []
    seen: set[str] = set()
    offset = 0
    for block in blocks:
        text = normalise_space(block.text)
        key = match_key(text)
        if key in seen or not any(ch.isalnum() for ch in text):
            continue
        seen.add(key)
        offset += 2 if passages else 0
        passages.append(Passage(block.kind, offset, offset + len(text), text))
        offset += len(text)
    if not passages:
        raise ExtractError(NO_TEXT)
    text = "\n\n".join(passage.text for passage in passages)
    return Extracted(text=text, passages=tuple(passages), metadata=metadata)
