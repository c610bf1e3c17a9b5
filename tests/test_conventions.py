"""What every command does the same way: exit statuses in --help, --json beside
--format json, --nl JSON Lines on the list commands, NO_COLOR and --no-color, a hint
for a web address typed without its scheme, and progress while reading sources.
Colour and progress bars appear only on a terminal, so those tests run the command
in a pseudo-terminal."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from verify.cli import cli
from verify.fetch.hints import url_hint
from verify.ingest import ingest
from verify.store import open_db

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ARTICLE_B = str(FIXTURES / "pages" / "article-b.html")
REFS = ["--ref", str(FIXTURES / "references")]
ANSI = "\x1b["


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args), prog_name="verify")


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("conventions") / "claims.db"
    assert run("check", ARTICLE_B, *REFS, "--db", str(db)).exit_code == 1
    return db


def _command_paths(group: click.Group = cli, parent: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command, a group's subcommands too ("refs list"). Asked through
    ``list_commands``: the group loads its commands lazily, so ``cli.commands`` is
    empty until one runs."""
    context = click.Context(group)
    paths: list[tuple[str, ...]] = []
    for name in group.list_commands(context):
        command = group.get_command(context, name)
        if isinstance(command, click.Group):
            paths += _command_paths(command, (*parent, name))
        paths.append((*parent, name))
    return paths


@pytest.mark.parametrize("path", _command_paths(), ids=" ".join)
def test_every_command_lists_its_exit_statuses(path: tuple[str, ...]) -> None:
    text = " ".join(run(*path, "--help").stdout.split())
    assert "Exit status: 0 " in text and " 2 " in text.split("Exit status:")[1]


@pytest.mark.parametrize("command", ["check", "report"])
def test_json_is_format_json(command: str, checked: Path) -> None:
    args = (
        ["report"] if command == "report" else ["check", str(FIXTURES / "pages" / "article-b.html")]
    )
    if command == "check":
        args += ["--ref", str(FIXTURES / "references")]
    by_flag = run(*args, "--db", str(checked), "--json")
    by_format = run(*args, "--db", str(checked), "--format", "json")
    strip = ("generated_at", "run_id")  # a check is a new run
    first, second = json.loads(by_flag.stdout), json.loads(by_format.stdout)
    assert {k: v for k, v in first.items() if k not in strip} == {
        k: v for k, v in second.items() if k not in strip
    }
    clash = run(*args, "--db", str(checked), "--json", "--format", "html")
    assert clash.exit_code == 2
    assert clash.stderr.startswith("error: --json and --format html ask for different output")
    assert clash.stderr.count("\n") == 1


def test_claims_nl_is_one_object_a_line(checked: Path) -> None:
    listed = json.loads(run("claims", "--db", str(checked), "--json").stdout)
    lines = run("claims", "--db", str(checked), "--nl").stdout.splitlines()
    assert len(lines) == len(listed) > 5
    assert [json.loads(line) for line in lines] == listed


def test_extract_nl_is_its_json_lines() -> None:
    pages = str(FIXTURES / "pages")
    by_nl = run("extract", pages, "--nl")
    assert by_nl.exit_code == 0
    lines = by_nl.stdout.splitlines()
    assert len(lines) > 1 and all(json.loads(line)["source"] for line in lines)
    assert by_nl.stdout == run("extract", pages, "--json").stdout


def test_ingest_nl_is_one_line_a_stored_document(tmp_path: Path) -> None:
    result = run("ingest", str(FIXTURES / "articles"), "--db", str(tmp_path / "c.db"), "--nl")
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"] for r in rows] == sorted(
        str(p) for p in (FIXTURES / "articles").glob("*.txt")
    )
    assert all(r["created"] and r["claims"] > 0 for r in rows)


def in_terminal(args: list[str], env: dict[str, str], stream: str = "stdout") -> str:
    """What ``verify ARGS`` writes to ``stream`` when that stream is a terminal."""
    controller, terminal = pty.openpty()
    streams = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, stream: terminal}
    command = [sys.executable, "-c", "from verify.cli import cli; cli()", *args]
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, env=env, **streams)
    os.close(terminal)
    written = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        written += chunk
    process.wait(timeout=120)
    os.close(controller)
    return written.decode("utf-8", "replace")


def environment(**changes: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    return {**env, **changes}


@pytest.mark.parametrize(
    ("extra", "env", "coloured"),
    [
        ([], {}, True),
        ([], {"NO_COLOR": "1"}, False),
        ([], {"NO_COLOR": ""}, True),  # present but empty: no-color.org says ignore it
        (["--no-color"], {}, False),
    ],
)
def test_colour_only_on_a_terminal_and_not_when_asked_for_none(
    checked: Path, extra: list[str], env: dict[str, str], coloured: bool
) -> None:
    shown = in_terminal(["report", "--db", str(checked), *extra], environment(**env))
    assert "contradicted" in shown
    assert (ANSI in shown) is coloured
    assert ANSI not in run("report", "--db", str(checked)).stdout  # not a terminal


def test_check_takes_no_color_too(tmp_path: Path) -> None:
    args = [
        "check",
        str(FIXTURES / "pages" / "article-b.html"),
        "--ref",
        str(FIXTURES / "references"),
    ]
    args += ["--db", str(tmp_path / "c.db")]
    assert ANSI in in_terminal(args, environment())
    assert ANSI not in in_terminal([*args, "--no-color"], environment())


def test_progress_while_reading_sources_on_a_terminal(tmp_path: Path) -> None:
    args = ["ingest", str(FIXTURES / "articles"), "--db", str(tmp_path / "c.db")]
    assert "reading sources" in in_terminal(args, environment(), stream="stderr")
    assert "reading sources" not in run(*args).stderr  # a pipe gets no bar


def test_ingest_tells_its_progress_after_each_source(tmp_path: Path) -> None:
    told: list[tuple[int, int]] = []
    sources = [str(FIXTURES / "articles"), str(tmp_path / "missing.txt")]
    result = ingest(open_db(tmp_path / "c.db"), sources, progress=lambda *p: told.append(p))
    files = len(list((FIXTURES / "articles").glob("*.txt")))
    assert told == [(n, files) for n in range(1, files + 1)]  # the missing one is no source
    assert len(result.stored) == files


@pytest.mark.parametrize(
    ("given", "hint"),
    [
        ("example.org", " (did you mean https://example.org?)"),
        ("news.example.co.uk/2024/story", " (did you mean https://news.example.co.uk/2024/story?)"),
        ("localhost:8000/page", " (did you mean https://localhost:8000/page?)"),
        ("notes.txt", ""),  # a missing file
        ("story.html", ""),
        ("fixtures/articles/none.txt", ""),
        ("../drafts", ""),
    ],
)
def test_a_web_address_without_its_scheme_gets_a_hint(given: str, hint: str) -> None:
    assert url_hint(given) == hint


def test_the_hint_is_in_the_one_line_error(tmp_path: Path) -> None:
    result = run("ingest", "example.org/story", "--db", str(tmp_path / "c.db"))
    assert result.exit_code == 2
    assert result.stderr == (
        "error: example.org/story: no such file or directory"
        " (did you mean https://example.org/story?)\n"
    )
