"""What every command does the same way: colour (NO_COLOR, --no-color) and machine
output (--json, and --nl for JSON Lines on list commands). Each command's help ends
with its exit statuses ("Exit status: 0 ..., 2 ...").

Command modules import this beside ``verify.cli.common``.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

# https://no-color.org: present and not empty means no colour, whatever its value.
NO_COLOR_ENV_VAR = "NO_COLOR"

no_color_option = click.option(
    "--no-color",
    "no_color",
    is_flag=True,
    help=f"No colour, even on a terminal (or set {NO_COLOR_ENV_VAR}).",
)
nl_option = click.option(
    "--nl", "as_lines", is_flag=True, help="Output JSON Lines: one JSON object per line."
)


def use_color(no_color: bool, output: Path | None = None) -> bool:
    """Colour only on a terminal, never into a file, and not when asked for none."""
    if no_color or os.environ.get(NO_COLOR_ENV_VAR):
        return False
    return output is None and sys.stdout.isatty()


def json_format_option(command: F) -> F:
    """--json: the same as --format json, as on every command with machine output."""
    return click.option(
        "--json", "as_json", is_flag=True, help="Output JSON (the same as --format json)."
    )(command)


def chosen_format(fmt: str, as_json: bool) -> str:
    """The --format to use: --json means json, and contradicts any other --format."""
    if not as_json:
        return fmt
    source = click.get_current_context().get_parameter_source("fmt")
    if fmt != "json" and source is not click.core.ParameterSource.DEFAULT:
        raise click.UsageError(f"--json and --format {fmt} ask for different output")
    return "json"


def echo_lines(rows: Iterable[Any]) -> None:
    """JSON Lines: each row as one line of compact JSON."""
    for row in rows:
        click.echo(json.dumps(row, ensure_ascii=False))
