"""Renderings of a check run: JSON (the contract scripts rely on), text, markdown, HTML."""

import json
from collections.abc import Mapping
from typing import Any

from verify.report.data import report_data
from verify.report.html import render_html
from verify.report.markdown import render_markdown
from verify.report.text import render_text
from verify.report.texts import report_texts

FORMATS = ("text", "json", "markdown", "html")


def render(
    data: dict[str, Any],
    fmt: str,
    color: bool = False,
    texts: Mapping[int, str] | None = None,
) -> str:
    """The report ``data`` (see ``report_data``) in one of ``FORMATS``. Only HTML
    uses ``texts`` (document id to stored text, see ``report_texts``)."""
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if fmt == "markdown":
        return render_markdown(data)
    if fmt == "html":
        return render_html(data, texts or {})
    return render_text(data, color=color)


__all__ = [
    "FORMATS",
    "render",
    "render_html",
    "render_markdown",
    "render_text",
    "report_data",
    "report_texts",
]
