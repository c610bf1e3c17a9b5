"""`verify ingest`: fetch articles and store their text, metadata and claims."""

from __future__ import annotations

from pathlib import Path

import click

from verify.cli.common import db_option, echo_json, echo_problems, fail, json_option
from verify.cli.conventions import echo_lines, nl_option
from verify.cli.progress import Progress
from verify.config import FetchLimits
from verify.errors import VerifyError
from verify.ingest import ingest
from verify.report import describe_stored
from verify.store import open_db


@click.command(name="ingest")
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
@nl_option
def ingest_command(
    sources: tuple[str, ...], db_path: Path, max_bytes: int, as_json: bool, as_lines: bool
) -> None:
    """Fetch articles and store their text, metadata and claims.

    SOURCE is an http(s) URL, a file, or a directory (its .html, .htm and .txt
    files, sorted). --nl prints one JSON line per stored document (errors and
    warnings go to stderr as always).

    Exit status: 0 all ingested, 1 some failed, 2 none could be (or usage errors).

    Example:

        verify ingest https://example.org/story.html fixtures/articles --db claims.db
    """
    try:
        db = open_db(db_path)
        limits = FetchLimits(max_bytes=max_bytes)
        result = ingest(db, sources, limits=limits, progress=Progress("reading sources"))
    except VerifyError as exc:
        fail(str(exc))
    echo_problems(result.warnings, result.errors)
    if as_lines:
        echo_lines(vars(s) for s in result.stored)
    elif as_json:
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
