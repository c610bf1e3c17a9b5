"""Fetch, extract, claims, facts and store for a list of sources, end to end.

Sources in, ``IngestResult`` out: what was stored, what failed and why, and
the warnings. Used for articles and references alike; references also make up
the reference library (``add_references``, ``refresh_references``).
"""

from verify.ingest.library import add_references, refresh_references
from verify.ingest.pipeline import Reading
from verify.ingest.run import Collected, collect, ingest, save_collected
from verify.ingest.writer import IngestResult

__all__ = [
    "add_references",
    "collect",
    "Collected",
    "ingest",
    "IngestResult",
    "Reading",
    "refresh_references",
    "save_collected",
]
