"""The command line: thin click commands over the library, assembled into one group here.

Each command module imports the library and ``verify.cli.common``, never another
command's module, so a command can be read (and changed) on its own. The group
imports a command's module only when that command runs (``LazyGroup``), so
``verify --help`` starts in a fraction of a second.
"""

from __future__ import annotations

import click

from verify import __version__
from verify.cli.group import LazyGroup

__all__ = ["cli", "COMMANDS"]

# name -> (module:attribute, the first line of its help, which `verify --help` shows
# without importing the module; tests/test_cli_startup.py checks they agree).
COMMANDS = {
    "extract": (
        "verify.cli.extract:extract_command",
        "Show the main text, passages and metadata verify reads in each SOURCE.",
    ),
    "ingest": (
        "verify.cli.ingest:ingest_command",
        "Fetch articles and store their text, metadata and claims.",
    ),
    "claims": (
        "verify.cli.claims:claims_command",
        "List the stored claims with their slots and provenance.",
    ),
    "refs": (
        "verify.cli.refs:refs_group",
        "Keep a library of reference sources to check articles against.",
    ),
    "check": (
        "verify.cli.check:check_command",
        "Check every claim of the articles against the references.",
    ),
    "report": (
        "verify.cli.report:report_command",
        "Print the report of a recorded check run again, from the database alone.",
    ),
    "review": (
        "verify.cli.review:review_command",
        "Record a reviewer's decision on a claim (the ids of `verify claims`).",
    ),
    "checklist": (
        "verify.cli.checklist:checklist_command",
        "Print the reviewer's checklist for the articles of a check run.",
    ),
    "export": (
        "verify.cli.export:export_command",
        "Publish the reviewed claims of a recorded run as schema.org ClaimReview JSON-LD.",
    ),
    "browse": (
        "verify.cli.browse:browse_command",
        "Browse the database in Datasette (the optional browse extra).",
    ),
}


@click.group(cls=LazyGroup, lazy=COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="verify")
def cli() -> None:
    """Extract checkable claims from news articles and verify them against references.

    Example:

        verify ingest fixtures/articles && verify claims
    """
