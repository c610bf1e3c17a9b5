"""Reviewers' decisions as every report shows them: the rating's words and colour.

A decision is a ``reviews`` row (see ``verify.store.latest_reviews``): a rating
(``true`` ... ``unproven``) or ``needs-work``, by whom, when, and why.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from verify.records import NEEDS_WORK, Rating

# One colour per decision, for the HTML report and checklist alike: text and border,
# then a light background. Green to red from true to false; unproven grey, as it
# rates nothing either way; needs-work blue, an open question rather than a rating.
COLOURS: dict[str, tuple[str, str]] = {
    Rating.TRUE: ("#1b6e34", "#d7f0dd"),
    Rating.MOSTLY_TRUE: ("#4d7a12", "#e8f3cf"),
    Rating.MISLEADING: ("#9a4a00", "#ffe3c2"),
    Rating.FALSE: ("#a11d1d", "#fbd5d5"),
    Rating.UNPROVEN: ("#555555", "#e6e6e6"),
    NEEDS_WORK: ("#1f4fa3", "#dbe6fb"),
}


def decision_key(review: Mapping[str, Any]) -> str:
    """The rating, or ``needs-work``: the key of ``COLOURS`` and the CSS class."""
    return str(review.get("rating") or NEEDS_WORK)


def decision_label(review: Mapping[str, Any]) -> str:
    """ "Mostly true", "False", "Needs work"."""
    rating = review.get("rating")
    return Rating(rating).label if rating else "Needs work"


def decision_text(review: Mapping[str, Any]) -> str:
    """The decision in one line: its label, the old word it was given as, who, when, why."""
    return decision_label(review) + decision_details(review)


def decision_details(review: Mapping[str, Any]) -> str:
    """What follows the label: " (given as “rejected”), by ana on <time>: <note>"."""
    alias = f" (given as “{review['alias']}”)" if review.get("alias") else ""
    note = f": {review['note']}" if review.get("note") else ""
    return f"{alias}, by {review['reviewer']} on {review['decided_at']}{note}"


def decision_css(selector: str) -> str:
    """CSS giving ``selector.<decision>`` its colours (``selector`` such as ".decision")."""
    return "\n".join(
        f"{selector}.{key} {{ color: {ink}; background: {paper}; border-color: {ink}; }}"
        for key, (ink, paper) in COLOURS.items()
    )
