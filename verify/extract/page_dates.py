"""A page's publication date: the page's own declaration first, htmldate's search after.

The places a page states its date are read in order of how deliberate they are:
JSON-LD ``datePublished``, the published-time meta tags, ``<time>`` and
``itemprop=datePublished`` markup, a visible dateline, a date in the URL. Only when
none of them gives a publication date is htmldate asked: it reads dates written in
many more ways (ISO dates in any attribute, DD.MM.YYYY, German and French month
names, broken JSON-LD) and weighs them. A date labelled as an update is the last
resort. Each date found keeps where it was found (``FoundDate.source``).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator, Mapping
from copy import deepcopy
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from htmldate import find_date
from lxml.etree import XPath

from verify.extract import boilerplate
from verify.extract.boilerplate import Tag
from verify.extract.publication_dates import EARLIEST_YEAR, FoundDate, dateline_in, parse_date

PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "datepublished",
    "date", "dc.date", "dc.date.issued", "dcterms.issued", "dcterms.created",
    "parsely-pub-date", "pubdate", "publishdate", "publish-date", "publish_date",
    "sailthru.date", "article.published", "citation_publication_date",
)  # fmt: skip
MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified")
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|$)")
_LABELLED = XPath(
    ".//*[self::aside or self::nav or self::footer or @class or @id or @role or @aria-label]"
)
_HOLDS_STORY = XPath("boolean(descendant-or-self::*[self::h1 or self::main or self::article])")
_NOT_TEXT = frozenset(("script", "style", "title", "template", "noscript", "head", "meta"))
MAX_DATELINE_PARENT_CHARS = 200

# htmldate logs every page it finds nothing on; that is an answer, not a warning.
logging.getLogger("htmldate").setLevel(logging.ERROR)


def choose_date(candidates: Iterable[FoundDate], root: Tag | None = None) -> FoundDate | None:
    """The first publication date; failing that, the first "updated" date, the
    best "as of" a page without a publication date offers; failing both,
    htmldate's date for the page (``root``)."""
    updated: FoundDate | None = None
    for found in candidates:
        if not found.updated:
            return found
        updated = updated or found
    if updated is None and root is not None:
        return htmldate_date(root)
    return updated


def htmldate_date(root: Tag) -> FoundDate | None:
    """htmldate's original publication date for the page without its unrelated
    boxes (related stories, comments), never the day it is run: a date only a
    search of the page turns up, equal to today, is a clock on the page."""
    today = datetime.now(UTC).date()
    found = find_date(
        _without_boxes(root),
        original_date=True,
        extensive_search=False,
        min_date=f"{EARLIEST_YEAR}-01-01",
        max_date=(today + timedelta(days=1)).isoformat(),
    )
    if not found or found >= today.isoformat():
        return None
    return FoundDate(found, None, source="htmldate")


def _without_boxes(root: Tag) -> Tag:
    """A copy of the page without its related-story boxes, comment threads and
    the like, but with anything that holds the story's headline or body."""
    page = deepcopy(root)
    for box in _LABELLED(page):
        if boilerplate.is_unrelated_box(box) and not _HOLDS_STORY(box):
            box.drop_tree()
    return page


def html_dates(
    root: Tag, declared: Mapping[str, str | None], meta: Mapping[str, str], url: str | None
) -> Iterator[FoundDate]:
    """Every date the page declares, most deliberate first; ``declared`` holds the
    JSON-LD article's datePublished, dateCreated and dateModified."""
    for key in ("datePublished", "dateCreated"):
        yield from _parsed(declared.get(key), "json-ld")
    for key in PUBLISHED_META:
        yield from _parsed(meta.get(key), "meta")
    yield from _time_dates(root)
    yield from _visible_datelines(root)
    yield from _url_date(url)
    yield from _as_updated(_parsed(declared.get("dateModified"), "json-ld"))
    for key in MODIFIED_META:
        yield from _as_updated(_parsed(meta.get(key), "meta"))


def _parsed(value: str | None, source: str) -> Iterator[FoundDate]:
    found = parse_date(value) if value else None
    if found:
        yield replace(found, source=source)


def _as_updated(dates: Iterator[FoundDate]) -> Iterator[FoundDate]:
    for found in dates:
        yield replace(found, updated=True, source=f"{found.source} modified")


def _time_dates(root: Tag) -> Iterator[FoundDate]:
    for tag in root.xpath(".//*[@itemprop]"):
        if re.search(r"\bdatePublished\b", tag.get("itemprop"), re.I):
            value = tag.get("datetime") or tag.get("content") or tag.text_content()
            yield from _parsed(value, "time")
    times = [tag for tag in root.iter("time") if not boilerplate.in_unrelated_box(tag)]
    # Stable sort: the times inside a byline first, then the rest in page order.
    times.sort(key=lambda tag: not any(map(boilerplate.is_byline_element, tag.iterancestors())))
    for tag in times:
        value = boilerplate.attribute_text(tag, "datetime") or tag.text_content()
        dates = _parsed(value, "time")
        yield from _as_updated(dates) if _labelled_updated(tag) else dates


def _labelled_updated(tag: Tag) -> bool:
    words: list[str] = []
    for element in (tag, tag.getparent()):
        if element is not None:
            words += boilerplate.words_of(boilerplate.attribute_text(element, "class"))
            words += boilerplate.words_of(boilerplate.attribute_text(element, "itemprop"))
    if any(word in ("updated", "modified", "revised", "datemodified") for word in words):
        return True
    before = tag.getprevious()
    parent = tag.getparent()
    text = (before.tail if before is not None else parent.text if parent is not None else "") or ""
    return re.search(r"\b(?:updated|modified|revised)\W*$", text, re.I) is not None


def _visible_datelines(root: Tag) -> Iterator[FoundDate]:
    """Short texts that are only a date, outside related boxes and footers."""
    seen: set[Tag] = set()
    for element in root.iter():
        for string, parent in ((element.text, element), (element.tail, element.getparent())):
            if not string or not string.strip() or parent is None or parent.tag in _NOT_TEXT:
                continue
            texts = [string]
            if parent not in seen:
                seen.add(parent)
                whole = parent.text_content()
                short = len(whole) < MAX_DATELINE_PARENT_CHARS
                texts.insert(0, " ".join(parent.itertext()) if short else "")
            for text in texts:
                found = dateline_in(text) if text.strip() else None
                if found and not _in_box_or_listing(parent):
                    source = "dateline modified" if found.updated else "dateline"
                    yield replace(found, source=source)
                    break


def _in_box_or_listing(tag: Tag) -> bool:
    """In a related box or footer, or in a table or list (a row of data, not
    the page's dateline) unless that list is a byline."""
    if boilerplate.in_unrelated_box(tag):
        return True
    for element in (tag, *tag.iterancestors()):
        if boilerplate.is_byline_element(element):
            return False
        if element.tag in ("table", "ul", "ol", "dl"):
            return True
    return False


def _url_date(url: str | None) -> Iterator[FoundDate]:
    match = _URL_DATE.search(urlsplit(url).path) if url else None
    if match:
        yield from _parsed("-".join(match.groups()), "url")
