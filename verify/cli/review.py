"""`verify review`: record a reviewer's decision on a claim."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from verify.cli.common import MAX_ID, db_option, echo_json, fail, json_option, open_existing
from verify.errors import VerifyError
from verify.store import REVIEW_STATUSES, record_review, review_history


@click.command(name="review")
@click.argument("claim_id", type=click.IntRange(min=1, max=MAX_ID))
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
    db = open_existing(db_path, read_only=False)
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
