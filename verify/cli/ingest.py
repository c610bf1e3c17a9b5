"""`verify ingest`: fetch articles and store their text, metadata and claims."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from verify.cli.common import (
    all_sources,
    db_option,
    echo_json,
    echo_problems,
    fetch_limits,
    fetch_options,
    from_file_option,
    jobs_option,
    json_option,
    open_or_fail,
    stored_data,
    with_progress,
)
from verify.cli.conventions import echo_lines, nl_option
from verify.ingest import ingest
from verify.report import describe_stored


@click.command(name="ingest")
@click.argument("sources", nargs=-1)
@from_file_option
@db_option
@jobs_option
@fetch_options
@json_option
@nl_option
def ingest_command(
    sources: tuple[str, ...],
    from_file: Any,
    db_path: Path,
    jobs: int,
    max_bytes: int,
    timeout: float,
    analysis_timeout: float,
    as_json: bool,
    as_lines: bool,
) -> None:
    """Fetch articles and store their text, metadata and claims.

    SOURCE is an http(s) URL, a file (PDF too), or a directory (its .html, .htm
    and .txt files, sorted), or a reference such as wikipedia:en:Title@2021-11-15
    or wayback:URL@2021-11-15. --nl prints one JSON line per stored document
    (errors and warnings go to stderr as always).

    Exit status: 0 all ingested, 1 some failed, 2 none could be (or usage errors),
    130 interrupted.

    Example:

        verify ingest https://example.org/story.html fixtures/articles --db claims.db
    """
    wanted = all_sources(sources, from_file)
    db = open_or_fail(db_path)
    limits = fetch_limits(max_bytes, timeout, analysis_timeout)
    result = with_progress(
        "reading sources",
        lambda progress: ingest(db, wanted, limits=limits, jobs=jobs, progress=progress),
    )
    echo_problems(result.warnings, result.errors)
    if as_lines:
        echo_lines(vars(s) for s in result.stored)
    elif as_json:
        echo_json(stored_data(result))
    else:
        for stored in result.stored:
            click.echo(describe_stored(stored))
    raise SystemExit(result.exit_code)
