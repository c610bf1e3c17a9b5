"""Renderings of a check run: JSON (the contract scripts rely on), text, markdown."""

import json
from typing import Any

from verify.report.data import report_data
from verify.report.markdown import render_markdown
from verify.report.text import render_text

FORMATS = ("text", "json", "markdown")


def render(data: dict[str, Any], fmt: str, color: bool = False) -> str:
    """The report ``data`` (see ``report_data``) in one of ``FORMATS``."""
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if fmt == "markdown":
        return render_markdown(data)
    return render_text(data, color=color)


__all__ = ["FORMATS", "render", "render_markdown", "render_text", "report_data"]
