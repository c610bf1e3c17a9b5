"""A page's publication date: the publisher's day, and htmldate's searches where
the page declares none."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from test_metadata import json_ld, page_metadata  # the same page builders

from verify.extract import FoundDate, html_metadata, parse_html
from verify.extract.publication_dates import dateline_in, in_page_offset, parse_dateline
from verify.extract.searched_dates import htmldate_date
from verify.records import Metadata

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


def _declared_twice(body: str) -> str:
    return page_metadata(
        json_ld(
            {
                "@type": "NewsArticle",
                "datePublished": "2021-01-01T10:00:00+01:00",
                "dateModified": "2023-04-01T09:00:00+02:00",
            }
        ),
        f"<article><h1>Streaming in the cloud</h1>{body}{STORY}</article>",
    ).published


def test_the_declared_date_the_page_shows_wins_over_one_it_never_shows() -> None:
    # The page declares an old datePublished and shows only its dateModified's day.
    shown = '<p class="date"><time datetime="2023-04-01">1 April 2023</time></p>'
    assert _declared_twice(shown) == "2023-04-01"
    assert _declared_twice("<p>01.04.2023</p>") == "2023-04-01"


def test_the_declared_publication_date_stays_when_shown_or_when_the_shown_dates_disagree() -> None:
    assert _declared_twice("") == "2021-01-01"  # nothing shown
    shown_both = '<p><time datetime="2021-01-01">1 January 2021</time></p><p>1 April 2023</p>'
    assert _declared_twice(shown_both) == "2021-01-01"
    # A listing's or a thread's dates: no one of them is the page's.
    listing = "<p>1 April 2023</p><p>3 March 2023</p>"
    assert _declared_twice(listing) == "2021-01-01"
    # A day shown as an update leaves the article dated by its publication.
    updated = '<p class="byline">By Ada Finch · <span>Updated 1 April 2023</span></p>'
    assert _declared_twice(updated) == "2021-01-01"


def test_a_label_word_inside_another_word_is_no_label() -> None:
    assert parse_dateline("Standard 24.02.2022") is None


def test_a_dateline_that_opens_a_line_of_labels_dates_the_page() -> None:
    line = "<p>02.02.2022 10:16 Uhr - 1. Bundesliga - Pressedienst</p>"
    meta = page_metadata(body=f"<div><h1>Mehr Vorfreude</h1>{line}{STORY}</div>")
    assert (meta.published, meta.published_source) == ("2022-02-02", "dateline")


def test_a_time_with_its_hour_unit_dates_the_page_before_a_generic_date_meta() -> None:
    head = '<meta name="date" content="2020-04-30">'
    body = (
        f"<article><h1>Rent strike</h1><p><time>29.04.2020, 12:01 Uhr</time></p>{STORY}</article>"
    )
    meta = page_metadata(head, body)
    assert (meta.published, meta.published_source) == ("2020-04-29", "time")


@pytest.mark.parametrize(
    "line",
    [
        "LISBON, 3 August 2023 –",
        "PORTO ALEGRE DO SUL, 3 August 2023 – The new road bridge opened on Thursday.",
        "Saint-Malo, Aug. 3, 2023 — Fishermen blocked the harbour on Thursday.",
        "Karlsruhe, (03.08.2023). Die Landeskirche gedenkt am Sonntag der Verstorbenen.",
    ],
)
def test_a_news_agencys_dateline_dates_its_line(line: str) -> None:
    found = dateline_in(line)
    assert found is not None and found.published == "2023-08-03"


@pytest.mark.parametrize(
    "line",
    [
        "Signed in Washington D.C., 4 April 1949 – the treaty took effect in August.",
        "The talks, 3 August 2023 – a summary of what was agreed.",
        "Crimea – 18 March 2014",
        "LISBON, 3 August 2023 was the hottest day of the year.",
        "The Council (3 August 2023) agreed to extend the mission.",
    ],
)
def test_a_place_and_a_date_in_a_sentence_are_no_dateline(line: str) -> None:
    assert dateline_in(line) is None


def test_a_story_opening_with_a_news_agencys_dateline_is_dated_by_it(fixtures_dir: Path) -> None:
    # Missed, the page was dated by htmldate from a "More news" box below the story.
    meta = fixture_metadata(fixtures_dir, "wire-dateline.html")
    assert (meta.published, meta.published_source) == ("2023-08-03", "dateline")


POSTED_ON = (
    '<p class="postmetadata">This entry was posted in Gardening on Wednesday, May 19th,'
    " 2010 at 11:03 pm and is filed under Allotments. You can follow any responses to"
    " this entry through the RSS 2.0 feed.</p>"
)


def test_a_blog_posts_metadata_sentence_dates_it() -> None:
    body = f"<div><h1>Seed swap</h1>{STORY}{POSTED_ON}</div>"
    meta = page_metadata(body=body)
    assert (meta.published, meta.published_source) == ("2010-05-19", "dateline")
    german = (
        '<div id="sidebar"><p>Saattausch wurde am Samstag, 3. Dezember 2011 um 23:03 Uhr'
        " veröffentlicht und unter Garten abgelegt.</p></div>"
    )
    assert page_metadata(body=f"<div><h1>Saattausch</h1>{STORY}</div>{german}").published == (
        "2011-12-03"
    )


def test_a_blog_front_page_of_posts_is_not_dated_by_one_of_them() -> None:
    other = POSTED_ON.replace("May 19th, 2010", "May 12th, 2010")
    assert (
        page_metadata(body=f"<div><h1>Seed swap</h1>{STORY}{POSTED_ON}{other}</div>").published
        is None
    )


# --- htmldate's searches ------------------------------------------------------------------

# A date our rules do not read (day/month/year), htmldate's search does.
SEARCHED_DATE_LINE = '<p class="rte-paragraph">21/01/2022 | Mobilität</p>'


def test_an_article_dated_by_a_line_only_the_extensive_search_reads() -> None:
    body = f"<article><h1>Neubau stoppen</h1>{SEARCHED_DATE_LINE}{STORY}</article>"
    meta = page_metadata(body=body)
    assert (meta.published, meta.published_source) == ("2022-01-21", "htmldate")


def test_a_page_that_is_no_article_is_not_dated_from_any_date_in_its_text() -> None:
    body = f"<div><h1>Neubau stoppen</h1>{STORY * 6}{SEARCHED_DATE_LINE}</div>"
    assert page_metadata(body=body).published is None


def test_a_page_that_is_no_article_is_dated_by_a_day_written_by_its_headline() -> None:
    line = "<p>Handball Schweiz • 02.02.2022</p>"
    near = f"<div><h1>Ein Bruderduell</h1>{line}{STORY}</div>"
    assert page_metadata(body=near).published == "2022-02-02"
    # Far below the headline a date is one the story speaks of, or a listing's.
    far = f"<div><h1>Ein Bruderduell</h1>{STORY * 6}{line}</div>"
    assert page_metadata(body=far).published is None


def test_a_day_in_the_prose_by_the_headline_is_no_dateline() -> None:
    prose = (
        "<p>Russia annexed the peninsula in March 2014. A referendum organised under its"
        " control was held on 16 March 2014, and the treaty absorbing it was signed two days"
        " later. Most governments regard the annexation as illegal, and the sanctions that"
        " followed it are still in force.</p>"
    )
    assert page_metadata(body=f"<div><h1>Background</h1>{prose}{STORY}</div>").published is None
    opening = f"<p>16 March 2014 - {prose[3:]}"  # a paragraph that opens with its dateline
    assert page_metadata(body=f"<div><h1>Background</h1>{opening}</div>").published == (
        "2014-03-16"
    )


def test_an_undated_article_is_not_dated_by_the_days_its_story_speaks_of(
    fixtures_dir: Path,
) -> None:
    # The search took "work would begin on 14 March 2024" for the page's date.
    assert fixture_metadata(fixtures_dir, "undated-article-event-dates.html").published is None


def test_a_day_in_a_short_sentence_of_an_article_is_no_date() -> None:
    sentence = "<p>A public meeting is planned for 2 May 2023 at the town hall.</p>"
    body = f"<article><h1>Harbour plan</h1>{STORY}{sentence}</article>"
    assert page_metadata(body=body).published is None
    # The same day as the paragraph's dateline, or in a byline, dates the article.
    opening = "<p>02/05/2023 - The harbour board met on Monday to approve the plan.</p>"
    byline = '<p class="byline">By Ines Varga on 2/5/2023 at the town hall, updated later.</p>'
    for line in (opening, byline, SEARCHED_DATE_LINE.replace("21/01/2022", "02/05/2023")):
        body = f"<article><h1>Harbour plan</h1>{line}{STORY}</article>"
        assert page_metadata(body=body).published == "2023-05-02", line


def test_the_url_month_lets_the_extensive_search_date_a_page() -> None:
    body = f"<div><h1>Neubau stoppen</h1>{SEARCHED_DATE_LINE}{STORY}</div>"
    assert page_metadata(body=body, url="https://example.de/2022/01/neubau").published == (
        "2022-01-21"
    )
    assert page_metadata(body=body, url="https://example.de/2021/12/neubau").published is None


def test_a_day_written_day_first_in_the_address_lets_the_extensive_search_date_a_page() -> None:
    body = f"<div><h1>Neubau stoppen</h1>{STORY * 6}{SEARCHED_DATE_LINE}</div>"
    canonical = '<link rel="canonical" href="https://example.de/meldungen/21-01-2022">'
    assert page_metadata(canonical, body).published == "2022-01-21"
    other = canonical.replace("21-01-2022", "21-12-2021")
    assert page_metadata(other, body).published is None


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


def test_the_times_of_a_sidebar_do_not_date_the_page(fixtures_dir: Path) -> None:
    # htmldate took the "Most read" box's <time> for the page's date.
    assert fixture_metadata(fixtures_dir, "sidebar-time.html").published is None


@pytest.mark.parametrize(
    "wrapper",
    [
        '<div class="layoutTwoColumnsRightSidebar">{}</div>',
        '<div class="content-area sidebar"><h1>Rents</h1>{}</div>',
    ],
)
def test_a_wrapper_that_has_a_sidebar_keeps_its_times(wrapper: str) -> None:
    body = wrapper.format(f'<p><time datetime="2021-11-25">25. November 2021</time></p>{STORY}')
    root = parse_html(f"<html><body>{body}</body></html>")
    assert htmldate_date(root, None, extensive=False) == FoundDate(
        "2021-11-25", None, source="htmldate"
    )


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


def fixture_metadata(fixtures_dir: Path, name: str) -> Metadata:
    html = (fixtures_dir / "dates" / name).read_text(encoding="utf-8")
    return html_metadata(parse_html(html))
