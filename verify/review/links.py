"""Links from what a reviewer reads to the claim's place in the HTML report."""

from __future__ import annotations

# Where the HTML report of the run is, beside the checklist, as `make demo` writes it.
REPORT_URL = "report.html"


def claim_link(report_url: str, claim_id: int) -> str | None:
    """The claim's anchor in the HTML report (its highlight), or None without a report.
    The report gives each claim the id ``claim-<id>``, as ClaimReview's url does."""
    if not report_url:
        return None
    return f"{report_url.split('#', 1)[0]}#claim-{claim_id}"
