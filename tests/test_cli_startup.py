"""`verify --help` loads none of the library (issue 14: it took 1.5 s), and lists each
command by the same short help the command itself gives."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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


READERS = ("verify.claims", "verify.extract", "verify.facts", "trafilatura", "bs4")
ADD_AGAIN = """
import sys
from verify.__main__ import main
sys.argv = ["verify", "refs", "add", {page!r}, "--db", {db!r}]
try:
    main()
except SystemExit:
    pass
print(",".join(m for m in {readers!r} if m in sys.modules))
"""


def test_adding_stored_pages_again_loads_no_reader(fixtures_dir: Path, tmp_path: Path) -> None:
    # Fetching starts before anything reads a page, and pages whose bytes are stored
    # are never read again: such a run loads no extractor and compiles no claim pattern.
    page, db = str(fixtures_dir / "references" / "office-holders.html"), str(tmp_path / "l.db")
    for expected in ("verify.claims,verify.extract,verify.facts", ""):
        probe = ADD_AGAIN.format(page=page, db=db, readers=READERS)
        done = subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.splitlines()[-1].startswith(expected), done.stdout
