"""HTML extraction: for each page, text that must and must not come out."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from verify.errors import ExtractError
from verify.extract import extract_html
from verify.records import Extracted

BODY = (
    "<p>The council met on Monday and agreed to extend the mission for six months, "
    "officials said after the meeting.</p>"
    "<p>Twelve members voted in favour and three against, according to the minutes.</p>"
)


def assert_offsets(extracted: Extracted) -> None:
    for passage in extracted.passages:
        assert extracted.text[passage.start : passage.end] == passage.text
        assert passage.text == " ".join(passage.text.split())
    assert extracted.text == "\n\n".join(p.text for p in extracted.passages)


def extracted_from(html: str, url: str | None = None) -> Extracted:
    extracted = extract_html(html, url=url)
    assert_offsets(extracted)
    return extracted


def page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


def passages(extracted: Extracted) -> list[tuple[str, str]]:
    return [(p.kind, p.text) for p in extracted.passages]


# --- furniture -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "furniture",
    [
        '<nav><ul><li><a href="/">Home</a></li><li><a href="/w">World news</a></li></ul></nav>',
        '<div class="site-navigation"><a href="/">Home</a> <a href="/w">World news</a></div>',
        '<ol class="breadcrumbs"><li><a href="/">Home</a></li><li>World news</li></ol>',
        '<div id="cookie-consent"><p>We care about your privacy and use small files.</p></div>',
        '<div class="gdpr-banner"><p>Your choices about your privacy matter here.</p></div>',
        '<div class="share-tools"><a href="#">Facebook</a><span>Email this page</span></div>',
        '<div class="socialShareBar"><span>Spread the word about this story</span></div>',
        '<section class="related-links"><h2>More on this</h2><p>Other news.</p></section>',
        '<div class="read-more-box"><p>Elsewhere, other things happened today.</p></div>',
        '<div class="recommended"><p>Stories picked for you by our editors.</p></div>',
        '<section class="newsletter-signup"><p>Get our briefing in your inbox daily.</p></section>',
        '<div id="comments"><p>What a thoughtful piece, thanks for writing it.</p></div>',
        '<div class="ad-slot"><span>Promoted stories from partners</span></div>',
        '<div class="sponsored-content"><p>This message is brought to you by partners.</p></div>',
        '<a class="skip-link" href="#main">Jump straight to the story</a>',
        '<div class="byline"><span>Words and pictures by the desk team</span></div>',
        "<aside><p>A sidebar with a fact about something else entirely.</p></aside>",
        "<footer><p>Copyright the publisher, all rights reserved forever.</p></footer>",
        "<header><p>The publisher tagline that appears on every page.</p></header>",
        '<div role="navigation"><p>Sections and more sections of the site.</p></div>',
        '<div aria-label="Share this story"><p>Post this story to your friends.</p></div>',
        "<div hidden><p>Text nobody sees on the rendered page at all.</p></div>",
        '<div style="display: none"><p>Text nobody sees on the rendered page.</p></div>',
        "<script>var tracking = 'Text nobody sees';</script><style>p{color:red}</style>",
        "<form><label>Your email address for updates</label><input></form>",
    ],
)
def test_furniture_removed(furniture: str) -> None:
    html = page(f"{furniture}<article><h1>Council extends mission</h1>{BODY}</article>{furniture}")
    extracted = extracted_from(html)
    assert passages(extracted)[0] == ("heading", "Council extends mission")
    assert "agreed to extend the mission for six months" in extracted.text
    assert "three against" in extracted.text
    assert len(extracted.passages) == 3


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "Share",
        "This article is over 7 months old",
        "Skip to main content",
        "Tanks roll into town as talks stall Read more",
        "24 February 2022",
        "By Jane Doe",
    ],
)
def test_furniture_text_blocks_removed(line: str) -> None:
    html = page(f"<article><h1>Council extends mission</h1><p>{line}</p>{BODY}</article>")
    assert line not in extracted_from(html).text


@pytest.mark.parametrize(
    "kept",
    [
        '<div class="shared-memory"><p>Members share a memory of the treaty.</p></div>',
        '<div class="commentary"><p>The analysis that follows is the story.</p></div>',
        '<div class="headline-adjacent"><p>Loaded words are not ads or nav.</p></div>',
        '<p>The <span class="date">4 April 1949</span> treaty still binds them.</p>',
    ],
)
def test_class_words_match_whole_words_only(kept: str) -> None:
    html = page(f"<article><h1>Council extends mission</h1>{kept}{BODY}</article>")
    text = extracted_from(html).text
    for sentence in ("share a memory", "analysis that follows", "Loaded words", "4 April 1949"):
        if sentence in kept:
            assert sentence in text


def test_article_header_keeps_its_headline_but_not_its_byline() -> None:
    html = page(
        '<article><header class="article-header"><a class="kicker" href="/p">Politics</a>'
        "<h1>Council extends mission</h1>"
        '<div class="byline">By <a rel="author" href="/jane">Jane Doe</a></div></header>'
        f"{BODY}</article>"
    )
    extracted = extracted_from(html)
    assert passages(extracted)[0] == ("heading", "Council extends mission")
    assert "Jane Doe" not in extracted.text
    assert "Politics" not in extracted.text
    assert extracted.metadata.author == "Jane Doe"


def test_link_list_and_link_only_teaser_removed() -> None:
    html = page(
        "<article><h1>Council extends mission</h1>"
        f"{BODY}"
        '<p><a href="/other">Tanks roll into town as talks stall</a></p>'
        '<ul><li><a href="/a">Budget talks resume</a></li>'
        '<li><a href="/b">Ports reopen</a></li></ul>'
        "</article>"
    )
    text = extracted_from(html).text
    assert "Tanks roll" not in text and "Budget talks" not in text


def test_headline_link_is_kept() -> None:
    html = page(f'<article><h1><a href="/story">Council extends mission</a></h1>{BODY}</article>')
    assert passages(extracted_from(html))[0] == ("heading", "Council extends mission")


def test_trailing_heading_of_a_removed_box_dropped() -> None:
    html = page(
        f"<article><h1>Council extends mission</h1>{BODY}<h2>See also</h2>"
        '<ul><li><a href="/x">Earlier vote</a></li></ul></article>'
    )
    assert "See also" not in extracted_from(html).text


def test_heading_of_an_emptied_box_goes_when_trafilatura_dropped_it_too() -> None:
    story = (
        "<p>The council met on Monday and agreed to extend the mission for six months, "
        "officials said after the meeting was over.</p>"
        "<p>Twelve members voted in favour and three against, according to the minutes "
        "published later that day.</p>"
    )
    html = page(
        f"<article><h1>Council extends mission</h1>{story}<h2>What the vote means</h2>"
        "<p>The assembly will now send a further two hundred observers to the border region "
        'by June.</p><div class="teaser"><h3>Our podcast this week</h3><p><a href="/a">Storm '
        "closes the harbour for a second day running, the port says</a></p></div>"
        "<h2>Reactions</h2><p>The mission will report back to the council in the spring, "
        "when members will vote again.</p></article>"
    )
    extracted = extracted_from(html)
    assert ("heading", "What the vote means") in passages(extracted)
    assert ("heading", "Reactions") in passages(extracted)
    assert "Our podcast this week" not in extracted.text


def test_page_set_entirely_in_headings_keeps_them() -> None:
    html = page(
        '<div class="entry"><h1>Keep our rivers clean</h1>'
        "<h2>The poster competition for children</h2>"
        "<h3>takes place for the sixth time this year.</h3>"
        "<h3>Draw a poster on the theme of clean water and send it to the club by May.</h3>"
        "<h4>The best posters will be shown at the harbour festival in the summer.</h4></div>"
    )
    extracted = extracted_from(html)
    assert passages(extracted)[-1] == (
        "heading",
        "The best posters will be shown at the harbour festival in the summer.",
    )
    assert len(extracted.passages) == 5


def test_citation_markers_dropped() -> None:
    html = page(
        "<article><h1>Council</h1><p>The treaty was signed in 1949.<sup>[1]</sup></p></article>"
    )
    assert "The treaty was signed in 1949." in extracted_from(html).text
    assert "[1]" not in extracted_from(html).text


# --- container and headline ---------------------------------------------------------------


def test_densest_block_chosen_without_semantic_containers() -> None:
    html = page(
        '<div class="top"><p>Short intro line that is part of the page chrome.</p></div>'
        '<div class="content"><div class="story"><h1>Council extends mission</h1>'
        f"{BODY}</div></div>"
        '<div class="bottom"><a href="/x">Contact</a></div>'
    )
    extracted = extracted_from(html)
    assert [kind for kind, _ in passages(extracted)] == ["heading", "paragraph", "paragraph"]
    assert "chrome" not in extracted.text


def test_biggest_article_wins_over_teaser_cards() -> None:
    html = page(
        "<article><h2>Other story</h2><p>A teaser for a different story.</p></article>"
        f"<main><article><h1>Council extends mission</h1>{BODY}</article></main>"
        "<article><h2>Third story</h2><p>Another teaser for something.</p></article>"
    )
    text = extracted_from(html).text
    assert "teaser" not in text and "three against" in text


def test_nested_containers() -> None:
    html = page(
        '<main><div class="wrap"><article><header><h1>Council extends mission</h1></header>'
        f'<div itemprop="articleBody"><div><section>{BODY}</section></div></div>'
        "</article></div></main>"
    )
    assert len(extracted_from(html).passages) == 3


def test_headline_from_og_title_when_no_h1() -> None:
    html = page(
        f"<article>{BODY}</article>",
        head='<meta property="og:title" content="Council extends mission">',
    )
    extracted = extracted_from(html)
    assert passages(extracted)[0] == ("heading", "Council extends mission")
    assert extracted.metadata.title == "Council extends mission"


def test_headline_from_title_tag_without_site_name() -> None:
    html = page(f"<article>{BODY}</article>", head="<title>Council extends mission | Wire</title>")
    assert passages(extracted_from(html))[0] == ("heading", "Council extends mission")


def test_duplicated_headline_appears_once() -> None:
    html = page(
        "<h1>Council extends mission</h1>"
        f"<article><h1>Council extends mission</h1><p>Council extends mission</p>{BODY}</article>",
        head='<meta property="og:title" content="Council extends mission">',
    )
    assert extracted_from(html).text.count("Council extends mission") == 1


def test_headline_first_even_after_a_kicker() -> None:
    html = page(f"<article><p>Politics</p><h1>Council extends mission</h1>{BODY}</article>")
    extracted = extracted_from(html)
    assert passages(extracted)[0] == ("heading", "Council extends mission")
    assert "Politics" not in extracted.text


# --- passages -------------------------------------------------------------------------------


def test_passage_kinds_and_whitespace() -> None:
    html = page(
        "<article><h1>Council\n  extends&nbsp;mission</h1><h2>The vote</h2>"
        "<p>Twelve   members\n voted in favour.</p>"
        "<ol><li>First, the budget.</li><li>Then the <b>mandate</b>.</li></ol></article>"
    )
    assert passages(extracted_from(html)) == [
        ("heading", "Council extends mission"),
        ("heading", "The vote"),
        ("paragraph", "Twelve members voted in favour."),
        ("list_item", "First, the budget."),
        ("list_item", "Then the mandate."),
    ]


def test_list_items_holding_paragraphs_are_not_doubled() -> None:
    html = page(
        "<article><h1>Council</h1><ul>"
        "<li><p>First point made.</p><p>Its detail.</p></li>"
        "<li>Second point<ul><li>A sub-point.</li></ul></li>"
        "</ul></article>"
    )
    assert passages(extracted_from(html))[1:] == [
        ("list_item", "First point made. Its detail."),
        ("list_item", "Second point"),
        ("list_item", "A sub-point."),
    ]


def test_line_breaks_split_paragraphs_in_a_div() -> None:
    html = page(
        "<article><h1>Council</h1><div>The first paragraph of text.<br><br>"
        "The second paragraph,<br>on two lines.</div></article>"
    )
    assert passages(extracted_from(html))[1:] == [
        ("paragraph", "The first paragraph of text."),
        ("paragraph", "The second paragraph, on two lines."),
    ]


def test_definition_list_pairs() -> None:
    html = page(
        "<article><h1>Holder</h1><p>Details of the term follow below.</p>"
        "<dl><dt>Took office</dt><dd>12 July 2009</dd><dt>Party</dt><dd>Independent</dd></dl>"
        "</article>"
    )
    assert passages(extracted_from(html))[2:] == [
        ("list_item", "Took office: 12 July 2009"),
        ("list_item", "Party: Independent"),
    ]


# --- tables ---------------------------------------------------------------------------------


def test_table_rows_keep_their_column_headers() -> None:
    html = page(
        "<main><h1>Office holders</h1><table><thead><tr><th>Office</th><th>Holder</th>"
        "<th>Took office</th><th>Left office</th></tr></thead><tbody>"
        "<tr><td>President of Lithuania</td><td>Dalia Grybauskaitė</td><td>12 July 2009</td>"
        "<td>12 July 2019</td></tr>"
        "<tr><td>President of Lithuania</td><td>Gitanas Nausėda</td><td>12 July 2019</td>"
        "<td></td></tr></tbody></table></main>"
    )
    assert passages(extracted_from(html))[1:] == [
        (
            "table_row",
            "Office: President of Lithuania; Holder: Dalia Grybauskaitė; "
            "Took office: 12 July 2009; Left office: 12 July 2019",
        ),
        # The empty cell is left out; the header row is not a passage.
        (
            "table_row",
            "Office: President of Lithuania; Holder: Gitanas Nausėda; Took office: 12 July 2019",
        ),
    ]


def test_header_row_of_th_without_thead() -> None:
    html = page(
        "<main><h1>Members</h1><table><tr><th>Date</th><th>Members</th></tr>"
        "<tr><td>4 April 1949</td><td>12</td></tr></table></main>"
    )
    assert passages(extracted_from(html))[1:] == [("table_row", "Date: 4 April 1949; Members: 12")]


def test_infobox_label_value_rows() -> None:
    html = page(
        "<main><h1>NATO</h1><table class='infobox'><caption>Alliance</caption>"
        "<tr><th colspan='2'>North Atlantic Treaty Organization</th></tr>"
        "<tr><th scope='row'>Formation</th><td>4 April 1949</td></tr>"
        "<tr><th scope='row'>Headquarters</th><td>Brussels, Belgium</td></tr>"
        "<tr><th scope='row'>Motto</th><td></td></tr></table></main>"
    )
    assert passages(extracted_from(html))[1:] == [
        ("heading", "Alliance"),
        ("table_row", "North Atlantic Treaty Organization"),
        ("table_row", "Formation: 4 April 1949"),
        ("table_row", "Headquarters: Brussels, Belgium"),
        ("table_row", "Motto"),
    ]


def test_rowspan_value_belongs_to_every_row_it_spans() -> None:
    html = page(
        "<main><h1>Holders</h1><table><thead><tr><th>Office</th><th>Holder</th></tr></thead>"
        "<tr><td rowspan='2'>President</td><td>Dalia Grybauskaitė</td></tr>"
        "<tr><td>Gitanas Nausėda</td></tr></table></main>"
    )
    assert [text for _, text in passages(extracted_from(html))[1:]] == [
        "Office: President; Holder: Dalia Grybauskaitė",
        "Office: President; Holder: Gitanas Nausėda",
    ]


def test_layout_table_is_walked_as_blocks() -> None:
    html = page(
        "<table><tr><td><h1>Council extends mission</h1>"
        f"{BODY}</td><td><table><tr><td>x</td></tr></table></td></tr></table>"
    )
    kinds = [kind for kind, _ in passages(extracted_from(html))]
    assert kinds[:3] == ["heading", "paragraph", "paragraph"]


def test_absurd_spans_are_capped() -> None:
    html = page(
        "<main><h1>T</h1><table><tr><td colspan='99999999' rowspan='99999999'>Wide</td>"
        "<td>cell</td></tr><tr><td>next</td></tr></table></main>"
    )
    assert "Wide" in extracted_from(html).text


# --- page layouts seen in the wild (abridged, own words) ----------------------------------

BROADCASTER_PAGE = """<html><head><title>Allies ask for talks - Example News</title>
<script type="application/ld+json">{"@context": "http://schema.org",
 "@type": "ReportageNewsArticle", "headline": "Allies ask for talks",
 "datePublished": "2022-02-24T10:01:00.000Z",
 "author": {"@type": "NewsMediaOrganization", "name": "Example News"},
 "publisher": {"@type": "NewsMediaOrganization", "name": "Example News"}}</script>
</head><body><a href="#main-content">Skip to content</a>
<div id="main-content"><article>
<header><h1 id="main-heading">Allies ask for talks</h1></header>
<div data-component="byline-block"><span>By Jane Doe</span><span>Political reporter</span></div>
<div data-component="text-block">
<p><b>Eight allies have asked for talks under the treaty.</b></p></div>
<div data-component="image-block"><figure><img alt="">
<figcaption>Leaders met in Brussels on Thursday</figcaption></figure></div>
<div data-component="text-block"><p>The request came hours after the invasion began.</p></div>
<div data-component="links-block"><h2>Related Topics</h2>
<ul><li><a href="/t1">Defence</a></li><li><a href="/t2">Europe</a></li></ul></div>
</article>
<section data-component="related-content"><h2>More on this story</h2>
<ul><li><a href="/s1">What the treaty says</a></li></ul></section></div></body></html>"""

NEWSPAPER_PAGE = """<html><head>
<meta property="article:published_time" content="2022-02-24T10:01:00.000Z">
<meta property="og:title" content="Allies ask for talks as tanks cross the border">
</head><body><main><article>
<div><div><div>This article is more than 2 years old</div></div></div>
<div><h1>Allies ask for talks as tanks cross the border</h1></div>
<div><p>Eight members invoke the consultation clause after the invasion</p></div>
<div><address aria-label="Contributor info"><a rel="author" href="/p/jd">Jane Doe</a>
in Vilnius</address><details><summary>Thu 24 Feb 2022 10.01 GMT</summary>
<div>Last modified on Thu 24 Feb 2022 15.06 GMT</div></details></div>
<div id="maincontent"><div class="article-body-commercial-selector">
<p>Eight allies asked for consultations on Thursday.</p>
<aside data-component="rich-link"><a href="/x">Explainer: what the clause means</a></aside>
<figure><div>Photograph: Staff/Agency</div></figure>
<p>Officials said the talks would start at once.</p>
<figure><p>Sign up to First Edition, our free daily newsletter</p></figure>
<p>“We will defend every inch,” one minister said.</p>
</div></div></article></main></body></html>"""

WIKI_PAGE = """<html><head><title>Example Alliance - Wikipedia</title></head><body>
<a class="mw-jump-link" href="#content">Jump to content</a>
<div id="content"><h1 id="firstHeading">Example Alliance</h1>
<div id="mw-content-text"><div class="mw-parser-output">
<div class="hatnote">For the treaty, see Example Treaty.</div>
<table class="infobox vcard"><tbody>
<tr><th colspan="2" class="infobox-above">Example Alliance</th></tr>
<tr><th scope="row" class="infobox-label">Formation</th>
<td class="infobox-data">4 April 1949</td></tr>
<tr><td colspan="2" class="infobox-full-data">In office<br>12 July 2009 – 12 July 2019</td></tr>
</tbody></table>
<p>The <b>Example Alliance</b> is a defensive pact.<sup class="reference">
<a href="#c1">[1]</a></sup></p>
<h2><span class="mw-headline" id="History">History</span><span class="mw-editsection">
<span class="mw-editsection-bracket">[</span><a href="/edit">edit</a>
<span class="mw-editsection-bracket">]</span></span></h2>
<p>It was founded in 1949.<sup>[citation needed]</sup></p>
<table class="wikitable"><tbody><tr><th>No.</th><th>Name</th><th>Term</th></tr>
<tr><th>1</th><td>Ann Roe</td><td>1949–1952</td></tr></tbody></table>
<h2><span class="mw-headline" id="References">References</span></h2>
<div class="reflist"><ol class="references">
<li id="c1">"Founding". Archive. Retrieved 1 May 2020.</li></ol></div>
<div class="navbox"><table><tr><th>Alliances</th>
<td><a href="/a">A</a> · <a href="/b">B</a></td></tr></table></div>
</div></div><div id="catlinks" class="catlinks">Categories: <a href="/c">Alliances</a></div>
</div></body></html>"""


def test_broadcaster_layout() -> None:
    extracted = extracted_from(BROADCASTER_PAGE)
    assert passages(extracted) == [
        ("heading", "Allies ask for talks"),
        ("paragraph", "Eight allies have asked for talks under the treaty."),
        ("paragraph", "The request came hours after the invasion began."),
    ]
    assert extracted.metadata.published == "2022-02-24"
    assert extracted.metadata.publisher == "Example News"


def test_newspaper_layout() -> None:
    extracted = extracted_from(NEWSPAPER_PAGE)
    assert passages(extracted) == [
        ("heading", "Allies ask for talks as tanks cross the border"),
        ("paragraph", "Eight members invoke the consultation clause after the invasion"),
        ("paragraph", "Eight allies asked for consultations on Thursday."),
        ("paragraph", "Officials said the talks would start at once."),
        ("paragraph", "“We will defend every inch,” one minister said."),
    ]
    assert extracted.metadata.author == "Jane Doe"
    assert extracted.metadata.published_at == "2022-02-24T10:01:00Z"


def test_wiki_layout() -> None:
    extracted = extracted_from(WIKI_PAGE)
    text = extracted.text
    assert passages(extracted)[0] == ("heading", "Example Alliance")
    assert ("heading", "History") in passages(extracted)
    assert "Formation: 4 April 1949" in text
    assert "In office 12 July 2009 – 12 July 2019" in text
    assert "No.: 1; Name: Ann Roe; Term: 1949–1952" in text
    assert "The Example Alliance is a defensive pact." in text
    assert "It was founded in 1949." in text
    for unwanted in (
        "[1]",
        "[edit]",
        "edit",
        "citation needed",
        "Retrieved",
        "Categories",
        "Jump to content",
        "References",
        "A · B",
    ):
        assert unwanted not in text


def test_quotation_footer_keeps_its_speaker() -> None:
    html = page(
        "<article><h1>Council</h1><blockquote><p>We will consult.</p>"
        "<footer>— the secretary general</footer></blockquote>"
        f"{BODY}<footer class='article-footer'><a href='/t'>Tags</a></footer></article>"
    )
    text = extracted_from(html).text
    assert "— the secretary general" in text
    assert "Tags" not in text


# --- nothing left ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "html",
    [
        "",
        "<html><head><title>App</title></head><body><div id='root'></div></body></html>",
        page("<nav><a href='/'>Home</a></nav><script>app()</script>"),
        page("<article><h1>Only a headline</h1></article>"),
    ],
)
def test_no_main_text_raises(html: str) -> None:
    with pytest.raises(ExtractError, match="no main text found"):
        extract_html(html)


def test_deep_nesting_is_an_extract_error_not_a_crash() -> None:
    html = "<div>" * 5000 + "text" + "</div>" * 5000
    try:
        extracted = extract_html(html)
    except ExtractError:
        return
    assert_offsets(extracted)


# --- fixture pages ----------------------------------------------------------------------------


def fixture_page(fixtures_dir: Path, name: str, encoding: str = "utf-8") -> Extracted:
    # The fetch stage decodes; extraction works on the decoded text.
    return extracted_from((fixtures_dir / name).read_bytes().decode(encoding))


def test_article_a_page(fixtures_dir: Path) -> None:
    extracted = fixture_page(fixtures_dir, "pages/article-a.html")
    meta = extracted.metadata
    assert meta.published == "2022-02-24"
    assert meta.published_at == "2022-02-24T10:01:00-05:00"
    assert (
        meta.title
        == "NATO: European allies trigger Article 4 to fortify borders from Russian forces"
    )
    assert meta.author == "Marcus Ellery"
    assert meta.publisher == "The Beltway Dispatch"
    assert passages(extracted)[0] == ("heading", meta.title)
    text = extracted.text
    for wanted in (
        "The move is a sign that the world's most powerful international military alliance",
        "It has been invoked six times since the alliance formed in 1949, with Turkey"
        " responsible for five occasions.",
        "which Ukraine is not eligible for.",
    ):
        assert wanted in text
    for unwanted in (
        "cookies",
        "Share on",
        "Advertisement",
        "Morning Dispatch",
        "Sign up",
        "Comments",
        "Deterrence only works",
        "Live updates",
        "Marcus Ellery",
        "Skip to main content",
        "Podcasts",
        "All rights reserved",
        "February 24, 2022 10:01am",
        "Updated",
        "gtag",
    ):
        assert unwanted not in text
    assert text.count(meta.title) == 1


def test_article_b_page(fixtures_dir: Path) -> None:
    extracted = fixture_page(fixtures_dir, "pages/article-b.html")
    meta = extracted.metadata
    assert meta.published is None and meta.published_at is None
    assert meta.author is None
    assert meta.publisher == "TrendPulse Daily"
    assert passages(extracted)[0] == (
        "heading",
        "Poland, Lithuania and Latvia consider triggering NATO’s Article 4 over the Belarus"
        " border crisis",
    )
    text = extracted.text
    assert "Russian troops check the Belarus border" in text
    assert "the Lithuanian president, Dalia Grybauskaite, said on Tuesday" in text
    assert text.endswith("straining ties with Nato member Ankara.")
    for unwanted in (
        "over 7 months old",
        "Read more",
        "Violent clash",
        "Leave a Comment",
        "Your email address",
        "You May Also Like",
        "Celebrity",
        "Never Miss A Story",
        "Trending",
        "We use cookies",
        "Share on",
        "Sponsored",
        "World\n",
        "Tags:",
        "DMCA",
    ):
        assert unwanted not in text


def test_office_holders_table(fixtures_dir: Path) -> None:
    extracted = fixture_page(fixtures_dir, "references/office-holders.html")
    rows = [p.text for p in extracted.passages if p.kind == "table_row"]
    assert len(rows) == 9
    grybauskaite = next(row for row in rows if "Holder: Dalia Grybauskaitė" in row)
    assert "Took office: 12 July 2009" in grybauskaite
    assert "Left office: 12 July 2019" in grybauskaite
    assert "Office; Holder" not in extracted.text  # the header row is no passage
    assert "Report an error" not in extracted.text
    assert "Last reviewed" not in extracted.text


def test_encyclopedia_infobox_and_membership_table(fixtures_dir: Path) -> None:
    extracted = fixture_page(fixtures_dir, "references/nato-encyclopedia.html")
    rows = [p.text for p in extracted.passages if p.kind == "table_row"]
    assert "Formation: 4 April 1949" in rows
    assert "Secretary General: Mark Rutte (since 1 October 2024)" in rows
    assert "Date: 7 March 2024; Countries joined: Sweden; Members: 32" in rows
    text = extracted.text
    assert "Article 5 has been invoked only once" in text
    assert "Contents" not in text and "Random article" not in text and "See also" not in text
    # Dates in the tables are data; the page's own date is its "Last updated" line.
    assert extracted.metadata.published == "2025-10-02"


def test_windows_1252_page(fixtures_dir: Path) -> None:
    extracted = fixture_page(fixtures_dir, "references/regional-context.html", encoding="cp1252")
    text = extracted.text
    assert "Europe’s “eastern flank”" in text
    assert "Gitanas Nausėda" in text
    assert "Turkey does not share a land border with Russia." in text
    assert "Best viewed" not in text and "Last modified" not in text
    assert extracted.metadata.published is None  # the only date is in the footer
    headings = [p.text for p in extracted.passages if p.kind == "heading"]
    assert headings[:2] == ["Regional background", "Crimea, 2014"]


def test_invocations_timeline_list(fixtures_dir: Path) -> None:
    extracted = fixture_page(fixtures_dir, "references/article4-invocations.html")
    items = [p.text for p in extracted.passages if p.kind == "list_item"]
    assert len(items) == 13
    assert items[0].startswith("10 February 2003 – Turkey requested consultations")
    assert "Related timelines" not in extracted.text
    assert extracted.metadata.published == "2025-09-23"


# --- never crash ---------------------------------------------------------------------------------

TAGS = ["p", "div", "li", "ul", "table", "tr", "td", "th", "h1", "h2", "article", "nav", "a", "br"]
PIECES = st.one_of(
    st.text(max_size=30),
    st.sampled_from(TAGS).map(lambda tag: f"<{tag}>"),
    st.sampled_from(TAGS).map(lambda tag: f"</{tag}>"),
    st.sampled_from(
        [
            '<td colspan="3">',
            '<td rowspan="x">',
            '<div class="share">',
            '<script type="application/ld+json">{"@type": "NewsArticle", "author": [',
            '<time datetime="2022-02-24">',
            "<!-- c -->",
            "<?xml version='1.0'?>",
            "&nbsp;",
            "Read more",
        ]
    ),
)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_extract_html_never_crashes_on_text(text: str) -> None:
    try:
        extracted = extract_html(text)
    except ExtractError:
        return
    assert_offsets(extracted)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join))
def test_extract_html_never_crashes_on_markup(html: str) -> None:
    try:
        extracted = extract_html(html)
    except ExtractError:
        return
    assert_offsets(extracted)
