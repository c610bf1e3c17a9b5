"""Renderings of a check run: JSON (the contract scripts rely on), text, markdown."""

from verify.report.data import report_data
from verify.report.markdown import render_markdown
from verify.report.text import render_text

FORMATS = ("text", "json", "markdown")

__all__ = ["FORMATS", "render_markdown", "render_text", "report_data"]
