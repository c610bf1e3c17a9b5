"""``wikipedia:LANG:Title[@YYYY-MM-DD]``: a Wikipedia article as it read on a date.

A page changes after the events it reports; an article is checked against what the
page said then. The revision in force on the date (the last one made on or before
it, by the end of that day, UTC) comes from the API::

    {base}/w/api.php?action=query&prop=revisions&titles=...&rvlimit=1
        &rvstart=DATE&rvdir=older&rvprop=ids|timestamp&format=json

and its HTML from ``{base}/w/index.php?oldid={revid}&action=render``, read like any
page (infobox and tables included) after the wiki's own furniture is taken out:
"[edit]" links, footnote markers, navigation boxes. Without a date the date is the
one the run gives (the article's, when checking), else the latest revision is read.
``base`` is ``VERIFY_WIKIPEDIA_URL`` with ``{lang}`` replaced.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from verify.config import WIKIPEDIA_URL, WIKIPEDIA_URL_VAR
from verify.errors import FetchError, SourceError
from verify.ingest.connectors.connector import Connector, Reading
from verify.ingest.connectors.session import Session
from verify.ingest.connectors.titles import with_title
from verify.ingest.connectors.wikidata import no_contact_warning
from verify.records import Fetched, Provenance

SCHEME = "wikipedia"
_REFERENCE = re.compile(
    r"^wikipedia:(?P<lang>[a-z]{2,3}(?:-[a-z0-9]{2,8})*):(?P<title>.+?)"
    r"(?:@(?P<date>\d{4}-\d\d-\d\d))?$",
    re.IGNORECASE,
)
# The wiki's own furniture in rendered HTML: section edit links, footnote markers
# ("[1]"), the reference list, navigation boxes, maintenance notes.
FURNITURE = (
    ".mw-editsection, sup.reference, .mw-references-wrap, ol.references, .navbox, "
    ".mw-jump-link, #toc, .toc, .metadata, .noprint, style, script"
)


def fetch_revision(reference: str, session: Session) -> Fetched:
    lang, title, day = _parse(reference)
    when = day or session.as_of
    base = session.setting(WIKIPEDIA_URL_VAR, WIKIPEDIA_URL).replace("{lang}", lang).rstrip("/")
    answer = session.get_json(f"{base}/w/api.php", _revision_query(title, when, session))
    page_title, revision, timestamp = _revision(answer.data, title, when)
    page = session.fetch(f"{base}/w/index.php?oldid={revision}&action=render")
    provenance = Provenance(revision_id=revision, revision_timestamp=timestamp, title=page_title)
    warnings = page.warnings + no_contact_warning(session)
    return replace(page, source=reference, provenance=provenance, warnings=warnings)


def _parse(reference: str) -> tuple[str, str, str | None]:
    match = _REFERENCE.match(reference.strip())
    if match is None:
        raise SourceError(
            f"{reference}: expected wikipedia:LANG:Title or wikipedia:LANG:Title@YYYY-MM-DD"
        )
    day = match.group("date")
    if day is not None:
        try:
            date.fromisoformat(day)
        except ValueError as exc:
            raise SourceError(f"{reference}: {day} is not a date") from exc
    return match.group("lang").lower(), match.group("title").strip(), day


def _revision_query(title: str, when: str | None, session: Session) -> dict[str, str]:
    query = {
        "action": "query",
        "prop": "revisions",
        "titles": title,
        "redirects": "1",  # a redirect's own revision is one line of wikitext
        "rvlimit": "1",
        "rvdir": "older",
        "rvprop": "ids|timestamp",
        "format": "json",
        "maxlag": str(session.politeness().maxlag),
    }
    if when is not None:
        # The last revision made by the end of that day: the page as it read that day.
        query["rvstart"] = f"{_full_date(when)}T23:59:59Z"
    return query


def _full_date(when: str) -> str:
    """The last day of a "YYYY" or "YYYY-MM" date (an article dated by month)."""
    if len(when) == len("YYYY"):
        return f"{when}-12-31"
    if len(when) == len("YYYY-MM"):
        year, month = (int(p) for p in when.split("-"))
        following = date(year + month // 12, month % 12 + 1, 1)
        return date.fromordinal(following.toordinal() - 1).isoformat()
    return when


def _revision(data: object, title: str, when: str | None) -> tuple[str, str, str]:
    """(the page's title, revision id, its timestamp) from the API's answer."""
    query = data.get("query") if isinstance(data, dict) else None
    pages = query.get("pages") if isinstance(query, dict) else None
    if not isinstance(pages, dict) or not pages:
        raise FetchError(f"no page {title!r} in the answer")
    page = next(iter(pages.values()))
    if not isinstance(page, dict) or "missing" in page or "invalid" in page:
        raise FetchError(f"no such page {title!r}")
    revisions = page.get("revisions") or []
    if not revisions:
        raise FetchError(f"the page {title!r} had no revision by {when}")
    revision = revisions[0] if isinstance(revisions, list) else None
    if not isinstance(revision, dict) or "revid" not in revision or "timestamp" not in revision:
        raise FetchError("the answer names no revision id and time")
    return str(page.get("title", title)), str(revision["revid"]), str(revision["timestamp"])


def read_revision(fetched: Fetched) -> Reading:
    """The rendered revision without the wiki's furniture, read like any page, under
    the page's title, dated by the revision."""
    # Imported here, not with the connector: a run without wikipedia: references
    # (or one whose workers read the pages) never loads the page reader (issue 14).
    from bs4 import BeautifulSoup

    from verify.extract import extract_html

    soup = BeautifulSoup(fetched.text, "lxml")
    for node in soup.select(FURNITURE):
        node.decompose()
    # What action=render returns is the article's body and nothing else: said so, the
    # page reader keeps all of it (a short article's tables next to one paragraph too).
    for content in soup.select(".mw-parser-output"):
        content.name = "main"
    extracted = extract_html(str(soup), url=fetched.url)
    provenance = fetched.provenance
    day = provenance.revision_timestamp[:10] if provenance.revision_timestamp else None
    return Reading(with_title(extracted, provenance.title, day, provenance.revision_timestamp))


WIKIPEDIA = Connector(
    SCHEME, fetch_revision, read_revision, example="wikipedia:en:North Atlantic Treaty@2021-11-15"
)
