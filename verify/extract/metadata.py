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

from verify.extract import boilerplate
from verify.extract.boilerplate import Tag
from verify.extract.page_dates import choose_date, page_date
from verify.extract.publication_dates import dateline_in, parse_dateline
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
_AUTHOR_META = (
    "author", "article:author", "parsely-author", "dc.creator", "sailthru.author", "byl",
)  # fmt: skip


@dataclass
class _JsonLd:
    """The article object of a page's JSON-LD, with ``@id`` references resolvable."""

    article: dict[str, Any]
    index: dict[str, dict[str, Any]]

    @classmethod
    def from_page(cls, root: Tag) -> _JsonLd:
        nodes: list[dict[str, Any]] = []
        for script in root.iter("script"):
            if boilerplate.attribute_text(script, "type").strip().lower() != "application/ld+json":
                continue
            try:
                nodes.extend(_flatten(json.loads(script.text or "", strict=False)))
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


def _meta_tags(root: Tag) -> dict[str, str]:
    tags: dict[str, str] = {}
    for meta in root.iter("meta"):
        content = normalise_space(boilerplate.attribute_text(meta, "content"))
        for attribute in ("property", "name", "itemprop"):
            key = boilerplate.attribute_text(meta, attribute).strip().lower()
            if key and content:
                tags.setdefault(key, content)
    return tags


def html_metadata(root: Tag, url: str | None = None) -> Metadata:
    """Metadata of a parsed page (``parse_html``); call before furniture (bylines)
    is removed."""
    ld = _JsonLd.from_page(root)
    meta = _meta_tags(root)
    publisher = _first(
        meta.get("og:site_name"), ld.names("publisher"), meta.get("application-name")
    )
    declared = {key: ld.text(key) for key in ("datePublished", "dateCreated", "dateModified")}
    article = bool(_types(ld.article) & _ARTICLE_TYPES) or meta.get("og:type") == "article"
    found = page_date(root, declared, meta, url, article)
    return Metadata(
        title=_html_title(root, ld, meta, publisher),
        publisher=publisher,
        author=_first(ld.names("author"), *_meta_authors(meta), _byline_author(root)),
        published=found.published if found else None,
        published_at=found.published_at if found else None,
        published_source=found.source if found else None,
    )


def _first(*values: str | None) -> str | None:
    return next((value for value in values if value), None)


def _html_title(root: Tag, ld: _JsonLd, meta: dict[str, str], publisher: str | None) -> str | None:
    title = _first(ld.text("headline"), meta.get("og:title"), meta.get("twitter:title"))
    if title:
        return strip_site_name(title, publisher, guess=False)
    tag = next(root.iter("title"), None)
    if tag is not None and normalise_space(tag.text_content()):
        return strip_site_name(normalise_space(tag.text_content()), publisher)
    h1 = next(root.iter("h1"), None)
    return (normalise_space(h1.text_content()) or None) if h1 is not None else None


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


def _byline_author(root: Tag) -> str | None:
    for tag in root.xpath(".//*[@itemprop='author']"):
        name = next(iter(tag.xpath(".//*[@itemprop='name']")), tag)
        text = boilerplate.attribute_text(name, "content") or name.text_content()
        if _clean_author(text):
            return _clean_author(text)
    for tag in root.xpath(".//a[@rel='author'] | .//link[@rel='author']"):
        if _clean_author(tag.text_content()):
            return _clean_author(tag.text_content())
    for tag in boilerplate.elements_labelled(root, boilerplate.BYLINE_STEMS):
        if boilerplate.is_byline_element(tag):
            author = byline_author(" ".join(tag.itertext()))
            if author:
                return author
    return None


# --- plain text ----------------------------------------------------------------


def text_metadata(lines: Sequence[str]) -> Metadata:
    """Metadata of scraped plain text, given its blocks in order."""
    blocks = [normalise_space(line) for line in lines]
    blocks = [block for block in blocks if block and not is_furniture_line(block)]
    found = choose_date(found for found in map(dateline_in, blocks) if found)
    return Metadata(
        title=_text_title(blocks),
        author=next(filter(None, map(byline_author, blocks)), None),
        published=found.published if found else None,
        published_at=found.published_at if found else None,
        published_source=("dateline modified" if found.updated else "dateline") if found else None,
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
