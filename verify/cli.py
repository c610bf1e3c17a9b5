"""The command line: thin click commands over the library functions."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import click

from verify import __version__
from verify.check import run_check
from verify.cli_common import db_option, echo_json, fail, json_option, output_option
from verify.config import FetchLimits
from verify.errors import StoreError, VerifyError
from verify.export_cli import export_command
from verify.ingest import ingest
from verify.listing import describe_stored, format_claims
from verify.report import FORMATS, render, report_data, report_texts
from verify.reviewer_cli import COMMANDS as REVIEWER_COMMANDS
from verify.store import list_claims, open_db

# Click raises this (a UsageError whose message is the whole help) for a group
# called without a command; older versions print the help without raising.
NO_ARGS_IS_HELP: Any = getattr(click.exceptions, "NoArgsIsHelpError", ())


class VerifyGroup(click.Group):
    """Click's group, with usage errors on one line like every other error."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        try:
            code = super().main(*args, **kwargs)
        except NO_ARGS_IS_HELP as exc:
            exc.show()  # "verify" alone: the help, as click prints it
            raise SystemExit(exc.exit_code) from None
        except click.UsageError as exc:
            hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
            fail(f"{exc.format_message()}{hint}", exc.exit_code)
        except click.ClickException as exc:
            exc.show()
            raise SystemExit(exc.exit_code) from None
        except click.Abort:
            click.echo("Aborted!", err=True)
            raise SystemExit(1) from None
        raise SystemExit(code if isinstance(code, int) else 0)


@click.group(cls=VerifyGroup, context_settings={"help_option_names": ["-h", "--help"]})
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


@cli.command(name="check")
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
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    for error in result.errors:
        click.echo(f"error: {error}", err=True)
    data = report_data(result)
    texts = report_texts(db, data) if fmt == "html" else None
    if output:
        output.write_text(render(data, fmt, color=False, texts=texts), encoding="utf-8")
    else:
        click.echo(render(data, fmt, color=sys.stdout.isatty(), texts=texts), nl=False)
    raise SystemExit(result.exit_code)


# Commands that read a recorded run live in their own modules.
for command in (*REVIEWER_COMMANDS, export_command):
    cli.add_command(command)
