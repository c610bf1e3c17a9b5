"""htmldate's searches of a page, and how far each of their answers is trusted.

htmldate reads dates our rules do not (ISO dates in any attribute, DD.MM.YYYY,
broken JSON-LD) and, in its extensive search, any date written in the page. It is
asked only where the page declares no date of its own (``verify.extract.page_dates``),
and it reads the page without what is plainly another story's date: boxes of
related stories, and ``<time>``s in a sidebar. An answer of the extensive search
stands only where the page writes that day outside its prose.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from copy import deepcopy
from datetime import UTC, datetime, timedelta

from htmldate import find_date
from lxml.etree import XPath

from verify.extract import boilerplate
from verify.extract.boilerplate import BLOCK_TAGS, Tag
from verify.extract.publication_dates import EARLIEST_YEAR, FoundDate
from verify.extract.written_days import by_the_headline, writes

_ARTICLE_MARKUP = XPath(
    "boolean(.//article | .//*[@itemprop='articleBody']"
    " | .//*[contains(@itemtype, 'Article') or contains(@itemtype, 'BlogPosting')])"
)
_HOLDS_THE_STORY = XPath("boolean(.//h1 | .//article | .//main)")
# A text is prose, not a dateline, when it is long or reads as a sentence.
PROSE_CHARS = 120
PROSE_WORDS = 6
_SENTENCE_ENDS = (".", "!", "?", "…")
# What a paragraph's dateline can take of its opening ("LISBON, 3 August 2023 –",
# "01.02.2022 „Der Arbeitsmarkt", "Wednesday, 23 September 2020").
OPENING_WORDS = 4
OPENING_CHARS = 32
_NOT_TEXT = ("script", "style", "template", "noscript")

# htmldate logs every page it finds nothing on; that is an answer, not a warning.
logging.getLogger("htmldate").setLevel(logging.ERROR)


def searched_date(root: Tag, url: str | None, article: bool, months: set[str]) -> FoundDate | None:
    """htmldate's extensive search, which also reads dates in the page's text, for
    an article (og:type, JSON-LD or <article> markup: it has a publication date, and
    a date by its headline, "21. Januar 2022 | Mobilität", is it), or where the
    month in the URL (``months``, "YYYY-MM") agrees. On htmldate's 995 dated pages
    this gave 18 more right dates and 5 more wrong ones (right 0.886 -> 0.905, wrong
    0.060 -> 0.065); the first day of a month or year stands only where the page
    writes it out (see ``htmldate_date``), so a bare year in the text dates nothing.
    A page that is not an article is dated only by a day it writes out by its
    headline (its dateline, "Handball • 02.02.2022"), not by any date in its text,
    which is as often a listing's or an event's: on eval_default this made 5 pages
    left undated right and none wrong (the search's other answers there: 5 right, 8
    wrong).

    Requiring also an element labelled as a date ("post-date", <time>) would have
    kept most of the right ones out: their date is a plain line by the headline. A
    day the search finds only in the page's prose is none (``_outside_prose``)."""
    article = article or bool(_ARTICLE_MARKUP(root))
    found = htmldate_date(root, url, extensive=True)
    if found is None or not _outside_prose(root, url, found):
        return None
    if article or found.published[:7] in months:
        return found
    return found if not months and by_the_headline(root, found.published) else None


def _outside_prose(root: Tag, url: str | None, found: FoundDate) -> bool:
    """Whether the search still finds the day in a copy of the page whose prose is
    cut to the opening words of each paragraph: a day the story speaks of ("work
    would begin on 14 March 2024") is no publication date, a paragraph's dateline
    ("LISBON, 3 August 2023 – The ...") is. Checked with htmldate itself, which
    reads dates in more ways than we could look for. An undated article was dated
    by a date in its prose; on htmldate's 995 dated pages this took away 1 wrong
    date and no right one. The copy costs a few milliseconds, on the few pages that
    come this far."""
    again = htmldate_date(_without_prose(deepcopy(root)), url, extensive=True)
    return again is not None and again.published == found.published


def _without_prose(root: Tag) -> Tag:
    """The page with each prose paragraph cut to its opening, bylines kept whole."""
    for element in list(root.iter(*BLOCK_TAGS, "span")):
        if any(child.tag in BLOCK_TAGS for child in element.iterdescendants()):
            continue  # the paragraphs inside are cut one by one
        text = " ".join(element.text_content().split())
        if not _is_prose(text) or any(
            map(boilerplate.is_byline_element, (element, *element.iterancestors()))
        ):
            continue
        tail = element.tail
        element.clear()  # attributes too: a "date" class must not make prose a dateline
        element.text, element.tail = _opening(text), tail
    for element in root.iter():  # prose outside any paragraph: "<div>text<br>text</div>"
        if not isinstance(element.tag, str) or element.tag in _NOT_TEXT:
            continue
        if element.text and _is_prose(element.text):
            element.text = _opening(element.text)
        if element.tail and _is_prose(element.tail):
            element.tail = _opening(element.tail)
    return root


def _is_prose(text: str) -> bool:
    text = " ".join(text.split())
    if len(text) > PROSE_CHARS:
        return True
    sentence = text.rstrip("\"'”’»)").endswith(_SENTENCE_ENDS)
    return sentence and len(text.split()) >= PROSE_WORDS


def _opening(text: str) -> str:
    return " ".join(text.split()[:OPENING_WORDS])[:OPENING_CHARS]


def htmldate_date(root: Tag, url: str | None, extensive: bool) -> FoundDate | None:
    """htmldate's original publication date for the page, never the day it is run:
    a date only a search of the page turns up, equal to today, is a clock on the page.

    The whole page, as htmldate's own evaluation reads it: reading it without the
    related boxes and comments (as before) cost 29 right dates for 3 wrong ones
    among htmldate's 995 dated pages, the date being in a box our rules take for
    furniture (a "meta" line, a sidebar of the post), and a copy of the page."""
    today = datetime.now(UTC).date()
    with _other_stories_set_aside(root):
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
    if extensive and found.endswith("-01") and not writes(root, found):
        return None
    return FoundDate(found, None, source="htmldate")


@contextmanager
def _other_stories_set_aside(root: Tag) -> Iterator[None]:
    """The page without its boxes of other stories, and without the ``<time>``s of
    its sidebars, while htmldate reads it; they are put back where they were
    (htmldate copies the tree it prunes, so taking them out in place spares a second
    copy of the page)."""
    labelled = boilerplate.elements_labelled(root, boilerplate.RELATED_STEMS)
    boxes = [box for box in labelled if boilerplate.is_related_box(box)]
    boxes += [time for time in root.iter("time") if any(map(_is_sidebar, time.iterancestors()))]
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


def _is_sidebar(tag: Tag) -> bool:
    """An ``<aside>``, or a box named a sidebar ("sidebar", "sidebar-right") that does
    not hold the story: its ``<time>``s are other stories' ("Most read"). A page's
    ``<time>`` in an aside was its date for htmldate. Not a whole wrapper that merely
    has one ("layoutTwoColumnsRightSidebar", "has-sidebar"), and not the sidebar's
    other text: on htmldate's 995 dated pages setting aside whole asides and sidebars
    cost 6 right dates and added 2 wrong, their <time>s alone none."""
    if tag.tag == "aside":
        return True
    labels = f"{boilerplate.attribute_text(tag, 'class')} {boilerplate.attribute_text(tag, 'id')}"
    named = any(boilerplate.words_of(label)[:1] == ["sidebar"] for label in labels.split())
    return named and not _HOLDS_THE_STORY(tag)
