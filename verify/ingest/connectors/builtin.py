"""The connectors that come with verify, registered as a plugin like any other."""

from __future__ import annotations

from collections.abc import Callable

from verify.ingest.connectors.connector import Connector
from verify.ingest.connectors.hookspecs import hookimpl
from verify.ingest.connectors.wayback import WAYBACK
from verify.ingest.connectors.wikidata import WIKIDATA
from verify.ingest.connectors.wikipedia import WIKIPEDIA


@hookimpl
def register_connectors(register: Callable[[Connector], None]) -> None:
    for connector in (WIKIDATA, WIKIPEDIA, WAYBACK):
        register(connector)
