"""The HTML report (`verify check --format html`): escaping of article and
reference text, a highlight per claim, a self-contained page, the summary; and
the page in a real browser (headless Debian chromium): a screenshot with the
highlights painted, and a hostile article whose markup shows but never runs."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from browser import dump_dom, png_pixels, requires_chromium, screenshot
from bs4 import BeautifulSoup
from click.testing import CliRunner

from verify.cli import cli
from verify.judge import run_check
from verify.report import render, render_html, report_data, report_texts
from verify.store import open_db

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ARTICLES = [str(FIXTURES / "pages" / "article-a.html"), str(FIXTURES / "pages" / "article-b.html")]

# Each payload, if it ever ran, leaves a trace the browser test looks for.
ARTICLE_SCRIPT = "<script>document.title='PWNED-ARTICLE'</script>"
ARTICLE_IMG = (
    "<img src=x onerror=\"document.body.insertAdjacentHTML('beforeend',"
    "'<p id=pwned-article>pwned</p>')\">"
)
REFERENCE_SCRIPT = "<script>document.title='PWNED-REFERENCE'</script>"
REFERENCE_IMG = (
    "<img src=x onerror=\"document.body.insertAdjacentHTML('beforeend',"
    "'<p id=pwned-reference>pwned</p>')\">"
)
HIGHLIGHT_COLOURS = {  # mark backgrounds in html_parts.STYLE
    "supported": (0xC8, 0xF0, 0xC8),
    "contradicted": (0xFF, 0xC9, 0xC9),
    "unverified": (0xFF, 0xF1, 0xA8),
}


class Tags(HTMLParser):
    """Every start tag and its attributes, as a browser's tokenizer sees them."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def evidence(passage: str, start: int, end: int, **extra: Any) -> dict[str, Any]:
    return {
        "source": "refs/page.html",
        "url": "https://example.org/ref",
        "fetched_at": "2024-01-02T03:04:05Z",
        "sha256": "ab" * 32,
        "passage": passage,
        "passage_start": 100,
        "passage_end": 100 + len(passage),
        "start": 100 + start,
        "end": 100 + end,
        "matched": passage[start:end],
        "score": 88.25,
        **extra,
    }


def claim(cid: int, text: str, article: str, verdict: str, **extra: Any) -> dict[str, Any]:
    start = article.index(text)
    return {
        "id": cid,
        "sentence": text,
        "text": text,
        "start": start,
        "end": start + len(text),
        "kinds": ["quantity"],
        "verdict": verdict,
        "reasons": [f"reason for claim {cid}"],
        "evidence": [],
        **extra,
    }


def document(article: str, claims: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {
        "source": "articles/story.html",
        "document_id": 7,
        "url": None,
        "title": "A story",
        "author": None,
        "publisher": None,
        "published": "2022-02-24",
        "sha256": "cd" * 32,
        "assessment": "dubious",
        "claims": claims,
        **extra,
    }


def report(*documents: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "tool": {"name": "verify", "version": "0.0.0"},
        "generated_at": "2024-01-02T03:04:05Z",
        "run_id": 3,
        "documents": list(documents),
        **extra,
    }


HOSTILE_ARTICLE = (
    f"Officials said the alliance has 30 members {ARTICLE_SCRIPT} as of 2021.\n\n"
    f"The treaty has 14 articles {ARTICLE_IMG} and was signed in 1949."
)


def hostile_page() -> str:
    passage = f"The treaty has 14 articles. {REFERENCE_SCRIPT} {REFERENCE_IMG}"
    first = claim(1, f"the alliance has 30 members {ARTICLE_SCRIPT}", HOSTILE_ARTICLE, "unverified")
    second = claim(
        2,
        f"The treaty has 14 articles {ARTICLE_IMG}",
        HOSTILE_ARTICLE,
        "supported",
        evidence=[evidence(passage, 0, len(passage), url="javascript:alert(1)")],
    )
    doc = document(HOSTILE_ARTICLE, [first, second], title=f"Story {ARTICLE_SCRIPT}")
    doc["source"] = 'x.html" onmouseover="alert(1)'
    return render_html(report(doc), {7: HOSTILE_ARTICLE})


def assert_inert(page: str) -> None:
    """No tag that runs or loads anything, no event handler, no link off the page."""
    for name, attrs in Tags(page).tags:
        assert name not in {"script", "img", "iframe", "object", "embed", "link"}, name
        assert not [a for a in attrs if a.startswith("on")], (name, attrs)
        assert "src" not in attrs, (name, attrs)
        assert (attrs.get("href") or "#").startswith("#"), (name, attrs)


def test_article_markup_is_escaped_and_shown_as_text() -> None:
    page = hostile_page()
    assert_inert(page)
    text = BeautifulSoup(page, "html.parser").get_text()
    assert ARTICLE_SCRIPT in text and ARTICLE_IMG in text
    assert f"Story {ARTICLE_SCRIPT}" in text  # the title too
    assert "&lt;script&gt;document.title=&#x27;PWNED-ARTICLE&#x27;&lt;/script&gt;" in page


def test_reference_passage_and_url_are_escaped() -> None:
    page = hostile_page()
    soup = BeautifulSoup(page, "html.parser")
    [match] = soup.select(".match")
    assert REFERENCE_SCRIPT in match.get_text() and REFERENCE_IMG in match.get_text()
    assert "javascript:alert(1)" in soup.get_text()  # shown, never a link
    assert "x.html&quot; onmouseover=&quot;alert(1)" in page


def test_each_claim_is_highlighted_with_its_verdict() -> None:
    article = "One. The alliance has 30 members. Two. It was founded in 1949. Three: 12 states."
    claims = [
        claim(1, "The alliance has 30 members.", article, "supported"),
        claim(2, "It was founded in 1949.", article, "contradicted"),
        claim(3, "12 states", article, "unverified"),
    ]
    soup = BeautifulSoup(render_html(report(document(article, claims)), {7: article}), "lxml")
    for item in claims:
        mark = soup.find("mark", id=f"claim-{item['id']}")
        assert mark is not None and mark["class"] == [item["verdict"]]
        assert mark.get_text() == item["text"]
        detail = soup.find(id=f"claim-{item['id']}-detail")
        assert item["verdict"] in detail["class"] and item["reasons"][0] in detail.get_text()


def test_the_article_text_is_shown_whole_with_endnote_links() -> None:
    article = "Alpha 1 beta.\n\nGamma 2 delta."
    claims = [claim(4, "Alpha 1 beta.", article, "supported")]
    soup = BeautifulSoup(render_html(report(document(article, claims)), {7: article}), "lxml")
    [note] = soup.select("div.text sup a")
    assert note["href"] == "#claim-4-detail" and note.get_text() == "✓4"
    note.decompose()
    assert "\n\n".join(block.get_text() for block in soup.select("div.text")) == article


def test_overlapping_claims_keep_every_word_once_and_the_worst_colour() -> None:
    article = "The alliance of 30 members was founded in 1949 by 12 states."
    outer = claim(1, "The alliance of 30 members was founded in 1949", article, "supported")
    inner = claim(2, "founded in 1949 by 12 states", article, "contradicted")
    soup = BeautifulSoup(
        render_html(report(document(article, [outer, inner])), {7: article}), "lxml"
    )
    body = soup.select_one("div.text")
    assert body.find("mark", id="claim-1")["class"] == ["supported"]
    assert body.find("mark", id="claim-2")["class"] == ["contradicted"]
    assert body.find("mark", id="claim-2").get_text() == "founded in 1949"
    for note in body.select("sup"):
        note.decompose()
    assert body.get_text() == article


def test_a_claim_whose_offsets_miss_the_text_is_listed_not_highlighted() -> None:
    article = "The alliance has 30 members."
    stale = {**claim(1, "30 members", article, "supported"), "start": 0, "end": 3}
    soup = BeautifulSoup(render_html(report(document(article, [stale])), {7: article}), "lxml")
    assert soup.find("mark", id="claim-1") is None
    assert "not located in the article text" in soup.find(id="claim-1-detail").get_text()
    soup = BeautifulSoup(render_html(report(document(article, [stale])), {}), "lxml")
    assert "stored text was not available" in soup.get_text()


def test_evidence_shows_provenance_and_marks_the_matched_span() -> None:
    article = "The alliance has 30 members."
    passage = "By 2021 the alliance had 30 member states, up from 12."
    found = evidence(passage, passage.index("30"), passage.index(","))
    item = claim(1, "The alliance has 30 members.", article, "supported", evidence=[found])
    soup = BeautifulSoup(render_html(report(document(article, [item])), {7: article}), "lxml")
    [entry] = soup.select("li.evidence")
    assert entry.select_one("span.match").get_text() == "30 member states"
    assert not entry.select("mark")  # a supported claim: nothing differs
    assert entry.select_one("blockquote").get_text() == passage
    shown = entry.select_one("div.meta")
    folded = shown.details.extract().get_text()
    assert (
        shown.get_text(" ", strip=True)
        == "https://example.org/ref · fetched 2024-01-02 · match 88/100 ·"
    )
    for value in ("refs/page.html", "2024-01-02T03:04:05Z", "ab" * 32, "characters 125–141"):
        assert value in folded


def test_summary_lists_counts_assessment_and_dating() -> None:
    article = "It has 30 members. It had 12 in 1949. It will have 40."
    claims = [
        claim(1, "It has 30 members.", article, "supported"),
        claim(2, "It had 12 in 1949.", article, "contradicted"),
        claim(3, "It will have 40.", article, "unverified"),
    ]
    doc = document(
        article,
        claims,
        published=None,
        as_of="2021-11",
        as_of_source="inferred",
        inferred_date={"date": "2021-11", "reason": "events of November 2021", "evidence": []},
        assessment_reasons=["claim 2 is contradicted: 12 against 9"],
    )
    conflict = {
        "reason": "they count members differently",
        "claims": [{"source": "b.html", "id": 2, "text": "It had 12 in 1949.", "as_of": "1949"}],
    }
    soup = BeautifulSoup(render_html(report(doc, conflicts=[conflict]), {7: article}), "lxml")
    row = soup.select_one("table.summary tbody tr").get_text(" ")
    for expected in (
        "3 claims: 1 supported, 1 unverified, 1 contradicted",
        "dubious",
        "claim 2 is contradicted: 12 against 9",
        "no publication date",
        "judged as of 2021-11 (inferred)",
        "inferred date 2021-11: events of November 2021",
    ):
        assert expected in row, expected
    conflicts = soup.find(id="conflicts").get_text(" ")
    assert "they count members differently" in conflicts and "b.html" in conflicts


def test_fields_a_report_may_lack_are_optional() -> None:
    article = "It has 30 members."
    doc = document(article, [claim(1, "It has 30 members.", article, "supported")])
    page = render_html(report(doc), {7: article})  # no as_of, inferred_date, reasons, conflicts
    assert 'id="claim-1"' in page and 'id="conflicts"' not in page
    assert "no articles were checked" in render_html(report(), {})


def test_the_page_is_self_contained() -> None:
    page = hostile_page()
    assert_inert(page)
    assert page.startswith("<!DOCTYPE html>")
    style = BeautifulSoup(page, "lxml").style.get_text()
    assert "url(" not in style and "@import" not in style and "@font-face" not in style
    assert "Content-Security-Policy" in page  # a second line of defence


@pytest.fixture(scope="module")
def fixture_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], str]:
    """The fixture articles checked against the fixture references, as data and as HTML."""
    db = open_db(tmp_path_factory.mktemp("html") / "claims.db")
    data = report_data(run_check(db, ARTICLES, [str(FIXTURES / "references")]))
    return data, render(data, "html", texts=report_texts(db, data))


def test_fixture_report_highlights_every_claim_at_its_offsets(fixture_report) -> None:  # type: ignore[no-untyped-def]
    data, page = fixture_report
    soup = BeautifulSoup(page, "lxml")
    claims = [c for d in data["documents"] for c in d["claims"]]
    assert len(data["documents"]) == 2 and claims
    for item in claims:
        mark = soup.find("mark", id=f"claim-{item['id']}")
        assert mark is not None, item["id"]
        assert mark["class"] == [item["verdict"]] and mark.get_text() == item["text"]
    assert_inert(page)


def test_cli_writes_html(tmp_path: Path) -> None:
    output = tmp_path / "report.html"
    args = ["check", ARTICLES[0], "--ref", str(FIXTURES / "references"), "--format", "html"]
    result = CliRunner().invoke(cli, [*args, "--output", str(output)])
    assert result.exit_code in (0, 1), result.output
    page = output.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and 'class="text"' in page
    assert re.search(r'<mark class="(supported|contradicted|unverified)"[^>]* id="claim-\d+"', page)


# --- in a real browser ------------------------------------------------------------


@requires_chromium
def test_browser_renders_the_fixture_report_with_highlights(fixture_report, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data, page = fixture_report
    html_file = tmp_path / "report.html"
    html_file.write_text(page, encoding="utf-8")
    png = tmp_path / "report.png"
    screenshot(html_file, png, tmp_path / "profile", size=(1200, 3000), scale=0.5)
    width, height, colours = png_pixels(png)
    assert (width, height) == (600, 1500)
    assert len(colours) > 100  # text, borders and highlights, not a blank page
    first = {c["verdict"] for c in data["documents"][0]["claims"]}  # its text is near the top
    for verdict in first:
        assert HIGHLIGHT_COLOURS[verdict] in colours, verdict

    soup = BeautifulSoup(dump_dom(html_file, tmp_path / "profile"), "lxml")
    for item in (c for d in data["documents"] for c in d["claims"]):
        mark = soup.find("mark", id=f"claim-{item['id']}")
        assert mark is not None and mark["class"] == [item["verdict"]]
        assert mark.get_text() == item["text"]


HOSTILE_HTML = f"""<!DOCTYPE html>
<html><head><title>Alliance grows {ARTICLE_SCRIPT.replace("<", "&lt;")}</title>
<meta property="article:published_time" content="2023-05-02">
{ARTICLE_SCRIPT}</head><body><article>
<h1>Alliance grows {ARTICLE_SCRIPT.replace("<", "&lt;")}</h1>
<p>The alliance was founded in 1949 by twelve states {ARTICLE_SCRIPT.replace("<", "&lt;")}
and has grown since then to include many more members across Europe.</p>
<p>The treaty has 14 articles, officials said {ARTICLE_IMG.replace("<", "&lt;")} on Tuesday
in a statement to reporters.</p>
{ARTICLE_IMG}
<p>Critics say the expansion was rushed and that the new members were admitted without a
full debate in the parliaments of the existing members.</p>
</article></body></html>
"""
# Both payloads in each paragraph, whichever of them the matcher cites as evidence.
HOSTILE_REFERENCE = f"""The North Atlantic Treaty was signed in Washington in 1949 by twelve
founding states. {REFERENCE_SCRIPT} {REFERENCE_IMG}

The treaty has 14 articles. {REFERENCE_SCRIPT} {REFERENCE_IMG} It is a short document.
"""


def hostile_report(tmp_path: Path) -> Path:
    """`verify check --format html` on an article and a reference carrying markup:
    as real tags (the extractor drops them) and as text (&lt;script&gt; in the page)."""
    (tmp_path / "refs").mkdir()
    (tmp_path / "article.html").write_text(HOSTILE_HTML, encoding="utf-8")
    (tmp_path / "refs" / "treaty.txt").write_text(HOSTILE_REFERENCE, encoding="utf-8")
    output = tmp_path / "report.html"
    args = [str(tmp_path / "article.html"), "--ref", str(tmp_path / "refs"), "--format", "html"]
    result = CliRunner().invoke(cli, ["check", *args, "--output", str(output)])
    assert result.exit_code in (0, 1), result.output
    return output


def assert_nothing_ran(dom: str) -> None:
    soup = BeautifulSoup(dom, "lxml")
    assert soup.title.get_text() == "Verification report: 1 article"
    assert soup.find(id="pwned-article") is None and soup.find(id="pwned-reference") is None
    text = soup.get_text()
    for markup in (ARTICLE_SCRIPT, ARTICLE_IMG, REFERENCE_SCRIPT, REFERENCE_IMG):
        assert markup in text, markup  # shown as text
    assert soup.select("mark[id^=claim-]")


@requires_chromium
def test_browser_runs_nothing_from_a_hostile_article(tmp_path: Path) -> None:
    page = hostile_report(tmp_path)
    assert_nothing_ran(dump_dom(page, tmp_path / "profile"))


@requires_chromium
def test_escaping_alone_keeps_it_inert_without_the_csp(tmp_path: Path) -> None:
    page = hostile_report(tmp_path)
    html, removed = re.subn(
        r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page.read_text()
    )
    assert removed == 1
    bare = tmp_path / "bare.html"
    bare.write_text(html, encoding="utf-8")
    assert_nothing_ran(dump_dom(bare, tmp_path / "profile"))


@requires_chromium
def test_browser_would_show_the_payloads_if_they_ran(tmp_path: Path) -> None:
    """The control: the same markup unescaped does run in this browser set-up, so
    the absence of its traces above means escaping worked, not that nothing runs."""
    control = tmp_path / "control.html"
    control.write_text(f"<html><body>{ARTICLE_SCRIPT}{ARTICLE_IMG}</body></html>", encoding="utf-8")
    soup = BeautifulSoup(dump_dom(control, tmp_path / "profile"), "lxml")
    assert soup.title.get_text() == "PWNED-ARTICLE"
    assert soup.find(id="pwned-article") is not None
