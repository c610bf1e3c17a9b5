"""Where a page writes a given day out in its text: "01.02.2022", "1 February 2022",
"21. Januar 2022", "Apr 7, 2009", "2022-02-01".

htmldate's extensive search dates a page from any date in its text. Whether that
date is the page's own is easier to judge by where the page writes it: a day that
is written nowhere is a guess (a bare year or month turned into its first day), and
a day written by the headline is the page's dateline, one written far below it a
date the story speaks of or a listing's.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from verify.extract.boilerplate import Tag

# Month names as English, German, French, Spanish and Italian pages start them.
_MONTH_NAMES = (
    "jan|jän|ene|gen|janv", "feb|fév|fev", "mar|mär|mrz", "apr|avr|abr", "may|mai|mag",
    "jun|juin|giu", "jul|juil|lug", "aug|aoû|ago", "sep|set", "oct|okt|ott", "nov",
    "dec|dez|déc|dic",
)  # fmt: skip
# A dateline stands just above a headline or within a few lines below it (byline,
# standfirst): characters of the page's visible text either side of the headline.
BEFORE_HEADLINE_CHARS = 200
AFTER_HEADLINE_CHARS = 600
MAX_DATELINE_TEXT_CHARS = 200  # a longer text holding a day is prose ...
PARAGRAPH_OPENING = 60  # ... unless it opens with the day: "27.1.2022 - Bei der ..."
_VISIBLE_TEXT = "//text()[not(ancestor::script or ancestor::style or ancestor::noscript"
_VISIBLE_TEXT += " or ancestor::template or ancestor::head)]"


def written_day(day: str) -> re.Pattern[str]:
    """The ways a page writes ``day`` ("YYYY-MM-DD") out."""
    year, month, dd = day.split("-")
    names, m, d = _MONTH_NAMES[int(month) - 1], int(month), int(dd)
    return re.compile(
        rf"\b(?:{year}-{month}-{dd}|0?{d}[./-]\s?0?{m}[./-]\s?{year}"
        rf"|0?{d}(?:st|nd|rd|th|er)?\.?\s(?:{names})\w*\.?,?\s{year}"
        rf"|(?:{names})\w*\.?\s0?{d}(?:st|nd|rd|th)?,?\s{year})\b",
        re.I,
    )


def writes(root: Tag, day: str) -> bool:
    """Whether the page writes ``day`` out anywhere, its scripts included."""
    return written_day(day).search(" ".join(root.itertext())) is not None


def by_the_headline(root: Tag, day: str) -> bool:
    """Whether the page's visible text writes ``day`` out as a dateline by its headline
    (its first ``<h1>``): within ``BEFORE_HEADLINE_CHARS`` before it or
    ``AFTER_HEADLINE_CHARS`` after it, in a short text ("Handball • 02.02.2022") or
    at the start of a paragraph ("27.1.2022 - Bei der Erinnerung ..."). A day in the
    middle of a paragraph is one the story speaks of ("a referendum held on 16 March
    2014"), however close to the headline."""
    h1 = next(root.iter("h1"), None)
    if h1 is None:
        return False
    pieces: list[tuple[int, Tag]] = []  # where each piece of text starts, and its element
    texts: list[str] = []
    offset, headline = 0, -1
    for piece in root.xpath(_VISIBLE_TEXT):
        text = " ".join(piece.split())
        if not text:
            continue
        element = piece.getparent() if piece.is_text else piece.getparent().getparent()
        if element is None:
            continue
        if headline < 0 and (element is h1 or h1 in element.iterancestors()):
            headline = offset
        pieces.append((offset, element))
        texts.append(text)
        offset += len(text) + 1
    if headline < 0:
        return False
    joined = " ".join(texts)
    low, high = max(0, headline - BEFORE_HEADLINE_CHARS), headline + AFTER_HEADLINE_CHARS
    pattern = written_day(day)
    for match in pattern.finditer(joined, low, high):
        index = bisect_right(pieces, match.start(), key=lambda place: place[0]) - 1
        whole = " ".join(pieces[index][1].text_content().split())
        if len(whole) <= MAX_DATELINE_TEXT_CHARS or pattern.search(whole, 0, PARAGRAPH_OPENING):
            return True
    return False
