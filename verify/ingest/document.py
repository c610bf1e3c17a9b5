"""Reading one fetched document: its text and passages, then claims (an article)
or dated facts (a reference). Pure functions of the bytes, so they run in worker
processes as well as here.

References are read for passages and facts only: the judge never asks a
reference for claims, and finding them cost a third of an ingest and half the
database (issue 14).
"""

from __future__ import annotations

from verify.claims import claims_from_sentences, parse_published, split_sentences
from verify.errors import ExtractError
from verify.extract import extract
from verify.facts import document_facts
from verify.ingest.connectors import read_fetched
from verify.ingest.outcomes import Analysed
from verify.ingest.time_limit import TimeUp, time_limit
from verify.records import Fetched


def analyse(fetched: Fetched, kind: str = "article") -> Analysed:
    """Extract (or a connector's own reading), then claims for an article or facts
    for a reference (no I/O)."""
    try:
        reading = read_fetched(fetched)
        extracted = reading.extracted if reading else extract(fetched)
    except ExtractError as exc:
        raise ExtractError(f"{fetched.source}: {exc}") from exc
    if kind == "reference":
        # A connector may have read the facts itself (Wikidata's statements).
        if reading is not None and reading.facts is not None:
            return Analysed(fetched, extracted, [], list(reading.facts))
        return Analysed(fetched, extracted, [], document_facts(extracted))
    sentences = split_sentences(extracted.text, extracted.passages)
    published = parse_published(extracted.metadata.published)
    claims = claims_from_sentences(sentences, published, extracted.passages)
    return Analysed(fetched, extracted, claims)


def analyse_in_time(fetched: Fetched, kind: str, seconds: float | None) -> Analysed:
    try:
        with time_limit(seconds):
            return analyse(fetched, kind)
    except TimeUp:
        raise ExtractError(
            f"{fetched.source}: gave up reading the text after {seconds:g} s "
            "(too large or too complex; see --analysis-timeout)"
        ) from None
