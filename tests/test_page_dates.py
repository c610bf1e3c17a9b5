"""A page's publication date: the publisher's day, and htmldate's searches where
the page declares none."""

from __future__ import annotations

import pytest
from lxml import etree
from test_metadata import json_ld, page_metadata  # the same page builders

from verify.extract import FoundDate, parse_html
from verify.extract.page_dates import htmldate_date
from verify.extract.publication_dates import in_page_offset

STORY = (
    "<p>The council met on Monday and agreed to extend the mission for six months, "
    "officials said after the meeting.</p>"
)


# --- a UTC timestamp read as the publisher's day --------------------------------------


@pytest.mark.parametrize(
    ("head", "published", "published_at"),
    [
        # nachrichten.at: JSON-LD in UTC, the "date" meta tag in Vienna's offset.
        (
            json_ld({"@type": "NewsArticle", "datePublished": "2019-10-18T22:04:00Z"})
            + '<meta name="date" content="Sat, 19 Oct 2019 00:04:00 +0200">',
            "2019-10-19",
            "2019-10-19T00:04:00+02:00",
        ),
        # ktla.com: the UTC time and the same instant in Los Angeles' time.
        (
            '<meta property="article:published_time" content="2023-11-09T06:35:29+00:00">'
            '<meta name="sailthru.date" content="2023-11-08 22:35:29">',
            "2023-11-08",
            "2023-11-08T22:35:29-08:00",
        ),
        # nypost.com: a story of the evening of 8 November, timestamped in UTC.
        (
            json_ld({"@type": "NewsArticle", "datePublished": "2023-11-09T03:28:35Z"})
            + '<link rel="canonical" href="https://nypost.com/2023/11/08/news/haley-rips/">',
            "2023-11-08",
            "2023-11-09T03:28:35Z",
        ),
    ],
)
def test_utc_timestamp_read_as_the_publishers_day(
    head: str, published: str, published_at: str
) -> None:
    meta = page_metadata(head)
    assert (meta.published, meta.published_at) == (published, published_at)


def test_url_day_the_utc_time_cannot_fall_on_is_not_taken() -> None:
    # washingtonpost.com: 10:04 UTC is 9 July from Hawaii eastwards; the URL's
    # 8 July is the day the story was started.
    found = FoundDate("2020-07-09", "2020-07-09T10:04:04Z", source="json-ld")
    assert in_page_offset(found, [], ["2020-07-08"]) == found
    assert in_page_offset(found, [], ["2020-07-10"]).published == "2020-07-10"  # UTC+14


def test_timestamps_with_their_own_offset_are_kept() -> None:
    found = FoundDate("2019-06-17", "2019-06-17T18:28:00+02:00", source="json-ld")
    assert in_page_offset(found, ["2019-06-17T22:00:00-07:00"], ["2019-06-18"]) == found


# --- which declared date -----------------------------------------------------------------


def test_generic_date_meta_comes_after_the_visible_dateline() -> None:
    # A press release dated in its text, its "date" meta tag the day of an edit.
    head = '<meta name="date" content="2020-02-12">'
    body = f"<article><h1>Fair supply chains</h1><p>5 February 2020</p>{STORY}</article>"
    meta = page_metadata(head, body)
    assert (meta.published, meta.published_source) == ("2020-02-05", "dateline")


def test_generic_date_meta_still_comes_before_an_update() -> None:
    head = (
        '<meta property="article:modified_time" content="2022-03-01T08:00:00Z">'
        '<meta name="date" content="2022-02-24">'
    )
    assert page_metadata(head).published == "2022-02-24"


# --- htmldate's searches ------------------------------------------------------------------

GERMAN_DATE_LINE = '<p class="rte-paragraph">21. Januar 2022 | Mobilität</p>'


def test_an_article_dated_by_a_line_only_the_extensive_search_reads() -> None:
    body = f"<article><h1>Neubau stoppen</h1>{GERMAN_DATE_LINE}{STORY}</article>"
    meta = page_metadata(body=body)
    assert (meta.published, meta.published_source) == ("2022-01-21", "htmldate")


def test_a_page_that_is_no_article_is_not_dated_from_its_text() -> None:
    body = f"<div><h1>Neubau stoppen</h1>{GERMAN_DATE_LINE}{STORY}</div>"
    assert page_metadata(body=body).published is None


def test_the_url_month_lets_the_extensive_search_date_a_page() -> None:
    body = f"<div><h1>Neubau stoppen</h1>{GERMAN_DATE_LINE}{STORY}</div>"
    assert page_metadata(body=body, url="https://example.de/2022/01/neubau").published == (
        "2022-01-21"
    )
    assert page_metadata(body=body, url="https://example.de/2021/12/neubau").published is None


def test_a_bare_year_in_an_articles_text_is_no_date() -> None:
    # The extensive search reads "seit 2016" as 1 January 2016.
    body = f"<article><h1>Neubau stoppen</h1><p>Seit 2016 wird gebaut.</p>{STORY}</article>"
    assert page_metadata(body=body).published is None


def test_the_first_of_a_month_written_out_is_a_date() -> None:
    # bund.net: "01. November 2021" by the headline; a bare "November 2021" is not a day.
    line = '<p class="rte-paragraph">01. November 2021 | Naturschutz</p>'
    body = f"<article><h1>Unser Tipp im November</h1>{line}{STORY}</article>"
    assert page_metadata(body=body).published == "2021-11-01"
    bare = body.replace("01. November 2021", "November 2021")
    assert page_metadata(body=bare).published is None


def test_htmldate_reads_the_page_without_other_stories_and_leaves_it_as_it_was() -> None:
    html = (
        "<html><body><article><h1>Talks</h1>" + STORY + "</article>"
        '<div class="related-stories"><time datetime="2021-01-01">1 Jan</time></div>tail'
        '<ul><li class="recommended"><time datetime="2021-02-01">1 Feb</time></li>'
        '<li class="recommended">Other</li><li>Kept</li></ul></body></html>'
    )
    root = parse_html(html)
    before = etree.tostring(root)
    assert htmldate_date(root, None, extensive=False) is None
    assert etree.tostring(root) == before


# --- a second look when the page's own dates disagree ----------------------------------

RESPONSES = (
    '<ol class="responses"><li><time datetime="2018-03-12T19:30:12+00:00">12 March</time>'
    ' Great piece.</li><li><time datetime="2018-03-19T18:33:27+00:00">19 March</time>'
    " I disagree.</li></ol>"
)
CANONICAL = '<link rel="canonical" href="https://example.com/2019/01/29/influencer-marketing/">'


def test_times_that_disagree_leave_the_date_to_htmldate() -> None:
    body = f"<article><h1>Influencer marketing</h1>{STORY}{RESPONSES}</article>"
    meta = page_metadata(CANONICAL, body)
    assert (meta.published, meta.published_source) == ("2019-01-29", "htmldate")


def test_times_that_agree_are_kept() -> None:
    body = (
        f"<article><h1>Influencer marketing</h1>{STORY}"
        '<p><time datetime="2018-03-12">12 March</time></p></article>'
    )
    meta = page_metadata(CANONICAL, body)
    assert (meta.published, meta.published_source) == ("2018-03-12", "time")
