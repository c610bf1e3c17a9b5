"""Words as every stage compares them: folded case, diacritics and quote marks, and
the function words that carry no evidence.

Claims, facts, retrieval and judging all compare text after ``fold``; one
definition keeps "Nausėda" and "Nauseda", or ’ and ', the same word everywhere.
"""

from __future__ import annotations

import re
import unicodedata

# Function words carry no evidence; leaving them out keeps BM25 on the content.
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not now of off on once only or
    other our ours ourselves out over own same she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up
    very was we were what when where which while who whom why will with would you your yours
    yourself yourselves said says say told according""".split()
)

_WORD = re.compile(r"\w+", re.UNICODE)


_QUOTES = {"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"}


class _FoldTable(dict[int, int | str | None]):
    """A ``str.translate`` table that drops combining marks and unifies quotes,
    filled in as characters are first met: a table over all of Unicode would
    take a tenth of a second to build, and a per-character Python test made
    folding the largest cost of retrieval and matching."""

    def __missing__(self, code: int) -> int | str | None:
        char = chr(code)
        value = None if unicodedata.combining(char) else _QUOTES.get(char, code)
        self[code] = value
        return value


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Lower-case, strip diacritics and unify quote marks, for comparison only."""
    if text.isascii():  # nothing to decompose, strip or unify
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return _NON_ASCII.sub(_fold_run, decomposed).lower()


# Prose is mostly ASCII: translating only the runs of other characters is
# cheaper than translating every character.
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _fold_run(match: re.Match[str]) -> str:
    return match.group().translate(_FOLD_TABLE)


def content_words(text: str) -> list[str]:
    """Distinct non-stopwords of ``text`` in order, folded."""
    seen: dict[str, None] = {}
    for word in _WORD.findall(fold(text)):
        if word not in STOPWORDS and (len(word) > 1 or word.isdigit()):
            seen.setdefault(word, None)
    return list(seen)
