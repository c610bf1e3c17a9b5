"""A document's title and date from the service it came from, where the page gives none.

A Wikipedia revision rendered on its own has no headline and no date: the API names
both (the page's title, the revision's timestamp). The title becomes the first
heading, as a page's headline is, so the facts readers find the page's subject.
"""

from __future__ import annotations

from dataclasses import replace

from verify.records import Extracted, Passage

SEPARATOR = "\n\n"


def with_title(
    extracted: Extracted, title: str | None, day: str | None, timestamp: str | None
) -> Extracted:
    metadata = extracted.metadata
    if metadata.published is None and day is not None:
        metadata = replace(metadata, published=day, published_at=timestamp)
    if title is None:
        return replace(extracted, metadata=metadata)
    metadata = replace(metadata, title=metadata.title or title)
    first = extracted.passages[0] if extracted.passages else None
    if first is not None and first.kind == "heading" and first.text == title:
        return replace(extracted, metadata=metadata)
    shift = len(title) + len(SEPARATOR)
    passages = (
        Passage("heading", 0, len(title), title),
        *(replace(p, start=p.start + shift, end=p.end + shift) for p in extracted.passages),
    )
    return Extracted(title + SEPARATOR + extracted.text, passages, metadata)
