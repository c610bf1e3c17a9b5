"""Retrieval: folding text for comparison, and claim searches that stay fast on a
large corpus while finding what the full query finds."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from verify.retrieve import fold


def reference_fold(text: str) -> str:
    """The plain definition ``fold`` must keep to: decompose, drop combining
    marks, unify quotes and dashes, lower-case."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    quotes = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
    return stripped.translate(quotes).lower()


def test_fold_strips_accents_and_unifies_quotes() -> None:
    assert fold("Lazović’s “Café” — ÅNGSTRÖM") == 'lazovic\'s "cafe" - angstrom'
    assert fold("plain ASCII, Unchanged 12") == "plain ascii, unchanged 12"
    assert fold("ﬁnal Ｔｅｘｔ") == "final text"


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_fold_matches_its_definition_on_any_text(text: str) -> None:
    assert fold(text) == reference_fold(text)
