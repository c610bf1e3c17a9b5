"""One entry point for every format of the report."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from verify.report.html import render_html
from verify.report.markdown import render_markdown
from verify.report.text import render_text

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
