"""A page's publication date: the page's own declaration first, htmldate's search after.

The places a page states its date are read in order of how deliberate they are:
JSON-LD ``datePublished``, the published-time meta tags, ``<time>`` and
``itemprop=datePublished`` markup, a visible dateline, a generic ``date`` meta tag,
a date in the URL. Only when none of them gives a date is htmldate asked: it reads
dates written in many more ways (ISO dates in any attribute, DD.MM.YYYY, German
and French month names, broken JSON-LD) and weighs them; its extensive search of
the text only on an article page that marks a date up somewhere. A date labelled
as an update comes before htmldate's. A declared UTC timestamp is read as the
publisher's day (``publication_dates.in_page_offset``). Each date found keeps where
it was found (``FoundDate.source``).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from htmldate import find_date
from lxml.etree import XPath

from verify.extract import boilerplate
from verify.extract.boilerplate import Tag
from verify.extract.publication_dates import (
    EARLIEST_YEAR,
    FoundDate,
    dateline_in,
    in_page_offset,
    parse_date,
)

PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "datepublished",
    "dc.date.issued", "dcterms.issued", "dcterms.created",
    "parsely-pub-date", "pubdate", "publishdate", "publish-date", "publish_date",
    "sailthru.date", "article.published", "citation_publication_date",
)  # fmt: skip
# A bare "date" is as often the day the page was built or changed as the day it was
# published: on htmldate's pages, read after <time> and the visible dateline it was
# right 2 more times and wrong 2 fewer (a press release's "date" a week after its
# dateline, a "date" of the last edit).
GENERIC_META = ("date", "dc.date")
MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified")
_URL_MONTH = re.compile(r"/((?:19|20)\d{2})/?(0[1-9]|1[0-2])(?:/|\d{2}/)")
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|$)")
_ARTICLE_MARKUP = XPath(
    "boolean(.//article | .//*[@itemprop='articleBody']"
    " | .//*[contains(@itemtype, 'Article') or contains(@itemtype, 'BlogPosting')])"
)
_DATE_PUBLISHED_PROP = XPath("boolean(.//*[contains(@itemprop, 'datePublished')])")
# Month names as English, German, French, Spanish and Italian pages start them.
_MONTH_NAMES = (
    "jan|jän|ene|gen|janv", "feb|fév|fev", "mar|mär|mrz", "apr|avr|abr", "may|mai|mag",
    "jun|juin|giu", "jul|juil|lug", "aug|aoû|ago", "sep|set", "oct|okt|ott", "nov",
    "dec|dez|déc|dic",
)  # fmt: skip
_CANONICAL = XPath(".//link[@rel='canonical']/@href")
_TIMESTAMP_META = (*PUBLISHED_META, *GENERIC_META, *MODIFIED_META)
_NOT_TEXT = frozenset(("script", "style", "title", "template", "noscript", "head", "meta"))
MAX_DATELINE_PARENT_CHARS = 200

# htmldate logs every page it finds nothing on; that is an answer, not a warning.
logging.getLogger("htmldate").setLevel(logging.ERROR)


def choose_date(candidates: Iterable[FoundDate]) -> FoundDate | None:
    """The first publication date; failing that, the first "updated" date, the
    best "as of" a page without a publication date offers."""
    updated: FoundDate | None = None
    for found in candidates:
        if not found.updated:
            return found
        updated = updated or found
    return updated


def page_date(
    root: Tag,
    declared: Mapping[str, str | None],
    meta: Mapping[str, str],
    url: str | None,
    article: bool,
) -> FoundDate | None:
    """The publication date of a parsed page, as its publisher's day; ``article``
    says whether the page declares itself an article (og:type, JSON-LD, markup)."""
    addresses = (url, next(iter(_CANONICAL(root)), None), meta.get("og:url"))
    found = choose_date(html_dates(root, declared, meta, url))
    if found is not None and _others_disagree(root, found.source):
        found = htmldate_date(root, url, extensive=False) or found
    if found is None:
        found = htmldate_date(root, url, extensive=False)
    if found is None:
        found = _searched_date(root, url, article, addresses)
    timestamps = _declared_timestamps(root, declared, meta)
    days = [day.published for address in addresses for day in _url_date(address)]
    return in_page_offset(found, timestamps, days)


def _searched_date(
    root: Tag, url: str | None, article: bool, addresses: tuple[str | None, ...]
) -> FoundDate | None:
    """htmldate's extensive search, which also reads dates in the page's text, for
    an article (og:type, JSON-LD or <article> markup: it has a publication date, and
    a date by its headline, "21. Januar 2022 | Mobilität", is it), or where the
    month in the URL agrees. On htmldate's 995 dated pages this gives 18 more right
    dates and 5 more wrong ones (right 0.886 -> 0.905, wrong 0.060 -> 0.065); the
    first day of a month or year stands only where the page writes it out (see
    ``htmldate_date``), so a bare year in the text dates nothing. A page that is not
    an article is not dated from any date in its text.

    Requiring also an element labelled as a date ("post-date", <time>) would have
    kept most of the right ones out: their date is a plain line by the headline."""
    article = article or bool(_ARTICLE_MARKUP(root))
    months = {"-".join(m.groups()) for a in addresses if a for m in _URL_MONTH.finditer(a)}
    if not (article or months):
        return None
    found = htmldate_date(root, url, extensive=True)
    return found if found and (article or found.published[:7] in months) else None


def htmldate_date(root: Tag, url: str | None, extensive: bool) -> FoundDate | None:
    """htmldate's original publication date for the page, never the day it is run:
    a date only a search of the page turns up, equal to today, is a clock on the page.

    The whole page, as htmldate's own evaluation reads it: reading it without the
    related boxes and comments (as before) cost 29 right dates for 3 wrong ones
    among htmldate's 995 dated pages, the date being in a box our rules take for
    furniture (a "meta" line, a sidebar of the post), and a copy of the page."""
    today = datetime.now(UTC).date()
    with _related_boxes_set_aside(root):
        found = find_date(
            root,
            url=url,
            original_date=True,
            extensive_search=extensive,
            min_date=f"{EARLIEST_YEAR}-01-01",
            max_date=(today + timedelta(days=1)).isoformat(),
        )
    if not found or found >= today.isoformat():
        return None
    # The extensive search turns a bare year or month in the text ("since 2016",
    # "März 2019") into its first day: such a day stands only where the page writes
    # it out ("01.02.2022", "01. November 2021").
    if extensive and found.endswith("-01") and not _writes_the_first(root, found):
        return None
    return FoundDate(found, None, source="htmldate")


def _writes_the_first(root: Tag, day: str) -> bool:
    year, month, _ = day.split("-")
    names = _MONTH_NAMES[int(month) - 1]
    written = re.compile(
        rf"\b(?:{year}-{month}-01|0?1[./-]\s?0?{int(month)}[./-]\s?{year}"
        rf"|0?1(?:st|er)?\.?\s(?:{names})\w*\.?\s{year}|(?:{names})\w*\.?\s0?1(?:st)?,?\s{year})\b",
        re.I,
    )
    return written.search(" ".join(root.itertext())) is not None


def _others_disagree(root: Tag, source: str) -> bool:
    """Whether the page's <time>s, or its visible datelines, give different days when
    the date chosen is one of them: a listing's or a thread's dates, which htmldate
    weighs with the rest of the page. On htmldate's 995 pages, asking htmldate then
    made 5 wrong dates right and no right one wrong."""
    if source == "time":
        # A <time> in the byline, or marked datePublished, is the page's own word.
        return not _deliberate_time(root) and _disagree(_time_dates(root))
    return source == "dateline" and _disagree(_visible_datelines(root))


def _deliberate_time(root: Tag) -> bool:
    if _DATE_PUBLISHED_PROP(root):
        return True
    times = root.iter("time")
    return any(any(map(boilerplate.is_byline_element, t.iterancestors())) for t in times)


def _disagree(dates: Iterable[FoundDate]) -> bool:
    days: set[str] = set()
    for found in dates:
        days.update([] if found.updated else [found.published])
        if len(days) > 1:
            return True
    return False


@contextmanager
def _related_boxes_set_aside(root: Tag) -> Iterator[None]:
    """The page without its boxes of other stories while htmldate reads it; they
    are put back where they were (htmldate copies the tree it prunes, so taking
    them out in place spares a second copy of the page)."""
    labelled = boilerplate.elements_labelled(root, boilerplate.RELATED_STEMS)
    boxes = [box for box in labelled if boilerplate.is_related_box(box)]
    boxes = [box for box in boxes if not any(map(boilerplate.is_related_box, box.iterancestors()))]
    # By index: boxes of one parent go back from the first, each after the earlier ones.
    places = sorted(
        ((box.getparent(), box.getparent().index(box), box) for box in boxes),
        key=lambda place: place[1],
    )
    for parent, _, box in places:
        parent.remove(box)  # its tail goes with it and comes back with it
    try:
        yield
    finally:
        for parent, index, box in places:
            parent.insert(index, box)


def _declared_timestamps(
    root: Tag, declared: Mapping[str, str | None], meta: Mapping[str, str]
) -> list[str]:
    """Every timestamp the page declares (JSON-LD, meta tags, <time datetime>): where
    the page's own UTC offset can be read."""
    values = [*declared.values(), *(meta.get(key) for key in _TIMESTAMP_META)]
    values += [tag.get("datetime") for tag in root.iter("time")]
    parsed = (parse_date(value) for value in values if value)
    return [found.published_at for found in parsed if found and found.published_at]


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
    for key in GENERIC_META:
        yield from _parsed(meta.get(key), "meta")
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
