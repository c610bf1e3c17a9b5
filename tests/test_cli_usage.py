"""Usage errors are one line on stderr with exit status 2, like every other error."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from verify.cli import cli
from verify.config import DB_ENV_VAR


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args), prog_name="verify")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check"], "error: no sources: give SOURCE arguments or --from-file"),
        (["refs", "add", "--tag", ""], "error: Invalid value for '--tag'"),
        (
            ["check", "a.txt", "--ref", "r", "--as-of", "2022-13-01"],
            "error: Invalid value for '--as-of': '2022-13-01' does not match the format "
            "'%Y-%m-%d'. (see 'verify check --help')",
        ),
        (["frobnicate"], "error: No such command 'frobnicate'. (see 'verify --help')"),
        (["review", "x", "--status", "confirmed"], "error: Invalid value for 'CLAIM_ID'"),
    ],
)
def test_usage_errors_are_one_line(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr.startswith(message)
    assert result.stderr.count("\n") == 1
    assert not Path(os.environ[DB_ENV_VAR]).exists()  # nothing was opened


def test_help_and_version_still_exit_zero() -> None:
    assert run("--version").exit_code == 0
    result = run("check", "--help")
    assert result.exit_code == 0 and "Usage: verify check" in result.stdout


def test_no_command_prints_the_help() -> None:
    result = run()
    assert "Commands:" in result.output
