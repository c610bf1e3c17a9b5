"""Options and helpers shared by every command module, and the group's error handling.

Command modules import this and the library, never each other."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click
import sqlite_utils

from verify.config import DB_ENV_VAR, DEFAULT_DB
from verify.errors import VerifyError
from verify.store import open_db

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
    help="Write the report to this file instead of stdout.",
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


def _existing_db(db_path: Path) -> Path:
    """Commands that only read refuse a missing database rather than create it."""
    if not db_path.exists():
        fail(f"{db_path}: no such database (run 'verify check' first)")
    return db_path


run_option = click.option(
    "--run",
    "run_id",
    type=click.IntRange(min=1),
    help="The check run to use (default: the latest that finished).",
)


def recorded_run_options(command: F) -> F:
    """--run and --db: the options of every command that reads a recorded run."""
    return run_option(db_option(command))


def open_existing(db_path: Path) -> sqlite_utils.Database:
    """An existing database, migrated; a missing one is an error, never created."""
    try:
        return open_db(_existing_db(db_path))
    except VerifyError as exc:
        fail(str(exc))


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
        except click.Abort:
            click.echo("Aborted!", err=True)
            raise SystemExit(1) from None
        raise SystemExit(code if isinstance(code, int) else 0)
