"""`verify export`: a recorded run's reviewed claims in formats other tools read.

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
PUBLISHER_ENV_VARS = ("VERIFY_PUBLISHER", "VERIFY_AUTHOR")


@click.command(name="export")
@recorded_run_options
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="claimreview")
@click.option(
    "--publisher",
    "--author",
    "publisher",
    envvar=PUBLISHER_ENV_VARS,
    default="verify",
    show_default=True,
    help="The organisation publishing the reviews (or set VERIFY_PUBLISHER); "
    "--author and VERIFY_AUTHOR are its older names.",
)
@click.option(
    "--publisher-url", "--author-url", "publisher_url", help="The organisation's web address."
)
@click.option(
    "--review-url",
    help="The page that will publish the reviews; each item's url is it plus #claim-<id>.",
)
@click.option(
    "--include-unreviewed",
    is_flag=True,
    help="Add the claims no reviewer rated, with the tool's verdict, marked as a machine "
    "check (an unverified claim is never rated above unproven).",
)
@output_option
def export_command(
    run_id: int | None,
    db_path: Path,
    fmt: str,
    publisher: str,
    publisher_url: str | None,
    review_url: str | None,
    include_unreviewed: bool,
    output: Path | None,
) -> None:
    """Publish the reviewed claims of a recorded run as schema.org ClaimReview JSON-LD.

    One item per claim of the run (default: the latest) whose latest decision
    is a rating (`verify review --rating`): the reviewer's rating, the reviewer
    as author, the date of the decision. Without --review-url the items have no
    url, which Google requires: a warning says so.

    Exit status: 0 written (an empty graph, with a warning, when no claim is
    rated), 2 no such database or an unknown run.

    Example:

        verify export --publisher "Desk Checks" --review-url https://example.org/c/42
    """
    db = open_recorded(db_path, output)
    try:
        data = load_report(db, run_id)
    except VerifyError as exc:
        fail(str(exc))
    items = claim_reviews(
        data,
        publisher=publisher,
        publisher_url=publisher_url,
        review_url=review_url,
        include_unreviewed=include_unreviewed,
    )
    if not items:
        click.echo(
            f"warning: no claim of check run {data['run_id']} has a reviewer's rating: "
            "nothing to publish (rate claims with 'verify review', or add --include-unreviewed)",
            err=True,
        )
    missing = sorted({field for item in items for field in missing_fields(item)})
    if missing:
        click.echo(f"warning: items lack {', '.join(missing)} (see --help)", err=True)
    write_output(claim_review_json(items), output)
