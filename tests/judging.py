"""Helpers for end-to-end judging tests: write an article, check it against
references through the real command line, and pick claims out of the JSON."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from verify.cli import cli

JUDGING = Path(__file__).resolve().parent.parent / "fixtures" / "judging"


def article(path: Path, title: str, body: str, date: str | None = None) -> Path:
    """An HTML article of paragraphs (``body`` split at blank lines), dated when asked."""
    dated = f"<p><time datetime='{date}'>{date}</time></p>" if date else ""
    paragraphs = "".join(f"<p>{p.strip()}</p>" for p in body.split("\n\n") if p.strip())
    path.write_text(
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>"
        "<meta name='author' content='Ada Finch'></head>"
        f"<body><article><h1>{title}</h1>{dated}{paragraphs}</article></body></html>",
        encoding="utf-8",
    )
    return path


def check(tmp_path: Path, *sources: Path, refs: list[Path], as_of: str | None = None) -> dict:
    args = ["check", *map(str, sources), "--format", "json", "--db", str(tmp_path / "claims.db")]
    for ref in refs:
        args += ["--ref", str(ref)]
    args += ["--as-of", as_of] if as_of else []
    result = CliRunner().invoke(cli, args)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def claims(report: dict) -> list[dict]:
    return [c for d in report["documents"] for c in d["claims"]]


def claim_with(report: dict, words: str) -> dict:
    found = [c for c in claims(report) if words in c["text"]]
    assert len(found) == 1, [c["text"] for c in claims(report)]
    return found[0]


def verdict(tmp_path: Path, sentence: str, refs: list[Path], date: str | None = None) -> dict:
    """The one claim a one-sentence article makes, judged against ``refs``."""
    source = article(tmp_path / "article.html", "Report", sentence, date)
    return claim_with(check(tmp_path, source, refs=refs), sentence[:30])
