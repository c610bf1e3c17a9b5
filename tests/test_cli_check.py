"""`verify check` on the fixtures through click's CliRunner: the acceptance
cases, the JSON contract, the report formats, exit codes and the runs table."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils
from click.testing import CliRunner

from verify.cli import cli

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ARTICLE_A = "pages/article-a.html"
ARTICLE_B = "articles/002_4d51db6b0b5c6aac.txt"


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args))


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, dict[str, Any], Path]:
    db = tmp_path_factory.mktemp("check") / "claims.db"
    result = run(
        "check",
        str(FIXTURES / ARTICLE_A),
        str(FIXTURES / ARTICLE_B),
        "--ref",
        str(FIXTURES / "references"),
        "--db",
        str(db),
        "--format",
        "json",
    )
    return result.exit_code, json.loads(result.stdout), db


def document(report: dict[str, Any], suffix: str) -> dict[str, Any]:
    [found] = [d for d in report["documents"] if d["source"].endswith(suffix)]
    return found


def claim(doc: dict[str, Any], words: str) -> dict[str, Any]:
    [found] = [c for c in doc["claims"] if words in c["text"]]
    return found


def test_exit_status_flags_contradictions(checked) -> None:  # type: ignore[no-untyped-def]
    exit_code, _, _ = checked
    assert exit_code == 1


def test_json_contract(checked) -> None:  # type: ignore[no-untyped-def]
    _, report, _ = checked
    assert report["tool"]["name"] == "verify" and report["tool"]["version"]
    assert report["generated_at"].endswith("Z")
    assert len(report["documents"]) == 2  # references appear only as evidence
    for doc in report["documents"]:
        assert {"source", "url", "title", "published", "sha256", "assessment", "claims"} <= set(doc)
        assert doc["assessment"] in {"consistent", "dubious", "unverified"}
        for item in doc["claims"]:
            assert {"id", "sentence", "text", "start", "end", "kinds", "verdict", "reasons"} <= set(
                item
            )
            assert item["verdict"] in {"supported", "contradicted", "unverified"}
            assert item["reasons"]
            for ev in item["evidence"]:
                assert {"source", "url", "passage", "start", "end", "score"} <= set(ev)
                assert {"fetched_at", "sha256"} <= set(ev)


def test_a_quotation_supported_verbatim(checked) -> None:  # type: ignore[no-untyped-def]
    _, report, _ = checked
    quote = claim(document(report, ARTICLE_A), "The Parties will consult together")
    assert quote["verdict"] == "supported"
    assert "word for word" in " ".join(quote["reasons"])
    [evidence] = [e for e in quote["evidence"] if "consult together" in e["passage"]]
    assert evidence["source"].endswith("north-atlantic-treaty.txt")
    assert evidence["passage"][:12] == "The Parties "


def test_a_ukraine_and_article_5_supported(checked) -> None:  # type: ignore[no-untyped-def]
    _, report, _ = checked
    doc = document(report, ARTICLE_A)
    assert claim(doc, "which is not a member of NATO")["verdict"] == "supported"
    article_5 = claim(doc, "Article 5")
    assert article_5["verdict"] == "supported"
    assert "Article 5" in " ".join(article_5["reasons"])


def test_b_mutual_defence_contradicted(checked) -> None:  # type: ignore[no-untyped-def]
    _, report, _ = checked
    doc = document(report, ARTICLE_B)
    item = claim(doc, "mutual defence clauses")
    assert item["verdict"] == "contradicted"
    reason = " ".join(item["reasons"])
    assert "to Article 4; the reference describes that as Article 5" in reason
    assert "consultation" in reason
    assert doc["assessment"] == "dubious"


def test_runs_and_verdicts_recorded(checked) -> None:  # type: ignore[no-untyped-def]
    _, report, path = checked
    db = sqlite_utils.Database(path)
    [run_row] = list(db["runs"].rows)
    total = sum(len(d["claims"]) for d in report["documents"])
    assert run_row["claims"] == total == db["verdicts"].count
    assert run_row["finished"]
    arguments = json.loads(run_row["arguments"])
    assert arguments["format"] == "json" and len(arguments["sources"]) == 2
    assert run_row["contradicted"] >= 1
    assert db["evidence"].count > 0


def test_text_and_markdown_reports(tmp_path: Path, fixtures_dir: Path) -> None:
    refs = str(fixtures_dir / "references")
    article = str(fixtures_dir / ARTICLE_B)
    text = run("check", article, "--ref", refs)
    assert text.exit_code == 1
    assert "assessment: dubious" in text.stdout and "✗ contradicted" in text.stdout
    assert "\x1b[" not in text.stdout  # no colour when not a terminal
    out = tmp_path / "report.md"
    md = run("check", article, "--ref", refs, "--format", "markdown", "--output", str(out))
    assert md.exit_code == 1 and md.stdout == ""
    body = out.read_text(encoding="utf-8")
    assert body.startswith("# Verification report")
    assert "**contradicted**" in body


def test_no_contradiction_exits_0(tmp_path: Path, fixtures_dir: Path) -> None:
    article = tmp_path / "plain.txt"
    article.write_text("Quiet news\n\nThe committee met on 3 March 2020, a spokesman said.\n")
    result = run("check", str(article), "--ref", str(fixtures_dir / "references"))
    assert result.exit_code == 0, result.output


def test_input_errors_exit_2(tmp_path: Path, fixtures_dir: Path) -> None:
    result = run("check", str(tmp_path / "missing.txt"), "--ref", str(fixtures_dir / "references"))
    assert result.exit_code == 2
    assert "error: " in result.stderr and "Traceback" not in result.output
    assert run("check", str(fixtures_dir / ARTICLE_B)).exit_code == 2  # --ref is required
