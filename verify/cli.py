"""The command line: thin click commands over the library functions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, NoReturn

import click

from verify import __version__
from verify.config import DB_ENV_VAR, DEFAULT_DB, FetchLimits
from verify.errors import StoreError, VerifyError
from verify.ingest import ingest
from verify.listing import describe_stored, format_claims
from verify.store import list_claims, open_db

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


def fail(message: str, code: int = 2) -> NoReturn:
    click.echo(f"error: {message}", err=True)
    raise SystemExit(code)


def echo_json(value: Any) -> None:
    click.echo(json.dumps(value, indent=2, ensure_ascii=False))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="verify")
def cli() -> None:
    """Extract checkable claims from news articles and verify them against references.

    Example:

        verify ingest fixtures/articles && verify claims
    """


@cli.command(name="ingest")
@click.argument("sources", nargs=-1, required=True)
@db_option
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=FetchLimits.max_bytes,
    show_default=True,
    help="Refuse bodies larger than this many bytes.",
)
@json_option
def ingest_command(sources: tuple[str, ...], db_path: Path, max_bytes: int, as_json: bool) -> None:
    """Fetch articles and store their text, metadata and claims.

    SOURCE is an http(s) URL, a file, or a directory (its .html, .htm and .txt
    files, sorted). Exit status: 0 all ingested, 1 some failed, 2 none could be.

    Example:

        verify ingest https://example.org/story.html fixtures/articles --db claims.db
    """
    try:
        db = open_db(db_path)
        result = ingest(db, sources, limits=FetchLimits(max_bytes=max_bytes))
    except VerifyError as exc:
        fail(str(exc))
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    for error in result.errors:
        click.echo(f"error: {error}", err=True)
    if as_json:
        echo_json(
            {
                "stored": [vars(s) for s in result.stored],
                "errors": [str(e) for e in result.errors],
                "warnings": result.warnings,
            }
        )
    else:
        for stored in result.stored:
            click.echo(describe_stored(stored))
    raise SystemExit(result.exit_code)


@cli.command(name="claims")
@db_option
@json_option
def claims_command(db_path: Path, as_json: bool) -> None:
    """List the stored claims with their slots and provenance.

    Example:

        verify claims --json | jq '.[] | select(.kinds | index("quantity"))'
    """
    if not db_path.exists():
        fail(f"{db_path}: no such database (run 'verify ingest' first)")
    try:
        rows = list_claims(open_db(db_path))
    except StoreError as exc:
        fail(str(exc))
    if as_json:
        echo_json(rows)
    else:
        click.echo(format_claims(rows))
