"""Word-level normalisation shared by the checks: stems, spelling variants,
near-synonyms and negation.

Everything here is general English, not knowledge about any story: the judge
must work on articles and references it has never seen.
"""

from __future__ import annotations

import re
from functools import lru_cache

from verify.claims.folding import STOPWORDS, fold

# British/American spellings and words news uses interchangeably for the same
# thing, keyed and valued by stem.
EQUIVALENTS = {
    "defense": "defence",
    "mutual": "collective",
    "organization": "organisation",
    "nation": "member",
    "country": "member",
    "state": "member",
    "ally": "member",
    "occasion": "time",
    "american": "us",
    "america": "us",
    "usa": "us",
}
_DERIVATIONS = ("ation", "ment", "ing", "ed")
NEGATORS = frozenset({"not", "no", "never", "none", "nor", "neither", "without", "cannot"})
_WORD = re.compile(r"[\w']+", re.UNICODE)


# Matching re-stems the same few thousand words for every candidate passage;
# the benchmark measured a third off matching time with this cache.
@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude stem: enough to meet "consult" and "consultations", "allies" and "ally"."""
    word = fold(word).strip("'")
    if word.endswith("n't"):
        return "not"
    word = word.removesuffix("'s")
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        word = word[:-1]
    for suffix in _DERIVATIONS:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return EQUIVALENTS.get(word, word)


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def content_stems(text: str) -> set[str]:
    """Stems of the content words: the basis of every context comparison."""
    return {stem(w) for w in words(text) if w not in STOPWORDS and not w.isdigit() and len(w) > 1}


def is_negated(text: str) -> bool:
    return any(w in NEGATORS or w.endswith("n't") for w in words(text))


def window(text: str, start: int, end: int, size: int = 60) -> str:
    """The text around ``[start, end)`` (local offsets), without the span itself."""
    return text[max(0, start - size) : start] + " " + text[end : end + size]


def same_counted(left: str, right: str) -> bool:
    """Whether two counted nouns count the same kind of thing.

    Compares head nouns (the last word: "member states" -> "state"), folded
    through the equivalents, so "member states", "members" and "countries"
    agree while "soldiers" and "states" do not.
    """
    left_words, right_words = words(left), words(right)
    if not left_words or not right_words:
        return False
    return stem(left_words[-1]) == stem(right_words[-1])
