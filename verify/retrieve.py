"""Candidate evidence for a claim: a BM25 query over SQLite FTS5.

Retrieval narrows a reference corpus of any size to a few dozen passages, so the
costlier fuzzy alignment in ``match.py`` only ever sees those.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

import sqlite_utils

from verify.records import ReferencePassage

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
MAX_QUERY_WORDS = 32
DEFAULT_CANDIDATES = 30

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


def fts_query(text: str) -> str | None:
    """An OR query of the content words, each quoted so FTS syntax in the
    claim ("NOT", "NEAR", a stray quote) is read as words."""
    words = content_words(text)[:MAX_QUERY_WORDS]
    if not words:
        return None
    return " OR ".join(f'"{w}"' for w in words)


PASSAGE_SQL = """
select passages.id, passages.document_id, documents.source, documents.url,
       documents.fetched_at, documents.sha256, documents.published,
       passages.start, passages."end", passages.text
from passages join documents on documents.id = passages.document_id
"""


def candidates(
    db: sqlite_utils.Database,
    text: str,
    document_ids: Sequence[int],
    limit: int = DEFAULT_CANDIDATES,
) -> list[ReferencePassage]:
    """The passages of ``document_ids`` that best match ``text`` by BM25, best first."""
    query = fts_query(text)
    if query is None or not document_ids:
        return []
    marks = ",".join("?" for _ in document_ids)
    sql = f"""{PASSAGE_SQL}
        join passages_fts on passages_fts.rowid = passages.id
        where passages_fts match ? and passages.document_id in ({marks})
        order by passages_fts.rank limit ?"""
    rows = db.execute(sql, [query, *document_ids, limit]).fetchall()
    return [ReferencePassage(*row) for row in rows]


def passages_of(db: sqlite_utils.Database, document_ids: Sequence[int]) -> list[ReferencePassage]:
    """Every passage of the given documents, in document order."""
    if not document_ids:
        return []
    marks = ",".join("?" for _ in document_ids)
    sql = f"{PASSAGE_SQL} where passages.document_id in ({marks}) order by passages.id"
    return [ReferencePassage(*row) for row in db.execute(sql, list(document_ids)).fetchall()]
