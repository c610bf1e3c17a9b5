"""PDF documents: text by page (pypdf), then read like any plain text.

Official reports often come as PDF. Each page's text is taken out with pypdf (pure
Python, no system libraries), the lines a layout repeats on every page (running
headers, footers, page numbers) are dropped, and the lines are joined back into
paragraphs: a PDF stores lines, not paragraphs. The result goes through the same
reading as a plain-text article (title, dateline, byline, furniture), and every
passage keeps the page it starts on, so evidence can say "page 3".

Metadata the text does not give (a title, an author, above all a date) is taken from
the PDF's document information: its title, author and creation date.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from verify.errors import ExtractError
from verify.extract.page import extract_text
from verify.extract.publication_dates import parse_dateline
from verify.extract.text_furniture import is_byline, normalise_space
from verify.records import Extracted, Metadata, Passage

# pypdf logs each repair it makes ("EOF marker not found") as a warning, which
# Python prints on stderr when no logging is set up: a command's output must be
# its own one-line errors. What pypdf cannot repair still raises.
logging.getLogger("pypdf").setLevel(logging.ERROR)

# pypdf reads damaged files leniently but can still fail with Python's own errors
# deep in its parser; any of them means the bytes are no PDF we can read.
_UNREADABLE = (
    PyPdfError,
    ValueError,
    KeyError,
    TypeError,
    IndexError,
    AttributeError,
    RecursionError,
    ZeroDivisionError,
    OverflowError,
    AssertionError,
)
# A line the layout repeats on this share of the pages (at least two) is furniture.
REPEATED_SHARE = 0.5
# "3", "Page 3", "page 3 of 12", "- 3 -", "3/12": a page number alone on its line.
_PAGE_NUMBER = re.compile(r"^[-–—\s]*(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?[-–—\s]*$", re.I)
# A line shorter than this share of the page's longest ends its paragraph when it
# ends a sentence; prose wrapped to the page's width runs on.
FULL_LINE_SHARE = 0.75
MAX_HEADING_WORDS = 12
_SENTENCE_END = (".", "!", "?", ":", ";", '"', "”", "’", ")")
_ITEM_START = re.compile(r"^(?:[•▪◦*·-]|\d{1,2}[.)]|\([a-z0-9]\))\s")
_HYPHENATED = re.compile(r"[^\W\d_]-$")


def extract_pdf(body: bytes) -> Extracted:
    """The text of a PDF as passages that know their page, with its metadata."""
    reader, pages = _read(body)
    blocks = _blocks(pages)
    if not blocks:
        raise ExtractError("no text in the PDF (a scan? it needs OCR first)")
    extracted = extract_text("\n\n".join(text for _, text in blocks))
    paged = _with_pages(extracted, blocks)
    metadata = _completed(extracted.metadata, reader)
    return Extracted(text=extracted.text, passages=paged, metadata=metadata)


def _read(body: bytes) -> tuple[PdfReader, list[str]]:
    try:
        reader = PdfReader(io.BytesIO(body))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ExtractError("the PDF is encrypted with a password")
        return reader, [page.extract_text() or "" for page in reader.pages]
    except _UNREADABLE as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise ExtractError(f"not a readable PDF ({reason})") from exc


# --- lines into paragraphs ------------------------------------------------------------


def _blocks(pages: Sequence[str]) -> list[tuple[int, str]]:
    """(page number from 1, paragraph) for every paragraph of every page."""
    lines = [[normalise_space(line) for line in page.splitlines()] for page in pages]
    furniture = _repeated(lines)
    blocks = []
    for number, page in enumerate(lines, 1):
        kept = [line for line in page if line and line not in furniture]
        kept = [line for line in kept if not _PAGE_NUMBER.match(line)]
        blocks.extend((number, paragraph) for paragraph in _paragraphs(kept))
    return blocks


def _repeated(pages: Sequence[Sequence[str]]) -> set[str]:
    """Lines found on at least half the pages, two at least: running heads and feet."""
    if len(pages) < 2:
        return set()
    counts = Counter(line for page in pages for line in set(page) if line)
    least = max(2, REPEATED_SHARE * len(pages))
    return {line for line, count in counts.items() if count >= least}


def _paragraphs(lines: Sequence[str]) -> list[str]:
    width = max(map(len, lines), default=0)
    paragraphs: list[str] = []
    current: list[str] = []
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if _ITEM_START.match(line) and current:
            paragraphs.append(_joined(current))
            current = []
        current.append(line)
        if _ends_block(line, following, width):
            paragraphs.append(_joined(current))
            current = []
    if current:
        paragraphs.append(_joined(current))
    return paragraphs


def _ends_block(line: str, following: str, width: int) -> bool:
    short = len(line) < FULL_LINE_SHARE * width
    if not following or _on_its_own(line) or _on_its_own(following):
        return True
    if line.endswith(_SENTENCE_END):
        return short
    # A short line without a full stop before a sentence's start: a heading.
    opening = following.lstrip("\"'“‘(")[:1]
    heading = len(line.split()) <= MAX_HEADING_WORDS and (opening.isupper() or opening.isdigit())
    return short and heading


def _on_its_own(line: str) -> bool:
    """A dateline or a byline is a line of its own, however long the lines around it."""
    return parse_dateline(line) is not None or is_byline(line)


def _joined(lines: Sequence[str]) -> str:
    """Lines of one paragraph as one line; "govern-" + "ment" is "government"."""
    text = lines[0]
    for line in lines[1:]:
        if _HYPHENATED.search(text) and line[:1].islower():
            text = text[:-1] + line
        else:
            text = f"{text} {line}"
    return text


# --- pages and metadata ---------------------------------------------------------------


def _with_pages(extracted: Extracted, blocks: Sequence[tuple[int, str]]) -> tuple[Passage, ...]:
    """Each passage with the page of the paragraph it was read from. The plain-text
    reading keeps the paragraphs in order and only drops some, so they are matched
    in one pass."""
    paged = []
    at, page = 0, 1
    for passage in extracted.passages:
        for index in range(at, len(blocks)):
            if normalise_space(blocks[index][1]) == passage.text:
                at, page = index + 1, blocks[index][0]
                break
        paged.append(replace(passage, page=page))
    return tuple(paged)


def _completed(metadata: Metadata, reader: PdfReader) -> Metadata:
    """The text's metadata, with the document information's where the text gives none."""
    try:
        info = reader.metadata
        title, author = (info.title, info.author) if info else (None, None)
        created = info.creation_date if info else None
    except _UNREADABLE:
        return metadata  # a damaged information dictionary: the text's metadata stands
    published, published_at = metadata.published, metadata.published_at
    if published is None and created is not None:
        published, published_at = created.date().isoformat(), _iso(created)
    return replace(
        metadata,
        title=metadata.title or _clean(title),
        author=metadata.author or _clean(author),
        published=published,
        published_at=published_at,
    )


def _clean(value: str | None) -> str | None:
    text = normalise_space(value or "")
    return text or None


def _iso(moment: datetime) -> str:
    if moment.tzinfo is None:
        return moment.isoformat()
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
