"""The plugin hooks, through pluggy (as in datasette and llm).

A plugin is a module or object with functions marked ``@hookimpl``, registered
in-process (``plugins.register(obj)``) or installed as a package declaring an
entry point in the ``verify`` group::

    [project.entry-points.verify]
    newsroom_archive = "newsroom_archive"
"""

from __future__ import annotations

from collections.abc import Callable

import pluggy

from verify.ingest.connectors.connector import Connector

hookspec = pluggy.HookspecMarker("verify")
hookimpl = pluggy.HookimplMarker("verify")


@hookspec
def register_connectors(register: Callable[[Connector], None]) -> None:  # type: ignore[empty-body]
    """Register reference connectors: call ``register(connector)`` for each.

    A scheme registered by a later plugin replaces an earlier one's (a newsroom's
    own ``wikidata:`` mirror, say).
    """
