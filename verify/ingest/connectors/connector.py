"""What a connector is: a reference scheme, how to fetch it, and how to read it.

A connector turns a reference such as ``wikidata:Q42`` into a ``Fetched`` document.
Most sources return a page (HTML, text, PDF), which the extract stage reads like
any other. A source of structured data also says how to read it (``read``): into
passages, and the dated facts those passages state.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from verify.ingest.connectors.session import Session
from verify.records import Extracted, Fact, Fetched

# A fact with the index of the passage it was read from (as ``verify.facts`` gives them).
Found = tuple[int | None, Fact]


@dataclass(frozen=True)
class Reading:
    """A connector's own reading of what it fetched."""

    extracted: Extracted
    # The dated facts of the passages; None lets the page readers find them.
    facts: tuple[Found, ...] | None = None


@dataclass(frozen=True)
class Connector:
    """A reference scheme and what to do with its references."""

    scheme: str  # "wikidata", as the reference starts: "wikidata:Q42"
    # The reference (whole, scheme included) in, the document out; a bad reference
    # is a SourceError, a failed fetch a FetchError, each one line.
    fetch: Callable[[str, Session], Fetched]
    # The fetched document in, passages (and facts) out; None, or a None answer,
    # leaves it to the extract stage.
    read: Callable[[Fetched], Reading | None] | None = None
    example: str = ""  # a reference as a user writes it, for messages
