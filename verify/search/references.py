"""The reference corpus of one check: the documents to search and what each
passage is about (its section heading)."""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlite_utils

from verify.records import ReferencePassage
from verify.search.retrieve import DEFAULT_CANDIDATES, ClaimSearch, candidates


@dataclass
class ReferenceSet:
    db: sqlite_utils.Database
    document_ids: tuple[int, ...]
    _headings: dict[int, str | None] = field(default_factory=dict, repr=False)
    _claims: ClaimSearch | None = field(default=None, repr=False)
    # A run's checks ask for the same names again (every date of a claim, every
    # claim about one event): each distinct search is run once.
    _found: dict[str, tuple[int, list[ReferencePassage]]] = field(default_factory=dict, repr=False)

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
        return found[:limit]

    def heading(self, passage: ReferencePassage) -> str | None:
        """The nearest heading before ``passage`` in its document: in a treaty
        the article number stands above its text, not in it."""
        if passage.id not in self._headings:
            self._load_headings(passage.document_id)
        return self._headings.get(passage.id)

    def _load_headings(self, document_id: int) -> None:
        current: str | None = None
        # Only the headings' text is needed: a long document's body stays unread.
        rows = self.db.execute(
            "select id, kind, case when kind = 'heading' then text end from passages"
            " where document_id = ? order by id",
            [document_id],
        )
        for passage_id, kind, heading in rows:
            if kind == "heading":
                current = heading
                self._headings[passage_id] = None
            else:
                self._headings[passage_id] = current
