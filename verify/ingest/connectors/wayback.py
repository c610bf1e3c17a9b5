"""``wayback:URL@YYYY-MM-DD``: a page as the Internet Archive's Wayback Machine kept it.

The capture closest before the date (on that day at the latest) comes from the CDX
API::

    {base}/cdx/search/cdx?url=...&to=YYYYMMDD&limit=-1&output=json&filter=statuscode:200

and its bytes as archived, without the archive's toolbar or rewritten links, from
``{base}/web/{timestamp}id_/{url}``. It is then read like any page (or PDF), as an
article or a reference. Without a date: the run's date (the article's, when
checking), else the latest capture. ``base`` is ``VERIFY_WAYBACK_URL``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from verify.config import WAYBACK_URL, WAYBACK_URL_VAR
from verify.errors import FetchError, SourceError
from verify.fetch import is_url
from verify.ingest.connectors.connector import Connector
from verify.ingest.connectors.session import Session
from verify.records import Fetched, Provenance

SCHEME = "wayback"
_DATE_SUFFIX = re.compile(r"@(?P<date>\d{4}-\d\d-\d\d)$")
_CAPTURE = re.compile(r"/web/(?P<timestamp>\d{14})id_/")
TIMESTAMP = re.compile(r"^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)$")


def fetch_capture(reference: str, session: Session) -> Fetched:
    url, day = _parse(reference)
    when = day or session.as_of
    base = session.setting(WAYBACK_URL_VAR, WAYBACK_URL).rstrip("/")
    query = {"url": url, "limit": "-1", "output": "json", "filter": "statuscode:200"}
    if when is not None:
        query["to"] = when.replace("-", "")
    answer = session.get_json(f"{base}/cdx/search/cdx", query)
    timestamp, original = _capture(answer.data, url, when)
    page = session.fetch(f"{base}/web/{timestamp}id_/{original}")
    # The archive may answer with a neighbouring capture; its address says which.
    moved = _CAPTURE.search(page.url or "")
    captured = moved.group("timestamp") if moved else timestamp
    provenance = Provenance(original_url=original, captured_at=captured_at(captured))
    return replace(page, source=reference, provenance=provenance)


def _parse(reference: str) -> tuple[str, str | None]:
    rest = reference.partition(":")[2].strip()
    match = _DATE_SUFFIX.search(rest)
    url = rest[: match.start()] if match else rest
    if not is_url(url):
        raise SourceError(f"{reference}: expected wayback:URL or wayback:URL@YYYY-MM-DD")
    if match is None:
        return url, None
    try:
        date.fromisoformat(match.group("date"))
    except ValueError as exc:
        raise SourceError(f"{reference}: {match.group('date')} is not a date") from exc
    return url, match.group("date")


def _capture(data: object, url: str, when: str | None) -> tuple[str, str]:
    """(timestamp, original URL) of the capture the CDX answer lists last."""
    rows = data if isinstance(data, list) else []
    if len(rows) < 2 or not all(isinstance(row, list) for row in rows):
        by = f" by {when}" if when else ""
        raise FetchError(f"no capture of {url}{by} in the Wayback Machine")
    header, row = rows[0], rows[-1]
    try:
        timestamp, original = row[header.index("timestamp")], row[header.index("original")]
    except (ValueError, IndexError) as exc:
        raise FetchError("the CDX answer has no timestamp or original column") from exc
    if not TIMESTAMP.match(str(timestamp)):
        raise FetchError(f"the CDX answer's timestamp {timestamp!r} is not YYYYMMDDhhmmss")
    return str(timestamp), str(original)


def captured_at(timestamp: str) -> str:
    """ "20211114093000" -> "2021-11-14T09:30:00Z" (the archive's times are UTC)."""
    match = TIMESTAMP.match(timestamp)
    if match is None:
        raise ValueError(timestamp)
    year, month, day, hour, minute, second = match.groups()
    return f"{year}-{month}-{day}T{hour}:{minute}:{second}Z"


WAYBACK = Connector(
    SCHEME, fetch_capture, None, example="wayback:https://example.org/story@2021-11-15"
)
