"""``wikidata:Q42``: a Wikidata item, with the labels of what its statements name.

The item comes from ``{base}/wiki/Special:EntityData/{id}.json``; the labels and
aliases of the items, properties and units its statements point to from
``{base}/w/api.php?action=wbgetentities`` in batches of fifty (the API's limit),
with ``maxlag`` as Wikimedia asks of tools. ``base`` is ``VERIFY_WIKIDATA_URL``.
The document is the item's JSON as received (its sha256 is the response's); the
label answers travel with it (``Fetched.related``) for reading.
"""

from __future__ import annotations

import re
from dataclasses import replace

from verify.config import CONTACT_VAR, WIKIDATA_URL, WIKIDATA_URL_VAR
from verify.errors import SourceError
from verify.ingest.connectors.connector import Connector
from verify.ingest.connectors.session import Session
from verify.ingest.connectors.wikidata_model import LANGUAGE, entity_of, item_of, pointed_ids
from verify.ingest.connectors.wikidata_read import read_item, wanted
from verify.records import Fetched, Provenance

SCHEME = "wikidata"
BATCH = 50  # ids per wbgetentities request, the API's limit for ordinary users
MAX_LABELS = 1000  # an item pointing at more is read with ids for the rest
_ITEM = re.compile(r"^[Qq][1-9]\d*$")


def fetch_item(reference: str, session: Session) -> Fetched:
    item_id = _item_id(reference)
    base = session.setting(WIKIDATA_URL_VAR, WIKIDATA_URL).rstrip("/")
    answer = session.get_json(f"{base}/wiki/Special:EntityData/{item_id}.json")
    item = item_of(entity_of(answer.data, item_id))
    ids = pointed_ids(item, [s for s in item.statements if wanted(s)])[:MAX_LABELS]
    labels = [
        session.get_json(f"{base}/w/api.php", _labels_query(ids[i : i + BATCH], session))
        for i in range(0, len(ids), BATCH)
    ]
    fetched = answer.fetched(reference)
    return replace(
        fetched,
        provenance=Provenance(
            revision_id=item.revision_id, revision_timestamp=item.modified, title=item.label
        ),
        related=tuple(a.fetched(reference) for a in labels),
        warnings=no_contact_warning(session),
    )


def _item_id(reference: str) -> str:
    item_id = reference.partition(":")[2].strip()
    if not _ITEM.match(item_id):
        raise SourceError(f"{reference}: not a Wikidata item (wikidata:Q followed by digits)")
    return item_id.upper()


def _labels_query(ids: list[str], session: Session) -> dict[str, str]:
    return {
        "action": "wbgetentities",
        "ids": "|".join(ids),
        "props": "labels|aliases",
        "languages": LANGUAGE,
        "format": "json",
        "maxlag": str(session.politeness().maxlag),
    }


def no_contact_warning(session: Session) -> tuple[str, ...]:
    """Wikimedia asks every tool's User-Agent to name a contact; say so once a fetch."""
    if session.contact:
        return ()
    return (f"set {CONTACT_VAR} to an email address or URL: Wikimedia asks tools to name one",)


WIKIDATA = Connector(SCHEME, fetch_item, read_item, example="wikidata:Q42")
