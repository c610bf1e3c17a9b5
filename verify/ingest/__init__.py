"""Fetch, extract, claims, facts and store for a list of sources, end to end.

Sources in, ``IngestResult`` out: what was stored, what failed and why, and
the warnings. Used for articles and references alike. References from places that
keep history (``wikidata:``, ``wikipedia:``, ``wayback:``, and schemes plugins add) are
fetched and read by their connectors (``verify.ingest.connectors``).
"""

from verify.ingest.run import Collected, IngestResult, collect, ingest, save_collected

__all__ = [
    "collect",
    "Collected",
    "ingest",
    "IngestResult",
    "save_collected",
]
