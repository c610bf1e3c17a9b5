"""`verify report`: print a recorded run's report again, from the database alone."""

from __future__ import annotations

from pathlib import Path

import click

from verify.cli.common import (
    fail,
    open_recorded,
    output_option,
    recorded_run_options,
    write_output,
)
from verify.cli.conventions import chosen_format, json_format_option, no_color_option, use_color
from verify.errors import VerifyError
from verify.report import FORMATS, load_report, render, report_texts


@click.command(name="report")
@recorded_run_options
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@output_option
@json_format_option
@no_color_option
def report_command(
    run_id: int | None,
    db_path: Path,
    fmt: str,
    output: Path | None,
    as_json: bool,
    no_color: bool,
) -> None:
    """Print the report of a recorded check run again, from the database alone.

    Nothing is fetched or judged again: the verdicts, reasons and evidence are
    the ones the run recorded; reviewers' decisions are read as they are now.

    Exit status: 0 printed, 2 no such database, an unknown run, or usage errors.

    Example:

        verify report --format markdown --output report.md
    """
    fmt = chosen_format(fmt, as_json)
    db = open_recorded(db_path, output)
    try:
        data = load_report(db, run_id)
    except VerifyError as exc:
        fail(str(exc))
    color = fmt == "text" and use_color(no_color, output)
    texts = report_texts(db, data) if fmt == "html" else None
    write_output(render(data, fmt, color=color, texts=texts), output)
