"""What a reviewer works through and publishes: a recorded run in, the checklist
(markdown or HTML) and ClaimReview JSON-LD out.
"""

from verify.review.checklist import (
    ArticleChecklist,
    Checklist,
    build_checklist,
    load_checklist,
    what_would_settle,
)
from verify.review.checklist_html import render_checklist_html
from verify.review.checklist_markdown import render_checklist_markdown
from verify.review.claimreview import (
    BEST_RATING,
    CLAIM_REVIEWED_LIMIT,
    MACHINE_MARK,
    MACHINE_SCALE,
    RATING_SCALE,
    WORST_RATING,
    claim_review_document,
    claim_review_json,
    claim_reviews,
    missing_fields,
    shorten,
)
from verify.review.links import REPORT_URL, claim_link
from verify.review.source_checks import cited_sources

__all__ = [
    "ArticleChecklist",
    "BEST_RATING",
    "build_checklist",
    "Checklist",
    "cited_sources",
    "claim_link",
    "claim_review_document",
    "claim_review_json",
    "CLAIM_REVIEWED_LIMIT",
    "claim_reviews",
    "load_checklist",
    "MACHINE_MARK",
    "MACHINE_SCALE",
    "missing_fields",
    "RATING_SCALE",
    "render_checklist_html",
    "render_checklist_markdown",
    "REPORT_URL",
    "shorten",
    "what_would_settle",
    "WORST_RATING",
]
