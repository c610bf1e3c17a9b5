"""A Datasette plugin: the database's JSON columns shown as indented JSON.

Registered as a ``datasette`` entry point (pyproject.toml), so Datasette loads it
whenever verify is installed beside it (the ``browse`` extra). Only the columns
``browse.json_column`` names are touched, so another database is shown as it was.
"""

from __future__ import annotations

import json
from typing import Any

from datasette import hookimpl
from markupsafe import Markup, escape

from verify.store.browse import json_column


@hookimpl
def render_cell(value: Any, column: str, table: str | None) -> Markup | None:
    if not isinstance(value, str) or not json_column(table, column):
        return None
    try:
        parsed = json.loads(value)
    except ValueError:
        return None  # not JSON after all: Datasette shows the text as it is
    pretty = json.dumps(parsed, indent=2, ensure_ascii=False)
    return Markup(f'<pre class="verify-json">{escape(pretty)}</pre>')
