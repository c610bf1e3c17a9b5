"""The database in Datasette: the metadata file shipped with the package.

``datasette.json`` gives the tables label columns (so a foreign key shows the
claim's text, not its id), facets on verdicts, assessments and ratings, and canned
queries such as the latest run's contradicted claims. ``datasette_plugin`` renders
the JSON columns. Nothing here imports Datasette, an optional extra.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DATASETTE_METADATA = Path(__file__).with_name("datasette.json")
# The database the file names: Datasette calls a database by its file's stem.
METADATA_DATABASE = "claims"
# Columns holding JSON, by table, and the query columns that carry them.
JSON_COLUMNS: dict[str, frozenset[str]] = {
    "documents": frozenset({"warnings"}),
    "claims": frozenset({"kinds", "slots"}),
    "runs": frozenset({"arguments"}),
    "run_documents": frozenset({"inferred_date", "assessment_reasons"}),
    "verdicts": frozenset({"reasons", "findings"}),
}
QUERY_JSON_COLUMNS = frozenset({"reasons", "findings"})


def datasette_metadata(db_path: str | Path) -> dict[str, Any]:
    """The shipped metadata, for the database at ``db_path`` (whatever its name)."""
    metadata: dict[str, Any] = json.loads(DATASETTE_METADATA.read_text(encoding="utf-8"))
    databases = metadata["databases"]
    databases[Path(db_path).stem] = databases.pop(METADATA_DATABASE)
    return metadata


def json_column(table: str | None, column: str) -> bool:
    """Whether ``column`` of ``table`` (None: a query's result) holds JSON."""
    if table is None:
        return column in QUERY_JSON_COLUMNS
    return column in JSON_COLUMNS.get(table, frozenset())
