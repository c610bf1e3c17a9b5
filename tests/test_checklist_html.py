"""The HTML checklist a reviewer works in: boxes that tick, each claim linked to its
place in the HTML report of the same run, and decisions in their own colours; then
the same in headless chromium, next to the report `verify report` wrote."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from browser import measure, png_pixels, requires_chromium, screenshot
from bs4 import BeautifulSoup
from click.testing import CliRunner
from test_report_html_layout import DECISIONS, _rgb

from verify.cli import cli
from verify.report import DECISION_COLOURS

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ARTICLE_B = str(FIXTURES / "pages" / "article-b.html")


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[int, str | None]]:
    """Article B checked, its listed claims decided one way each, the report and the
    checklist written side by side as `make demo` writes them."""
    folder = tmp_path_factory.mktemp("checklist")
    db = str(folder / "claims.db")
    runner = CliRunner()
    args = ["check", ARTICLE_B, "--ref", str(FIXTURES / "references"), "--db", db]
    checked = runner.invoke(cli, [*args, "--format", "json"])
    assert checked.exit_code == 1, checked.output
    claims = json.loads(checked.stdout)["documents"][0]["claims"]
    listed = [c["id"] for c in claims if c["verdict"] != "supported"]  # what the list shows
    decided = dict(zip(listed, DECISIONS, strict=False))
    assert len(decided) == len(DECISIONS)
    for claim_id, rating in decided.items():
        decision = ["--rating", rating] if rating else ["--status", "needs-work"]
        assert runner.invoke(cli, ["review", str(claim_id), *decision, "--db", db]).exit_code == 0
    for command in (["report", "--format", "html"], ["checklist", "--format", "html"]):
        name = f"{command[0]}.html"
        done = runner.invoke(cli, [*command, "--db", db, "--output", str(folder / name)])
        assert done.exit_code == 0, done.output
    return folder, decided


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def test_every_box_can_be_ticked_and_has_a_label(reviewed) -> None:  # type: ignore[no-untyped-def]
    folder, decided = reviewed
    soup = soup_of(folder / "checklist.html")
    boxes = soup.select("input[type=checkbox]")
    assert boxes and not [b for b in boxes if b.has_attr("disabled")]
    ids = [b["id"] for b in boxes]
    assert len(set(ids)) == len(ids)
    assert {label["for"] for label in soup.select("label[for]")} == set(ids)
    ticked = {b["id"] for b in boxes if b.has_attr("checked")}
    rated = {f"check-claim-{i}" for i, rating in decided.items() if rating}
    assert ticked == rated  # a rating ticks the item; needs-work leaves it open


def test_each_claim_links_to_its_anchor_in_the_report(reviewed) -> None:  # type: ignore[no-untyped-def]
    folder, decided = reviewed
    links = [a["href"] for a in soup_of(folder / "checklist.html").select("li[id^=item-] a")]
    for claim_id in decided:
        assert f"report.html#claim-{claim_id}" in links
    report = soup_of(folder / "report.html")
    for link in {href for href in links if href.startswith("report.html#")}:
        assert report.find(id=link.split("#")[1]) is not None, link


def test_the_report_url_is_an_option(reviewed, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder, decided = reviewed
    db = str(folder / "claims.db")
    claim_id = next(iter(decided))
    runner = CliRunner()
    result = runner.invoke(
        cli, ["checklist", "--db", db, "--report-url", "https://desk.example/r1#top"]
    )
    assert f"[claim {claim_id}](https://desk.example/r1#claim-{claim_id})" in result.stdout
    bare = runner.invoke(cli, ["checklist", "--db", db, "--format", "html", "--report-url", ""])
    assert BeautifulSoup(bare.stdout, "lxml").select("li[id^=item-] a") == []
    assert f"(claim {claim_id}):" in bare.stdout


def test_decisions_have_their_own_colours(reviewed) -> None:  # type: ignore[no-untyped-def]
    folder, decided = reviewed
    soup = soup_of(folder / "checklist.html")
    keys = {i: rating or "needs-work" for i, rating in decided.items()}
    shown = {
        int(p.find_parent("li")["id"].split("-")[1]): p["class"][1]
        for p in soup.select("p.decision")
    }
    assert shown == keys
    style = soup.style.get_text()
    for key, (ink, paper) in DECISION_COLOURS.items():
        assert f".decision.{key} {{ color: {ink}; background: {paper};" in style


# --- in a real browser ------------------------------------------------------------

CLICKS = """[...document.querySelectorAll('input[type=checkbox]')].map(box => {
  const before = box.checked;
  box.click();
  const clicked = box.checked;
  document.querySelector(`label[for="${box.id}"]`).click();
  return [before, clicked, box.checked];
})"""


@requires_chromium
def test_browser_ticks_every_box_by_the_box_or_its_label(reviewed, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder, _ = reviewed
    states = measure(folder / "checklist.html", tmp_path / "profile", CLICKS)
    assert states
    assert all(clicked != before and after == before for before, clicked, after in states)


TARGETS = """[...document.querySelectorAll('[id^="claim-"]')].map(node => node.id)"""


@requires_chromium
def test_browser_finds_every_linked_claim_in_the_report(reviewed, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder, decided = reviewed
    links = [
        a["href"] for a in soup_of(folder / "checklist.html").select("a[href^='report.html#']")
    ]
    targets = set(measure(folder / "report.html", tmp_path / "profile", TARGETS))
    assert {f"claim-{i}" for i in decided} <= {link.split("#")[1] for link in links} <= targets


@requires_chromium
def test_browser_paints_each_decision_in_its_colour(reviewed, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder, _ = reviewed
    png = tmp_path / "checklist.png"
    screenshot(folder / "checklist.html", png, tmp_path / "profile", size=(1000, 6000), scale=0.5)
    _, _, colours = png_pixels(png)
    for key, (_, paper) in DECISION_COLOURS.items():
        assert _rgb(paper) in colours, key
    assert (0xEE, 0xF6, 0xEE) not in colours  # the one green every decision once had
