"""`verify check`: judge articles against references and print the report."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from verify.cli.common import db_option, echo_problems, fail, output_option
from verify.cli.conventions import chosen_format, json_format_option, no_color_option, use_color
from verify.cli.progress import Progress
from verify.errors import VerifyError
from verify.judge import run_check
from verify.report import FORMATS, attach_reviews, render, report_data, report_texts
from verify.store import open_db


@click.command(name="check")
@click.argument("sources", nargs=-1, required=True)
@click.option("--ref", "refs", multiple=True, required=True, help="Reference URL, file or dir.")
@db_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@output_option
@click.option(
    "--as-of",
    "as_of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Judge every claim as of this date instead of its article's publication date.",
)
@json_format_option
@no_color_option
def check_command(
    sources: tuple[str, ...],
    refs: tuple[str, ...],
    db_path: Path,
    fmt: str,
    output: Path | None,
    as_of: datetime | None,
    as_json: bool,
    no_color: bool,
) -> None:
    """Check every claim of the articles against the references.

    Exit status: 0 no claim contradicted, 1 some claim contradicted, 2 usage or
    input errors.

    Example:

        verify check fixtures/pages/article-b.html --ref fixtures/references --format markdown
    """
    fmt = chosen_format(fmt, as_json)
    try:
        db = open_db(db_path)
        day = as_of.date().isoformat() if as_of else None
        arguments = {
            "sources": sources,
            "refs": refs,
            "format": fmt,
            "db": str(db_path),
            "as_of": day,
        }
        result = run_check(
            db,
            sources,
            refs,
            arguments=arguments,
            as_of=day,
            progress=Progress("checking claims"),
            reading=Progress("reading sources"),
        )
    except VerifyError as exc:
        fail(str(exc))
    echo_problems(result.warnings, result.errors)
    data = attach_reviews(db, report_data(result))
    texts = report_texts(db, data) if fmt == "html" else None
    color = fmt == "text" and use_color(no_color, output)
    if output:
        output.write_text(render(data, fmt, color=False, texts=texts), encoding="utf-8")
    else:
        click.echo(render(data, fmt, color=color, texts=texts), nl=False)
    raise SystemExit(result.exit_code)
