"""The README is part of the interface: every command is documented with an
example, and the JSON report it shows has exactly the fields the code emits."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from verify.cli import COMMANDS, cli

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_two_commands() -> None:
    first_block = README.split("```")[1]
    commands = [line.split("#")[0].strip() for line in first_block.strip().splitlines()]
    assert commands == ["make demo", "make test"]


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_is_documented_with_an_example(name: str) -> None:
    assert f"### `verify {name}" in README
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output


def readme_json_contract() -> dict[str, Any]:
    block = re.search(r"#### The JSON report.*?```\n(.*?)```", README, re.S)
    assert block
    return json.loads(block.group(1))


def keys(value: Any, prefix: str = "") -> set[str]:
    """Every key path in a JSON value, the items of a list merged."""
    if isinstance(value, dict):
        found = set()
        for key, item in value.items():
            found.add(prefix + key)
            found |= keys(item, prefix + key + ".")
        return found
    if isinstance(value, list):
        return set().union(*(keys(item, prefix) for item in value))
    return set()


def test_readme_json_contract_matches_a_real_report(tmp_path: Path, fixtures_dir: Path) -> None:
    db = str(tmp_path / "c.db")
    pages = [str(fixtures_dir / "pages" / name) for name in ("article-a.html", "article-b.html")]
    checked = CliRunner().invoke(
        cli,
        [
            "check",
            *pages,
            "--ref",
            str(fixtures_dir / "references"),
            "--db",
            db,
            "--format",
            "json",
        ],
    )
    first = json.loads(checked.stdout)["documents"][0]["claims"][0]["id"]
    reviewed = CliRunner().invoke(cli, ["review", str(first), "--rating", "true", "--db", db])
    assert reviewed.exit_code == 0, reviewed.output
    report = json.loads(CliRunner().invoke(cli, ["report", "--db", db, "--format", "json"]).stdout)
    documented = keys(readme_json_contract())
    # The README writes the evidence of an inferred date as "as below".
    documented = {k for k in documented if not k.startswith("documents.inferred_date.evidence.")}
    found = {k for k in keys(report) if not k.startswith("documents.inferred_date.evidence.")}
    # The fixture articles speak from different dates, so they cannot conflict;
    # tests/test_asof.py checks a real conflict against the README's keys.
    assert found == {k for k in documented if not k.startswith("conflicts.")}
    # What check printed is the same report, before anybody reviewed a claim.
    printed = keys(json.loads(checked.stdout))
    printed = {k for k in printed if not k.startswith("documents.inferred_date.evidence.")}
    assert printed == {k for k in found if not k.startswith("documents.claims.review.")}


def test_readme_documents_every_table(tmp_path: Path) -> None:
    from verify.store import open_db

    db = open_db(tmp_path / "claims.db")
    for table in db.table_names():
        if table.startswith("_") or table.startswith("passages_fts_"):
            continue
        assert f"**`{table}`**" in README, table
