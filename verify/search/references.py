"""The reference corpus of one check: the documents to search and what each
passage is about (its section heading)."""

from __future__ import annotations

import bisect
from collections import OrderedDict
from dataclasses import dataclass, field

import sqlite_utils

from verify.records import ReferencePassage
from verify.search.retrieve import DEFAULT_CANDIDATES, ClaimSearch, candidates

KEPT_SEARCHES = 256  # a claim's checks search a few times; claims about one event follow


@dataclass
class ReferenceSet:
    db: sqlite_utils.Database
    document_ids: tuple[int, ...]
    _headings: dict[int, list[tuple[int, str]]] = field(default_factory=dict, repr=False)
    _titles: dict[int, str] = field(default_factory=dict, repr=False)
    _claims: ClaimSearch | None = field(default=None, repr=False)
    # A run's checks ask for the same names again (every date of a claim, every
    # claim about one event): the latest searches are kept, not all of them,
    # since each holds its passages' text.
    _found: OrderedDict[str, tuple[int, list[ReferencePassage]]] = field(
        default_factory=OrderedDict, repr=False
    )

    def search(self, text: str, limit: int = DEFAULT_CANDIDATES) -> list[ReferencePassage]:
        return candidates(self.db, text, self.document_ids, limit)

    def claim_search(self, text: str, limit: int = DEFAULT_CANDIDATES) -> list[ReferencePassage]:
        """Candidates for a whole claim, as opposed to the checks' narrower
        searches for a quotation, a provision or a descriptor. The same as
        ``search`` while the claim's words are rare in the index; on a large
        index, the passages sharing its rarest words (``ClaimSearch``)."""
        if self._claims is None:
            self._claims = ClaimSearch(self.db, self.document_ids)
        # A search for more passages answers one for fewer: its best ``limit``.
        searched, found = self._found.get(text, (0, []))
        if searched < limit:
            found = self._claims.candidates(text, limit)
            self._found[text] = (limit, found)
            if len(self._found) > KEPT_SEARCHES:
                self._found.popitem(last=False)
        self._found.move_to_end(text)
        return found[:limit]

    def title(self, document_id: int) -> str:
        """The document's title ("" when it has none), read once per document."""
        if document_id not in self._titles:
            row = self.db.execute("select title from documents where id = ?", [document_id])
            found = row.fetchone()
            self._titles[document_id] = (found[0] if found else None) or ""
        return self._titles[document_id]

    def heading(self, passage: ReferencePassage) -> str | None:
        """The nearest heading before ``passage`` in its document: in a treaty
        the article number stands above its text, not in it."""
        if passage.document_id not in self._headings:
            # Only the headings are read and kept: a long document's body is not.
            rows = self.db.execute(
                "select id, text from passages where document_id = ? and kind = 'heading'"
                " order by id",
                [passage.document_id],
            )
            self._headings[passage.document_id] = [tuple(row) for row in rows]
        headings = self._headings[passage.document_id]
        at = bisect.bisect_right(headings, (passage.id, "\uffff"))
        if not at or headings[at - 1][0] == passage.id:
            return None  # nothing above it, or it is a heading itself
        return headings[at - 1][1]
