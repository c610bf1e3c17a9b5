"""`verify review`: record a reviewer's decision on a claim."""

from __future__ import annotations

from pathlib import Path

import click

from verify.cli.common import MAX_ID, db_option, echo_json, fail, json_option, open_existing
from verify.errors import VerifyError
from verify.records import NEEDS_WORK, RATING_ALIASES
from verify.report import decision_text
from verify.store import REVIEW_RATINGS, record_review, review_history

STATUS_WORDS = (NEEDS_WORK, *RATING_ALIASES)


@click.command(name="review")
@click.argument("claim_id", type=click.IntRange(min=1, max=MAX_ID))
@click.option(
    "--rating",
    type=click.Choice(REVIEW_RATINGS),
    help="The claim's rating, in the words fact-checkers publish.",
)
@click.option(
    "--status",
    type=click.Choice(STATUS_WORDS),
    help="needs-work: not settled, look again. confirmed and rejected are the older "
    "words, kept as aliases: confirmed = --rating true (the claim holds), rejected = "
    "--rating false (the claim is false). They rate the claim, not the tool's verdict.",
)
@click.option("--note", help="Why: what was checked, and against what.")
@click.option("--reviewer", help="Who decided (default: $VERIFY_REVIEWER, else the login name).")
@db_option
@json_option
def review_command(
    claim_id: int,
    rating: str | None,
    status: str | None,
    note: str | None,
    reviewer: str | None,
    db_path: Path,
    as_json: bool,
) -> None:
    """Record a reviewer's decision on a claim (the ids of `verify claims`).

    Give --rating (true, mostly-true, misleading, false, unproven) or --status
    needs-work. Decisions are appended, never overwritten: the claim's history
    is the audit trail, and its latest decision is its rating, the one `verify
    checklist`, the reports and `verify export` show.

    Exit status: 0 recorded, 2 an unknown claim, no such database, or usage
    errors (neither or both of --rating and --status).

    Example:

        verify review 3 --rating false --note "Mattis left office in January 2019"
    """
    if (rating is None) == (status is None):
        raise click.UsageError("give either --rating or --status, not both or neither")
    db = open_existing(db_path, read_only=False)
    try:
        row = record_review(db, claim_id, rating or str(status), note=note, reviewer=reviewer)
        history = review_history(db, claim_id)
    except VerifyError as exc:
        fail(str(exc))
    if as_json:
        echo_json({"review": row, "history": history})
        return
    click.echo(f"claim {claim_id}: {decision_text(row)}")
    if len(history) > 1:
        click.echo(f"history of claim {claim_id} ({len(history)} decisions):")
        for earlier in history:
            click.echo(f"  {decision_text(earlier)}")
