"""The reviewer's commands: re-render a recorded run, record decisions on
claims, and print the checklist to work through.

Registered on the main group with ``cli.add_command``; each is a thin click
function over ``verify.report.stored``, ``verify.reviews`` and
``verify.checklist``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click
import sqlite_utils

from verify.checklist import load_checklist
from verify.checklist_html import render_checklist_html
from verify.checklist_markdown import render_checklist_markdown
from verify.cli_common import db_option, echo_json, existing_db, fail, json_option, output_option
from verify.errors import VerifyError
from verify.report import FORMATS, render, report_texts
from verify.report.stored import load_report
from verify.reviews import record_review, review_history
from verify.schema import REVIEW_STATUSES
from verify.store import open_db

CHECKLIST_FORMATS = ("markdown", "html")

run_option = click.option(
    "--run",
    "run_id",
    type=click.IntRange(min=1),
    help="The check run to use (default: the latest that finished).",
)


def open_existing(db_path: Path) -> sqlite_utils.Database:
    """An existing database, migrated; a missing one is an error, never created."""
    try:
        return open_db(existing_db(db_path))
    except VerifyError as exc:
        fail(str(exc))


def write_output(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(f"{output}: cannot write ({exc.strerror or exc})")


@click.command(name="report")
@run_option
@db_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@output_option
def report_command(run_id: int | None, db_path: Path, fmt: str, output: Path | None) -> None:
    """Print the report of a recorded check run again, from the database alone.

    Nothing is fetched or judged again: the verdicts, reasons and evidence are
    the ones the run recorded.

    Example:

        verify report --format markdown --output report.md
    """
    db = open_existing(db_path)
    try:
        data = load_report(db, run_id)
    except VerifyError as exc:
        fail(str(exc))
    color = output is None and fmt == "text" and sys.stdout.isatty()
    texts = report_texts(db, data) if fmt == "html" else None
    write_output(render(data, fmt, color=color, texts=texts), output)


@click.command(name="review")
@click.argument("claim_id", type=int)
@click.option("--status", type=click.Choice(REVIEW_STATUSES), required=True)
@click.option("--note", help="Why: what was checked, and against what.")
@click.option("--reviewer", help="Who decided (default: $VERIFY_REVIEWER, else the login name).")
@db_option
@json_option
def review_command(
    claim_id: int,
    status: str,
    note: str | None,
    reviewer: str | None,
    db_path: Path,
    as_json: bool,
) -> None:
    """Record a reviewer's decision on a claim (the ids of `verify claims`).

    Decisions are appended, never overwritten: the claim's history is the
    audit trail, and its latest decision shows in `verify checklist`.

    Example:

        verify review 3 --status rejected --note "Mattis left office in January 2019"
    """
    db = open_existing(db_path)
    try:
        row = record_review(db, claim_id, status, note=note, reviewer=reviewer)
        history = review_history(db, claim_id)
    except VerifyError as exc:
        fail(str(exc))
    if as_json:
        echo_json({"review": row, "history": history})
        return
    click.echo(_decision_line(row))
    if len(history) > 1:
        click.echo(f"history of claim {claim_id} ({len(history)} decisions):")
        for earlier in history:
            click.echo(f"  {_decision_line(earlier)}")


def _decision_line(row: dict[str, Any]) -> str:
    line = f"claim {row['claim_id']}: {row['status']} by {row['reviewer']} at {row['decided_at']}"
    return line + (f" — {row['note']}" if row["note"] else "")


@click.command(name="checklist")
@click.argument("sources", nargs=-1)
@run_option
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(CHECKLIST_FORMATS),
    default="markdown",
    show_default=True,
)
@output_option
def checklist_command(
    sources: tuple[str, ...], run_id: int | None, db_path: Path, fmt: str, output: Path | None
) -> None:
    """Print the reviewer's checklist for the articles of a check run.

    Per article: the flagged claims with the question that settles each, the
    unverified claims with what would settle them, then the desk's source
    checks (provenance, source, date, location, motivation; tracing cited
    sources and quotations to their original). Decided claims are ticked.
    SOURCE picks articles of the run by source as given, URL, or directory.

    Example:

        verify checklist fixtures/pages/article-b.html --format html > checklist.html
    """
    db = open_existing(db_path)
    try:
        checklist = load_checklist(db, sources, run_id)
    except VerifyError as exc:
        fail(str(exc))
    if fmt == "html":
        write_output(render_checklist_html(checklist), output)
    else:
        write_output(render_checklist_markdown(checklist), output)


COMMANDS = (report_command, review_command, checklist_command)
