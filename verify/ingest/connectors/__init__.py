"""References from places that keep history: ``wikidata:``, ``wikipedia:``, ``wayback:``,
and any scheme a plugin registers.

A reference in, a ``Fetched`` document out (the item, the page revision or the
capture, with which revision or capture it is in ``Fetched.provenance``); for
structured sources also their reading: passages and the dated facts they state.
Requests are polite (``verify.ingest.connectors.polite``). Connectors are plugins:
``hookimpl`` marks a plugin's ``register_connectors``, ``plugins`` is where they
are registered.
"""

from verify.ingest.connectors.connector import Connector, Reading
from verify.ingest.connectors.hookspecs import hookimpl
from verify.ingest.connectors.plugins import (
    connector_for,
    connectors,
    expand_references,
    fetch_reference,
    plugins,
    read_fetched,
)
from verify.ingest.connectors.polite import PoliteTransport, retry_after
from verify.ingest.connectors.session import Session

__all__ = [
    "connector_for",
    "Connector",
    "connectors",
    "expand_references",
    "fetch_reference",
    "hookimpl",
    "plugins",
    "PoliteTransport",
    "read_fetched",
    "Reading",
    "retry_after",
    "Session",
]
