"""The date each article's claims are judged as of.

In order: the date the reviewer gives (``--as-of``), the article's publication
date, or a date inferred from the dated reference events its sentences report.
Never today's date: an article with none of these is judged with no date, and
its time-bound claims stay unverified.
"""

from __future__ import annotations

import re
from typing import Any

from verify.judge.checks.asof import FactBase
from verify.judge.date_inference import infer_date, sentence_matches
from verify.judge.office_dating import office_matches
from verify.records import InferredEvidence
from verify.search import ReferenceSet

_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’]))\s+(?=[A-Z“\"])")
# Enough passages to show why a date was inferred without burying the report.
MAX_INFERENCE_EVIDENCE = 3


def as_of_for(
    document: dict[str, Any], refs: ReferenceSet, facts: FactBase, option: str | None
) -> tuple[str | None, str | None, InferredEvidence | None]:
    """(date, where it came from, the inference when there was one).

    The inference is made for every undated article, even under ``--as-of``, so
    the report can show when the article was probably written.
    """
    text = document["text"] or ""
    inferred = None if document["published"] else _inferred_evidence(text, refs, facts)
    if option:
        return option, "option", inferred
    if document["published"]:
        return document["published"], "published", None
    if inferred:
        return inferred.date, "inferred", inferred
    return None, None, None


def sentences(text: str) -> list[str]:
    """The article's sentences, roughly: an event is often reported in a
    sentence with nothing else checkable in it, so claims alone miss it."""
    return [s for line in text.splitlines() for s in _SENTENCE_END.split(line) if s.strip()]


def _inferred_evidence(text: str, refs: ReferenceSet, facts: FactBase) -> InferredEvidence | None:
    said = sentences(text)
    events = [m for s in said for m in sentence_matches(s, refs, facts.titles)]
    # A change of office holder the article reports dates it like any other event.
    found = infer_date([*events, *office_matches(said, facts)])
    if found is None:
        return None
    evidence = tuple(m.evidence for m in found.evidence[:MAX_INFERENCE_EVIDENCE])
    return InferredEvidence(found.value, found.reason, evidence)
