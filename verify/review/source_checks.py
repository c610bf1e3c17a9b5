"""The source checks a verification desk runs on every piece, filled in from
what the tool found.

First Draft's five pillars (provenance, source, date, location, motivation)
and SIFT's "trace claims, quotes and media to the original context": a
missing byline or date, the inferred date, anonymous sources, outlets and
bodies the article cites without linking to them, and quotations to find in
their original.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from typing import Any

import sqlite_utils
from bs4 import BeautifulSoup

from verify.claims import content_words, fold

QUOTE_CHARS = 100
Link = tuple[str, str]  # (the link's words, its href)

# The headings a check is filed under, in the desk's words.
PILLARS = {
    "provenance": "Provenance",
    "source": "Source",
    "date": "Date",
    "location": "Location",
    "motivation": "Motivation",
    "trace": "Trace to the original",
}


@dataclass(frozen=True)
class SourceCheck:
    pillar: str  # "provenance", "source", "date", "location", "motivation" or "trace"
    question: str  # what the desk asks
    found: str  # what the tool found that bears on it
    claim_ids: tuple[int, ...] = ()


def page_links(db: sqlite_utils.Database, document_id: int) -> tuple[Link, ...] | None:
    """Every link of a stored HTML page; None for a document that cannot hold
    links (plain text)."""
    row = db.execute(
        "select raw, content_type, encoding from documents where id = ?", [document_id]
    ).fetchone()
    if row is None or "html" not in (row[1] or ""):
        return None
    raw = zlib.decompress(row[0])
    try:
        html = raw.decode(row[2] or "utf-8", errors="replace")
    except LookupError:  # a charset name this Python does not know
        html = raw.decode("utf-8", errors="replace")
    soup = BeautifulSoup(html, "lxml")
    return tuple(
        (" ".join(a.get_text(" ").split()), str(a.get("href") or ""))
        for a in soup.find_all("a")
        if a.get("href")
    )


def source_checks(
    document: dict[str, Any],
    slots: dict[int, dict[str, Any]],
    links: tuple[Link, ...] | None,
) -> list[SourceCheck]:
    """The desk's checks of one article of the report; ``slots`` by claim id."""
    return [
        provenance(document),
        byline(document),
        dating(document),
        location(),
        motivation(document),
        *_anonymous_sources(document, slots),
        *cited_sources(document, slots, links),
        *quotations(document, slots),
    ]


def provenance(document: dict[str, Any]) -> SourceCheck:
    if document.get("url"):
        found = f"read from {document['url']}; confirm it is the publisher's own page"
    else:
        found = (
            f"read from a file ({document['source']}), not from the publisher's site: "
            "find where it was first published"
        )
    found += f" (sha256 {document['sha256'][:12]})" if document.get("sha256") else ""
    return SourceCheck("provenance", "Is this the original piece, or a copy or rewrite?", found)


def byline(document: dict[str, Any]) -> SourceCheck:
    author = document.get("author")
    publisher = document.get("publisher")
    parts = [f"byline: {author}" if author else "no byline: find who wrote it"]
    parts.append(f"publisher: {publisher}" if publisher else "no publisher named")
    return SourceCheck(
        "source", "Who made it, and are they who they say they are?", "; ".join(parts)
    )


def dating(document: dict[str, Any]) -> SourceCheck:
    parts = []
    if document.get("published"):
        parts.append(f"published {document['published']}")
    else:
        parts.append("no publication date on the page")
    inferred = document.get("inferred_date")
    if inferred:
        where = ", ".join(dict.fromkeys(e["url"] or e["source"] for e in inferred["evidence"]))
        parts.append(_inference(inferred) + (f" (from {where})" if where else ""))
    if document.get("as_of_source") == "option":
        parts.append(f"claims judged as of {document['as_of']}, the date given with --as-of")
    return SourceCheck("date", "When was it made, and is the story current?", "; ".join(parts))


def _inference(inferred: dict[str, Any]) -> str:
    if inferred["date"] in inferred["reason"]:
        return f"the tool's inference: {inferred['reason']}"
    return f"the tool infers {inferred['date']}: {inferred['reason']}"


def gaps(document: dict[str, Any]) -> list[str]:
    """What the piece itself lacks, for the top of its checklist."""
    found = []
    if not document.get("published"):
        inferred = document.get("inferred_date")
        guess = f" (the tool infers {inferred['date']})" if inferred else ""
        found.append(f"no publication date{guess}")
    if not document.get("author"):
        found.append("no byline")
    return found


def location() -> SourceCheck:
    return SourceCheck(
        "location",
        "Where was it made, and did the events happen where it says?",
        "not checked by the tool: compare the places the claims name with other coverage",
    )


def motivation(document: dict[str, Any]) -> SourceCheck:
    counts: dict[str, int] = {}
    for claim in document["claims"]:
        counts[claim["verdict"]] = counts.get(claim["verdict"], 0) + 1
    tally = ", ".join(f"{n} {verdict}" for verdict, n in sorted(counts.items())) or "no claims"
    found = f"assessment {document.get('assessment') or 'unknown'} ({tally})"
    if document.get("publisher"):
        found += f"; published by {document['publisher']}"
    return SourceCheck("motivation", "Why was it made, and who gains if it is believed?", found)


def _attributions(
    document: dict[str, Any], slots: dict[int, dict[str, Any]]
) -> dict[str, list[int]]:
    """Each attribution's source with the claims that cite it, in text order."""
    found: dict[str, list[int]] = {}
    for claim in document["claims"]:
        for item in slots.get(claim["id"], {}).get("attributions", []):
            ids = found.setdefault(item["source"], [])
            if claim["id"] not in ids:
                ids.append(claim["id"])
    return found


def _anonymous(slots: dict[int, dict[str, Any]]) -> set[str]:
    return {
        a["source"] for s in slots.values() for a in s.get("attributions", []) if a.get("anonymous")
    }


def _anonymous_sources(
    document: dict[str, Any], slots: dict[int, dict[str, Any]]
) -> list[SourceCheck]:
    anonymous = _anonymous(slots)
    return [
        SourceCheck(
            "source",
            f"Who is “{source}”? Find a named source or other coverage that confirms it.",
            "anonymous source",
            tuple(ids),
        )
        for source, ids in _attributions(document, slots).items()
        if source in anonymous
    ]


def _person_names(slots: dict[int, dict[str, Any]]) -> set[str]:
    """The surnames of the people the article names, folded."""
    return {
        words[-1]
        for s in slots.values()
        for p in s.get("people", [])
        if (words := fold(p["name"]).split())
    }


def _links_for(source: str, links: tuple[Link, ...]) -> list[str]:
    """The hrefs of links whose words or address mention every word of ``source``."""
    words = content_words(source)
    return [
        href
        for text, href in links
        if words and all(w in f"{fold(text)} {fold(href)}" for w in words)
    ]


def cited_sources(
    document: dict[str, Any],
    slots: dict[int, dict[str, Any]],
    links: tuple[Link, ...] | None,
) -> list[SourceCheck]:
    """Outlets and bodies the article cites (not people it names, not anonymous
    sources), with whether it links to them."""
    people, anonymous = _person_names(slots), _anonymous(slots)
    checks = []
    for source, ids in _attributions(document, slots).items():
        words = fold(source).split()
        if source in anonymous or not words or words[-1] in people:
            continue
        hrefs = _links_for(source, links or ())
        if hrefs:
            found = "linked: " + ", ".join(dict.fromkeys(hrefs))
            question = f"Does the linked original from {source} say what the article says?"
        else:
            found = "cited without a link" + (
                "" if links is not None else " (plain text: no links)"
            )
            question = f"Trace {source} to its original report or statement."
        checks.append(SourceCheck("trace", question, found, tuple(ids)))
    return checks


def quotations(document: dict[str, Any], slots: dict[int, dict[str, Any]]) -> list[SourceCheck]:
    """Quotations no reference confirmed, to find in their original context."""
    checks = []
    for claim in document["claims"]:
        if claim["verdict"] == "supported":
            continue
        for quote in slots.get(claim["id"], {}).get("quotations", []):
            words = " ".join(quote["text"].split())
            if len(words) > QUOTE_CHARS:
                words = words[: QUOTE_CHARS - 1].rsplit(" ", 1)[0] + "…"
            speaker = quote.get("speaker") or "an unnamed speaker"
            checks.append(
                SourceCheck(
                    "trace",
                    f"Find “{words}” ({speaker}) in its original context.",
                    "quotation not found in the references",
                    (claim["id"],),
                )
            )
    return checks
