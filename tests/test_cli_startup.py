"""`verify --help` loads none of the library (issue 14: it took 1.5 s), and lists each
command by the same short help the command itself gives."""

from __future__ import annotations

import subprocess
import sys

import click
import pytest

from verify.cli import COMMANDS, cli

HEAVY = ("httpx", "sqlite_utils", "bs4", "lxml", "rapidfuzz", "verify.store", "verify.judge")
PROBE = f"""
import sys
sys.argv = ["verify", "--help"]
from verify.__main__ import main
try:
    main()
except SystemExit:
    pass
print(",".join(m for m in {HEAVY!r} if m in sys.modules))
"""


def test_help_imports_none_of_the_library() -> None:
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    *help_lines, loaded = done.stdout.splitlines()
    assert "refs " in "\n".join(help_lines) and loaded == ""


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_the_listed_short_help_is_the_commands_own(name: str) -> None:
    command = cli.get_command(click.Context(cli), name)
    assert command is not None and command.help
    assert command.help.splitlines()[0] == COMMANDS[name][1]
