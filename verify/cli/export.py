"""`verify export`: a recorded run's verdicts in formats other tools read.

ClaimReview JSON-LD (schema.org) is what search engines and fact-check
aggregators ingest; the items come from ``verify.review.claimreview``.
"""

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
from verify.report import load_report
from verify.review import claim_review_json, claim_reviews, missing_fields

EXPORT_FORMATS = ("claimreview",)
AUTHOR_ENV_VAR = "VERIFY_AUTHOR"


@click.command(name="export")
@recorded_run_options
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="claimreview")
@click.option(
    "--author",
    envvar=AUTHOR_ENV_VAR,
    default="verify",
    show_default=True,
    help=f"The organisation publishing the reviews (or set {AUTHOR_ENV_VAR}).",
)
@click.option("--author-url", help="The publishing organisation's web address.")
@click.option(
    "--review-url",
    help="The page that will publish the reviews; each item's url is it plus #claim-<id>.",
)
@output_option
def export_command(
    run_id: int | None,
    db_path: Path,
    fmt: str,
    author: str,
    author_url: str | None,
    review_url: str | None,
    output: Path | None,
) -> None:
    """Export a recorded run's verdicts as schema.org ClaimReview JSON-LD.

    One item per checked claim of the run (default: the latest). Without
    --review-url the items have no url, which Google requires: a warning says so.

    Example:

        verify export --author "Desk Checks" --review-url https://example.org/checks/42
    """
    db = open_recorded(db_path, output)
    try:
        data = load_report(db, run_id)
    except VerifyError as exc:
        fail(str(exc))
    items = claim_reviews(data, author=author, author_url=author_url, review_url=review_url)
    missing = sorted({field for item in items for field in missing_fields(item)})
    if missing:
        click.echo(f"warning: items lack {', '.join(missing)} (see --help)", err=True)
    write_output(claim_review_json(items), output)
