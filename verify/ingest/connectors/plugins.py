"""The connectors in use: the built-in ones and those plugins register.

``plugins`` is the pluggy plugin manager (one per process, as in datasette and
llm): the built-in connectors are registered on it, then every installed package
with an entry point in the ``verify`` group. A test or a program registers its own
with ``plugins.register(obj)``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pluggy

from verify.errors import ExtractError, FetchError, SourceError
from verify.fetch import expand_sources
from verify.ingest.connectors import builtin, hookspecs
from verify.ingest.connectors.connector import Connector, Reading
from verify.ingest.connectors.session import Session
from verify.records import Fetched

plugins = pluggy.PluginManager("verify")
plugins.add_hookspecs(hookspecs)
plugins.register(builtin, name="verify.builtin")
plugins.load_setuptools_entrypoints("verify")

# "wikidta:Q42": written like a reference, not like a file name or URL.
_LOOKS_LIKE_REFERENCE = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+):(?!//)\S")


def connectors() -> dict[str, Connector]:
    """Every registered connector by scheme; a later plugin's replaces an earlier's."""
    found: dict[str, Connector] = {}
    # pluggy calls the most recently registered plugin first: the first word stands.
    plugins.hook.register_connectors(register=lambda c: found.setdefault(c.scheme.lower(), c))
    return found


def connector_for(reference: str) -> Connector | None:
    """The connector of a reference's scheme ("wikidata:Q42"), None for a URL or path."""
    scheme, colon, _ = reference.partition(":")
    if not colon:
        return None
    return connectors().get(scheme.lower())


def expand_references(args: Sequence[str]) -> tuple[list[str], list[SourceError]]:
    """Sources in order: connector references as given, URLs, files and directories
    expanded (``verify.fetch.expand_sources``); errors for what cannot be used."""
    sources: list[str] = []
    errors: list[SourceError] = []
    for arg in args:
        if connector_for(arg) is not None:
            sources.append(arg)
            continue
        found, bad = expand_sources([arg])
        sources.extend(found)
        errors.extend(_unknown_scheme(arg, error) for error in bad)
    return sources, errors


def _unknown_scheme(arg: str, error: SourceError) -> SourceError:
    match = _LOOKS_LIKE_REFERENCE.match(arg)
    if match is None or "no such file" not in str(error):
        return error
    known = ", ".join(f"{c.scheme}:" for c in sorted(connectors().values(), key=_scheme))
    return SourceError(
        f"{arg}: no such file, and no connector for {match.group(1)}: (known: {known})"
    )


def _scheme(connector: Connector) -> str:
    return connector.scheme


def fetch_reference(reference: str, session: Session) -> Fetched | None:
    """The document of a connector reference, or None when ``reference`` has no
    connector (a URL or a file). Errors name the reference as written."""
    connector = connector_for(reference)
    if connector is None:
        return None
    try:
        return connector.fetch(reference, session)
    except (FetchError, ExtractError, SourceError) as exc:
        message = str(exc)
        if message.startswith(f"{reference}:"):
            raise
        raise type(exc)(f"{reference}: {message}") from exc


def read_fetched(fetched: Fetched) -> Reading | None:
    """The connector's own reading of a document it fetched, if it has one."""
    connector = connector_for(fetched.source)
    if connector is None or connector.read is None:
        return None
    return connector.read(fetched)
