"""Metadata: each field from an ordered list of places to look."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from verify.extract import (
    FoundDate,
    html_metadata,
    parse_date,
    parse_dateline,
    parse_html,
    strip_site_name,
    text_metadata,
)
from verify.records import Metadata


def page_metadata(head: str = "", body: str = "", url: str | None = None) -> Metadata:
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    return html_metadata(parse_html(html), url=url)


def json_ld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


# --- dates -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "published", "published_at"),
    [
        ("2022-02-24", "2022-02-24", None),
        ("2022-02-24T10:01:00-05:00", "2022-02-24", "2022-02-24T10:01:00-05:00"),
        # The calendar date as written in its own timezone, not converted to UTC.
        ("2022-02-24T23:30:00-05:00", "2022-02-24", "2022-02-24T23:30:00-05:00"),
        ("2022-02-24T10:01:00.000Z", "2022-02-24", "2022-02-24T10:01:00Z"),
        ("2022-02-24T10:01:00+0000", "2022-02-24", "2022-02-24T10:01:00+00:00"),
        ("2022-02-24 10:01", "2022-02-24", "2022-02-24T10:01:00"),
        ("2022/02/24", "2022-02-24", None),
        ("February 24, 2022", "2022-02-24", None),
        ("Feb. 24th, 2022", "2022-02-24", None),
        ("24 February 2022", "2022-02-24", None),
        ("Thursday 24 February 2022", "2022-02-24", None),
        ("Thu, 24 Feb 2022 10:01:00 GMT", "2022-02-24", "2022-02-24T10:01:00Z"),
        ("February 24, 2022 3:06pm", "2022-02-24", "2022-02-24T15:06:00"),
        ("24 Feb 2022 09:00 BST", "2022-02-24", "2022-02-24T09:00:00+01:00"),
        ("24.02.2022", "2022-02-24", None),
    ],
)
def test_parse_date(value: str, published: str, published_at: str | None) -> None:
    assert parse_date(value) == FoundDate(published, published_at)


@pytest.mark.parametrize(
    "value",
    [
        "1985-06-01",  # implausibly old for a web page
        "2999-01-01",  # in the future
        "2022-02-30",  # no such day
        "24/02/2022",  # slashes are ambiguous between day-first and month-first
        "yesterday",
        "",
        "5 hours ago",
    ],
)
def test_parse_date_rejects(value: str) -> None:
    assert parse_date(value) is None


def test_tomorrow_in_some_timezone_is_still_plausible() -> None:
    tomorrow = (datetime.now(UTC) + timedelta(days=1)).date().isoformat()
    assert parse_date(tomorrow) is not None
    later = (datetime.now(UTC) + timedelta(days=3)).date().isoformat()
    assert parse_date(later) is None


@pytest.mark.parametrize(
    ("line", "published", "updated"),
    [
        ("February 24, 2022 10:01am", "2022-02-24", False),
        ("Published 24 Feb 2022 09:00 GMT", "2022-02-24", False),
        ("First published on Thu 24 Feb 2022 10.01 GMT", "2022-02-24", False),
        ("Updated: February 24, 2022 3:06pm", "2022-02-24", True),
        ("Last modified on Thu 24 Feb 2022 15.06 GMT", "2022-02-24", True),
        ("Last reviewed: 1 October 2025", "2025-10-01", True),
        ("Page updated: 23 September 2025", "2025-09-23", True),
        # Labels in other languages, and a time followed by its unit.
        ("Erstellt am: 01.11.2023", "2023-11-01", False),
        ("Veröffentlicht am 24.02.2022, 12:01 Uhr", "2022-02-24", False),
        ("02.02.2022 10:16 Uhr", "2022-02-02", False),
        ("Publié le 24.02.2022", "2022-02-24", False),
        ("Stand: 28.04.2020 18:00 Uhr", "2020-04-28", True),
        ("Aggiornato il 24.02.2022", "2022-02-24", True),
        ("21. Januar 2022", "2022-01-21", False),
        ("Publié le 1er mars 2022", "2022-03-01", False),
        ("Publicado el 3 de mayo de 2022", "2022-05-03", False),
    ],
)
def test_parse_dateline(line: str, published: str, updated: bool) -> None:
    found = parse_dateline(line)
    assert found is not None
    assert (found.published, found.updated) == (published, updated)


@pytest.mark.parametrize(
    "line",
    [
        "Signed in Washington D.C., 4 April 1949",
        "The council met on 24 February 2022 to discuss the request.",
        "Three leaders met in 2022",
    ],
)
def test_sentence_with_a_date_is_not_a_dateline(line: str) -> None:
    assert parse_dateline(line) is None


# --- JSON-LD -------------------------------------------------------------------------


def test_json_ld_article() -> None:
    meta = page_metadata(
        json_ld(
            {
                "@context": "https://schema.org",
                "@type": "NewsArticle",
                "headline": "Allies ask for talks",
                "datePublished": "2022-02-24T23:30:00-05:00",
                "dateModified": "2022-02-25T09:00:00-05:00",
                "author": {"@type": "Person", "name": "Marcus Ellery"},
                "publisher": {"@type": "Organization", "name": "The Dispatch"},
            }
        )
    )
    assert meta == Metadata(
        title="Allies ask for talks",
        publisher="The Dispatch",
        author="Marcus Ellery",
        published="2022-02-24",
        published_at="2022-02-24T23:30:00-05:00",
        published_source="json-ld",
    )


def test_json_ld_graph_with_references() -> None:
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "@id": "#site", "name": "Site"},
            {"@type": "Organization", "@id": "#org", "name": "Baltic Wire"},
            {"@type": "Person", "@id": "#jane", "name": "Jane Doe"},
            {
                "@type": ["ReportageNewsArticle"],
                "headline": "Border talks",
                "datePublished": "2021-11-15",
                "author": {"@id": "#jane"},
                "publisher": {"@id": "#org"},
            },
        ],
    }
    meta = page_metadata(json_ld(graph))
    assert (meta.title, meta.author, meta.publisher, meta.published) == (
        "Border talks",
        "Jane Doe",
        "Baltic Wire",
        "2021-11-15",
    )


@pytest.mark.parametrize(
    ("author", "expected"),
    [
        ("Jane Doe", "Jane Doe"),
        ("By Jane Doe", "Jane Doe"),
        ({"@type": "Person", "name": "Jane Doe"}, "Jane Doe"),
        ([{"@type": "Person", "name": "Jane Doe"}, {"name": "John Roe"}], "Jane Doe, John Roe"),
        (["Jane Doe", "Jane Doe"], "Jane Doe"),
        ({"@type": "Person", "givenName": "Jane", "familyName": "Doe"}, "Jane Doe"),
        ("https://example.com/authors/jane", None),
    ],
)
def test_json_ld_author_variants(author: object, expected: str | None) -> None:
    data = [{"@type": "BlogPosting", "headline": "A post", "author": author}]
    assert page_metadata(json_ld(data)).author == expected


def test_broken_json_ld_is_ignored() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>'
        '<meta property="og:title" content="From the meta tag">'
    )
    assert page_metadata(head).title == "From the meta tag"


def test_json_ld_of_other_types_is_not_the_article() -> None:
    head = json_ld({"@type": "Event", "name": "A concert", "startDate": "2021-05-01"})
    assert page_metadata(head) == Metadata()


# --- meta tags ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "tag",
    [
        '<meta property="article:published_time" content="2022-02-24T10:01:00Z">',
        '<meta name="date" content="2022-02-24">',
        '<meta name="DC.date" content="2022-02-24">',
        '<meta name="parsely-pub-date" content="2022-02-24T10:01:00Z">',
        '<meta name="pubdate" content="2022-02-24">',
        # An unreadable value is passed over for the next place to look.
        '<meta name="pubdate" content="soon"><meta name="publish-date" content="2022-02-24">',
        '<meta itemprop="datePublished" content="2022-02-24">',
    ],
)
def test_meta_tag_dates(tag: str) -> None:
    assert page_metadata(tag).published == "2022-02-24"


def test_meta_tags_title_publisher_author() -> None:
    head = (
        '<meta property="og:title" content="Allies ask for talks">'
        '<meta property="og:site_name" content="The Dispatch">'
        '<meta name="author" content="Jane Doe">'
    )
    meta = page_metadata(head)
    assert (meta.title, meta.publisher, meta.author) == (
        "Allies ask for talks",
        "The Dispatch",
        "Jane Doe",
    )


def test_json_ld_date_comes_before_meta_date() -> None:
    head = json_ld({"@type": "NewsArticle", "datePublished": "2022-02-24"}) + (
        '<meta property="article:published_time" content="2022-03-01">'
    )
    assert page_metadata(head).published == "2022-02-24"


def test_modified_time_only_when_nothing_else() -> None:
    modified = '<meta property="article:modified_time" content="2022-03-01T08:00:00Z">'
    assert page_metadata(modified).published == "2022-03-01"
    both = modified + '<meta name="date" content="2022-02-24">'
    assert page_metadata(both).published == "2022-02-24"


def test_application_name_is_the_last_publisher_fallback() -> None:
    assert page_metadata('<meta name="application-name" content="Wire">').publisher == "Wire"


def test_title_tag_loses_site_name() -> None:
    head = (
        "<title>Allies ask for talks | The Dispatch</title>"
        '<meta property="og:site_name" content="The Dispatch">'
    )
    assert page_metadata(head).title == "Allies ask for talks"


def test_og_title_loses_only_a_known_site_name() -> None:
    site = '<meta property="og:site_name" content="The Dispatch">'
    head = '<meta property="og:title" content="Allies ask for talks | The Dispatch">'
    assert page_metadata(head + site).title == "Allies ask for talks"
    head = '<meta property="og:title" content="Allies ask for talks - Day 2">'
    assert page_metadata(head + site).title == "Allies ask for talks - Day 2"


@pytest.mark.parametrize(
    ("title", "publisher", "expected"),
    [
        ("Allies ask for talks | The Dispatch", "The Dispatch", "Allies ask for talks"),
        ("The Dispatch - Allies ask for talks", "The Dispatch", "Allies ask for talks"),
        (
            "Allies ask for talks for the first time since 2014 – Wire",
            None,
            "Allies ask for talks for the first time since 2014",
        ),
        ("NATO: allies ask for talks", None, "NATO: allies ask for talks"),
        ("Russia-Ukraine war", None, "Russia-Ukraine war"),
    ],
)
def test_strip_site_name(title: str, publisher: str | None, expected: str) -> None:
    assert strip_site_name(title, publisher) == expected


# --- <time> and visible datelines -------------------------------------------------------


def test_time_with_itemprop_beats_earlier_time_in_related_box() -> None:
    body = (
        '<aside class="related"><time datetime="2021-01-01">1 Jan 2021</time></aside>'
        '<article><time datetime="2022-02-24T10:01:00Z" itemprop="datePublished">'
        "24 Feb</time></article>"
    )
    assert page_metadata(body=body).published == "2022-02-24"


def test_time_in_byline_preferred() -> None:
    body = (
        '<article><p>Other dates: <time datetime="2020-05-01">May</time></p>'
        '<div class="byline">By Jane Doe <time datetime="2022-02-24">24 Feb</time></div></article>'
    )
    meta = page_metadata(body=body)
    assert (meta.published, meta.author) == ("2022-02-24", "Jane Doe")


def test_updated_time_is_not_published() -> None:
    body = (
        '<p>Updated: <time datetime="2022-03-01">1 March</time></p>'
        '<p class="published"><time datetime="2022-02-24">24 Feb</time></p>'
    )
    assert page_metadata(body=body).published == "2022-02-24"


def test_time_in_related_box_is_ignored() -> None:
    body = (
        '<article><p>Text.</p></article><div class="related-stories">'
        '<time datetime="2021-01-01">1 Jan</time></div>'
    )
    assert page_metadata(body=body).published is None


def test_visible_dateline_is_the_last_resort() -> None:
    body = "<article><h1>Talks</h1><p>24 February 2022</p><p>The council met.</p></article>"
    assert page_metadata(body=body).published == "2022-02-24"


def test_dates_in_tables_and_lists_are_data_not_datelines() -> None:
    body = (
        "<main><table><tr><td>12 July 2009</td></tr></table>"
        "<ul><li>3 March 2014</li></ul><p>Last updated: 2 October 2025</p></main>"
        "<footer><p>Last modified: 3 March 2025</p></footer>"
    )
    # No publication date, so the page's own "Last updated" is the best "as of".
    assert page_metadata(body=body).published == "2025-10-02"


def test_url_date_when_the_page_has_none() -> None:
    url = "https://example.com/news/2022/02/24/allies-ask-for-talks"
    assert page_metadata(url=url).published == "2022-02-24"


def test_no_date_anywhere_is_none() -> None:
    body = "<article><h1>Talks</h1><p>The council met in 2022 to talk.</p></article>"
    meta = page_metadata(body=body, url="https://example.com/talks")
    assert meta.published is None and meta.published_at is None


def test_byline_element_author() -> None:
    body = '<div class="article-byline"><span>By Jane Doe, Political Reporter</span></div>'
    assert page_metadata(body=body).author == "Jane Doe"


def test_rel_author_link() -> None:
    body = '<p>Words by <a rel="author" href="/jane">Jane Doe</a></p>'
    assert page_metadata(body=body).author == "Jane Doe"


# --- plain text -------------------------------------------------------------------------


def test_text_metadata() -> None:
    lines = [
        "Skip to main content",
        "Politics",
        "Allies ask for talks on border security",
        "By Jane Doe",
        "Updated: March 1, 2022",
        "24 February 2022",
        "The council met on Monday.",
    ]
    assert text_metadata(lines) == Metadata(
        title="Allies ask for talks on border security",
        author="Jane Doe",
        published="2022-02-24",
        published_source="dateline",
    )


@pytest.mark.parametrize(
    "line", ["By Jane Doe | 24 February 2022", "By Jane Doe · Feb 24, 2022 / 10:01 AM EST"]
)
def test_date_beside_a_byline(line: str) -> None:
    assert text_metadata(["Allies ask for talks", line]).published == "2022-02-24"
    assert page_metadata(body=f"<div><span>{line}</span></div>").published == "2022-02-24"


def test_date_beside_other_words_is_not_a_dateline() -> None:
    lines = ["Regional background", "Crimea – 18 March 2014", "Russia annexed Crimea."]
    assert text_metadata(lines).published is None


def test_text_opening_with_prose_has_no_title() -> None:
    assert text_metadata(["The council met on Monday.", "Next steps"]).title is None


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "@type",
                    "@id",
                    "@graph",
                    "author",
                    "name",
                    "publisher",
                    "headline",
                    "datePublished",
                    "mainEntity",
                    "givenName",
                    "familyName",
                    "x",
                ]
            ),
            children,
            max_size=5,
        )
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(JSON, st.sampled_from(["NewsArticle", "Article", "Person"]))
def test_any_json_ld_gives_metadata_or_nothing(data: object, kind: str) -> None:
    payload = {"@type": kind, "author": data, "publisher": data, "headline": data, "@graph": data}
    meta = page_metadata(json_ld(payload) + json_ld(data))
    for value in (meta.title, meta.author, meta.publisher, meta.published):
        assert value is None or isinstance(value, str)
