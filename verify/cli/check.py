"""`verify check`: judge articles against references and print the report."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import click

from verify.cli.common import db_option, echo_problems, fail, output_option
from verify.errors import VerifyError
from verify.judge import run_check
from verify.report import FORMATS, attach_reviews, render, report_data, report_texts
from verify.store import open_db


class Progress:
    """A progress bar on stderr, only when stderr is a terminal."""

    def __init__(self) -> None:
        self.bar: Any = None
        self.enabled = sys.stderr.isatty()

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        if self.bar is None:
            self.bar = click.progressbar(length=total, label="checking claims", file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(1)
        if done == total:
            self.bar.__exit__(None, None, None)


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
def check_command(
    sources: tuple[str, ...],
    refs: tuple[str, ...],
    db_path: Path,
    fmt: str,
    output: Path | None,
    as_of: datetime | None,
) -> None:
    """Check every claim of the articles against the references.

    Exit status: 0 no claim contradicted, 1 some claim contradicted, 2 usage or
    input errors.

    Example:

        verify check fixtures/pages/article-b.html --ref fixtures/references --format markdown
    """
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
        result = run_check(db, sources, refs, arguments=arguments, as_of=day, progress=Progress())
    except VerifyError as exc:
        fail(str(exc))
    echo_problems(result.warnings, result.errors)
    data = attach_reviews(db, report_data(result))
    texts = report_texts(db, data) if fmt == "html" else None
    if output:
        output.write_text(render(data, fmt, color=False, texts=texts), encoding="utf-8")
    else:
        click.echo(render(data, fmt, color=sys.stdout.isatty(), texts=texts), nl=False)
    raise SystemExit(result.exit_code)
