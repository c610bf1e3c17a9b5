"""`verify checklist`: the reviewer's checklist for the articles of a run."""

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
from verify.errors import VerifyError
from verify.fetch import redact_url
from verify.review import (
    REPORT_URL,
    load_checklist,
    render_checklist_html,
    render_checklist_markdown,
)

CHECKLIST_FORMATS = ("markdown", "html")


@click.command(name="checklist")
@click.argument("sources", nargs=-1)
@recorded_run_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(CHECKLIST_FORMATS),
    default="markdown",
    show_default=True,
)
@output_option
@click.option(
    "--report-url",
    default=REPORT_URL,
    show_default=True,
    help="The HTML report of the same run (verify report --format html), relative to the "
    "checklist or absolute: each claim links to its anchor there. '' for no links.",
)
def checklist_command(
    sources: tuple[str, ...],
    run_id: int | None,
    db_path: Path,
    fmt: str,
    output: Path | None,
    report_url: str,
) -> None:
    """Print the reviewer's checklist for the articles of a check run.

    Per article: the flagged claims with the question that settles each, the
    unverified claims with what would settle them, then the desk's source
    checks (provenance, source, date, location, motivation; tracing cited
    sources and quotations to their original). Claims a reviewer rated are
    ticked, with the rating; each claim links to its place in the HTML report.
    SOURCE picks articles of the run by source as given, URL, or directory.

    Exit status: 0 written, 2 no such database, an unknown run, or a SOURCE that
    is not an article of the run.

    Example:

        verify checklist fixtures/pages/article-b.html --format html > checklist.html
    """
    db = open_recorded(db_path, output)
    try:
        # Sources are stored without credentials (see verify.fetch.redact_url).
        checklist = load_checklist(db, [redact_url(s) for s in sources], run_id)
    except VerifyError as exc:
        fail(str(exc))
    if fmt == "html":
        write_output(render_checklist_html(checklist, report_url), output)
    else:
        write_output(render_checklist_markdown(checklist, report_url), output)
