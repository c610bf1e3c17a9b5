"""Options and helpers shared by every click command module."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, NoReturn

import click

from verify.config import DB_ENV_VAR, DEFAULT_DB

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


def echo_json(value: Any) -> None:
    click.echo(json.dumps(value, indent=2, ensure_ascii=False))


def existing_db(db_path: Path) -> Path:
    """Commands that only read refuse a missing database rather than create it."""
    if not db_path.exists():
        fail(f"{db_path}: no such database (run 'verify check' first)")
    return db_path
