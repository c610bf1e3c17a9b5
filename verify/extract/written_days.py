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
    """Whether the page's visible text writes ``day`` out by its headline (its first
    ``<h1>``): within ``BEFORE_HEADLINE_CHARS`` before it or ``AFTER_HEADLINE_CHARS``
    after it."""
    h1 = next(root.iter("h1"), None)
    headline = " ".join(" ".join(h1.itertext()).split()) if h1 is not None else ""
    if not headline:
        return False
    text = " ".join(" ".join(root.xpath(_VISIBLE_TEXT)).split())
    start = text.find(headline)
    if start < 0:
        return False
    low = max(0, start - BEFORE_HEADLINE_CHARS)
    high = start + len(headline) + AFTER_HEADLINE_CHARS
    return written_day(day).search(text, low, high) is not None
