"""Fetch, extract, claims, facts and store for a list of sources, end to end.

Sources in, ``IngestResult`` out: what was stored, what failed and why, and
the warnings. Used for articles and references alike; references also make up
the reference library (``add_references``, ``refresh_references``). References from
places that keep history (``wikidata:``, ``wikipedia:``, ``wayback:``, and schemes
plugins add) are fetched and read by their connectors (``verify.ingest.connectors``).
"""

from verify.ingest.library import add_references, refresh_references
from verify.ingest.outcomes import Analysed
from verify.ingest.pipeline import Known, Reading
from verify.ingest.run import Collected, collect, ingest, save_collected
from verify.ingest.writer import IngestResult

__all__ = [
    "add_references",
    "Analysed",
    "collect",
    "Collected",
    "ingest",
    "IngestResult",
    "Known",
    "Reading",
    "refresh_references",
    "save_collected",
]
