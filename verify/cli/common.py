"""Options and helpers shared by every command module, and the group's error handling.

Command modules import this and the library, never each other."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click
import sqlite_utils

from verify.config import DB_ENV_VAR, DEFAULT_DB, FetchLimits
from verify.errors import INTERRUPTED_EXIT, VerifyError
from verify.store import is_sqlite_file, open_db

# The largest --max-bytes: a body is held in memory whole.
MAX_BODY_BYTES = 1024 * 1024 * 1024
# The largest claim id SQLite can store (a signed 64-bit integer).
MAX_ID = 2**63 - 1

F = TypeVar("F", bound=Callable[..., Any])

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


def fail(message: str, code: int = 2) -> NoReturn:
    click.echo(f"error: {message}", err=True)
    raise SystemExit(code)


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


# Click raises this (a UsageError whose message is the whole help) for a group
# called without a command; older versions print the help without raising.
NO_ARGS_IS_HELP: Any = getattr(click.exceptions, "NoArgsIsHelpError", ())


class VerifyGroup(click.Group):
    """Click's group, with usage errors on one line like every other error."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        try:
            code = super().main(*args, **kwargs)
        except NO_ARGS_IS_HELP as exc:
            exc.show()  # "verify" alone: the help, as click prints it
            raise SystemExit(exc.exit_code) from None
        except click.UsageError as exc:
            hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
            fail(f"{exc.format_message()}{hint}", exc.exit_code)
        except click.ClickException as exc:
            exc.show()
            raise SystemExit(exc.exit_code) from None
        except (click.Abort, KeyboardInterrupt):
            # Ctrl-C: what was being written was rolled back, the rest is intact.
            click.echo("interrupted", err=True)
            raise SystemExit(INTERRUPTED_EXIT) from None
        raise SystemExit(code if isinstance(code, int) else 0)
