"""Document metadata: title, publisher, author and publication date.

Each field has an ordered list of places to look, the most deliberate first
(JSON-LD, then <meta> tags, then markup such as <time>, then visible text);
the first plausible value wins. A page that gives no date gets None: the
fetch time is never a publication date. Each place's date is read by
``verify.extract.publication_dates``; here the page's dates are gathered and one chosen.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, NavigableString, Tag

from verify.extract import boilerplate
from verify.extract.publication_dates import FoundDate, dateline_in, parse_date, parse_dateline
from verify.extract.text_furniture import (
    byline_author,
    is_byline,
    is_furniture_line,
    match_key,
    normalise_space,
)
from verify.records import Metadata

MAX_HEADLINE_WORDS = 20
MAX_LABEL_WORDS = 2  # "Politics", "World news": a section label above a headline


# --- HTML --------------------------------------------------------------------

_ARTICLE_TYPES = frozenset(
    """article newsarticle reportagenewsarticle analysisnewsarticle opinionnewsarticle
    backgroundnewsarticle reviewnewsarticle blogposting liveblogposting report
    scholarlyarticle techarticle socialmediaposting""".split()
)
_PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "datepublished",
    "date", "dc.date", "dc.date.issued", "dcterms.issued", "dcterms.created",
    "parsely-pub-date", "pubdate", "publishdate", "publish-date", "publish_date",
    "sailthru.date", "article.published", "citation_publication_date",
)  # fmt: skip
_MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified")
_AUTHOR_META = (
    "author", "article:author", "parsely-author", "dc.creator", "sailthru.author", "byl",
)  # fmt: skip
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|$)")


@dataclass
class _JsonLd:
    """The article object of a page's JSON-LD, with ``@id`` references resolvable."""

    article: dict[str, Any]
    index: dict[str, dict[str, Any]]

    @classmethod
    def from_soup(cls, soup: BeautifulSoup) -> _JsonLd:
        nodes: list[dict[str, Any]] = []
        for script in soup.find_all("script"):
            if boilerplate.attribute_text(script, "type").strip().lower() != "application/ld+json":
                continue
            try:
                nodes.extend(_flatten(json.loads(script.get_text(), strict=False)))
            except (ValueError, RecursionError):
                continue  # broken JSON-LD is common and simply gives nothing
        index = {node["@id"]: node for node in nodes if isinstance(node.get("@id"), str)}
        article = next((node for node in nodes if _types(node) & _ARTICLE_TYPES), None)
        # Failing an article, a page that says when it was published (a WebPage).
        article = article or next((node for node in nodes if "datePublished" in node), {})
        return cls(article, index)

    def text(self, key: str) -> str | None:
        value = self.article.get(key)
        return (normalise_space(value) or None) if isinstance(value, str) else None

    def names(self, key: str) -> str | None:
        names = _unique(self._names(self.article.get(key), depth=0))
        return ", ".join(names) or None

    def _names(self, value: Any, depth: int) -> Iterator[str]:
        if depth > 4:
            return
        if isinstance(value, str):
            name = _clean_author(value)
            if name:
                yield name
        elif isinstance(value, list):
            for item in value:
                yield from self._names(item, depth + 1)
        elif isinstance(value, dict):
            reference = value.get("@id")
            if set(value) <= {"@id", "@type"} and isinstance(reference, str):
                value = self.index.get(reference, value)
            if "name" in value:
                yield from self._names(value["name"], depth + 1)
            elif isinstance(value.get("familyName"), str):
                full = f"{value.get('givenName', '')} {value['familyName']}"
                yield from self._names(full, depth + 1)


def _flatten(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 6:
        return
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity"):
            yield from _flatten(data.get(key), depth + 1)


def _types(node: dict[str, Any]) -> set[str]:
    value = node.get("@type")
    values = value if isinstance(value, list) else [value]
    return {v.rsplit("/", 1)[-1].rsplit(":", 1)[-1].lower() for v in values if isinstance(v, str)}


def _unique(values: Iterator[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _clean_author(value: str) -> str | None:
    text = normalise_space(value)
    if not text or "://" in text or text.startswith(("@", "/")):
        return None
    return re.sub(r"^by:?\s+", "", text, flags=re.I) or None


def _meta_tags(soup: BeautifulSoup) -> dict[str, str]:
    tags: dict[str, str] = {}
    for meta in soup.find_all("meta"):
        content = normalise_space(boilerplate.attribute_text(meta, "content"))
        for attribute in ("property", "name", "itemprop"):
            key = boilerplate.attribute_text(meta, attribute).strip().lower()
            if key and content:
                tags.setdefault(key, content)
    return tags


def html_metadata(soup: BeautifulSoup, url: str | None = None) -> Metadata:
    """Metadata of a parsed page; call before furniture (bylines) is removed."""
    ld = _JsonLd.from_soup(soup)
    meta = _meta_tags(soup)
    publisher = _first(
        meta.get("og:site_name"), ld.names("publisher"), meta.get("application-name")
    )
    found = _choose_date(_html_dates(soup, ld, meta, url))
    return Metadata(
        title=_html_title(soup, ld, meta, publisher),
        publisher=publisher,
        author=_first(ld.names("author"), *_meta_authors(meta), _byline_author(soup)),
        published=found.published if found else None,
        published_at=found.published_at if found else None,
    )


def _first(*values: str | None) -> str | None:
    return next((value for value in values if value), None)


def _html_title(
    soup: BeautifulSoup, ld: _JsonLd, meta: dict[str, str], publisher: str | None
) -> str | None:
    title = _first(ld.text("headline"), meta.get("og:title"), meta.get("twitter:title"))
    if title:
        return strip_site_name(title, publisher, guess=False)
    tag = soup.find("title")
    if tag and normalise_space(tag.get_text()):
        return strip_site_name(normalise_space(tag.get_text()), publisher)
    h1 = soup.find("h1")
    return (normalise_space(h1.get_text()) or None) if h1 else None


_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|•)\s+")


def strip_site_name(title: str, publisher: str | None, guess: bool = True) -> str:
    """Drop the site name: "Headline | Site" -> "Headline". With ``guess``, a
    short last part is taken for the site name even when the publisher is unknown."""
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    if publisher and match_key(parts[-1]) == match_key(publisher):
        return title[: title.rfind(parts[-1])].rstrip(" |-–—:·•")
    if publisher and match_key(parts[0]) == match_key(publisher):
        return title[len(parts[0]) :].lstrip(" |-–—:·•")
    head = title[: title.rfind(parts[-1])].rstrip(" |-–—:·•")
    if guess and len(parts[-1].split()) <= 4 and len(head) > len(parts[-1]):
        return head
    return title


def _meta_authors(meta: dict[str, str]) -> Iterator[str | None]:
    for key in _AUTHOR_META:
        if key in meta:
            yield _clean_author(meta[key])


def _byline_author(soup: BeautifulSoup) -> str | None:
    for tag in soup.find_all(attrs={"itemprop": "author"}):
        name = tag.find(attrs={"itemprop": "name"}) or tag
        text = boilerplate.attribute_text(name, "content") or name.get_text()
        if _clean_author(text):
            return _clean_author(text)
    for tag in soup.find_all(["a", "link"], rel="author"):
        if _clean_author(tag.get_text()):
            return _clean_author(tag.get_text())
    for tag in soup.find_all(boilerplate.is_byline_element):
        author = byline_author(tag.get_text(" "))
        if author:
            return author
    return None


def _choose_date(candidates: Iterator[FoundDate]) -> FoundDate | None:
    """The first publication date; failing that, the first "updated" date, the
    best "as of" a page without a publication date offers."""
    updated: FoundDate | None = None
    for found in candidates:
        if not found.updated:
            return found
        updated = updated or found
    return updated


def _html_dates(
    soup: BeautifulSoup, ld: _JsonLd, meta: dict[str, str], url: str | None
) -> Iterator[FoundDate]:
    for key in ("datePublished", "dateCreated"):
        yield from _parsed(ld.text(key))
    for key in _PUBLISHED_META:
        yield from _parsed(meta.get(key))
    yield from _time_dates(soup)
    yield from _visible_datelines(soup)
    yield from _url_date(url)
    yield from _as_updated(_parsed(ld.text("dateModified")))
    for key in _MODIFIED_META:
        yield from _as_updated(_parsed(meta.get(key)))


def _parsed(value: str | None) -> Iterator[FoundDate]:
    found = parse_date(value) if value else None
    if found:
        yield found


def _as_updated(dates: Iterator[FoundDate]) -> Iterator[FoundDate]:
    for found in dates:
        yield FoundDate(found.published, found.published_at, updated=True)


def _time_dates(soup: BeautifulSoup) -> Iterator[FoundDate]:
    for tag in soup.find_all(attrs={"itemprop": re.compile(r"\bdatePublished\b", re.I)}):
        value = tag.get("datetime") or tag.get("content") or tag.get_text()
        yield from _parsed(value if isinstance(value, str) else None)
    times = [tag for tag in soup.find_all("time") if not boilerplate.in_unrelated_box(tag)]
    # Stable sort: the times inside a byline first, then the rest in page order.
    times.sort(key=lambda tag: not any(map(boilerplate.is_byline_element, tag.parents)))
    for tag in times:
        value = boilerplate.attribute_text(tag, "datetime") or tag.get_text()
        dates = _parsed(value)
        yield from _as_updated(dates) if _labelled_updated(tag) else dates


def _labelled_updated(tag: Tag) -> bool:
    words: list[str] = []
    for element in (tag, tag.parent):
        if isinstance(element, Tag):
            words += boilerplate.words_of(boilerplate.attribute_text(element, "class"))
            words += boilerplate.words_of(boilerplate.attribute_text(element, "itemprop"))
    if any(word in ("updated", "modified", "revised", "datemodified") for word in words):
        return True
    before = tag.previous_sibling
    text = str(before) if isinstance(before, NavigableString) else ""
    return re.search(r"\b(?:updated|modified|revised)\W*$", text, re.I) is not None


def _visible_datelines(soup: BeautifulSoup) -> Iterator[FoundDate]:
    """Short texts that are only a date, outside related boxes and footers."""
    seen: set[int] = set()
    for string in soup.find_all(string=True):
        parent = string.parent
        if parent is None or parent.name in ("script", "style", "title", "template", "noscript"):
            continue
        texts = [str(string)]
        if id(parent) not in seen:
            seen.add(id(parent))
            texts.insert(0, parent.get_text(" ") if len(parent.get_text()) < 200 else "")
        for text in texts:
            found = dateline_in(text) if text.strip() else None
            if found and not _in_box_or_listing(parent):
                yield found
                break


def _in_box_or_listing(tag: Tag) -> bool:
    """In a related box or footer, or in a table or list (a row of data, not
    the page's dateline) unless that list is a byline."""
    if boilerplate.in_unrelated_box(tag):
        return True
    for element in (tag, *tag.parents):
        if boilerplate.is_byline_element(element):
            return False
        if element.name in ("table", "ul", "ol", "dl"):
            return True
    return False


def _url_date(url: str | None) -> Iterator[FoundDate]:
    match = _URL_DATE.search(urlsplit(url).path) if url else None
    if match:
        yield from _parsed("-".join(match.groups()))


# --- plain text ----------------------------------------------------------------


def text_metadata(lines: Sequence[str]) -> Metadata:
    """Metadata of scraped plain text, given its blocks in order."""
    blocks = [normalise_space(line) for line in lines]
    blocks = [block for block in blocks if block and not is_furniture_line(block)]
    found = _choose_date(found for found in map(dateline_in, blocks) if found)
    return Metadata(
        title=_text_title(blocks),
        author=next(filter(None, map(byline_author, blocks)), None),
        published=found.published if found else None,
        published_at=found.published_at if found else None,
    )


def _text_title(blocks: Sequence[str]) -> str | None:
    """The first block that reads as a headline, skipping datelines, bylines
    and section labels; None when the text opens with prose instead."""
    for block in blocks:
        if parse_dateline(block) or is_byline(block):
            continue
        if is_section_label(block):
            continue
        return block if _looks_like_headline(block) else None
    return None


def is_section_label(block: str) -> bool:
    words = block.split()
    return len(words) <= MAX_LABEL_WORDS and not block.endswith((".", "!", "?", ":"))


def _looks_like_headline(block: str) -> bool:
    """Short, starts like a sentence, and does not end like one."""
    words = block.split()
    if not 3 <= len(words) <= MAX_HEADLINE_WORDS:
        return False
    if not (block[0].isupper() or block[0].isdigit() or block[0] in "\"'“‘"):
        return False
    return not block.rstrip("\"'”’»").endswith((".", "…", ":", ";", ","))
