"""Stage 7, report: a check run in, the report out (JSON, the contract scripts rely
on; text; markdown; HTML), also rebuilt from the database alone for a recorded run.
"""

from verify.report.common import excerpt
from verify.report.data import report_data
from verify.report.formats import FORMATS, render
from verify.report.html import render_html
from verify.report.listing import describe_stored, format_claims
from verify.report.stored import latest_run_id, load_report
from verify.report.texts import report_texts

__all__ = [
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
