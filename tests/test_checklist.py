"""The reviewer checklist: flagged claims first with the question to settle,
then unverified claims with what would settle them, then the desk's source
checks; decisions tick items; `verify checklist` on a real check run."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import click
import pytest
import sqlite_utils
from click.testing import CliRunner

from verify.cli.checklist import checklist_command
from verify.cli.review import review_command
from verify.errors import SourceError
from verify.judge import run_check
from verify.review import (
    ArticleChecklist,
    Checklist,
    build_checklist,
    cited_sources,
    load_checklist,
    render_checklist_html,
    render_checklist_markdown,
    what_would_settle,
)
from verify.store import open_db, record_review, review_history

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ARTICLE_B = str(FIXTURES / "pages" / "article-b.html")
ARTICLE_A_TEXT = str(FIXTURES / "articles" / "000_7ad785c25a2a454d.txt")
REFERENCES = str(FIXTURES / "references")


@click.group()
def cli() -> None:
    """The reviewer commands, as the main CLI registers them."""


cli.add_command(checklist_command)
cli.add_command(review_command)


@pytest.fixture(scope="module")
def checked_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("checklist") / "claims.db"
    run_check(open_db(path), [ARTICLE_B, ARTICLE_A_TEXT], [REFERENCES])
    db = sqlite_utils.Database(path)
    db.execute("pragma wal_checkpoint(truncate)")
    db.close()
    return path


@pytest.fixture
def db_file(checked_db: Path, tmp_path: Path) -> Path:
    """A copy of the checked database that a test may add reviews to."""
    path = tmp_path / "claims.db"
    shutil.copy(checked_db, path)
    return path


def article(checklist: Checklist, source: str) -> ArticleChecklist:
    [found] = [a for a in checklist.articles if a.source == source]
    return found


def claim_id(db: sqlite_utils.Database, words: str) -> int:
    [row] = db.query("select id from claims where text like ?", [f"%{words}%"])
    return int(row["id"])


def test_article_b_opens_with_the_contradicted_office_holders(db_file: Path) -> None:
    checklist = load_checklist(open_db(db_file), [ARTICLE_B])
    [found] = checklist.articles
    assert found.flagged[0].verdict == "contradicted"
    texts = [item.text for item in found.flagged[:2]]
    assert any("Grybauskaite, said" in t for t in texts)
    assert any("Jim Mattis" in t for t in texts)
    verdicts = [item.verdict for item in found.flagged]
    assert verdicts == sorted(verdicts, key=lambda v: v != "contradicted")
    assert any(gap.startswith("no publication date") for gap in found.gaps)


def test_flagged_items_carry_evidence_and_a_question(db_file: Path) -> None:
    found = article(load_checklist(open_db(db_file)), ARTICLE_B)
    for item in found.flagged:
        assert item.reasons
        assert item.evidence, item.text
        assert all(e.source.startswith(REFERENCES) and e.fetched_at for e in item.evidence)
        office = "Who held the office as of 2021-11 (the inferred date)? The references say:"
        if "Mattis" in item.text or "Grybauskaite" in item.text:
            # A contradicted time-bound check asks what held at the article's date.
            assert item.question.startswith(office)
            assert "Nausėda" in item.question or "Lloyd Austin" in item.question
        else:
            assert item.question.startswith("Does ") and "The reference says" in item.question


def test_unverified_items_say_what_would_settle_them(db_file: Path) -> None:
    found = article(load_checklist(open_db(db_file)), ARTICLE_B)
    assert found.unverified
    assert all(item.verdict == "unverified" for item in found.unverified)
    assert all(item.question.startswith("Would settle it: ") for item in found.unverified)
    quoted = [item for item in found.unverified if "“" in item.text]
    assert quoted and all("the original of" in item.question for item in quoted)


def checks_of(found: ArticleChecklist, pillar: str) -> list[str]:
    return [f"{c.question} {c.found}" for c in found.source_checks if c.pillar == pillar]


def test_the_desk_checks_are_filled_in(db_file: Path) -> None:
    checklist = load_checklist(open_db(db_file))
    undated = article(checklist, ARTICLE_B)
    pillars = {c.pillar for c in undated.source_checks}
    assert {"provenance", "source", "date", "location", "motivation", "trace"} <= pillars
    [date] = checks_of(undated, "date")
    assert "no publication date" in date
    assert "no byline" in " ".join(checks_of(undated, "source"))
    traced = " ".join(checks_of(undated, "trace"))
    assert "the Belarus defence ministry" in traced and "cited without a link" in traced
    assert "Find “very productive” (Mattis)" in traced
    plain = article(checklist, ARTICLE_A_TEXT)
    assert "Trace the Washington Examiner" in " ".join(checks_of(plain, "trace"))
    assert "(plain text: no links)" in " ".join(checks_of(plain, "trace"))
    assert "an anonymous European official" in " ".join(checks_of(plain, "source"))
    [published] = checks_of(plain, "date")
    assert "published 2022-02-24" in published


def test_a_decision_ticks_the_item_and_the_history_keeps_both(db_file: Path) -> None:
    db = open_db(db_file)
    mattis = claim_id(db, "Jim Mattis")
    record_review(db, mattis, "needs-work", note="find the call", reviewer="ana")
    [item] = [i for i in article(load_checklist(db), ARTICLE_B).flagged if i.claim_id == mattis]
    assert not item.ticked and item.decision and item.decision.rating is None
    record_review(db, mattis, "false", note="Austin was secretary", reviewer="ben")
    markdown = render_checklist_markdown(load_checklist(db, [ARTICLE_B]))
    linked = f"**contradicted** ([claim {mattis}](report.html#claim-{mattis}))"
    [line] = [x for x in markdown.splitlines() if linked in x]
    assert line.startswith("- [x] ")
    assert "decision: **False**, by ben on " in markdown and "Austin was secretary" in markdown
    assert [r["rating"] for r in review_history(db, mattis)] == [None, "false"]


def test_a_supported_claim_a_reviewer_disputes_is_flagged(db_file: Path) -> None:
    db = open_db(db_file)
    before = article(load_checklist(db), ARTICLE_B)
    crimea = claim_id(db, "annexed Ukraine’s Crimea")
    assert crimea not in [i.claim_id for i in before.flagged + before.unverified]
    record_review(db, crimea, "needs-work", note="which month?", reviewer="ana")
    after = article(load_checklist(db), ARTICLE_B)
    [item] = [i for i in after.flagged if i.claim_id == crimea]
    assert item.verdict == "supported" and not item.ticked
    assert after.supported == before.supported - 1
    record_review(db, crimea, "misleading", reviewer="ana")
    [item] = [i for i in article(load_checklist(db), ARTICLE_B).flagged if i.claim_id == crimea]
    assert item.ticked  # rated, though not true: still listed, with the rating
    record_review(db, crimea, "confirmed", reviewer="ana")  # the alias of "true"
    assert crimea not in [i.claim_id for i in article(load_checklist(db), ARTICLE_B).flagged]


def test_the_markdown_opens_with_the_flagged_claims(db_file: Path) -> None:
    markdown = render_checklist_markdown(load_checklist(open_db(db_file), [ARTICLE_B]))
    head, rest = markdown.split("### Flagged claims", 1)
    assert "**Missing:** no publication date" in head
    items = [line for line in rest.splitlines() if line.startswith("- [")]
    assert "Grybauskaite" in items[0] or "Mattis" in items[0]
    assert rest.index("### Unverified claims") < rest.index("### Source checks")


def hostile_report() -> dict[str, Any]:
    evil = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    evidence = {
        "source": "ref.html",
        "url": None,
        "fetched_at": "2026-01-01T00:00:00Z",
        "sha256": "0" * 64,
        "passage": evil,
        "passage_start": 0,
        "passage_end": len(evil),
        "start": 0,
        "end": len(evil),
        "matched": evil,
        "score": 50.0,
    }
    claim = {"id": 1, "sentence": evil, "text": evil, "start": 0, "end": 5, "kinds": []}
    document = {
        "source": "evil.html",
        "document_id": 1,
        "url": None,
        "title": evil,
        "author": evil,
        "publisher": None,
        "published": None,
        "sha256": "1" * 64,
        "as_of": None,
        "as_of_source": None,
        "inferred_date": None,
        "assessment": "dubious",
        "assessment_reasons": [],
        "claims": [
            {**claim, "verdict": "contradicted", "reasons": [evil], "evidence": [evidence]},
            {**claim, "id": 2, "verdict": "unverified", "reasons": [evil], "evidence": []},
        ],
    }
    return {"run_id": 1, "generated_at": "2026-01-01T00:00:00Z", "documents": [document]}


def test_the_html_checklist_escapes_everything_and_runs_nothing() -> None:
    slots = {2: {"quotations": [{"text": "<b>x</b>", "speaker": "<i>y</i>"}]}}
    reviews = {
        1: {"rating": "false", "reviewer": "<u>r</u>", "decided_at": "now", "note": "<s>n</s>"}
    }
    page = render_checklist_html(build_checklist(hostile_report(), slots, reviews))
    lowered = page.lower()
    for markup in ("<script", "<img", "<b>", "<i>", "<u>", "<s>", 'onerror="'):
        assert markup not in lowered, markup
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "default-src &#x27;none&#x27;" in page
    assert "http" not in lowered.replace("http-equiv", "")  # nothing fetched from elsewhere
    assert '<input type="checkbox" id="check-claim-1" checked>' in page  # rated false: ticked
    assert '<input type="checkbox" id="check-claim-2">' in page


def test_markdown_escapes_article_markup() -> None:
    markdown = render_checklist_markdown(build_checklist(hostile_report(), {}, {}))
    assert "<script>" not in markdown and "\\<script\\>" in markdown


def test_what_would_settle_follows_the_claims_details() -> None:
    slots = {
        "people": [{"name": "Ann Lee", "role": "minister", "organisation": "Ruritanian"}],
        "quantities": [{"text": "twelve ships"}],
        "attributions": [{"source": "a senior aide", "anonymous": True}],
        "provisions": [{"name": "Article 9"}],
    }
    settle = what_would_settle(slots, "2020-05-01")
    assert "a record that Ann Lee was Ruritanian minister as of 2020-05-01" in settle
    assert "a dated source for the count “twelve ships”" in settle
    assert "a named source, on the record, for what “a senior aide” said" in settle
    assert "the text of Article 9" in settle


def test_a_cited_outlet_with_a_link_is_not_reported_as_unlinked() -> None:
    document = {"claims": [{"id": 1, "verdict": "unverified"}, {"id": 2, "verdict": "unverified"}]}
    slots = {
        1: {"attributions": [{"source": "the Daily Planet", "anonymous": False}]},
        2: {
            "attributions": [{"source": "Ms Kent", "anonymous": False}],
            "people": [{"name": "Lois Kent", "role": None}],
        },
    }
    links = (("read the report", "https://www.dailyplanet.example/story"),)
    [check] = cited_sources(document, slots, links)  # a person is not an outlet to trace
    assert check.found == "linked: https://www.dailyplanet.example/story"
    [unlinked] = cited_sources(document, slots, (("home", "/"),))
    assert unlinked.found == "cited without a link"


def test_checklist_command_writes_markdown_and_html(db_file: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["checklist", "--db", str(db_file)])
    assert result.exit_code == 0, result.output
    assert result.stdout.count("\n## ") == 2
    out = tmp_path / "checklist.html"
    args = ["checklist", ARTICLE_B, "--db", str(db_file), "--format", "html", "--output", str(out)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0 and result.stdout == ""
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.count("<section>") == 1


def test_checklist_command_selects_by_directory(db_file: Path) -> None:
    args = ["checklist", str(FIXTURES / "articles"), "--db", str(db_file)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0
    assert result.stdout.count("\n## ") == 1 and "000_7ad785c25a2a454d.txt" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["checklist", "nowhere.html"], "nowhere.html: not an article of check run"),
        (["checklist", "--run", "99"], "no check run with id 99"),
    ],
)
def test_checklist_command_errors(db_file: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(cli, [*args, "--db", str(db_file)])
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_checklist_command_never_creates_a_database(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    result = CliRunner().invoke(cli, ["checklist", "--db", str(missing)])
    assert result.exit_code == 2 and "no such database" in result.stderr
    assert not missing.exists()


def test_review_then_checklist_through_the_commands(db_file: Path) -> None:
    db = open_db(db_file)
    grybauskaite = claim_id(db, "Dalia Grybauskaite, said")
    runner = CliRunner()
    review = ["review", str(grybauskaite), "--db", str(db_file), "--reviewer", "ana"]
    assert runner.invoke(cli, [*review, "--status", "needs-work"]).exit_code == 0
    assert runner.invoke(cli, [*review, "--status", "rejected", "--note", "wrong"]).exit_code == 0
    result = runner.invoke(cli, ["checklist", ARTICLE_B, "--db", str(db_file)])
    [line] = [x for x in result.stdout.splitlines() if f"** ([claim {grybauskaite}](" in x]
    assert line.startswith("- [x]")
    assert "**False** (given as “rejected”), by ana on " in result.stdout
    assert "wrong" in result.stdout
    assert len(review_history(db, grybauskaite)) == 2


def test_unknown_source_is_a_source_error(db_file: Path) -> None:
    with pytest.raises(SourceError):
        load_checklist(open_db(db_file), ["https://example.org/other"])
