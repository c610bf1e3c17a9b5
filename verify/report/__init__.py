"""Stage 7, report: a check run in, the report out (JSON, the contract scripts rely
on; text; markdown; HTML), also rebuilt from the database alone for a recorded run.
"""

from verify.report.common import excerpt
from verify.report.data import report_data
from verify.report.decisions import COLOURS as DECISION_COLOURS
from verify.report.decisions import (
    decision_css,
    decision_details,
    decision_key,
    decision_label,
    decision_text,
)
from verify.report.formats import FORMATS, render
from verify.report.html import render_html
from verify.report.listing import describe_stored, format_claims
from verify.report.reviewed import attach_reviews
from verify.report.stored import latest_run_id, load_report
from verify.report.texts import report_texts

__all__ = [
    "attach_reviews",
    "decision_css",
    "DECISION_COLOURS",
    "decision_details",
    "decision_key",
    "decision_label",
    "decision_text",
    "describe_stored",
    "excerpt",
    "format_claims",
    "FORMATS",
    "latest_run_id",
    "load_report",
    "render",
    "render_html",
    "report_data",
    "report_texts",
]
