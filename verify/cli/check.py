"""`verify check`: judge articles against references and print the report."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from verify.claims import FIRST_YEAR, LAST_YEAR
from verify.cli.common import (
    ProgressBar,
    all_sources,
    db_option,
    echo_problems,
    fail,
    fetch_limits,
    fetch_options,
    from_file_option,
    guard_output,
    jobs_option,
    open_or_fail,
    output_option,
    tag_option,
    write_output,
)
from verify.cli.conventions import chosen_format, json_format_option, no_color_option, use_color
from verify.errors import NothingToCheck, VerifyError
from verify.fetch import redact_url
from verify.judge import run_check
from verify.report import FORMATS, attach_reviews, render, report_data, report_texts


def _as_of_day(ctx: click.Context, param: click.Parameter, value: datetime | None) -> str | None:
    """The --as-of date, within the years dates are read in (a later one would
    overflow the date arithmetic of the checks)."""
    if value is None:
        return None
    day = value.date()
    if not date(FIRST_YEAR, 1, 1) <= day <= date(LAST_YEAR, 12, 31):
        raise click.BadParameter(f"{day.isoformat()} is not between {FIRST_YEAR} and {LAST_YEAR}")
    return day.isoformat()


@click.command(name="check")
@click.argument("sources", nargs=-1)
@from_file_option
@click.option(
    "--ref",
    "refs",
    multiple=True,
    help="Reference: a URL, file or dir, or wikidata:Q…, wikipedia:LANG:Title[@DATE], "
    "wayback:URL[@DATE]; added to the library (default: check against the whole library).",
)
@tag_option("Check against the library's references with this tag (repeat: any of them).")
@db_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@output_option
@click.option(
    "--as-of",
    "as_of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    callback=_as_of_day,
    help="Judge every claim as of this date instead of its article's publication date.",
)
@jobs_option
@fetch_options
@json_format_option
@no_color_option
def check_command(
    sources: tuple[str, ...],
    from_file: Any,
    refs: tuple[str, ...],
    tags: tuple[str, ...],
    db_path: Path,
    fmt: str,
    output: Path | None,
    as_of: str | None,
    jobs: int,
    max_bytes: int,
    timeout: float,
    analysis_timeout: float,
    as_json: bool,
    no_color: bool,
) -> None:
    """Check every claim of the articles against the references.

    The references are those given with --ref (fetched, and kept in the library)
    and the library's references with --tag; with neither, the whole library
    (`verify refs`). Exit status: 0 no claim contradicted, 1 some claim contradicted, 2 usage or
    input errors (no run is recorded when no article or no reference could be
    used), 130 interrupted.

    Example:

        verify check fixtures/pages/article-b.html --ref fixtures/references --format markdown
    """
    fmt = chosen_format(fmt, as_json)
    guard_output(output, db_path)
    sources = tuple(all_sources(sources, from_file))
    db = open_or_fail(db_path)
    arguments = {
        "sources": [redact_url(s) for s in sources],
        "refs": [redact_url(r) for r in refs],
        "tags": list(tags),
        "format": fmt,
        "db": str(db_path),
        "as_of": as_of,
    }
    limits = fetch_limits(max_bytes, timeout, analysis_timeout)
    progress = ProgressBar()
    try:
        result = run_check(
            db,
            sources,
            refs,
            arguments=arguments,
            as_of=as_of,
            limits=limits,
            progress=lambda done, total: progress("checking claims", done, total),
            tags=tags,
            jobs=jobs,
            reading_progress=progress,
        )
    except NothingToCheck as exc:
        progress.close()
        echo_problems([], exc.errors)
        fail(str(exc))
    except VerifyError as exc:
        progress.close()
        fail(str(exc))
    echo_problems(result.warnings, result.errors)
    data = attach_reviews(db, report_data(result))
    texts = report_texts(db, data) if fmt == "html" else None
    color = fmt == "text" and use_color(no_color, output)
    write_output(render(data, fmt, color=color, texts=texts), output)
    raise SystemExit(result.exit_code)
