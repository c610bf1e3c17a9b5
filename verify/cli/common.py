"""Options and helpers shared by every command module, and the group's error handling.

Command modules import this and the library, never each other."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click
import sqlite_utils

from verify.cli.group import VerifyGroup, fail
from verify.config import DB_ENV_VAR, DEFAULT_DB, DEFAULT_JOBS, MAX_JOBS, FetchLimits
from verify.errors import VerifyError
from verify.store import is_sqlite_file, open_db

if TYPE_CHECKING:  # not imported at run time: every command imports this module
    from verify.ingest import IngestResult

__all__ = ["VerifyGroup", "fail"]  # for the command modules, with what is defined here

# The largest --max-bytes: a body is held in memory whole.
MAX_BODY_BYTES = 1024 * 1024 * 1024
# The largest claim id SQLite can store (a signed 64-bit integer).
MAX_ID = 2**63 - 1

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")

db_option = click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=DEFAULT_DB,
    envvar=DB_ENV_VAR,
    show_default=True,
    help=f"SQLite database file (or set {DB_ENV_VAR}).",
)
json_option = click.option("--json", "as_json", is_flag=True, help="Output JSON.")
output_option = click.option(
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write the report to this file instead of stdout (never the database or any SQLite file).",
)


def echo_problems(warnings: Sequence[object], errors: Sequence[object]) -> None:
    """A run's warnings and per-source errors, one line each on stderr."""
    for warning in warnings:
        click.echo(f"warning: {warning}", err=True)
    for error in errors:
        click.echo(f"error: {error}", err=True)


def echo_json(value: Any) -> None:
    click.echo(json.dumps(value, indent=2, ensure_ascii=False))


run_option = click.option(
    "--run",
    "run_id",
    type=click.IntRange(min=1, max=MAX_ID),
    help="The check run to use (default: the latest that finished).",
)


def recorded_run_options(command: F) -> F:
    """--run and --db: the options of every command that reads a recorded run."""
    return run_option(db_option(command))


def open_existing(db_path: Path, *, read_only: bool = True) -> sqlite_utils.Database:
    """An existing database: a missing one is an error, never created. Commands that
    only read open it ``read_only``: never migrated, never written."""
    if not db_path.exists():
        fail(f"{db_path}: no such database (run 'verify check' first)")
    return open_or_fail(db_path, read_only=read_only)


def open_recorded(db_path: Path, output: Path | None) -> sqlite_utils.Database:
    """For a command that writes a recorded run to --output: the output checked
    first, then the database opened read-only."""
    guard_output(output, db_path)
    return open_existing(db_path)


def open_or_fail(db_path: Path, *, read_only: bool = False) -> sqlite_utils.Database:
    try:
        return open_db(db_path, read_only=read_only)
    except VerifyError as exc:
        fail(str(exc))


class Seconds(click.ParamType):
    """A time limit: more than 0 and at most a day (no nan, no inf)."""

    name = "seconds"
    MAX = 24 * 60 * 60

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> float:
        try:
            seconds = float(value)
        except (TypeError, ValueError):
            self.fail(f"{value!r} is not a number of seconds", param, ctx)
        if not 0 < seconds <= self.MAX:  # false for nan too
            self.fail(f"{value} is not more than 0 and at most {self.MAX} seconds", param, ctx)
        return seconds


SECONDS = Seconds()


def fetch_options(command: F) -> F:
    """--max-bytes, --timeout and --analysis-timeout: the limits on each source."""
    defaults = FetchLimits()
    options = (
        click.option(
            "--max-bytes",
            type=click.IntRange(min=1, max=MAX_BODY_BYTES),
            default=defaults.max_bytes,
            show_default=True,
            help=f"Refuse bodies larger than this many bytes (at most {MAX_BODY_BYTES}).",
        ),
        click.option(
            "--timeout",
            type=SECONDS,
            default=defaults.deadline,
            show_default=True,
            help="Seconds for a whole response (connect, headers, body) of each URL.",
        ),
        click.option(
            "--analysis-timeout",
            type=SECONDS,
            default=defaults.analysis_timeout,
            show_default=True,
            help="Seconds for reading one source's text and claims, so one slow page "
            "cannot hold up the others.",
        ),
    )
    for option in reversed(options):
        command = option(command)
    return command


def fetch_limits(max_bytes: int, timeout: float, analysis_timeout: float) -> FetchLimits:
    return FetchLimits(max_bytes=max_bytes, deadline=timeout, analysis_timeout=analysis_timeout)


def guard_output(output: Path | None, db_path: Path) -> None:
    """Refuse, before any work, an --output that would overwrite the database, its
    journal, or any SQLite file, or that cannot be written."""
    if output is None:
        return
    if _same_file(output, db_path) or any(
        _same_file(output, db_path.with_name(db_path.name + suffix))
        for suffix in ("-wal", "-shm", "-journal")
    ):
        fail(f"{output}: is the database (--db {db_path}); choose another --output")
    if output.is_file() and is_sqlite_file(output):
        fail(f"{output}: is a SQLite database; refusing to overwrite it with a report")
    folder = output.parent
    if not folder.is_dir():
        fail(f"{output}: cannot write (no such directory {folder})")
    if not os.access(folder, os.W_OK) or (output.exists() and not os.access(output, os.W_OK)):
        fail(f"{output}: cannot write (permission denied)")


def _same_file(a: Path, b: Path) -> bool:
    if a.exists() and b.exists():
        return os.path.samefile(a, b)
    return a.resolve() == b.resolve()


def write_output(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(f"{output}: cannot write ({exc.strerror or exc})")


jobs_option = click.option(
    "--jobs",
    type=click.IntRange(min=1, max=MAX_JOBS),
    default=DEFAULT_JOBS,
    show_default=True,
    help="Sources fetched at once (at most 8 from one host), and analysed at once "
    "where there are cores.",
)
from_file_option = click.option(
    "--from-file",
    "from_file",
    type=click.File("r", encoding="utf-8", lazy=True),
    help="Read sources from this file, one a line (blank lines skipped; - for stdin).",
)


def all_sources(sources: Sequence[str], from_file: Any) -> list[str]:
    """The SOURCE arguments, then the lines of --from-file; at least one of them."""
    found = list(sources)
    if from_file is not None:
        try:
            found += [line.strip() for line in from_file if line.strip()]
        except (OSError, UnicodeDecodeError) as exc:
            fail(f"{from_file.name}: cannot read the list of sources ({_short(exc)})")
        finally:
            from_file.close()
    if not found:
        fail("no sources: give SOURCE arguments or --from-file")
    return found


def _short(exc: BaseException) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return "not UTF-8 text"
    return (getattr(exc, "strerror", None) or str(exc)).lower()


class ProgressBar:
    """Progress bars on stderr, only when stderr is a terminal: one per stage
    (reading articles, reading references, checking claims)."""

    def __init__(self) -> None:
        self.bar: Any = None
        self.label = ""
        self.enabled = sys.stderr.isatty()

    def __call__(self, label: str, done: int, total: int) -> None:
        if not self.enabled or not total:
            return
        if self.bar is None or label != self.label:
            self.close()
            self.label = label
            self.bar = click.progressbar(length=total, label=label, file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(done - self.bar.pos)
        if done >= total:
            self.close()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


def stored_data(result: IngestResult) -> dict[str, Any]:
    """The --json of the commands that store sources (ingest, refs add and refresh)."""
    return {
        "stored": [vars(s) for s in result.stored],
        "errors": [str(e) for e in result.errors],
        "warnings": result.warnings,
    }


def with_progress(label: str, work: Callable[[Callable[[int, int], None]], T]) -> T:
    """``work`` with a progress bar (on a terminal), its errors one line each."""
    bar = ProgressBar()
    try:
        return work(lambda done, total: bar(label, done, total))
    except VerifyError as exc:
        fail(str(exc))
    finally:
        bar.close()


class Tag(click.ParamType):
    """A tag: a word or a few, no longer than 100 characters, with no control characters."""

    name = "tag"
    MAX = 100

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        tag = str(value).strip()
        if not tag or len(tag) > self.MAX or any(ord(c) < 32 or ord(c) == 127 for c in tag):
            self.fail(
                f"{value!r} is not a tag (1 to {self.MAX} characters, no control characters)",
                param,
                ctx,
            )
        return tag


def tag_option(help_text: str) -> Callable[[F], F]:
    return click.option("--tag", "tags", type=Tag(), multiple=True, help=help_text)
