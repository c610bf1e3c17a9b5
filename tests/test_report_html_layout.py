"""The HTML report as a reviewer reads it: each claim's card beside its paragraph all
the way down a long article, the differing figure marked inside the evidence, each
passage once, provenance folded away, and reviewers' decisions in their own colours.
Checked on the page's markup, then in headless chromium: positions, computed styles
and a screenshot."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from browser import measure, png_pixels, requires_chromium, screenshot
from bs4 import BeautifulSoup
from click.testing import CliRunner
from test_report_html import claim as report_claim

from verify.cli import cli
from verify.report import DECISION_COLOURS, render_html
from verify.report.html_article import text_blocks

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
DECISIONS = ["true", "mostly-true", "misleading", "false", "unproven", None]  # None: needs work


def review(rating: str | None, **extra: Any) -> dict[str, Any]:
    return {
        "id": 1,
        "status": "rated" if rating else "needs-work",
        "rating": rating,
        "alias": None,
        "note": None,
        "reviewer": "ana",
        "decided_at": "2026-02-03T04:05:06Z",
        **extra,
    }


def evidence(passage: str, matched: str, **extra: Any) -> dict[str, Any]:
    start = passage.index(matched)
    return {
        "source": "refs/harbour.html",
        "url": None,
        "fetched_at": "2026-01-02T03:04:05Z",
        "sha256": "ef" * 32,
        "passage": passage,
        "passage_start": 500,
        "passage_end": 500 + len(passage),
        "start": 500 + start,
        "end": 500 + start + len(matched),
        "matched": matched,
        "score": 91.6,
        **extra,
    }


def claim(cid: int, text: str, article: str, verdict: str, **extra: Any) -> dict[str, Any]:
    """A claim as the report holds it, not reviewed unless ``extra`` says so."""
    return {**report_claim(cid, text, article, verdict), "findings": [], "review": None, **extra}


def page(article: str, claims: list[dict[str, Any]], **document: Any) -> str:
    doc = {
        "source": "articles/harbour.html",
        "document_id": 5,
        "url": None,
        "title": "Harbour news",
        "author": None,
        "publisher": None,
        "published": "2024-03-01",
        "sha256": "ab" * 32,
        "assessment": "dubious",
        "claims": claims,
        **document,
    }
    data = {"tool": {"name": "verify", "version": "t"}, "generated_at": "2026-01-01T00:00:00Z"}
    return render_html({**data, "run_id": 1, "documents": [doc]}, {5: article})


# A long article: twelve paragraphs, a claim in every other one, each claim with a
# long passage of evidence, so the cards are far taller than their paragraphs.
PARAGRAPHS = [
    f"Paragraph {n}: the harbour board met on day {n} and counted {n + 20} berths."
    if n % 2
    else f"Paragraph {n} is background about the harbour and its long history of trade."
    for n in range(1, 13)
]
LONG_ARTICLE = "\n\n".join(PARAGRAPHS)
LONG_PASSAGE = "The harbour has many berths. " * 12


def long_claims() -> list[dict[str, Any]]:
    found = []
    for n in range(1, 13, 2):
        text = f"counted {n + 20} berths."
        proof = evidence(LONG_PASSAGE + f"It counted {n + 21} berths.", f"counted {n + 21} berths")
        found.append(claim(n, text, LONG_ARTICLE, "supported", evidence=[proof]))
    return found


def test_the_text_is_cut_at_blank_lines_but_never_inside_a_claim() -> None:
    text = "One.\n\nTwo starts here.\n\nit goes on.\n\nThree."
    inside = {"id": 1, "text": "here.\n\nit goes", "start": text.index("here"), "end": 0}
    inside["end"] = inside["start"] + len(inside["text"])
    blocks = [text[a:b] for a, b in text_blocks(text, [inside])]
    assert blocks == ["One.", "Two starts here.\n\nit goes on.", "Three."]
    assert [text[a:b] for a, b in text_blocks(text, [])] == [
        "One.",
        "Two starts here.",
        "it goes on.",
        "Three.",
    ]


def test_each_card_is_in_the_row_of_its_paragraph() -> None:
    soup = BeautifulSoup(page(LONG_ARTICLE, long_claims()), "lxml")
    blocks = soup.select(".article > div.text")
    for note in soup.select(".article sup"):
        note.decompose()
    assert [b.get_text() for b in blocks] == PARAGRAPHS
    for block in blocks:
        cards = block.find_next_sibling("ol").select("li.claim")
        marks = block.select("mark[id]")
        assert [c["id"] for c in cards] == [f"{m['id']}-detail" for m in marks]


def test_the_differing_figure_is_marked_inside_the_evidence() -> None:
    article = "The board said the harbour has 26 berths."
    reason = "the claim says 26 berths, the reference says 27 berths as of 2024-03-01"
    proof = evidence("Built in 1990, the harbour has 27 berths today.", "the harbour has 27 berths")
    item = claim(
        1,
        "the harbour has 26 berths.",
        article,
        "contradicted",
        reasons=[reason],
        findings=[
            {"check": "value", "detail": "26 berths", "verdict": "contradicted", "reason": reason}
        ],
        evidence=[proof, {**proof, "start": proof["start"] + 4}],  # one passage, matched twice
    )
    soup = BeautifulSoup(page(article, [item]), "lxml")
    [entry] = soup.select("li.evidence")  # the passage once
    assert [m.get_text() for m in entry.select("mark.differs")] == ["27"]
    matched = "".join(m.get_text() for m in entry.select("span.match"))
    assert matched == "the harbour has 27 berths"
    assert entry.blockquote.get_text() == proof["passage"]


def test_provenance_is_folded_and_absent_fields_are_left_out() -> None:
    article = "The harbour has 27 berths."
    item = claim(
        1,
        "The harbour has 27 berths.",
        article,
        "supported",
        evidence=[evidence("It has 27 berths.", "27 berths")],
    )
    soup = BeautifulSoup(page(article, [item]), "lxml")
    for details in soup.select("details"):
        details.extract()
    shown = soup.select_one("section").get_text(" ")
    assert "—" not in shown  # no "url —", "author —" for what the article lacks
    assert "ab" * 32 not in shown and "ef" * 32 not in shown  # no whole sha256 in view
    assert "refs/harbour.html · fetched 2026-01-02 · match 92/100" in " ".join(shown.split())
    byline = soup.select_one("section p.meta")
    assert byline.code.find_next("code")["title"] == "sha256 " + "ab" * 32


def test_decisions_are_shown_each_in_its_own_colour() -> None:
    article = " ".join(f"Claim number {n} is here." for n in range(len(DECISIONS)))
    claims = [
        claim(
            n,
            f"Claim number {n} is here.",
            article,
            "unverified",
            review=review(rating, note=f"n{n}"),
        )
        for n, rating in enumerate(DECISIONS)
    ]
    soup = BeautifulSoup(page(article, claims), "lxml")
    shown = {
        d.find_parent("li")["id"]: (d["class"], d.strong.get_text())
        for d in soup.select("p.decision")
    }
    assert shown == {
        "claim-0-detail": (["decision", "true"], "True"),
        "claim-1-detail": (["decision", "mostly-true"], "Mostly true"),
        "claim-2-detail": (["decision", "misleading"], "Misleading"),
        "claim-3-detail": (["decision", "false"], "False"),
        "claim-4-detail": (["decision", "unproven"], "Unproven"),
        "claim-5-detail": (["decision", "needs-work"], "Needs work"),
    }
    third = soup.find(id="claim-3-detail").select_one("p.decision").get_text()
    assert third == "Reviewer: False, by ana on 2026-02-03T04:05:06Z: n3"
    style = soup.style.get_text()
    for key, (ink, paper) in DECISION_COLOURS.items():
        assert f".decision.{key} {{ color: {ink}; background: {paper};" in style
    assert len({paper for _, paper in DECISION_COLOURS.values()}) == len(DECISION_COLOURS)
    assert "5 rated by a reviewer" in soup.select_one("table.summary").get_text()


def test_a_claim_not_in_the_text_keeps_its_anchor_on_its_card() -> None:
    article = "The harbour has 27 berths."
    stale = {**claim(4, "27 berths", article, "supported"), "start": 0, "end": 2}
    soup = BeautifulSoup(page(article, [stale]), "lxml")
    anchor = soup.find(id="claim-4")
    assert anchor is not None and anchor.find_parent("li")["id"] == "claim-4-detail"


# --- in a real browser ------------------------------------------------------------

LAYOUT = """[...document.querySelectorAll('mark[id^="claim-"]')].map(mark => {
  const card = document.getElementById(mark.id + '-detail').getBoundingClientRect();
  const block = mark.closest('.text').getBoundingClientRect();
  return {id: mark.id, card: card.top, blockTop: block.top, blockBottom: block.bottom,
          mark: mark.getBoundingClientRect().top};
})"""


@requires_chromium
def test_browser_cards_sit_beside_their_sentences_down_a_long_article(tmp_path: Path) -> None:
    html = tmp_path / "long.html"
    html.write_text(page(LONG_ARTICLE, long_claims()), encoding="utf-8")
    rows = measure(html, tmp_path / "profile", LAYOUT)
    assert len(rows) == 6
    for row in rows:
        # Each card starts level with its paragraph, wherever it is on the page.
        assert abs(row["card"] - row["blockTop"]) < 2, row
        assert row["blockTop"] <= row["mark"] < row["blockBottom"], row
    assert rows[-1]["card"] > 2000  # far down the page: the cards are tall, the text kept pace


STYLES = """(() => {
  const match = getComputedStyle(document.querySelector('.match'));
  const differs = getComputedStyle(document.querySelector('mark.differs'));
  return {underline: match.textDecorationLine, border: match.borderBottomStyle,
          differs: differs.backgroundColor,
          decision: getComputedStyle(document.querySelector('p.decision.false')).backgroundColor};
})()"""


@requires_chromium
def test_browser_marks_the_figure_not_the_whole_passage(tmp_path: Path) -> None:
    article = "The board said the harbour has 26 berths."
    reason = "the claim says 26 berths, the reference says 27 berths"
    proof = evidence("Built in 1990, the harbour has 27 berths today.", "the harbour has 27 berths")
    item = claim(
        1, "the harbour has 26 berths.", article, "contradicted", reasons=[reason], evidence=[proof]
    )
    item["review"] = review("false")
    html = tmp_path / "styles.html"
    html.write_text(page(article, [item]), encoding="utf-8")
    styles = measure(html, tmp_path / "profile", STYLES)
    assert styles["underline"] == "none" and styles["border"] == "none"
    assert styles["differs"] == "rgb(255, 210, 77)"
    assert styles["decision"] == "rgb(251, 213, 213)"


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


@requires_chromium
def test_browser_paints_the_fixture_reviews_in_their_colours(tmp_path: Path) -> None:
    """The fixture articles checked, six of the first article's claims decided through
    `verify review`, the report written by `verify report`: a screenshot of its top."""
    db = str(tmp_path / "claims.db")
    runner = CliRunner()
    pages = [str(FIXTURES / "pages" / name) for name in ("article-a.html", "article-b.html")]
    refs = ["--ref", str(FIXTURES / "references")]
    checked = runner.invoke(cli, ["check", *pages, *refs, "--db", db, "--format", "json"])
    assert checked.exit_code in (0, 1), checked.output
    claims = json.loads(checked.stdout)["documents"][0]["claims"]
    for item, rating in zip(claims, DECISIONS, strict=False):
        decided = ["--rating", rating] if rating else ["--status", "needs-work"]
        assert runner.invoke(cli, ["review", str(item["id"]), *decided, "--db", db]).exit_code == 0
    html = tmp_path / "report.html"
    written = runner.invoke(cli, ["report", "--db", db, "--format", "html", "--output", str(html)])
    assert written.exit_code == 0, written.output
    png = tmp_path / "report.png"
    screenshot(html, png, tmp_path / "profile", size=(1200, 4000), scale=0.5)
    _, _, colours = png_pixels(png)
    for key, (_, paper) in DECISION_COLOURS.items():
        assert _rgb(paper) in colours, key
