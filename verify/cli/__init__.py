"""The command line: thin click commands over the library, assembled into one group here.

Each command module imports the library and ``verify.cli.common``, never another
command's module, so a command can be read (and changed) on its own.
"""

from __future__ import annotations

import click

from verify import __version__
from verify.cli import browse, check, checklist, claims, export, extract, ingest, report, review
from verify.cli.common import VerifyGroup

__all__ = ["cli"]


@click.group(cls=VerifyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="verify")
def cli() -> None:
    """Extract checkable claims from news articles and verify them against references.

    Example:

        verify ingest fixtures/articles && verify claims
    """


# The pipeline's commands, then the reviewer's (click lists them alphabetically).
for _command in (
    extract.extract_command,
    ingest.ingest_command,
    claims.claims_command,
    check.check_command,
    report.report_command,
    review.review_command,
    checklist.checklist_command,
    export.export_command,
    browse.browse_command,
):
    cli.add_command(_command)
