"""`verify claims`: list the stored claims."""

from __future__ import annotations

from pathlib import Path

import click

from verify.cli.common import db_option, echo_json, fail, json_option, open_existing
from verify.cli.conventions import echo_lines, nl_option
from verify.errors import StoreError
from verify.report import format_claims
from verify.store import list_claims


@click.command(name="claims")
@db_option
@json_option
@nl_option
def claims_command(db_path: Path, as_json: bool, as_lines: bool) -> None:
    """List the stored claims with their slots and provenance.

    --json prints one JSON list, --nl one JSON object per line (JSON Lines).

    Exit status: 0 listed (none stored is not an error), 2 no such database.

    Example:

        verify claims --json | jq '.[] | select(.kinds | index("quantity"))'
    """
    db = open_existing(db_path)
    try:
        rows = list_claims(db)
    except StoreError as exc:
        fail(str(exc))
    if as_lines:
        echo_lines(rows)
    elif as_json:
        echo_json(rows)
    else:
        click.echo(format_claims(rows))
