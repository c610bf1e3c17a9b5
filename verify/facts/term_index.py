"""The terms of office of a run's references, indexed for the office checks.

Every claim naming a person in a role asks the same questions of the same
terms: which terms this person held, which offices are listed, the terms of one
office in order. ``term_index`` answers them from one index per sequence of
terms (the last one asked about is kept), so a run with thousands of terms does
not scan them all for every claim.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from verify.facts.office_keys import OfficeKey, office_key_from_title
from verify.facts.periods import period
from verify.facts.person_names import same_person, surname
from verify.records import Fact


class TermIndex:
    """Readable terms by office and by the letters their holder's surname starts
    and ends with (two names ``same_person`` accepts share one or the other,
    except surnames of twenty letters or more, one edit at each end apart)."""

    def __init__(self, terms: Sequence[Fact]) -> None:
        self.terms = [t for t in terms if t.kind == "term" and t.office and t.holder and _dated(t)]
        self.by_office: dict[OfficeKey, list[Fact]] = {}
        self._keys: dict[OfficeKey, OfficeKey] = {}  # each office as filed, with its short forms
        self._by_letter: dict[str, list[Fact]] = {}
        for term in sorted(self.terms, key=lambda t: t.start_date or ""):
            self._add(office_key_from_title(term.office or ""), term)
            name = surname(term.holder or "") or " "
            for letter in {f"<{name[0]}", f">{name[-1]}"}:
                self._by_letter.setdefault(letter, []).append(term)
        self._held: dict[str, list[Fact]] = {}
        self._offices: dict[str, frozenset[OfficeKey]] = {}

    def _add(self, office: OfficeKey, term: Fact) -> None:
        """File ``term`` under its office, the office keeping every short form of its
        body that any reference gives."""
        listed = self._keys.get(office)
        if listed is not None and not office.short_forms <= listed.short_forms:
            merged = replace(listed, short_forms=listed.short_forms | office.short_forms)
            self.by_office[merged] = self.by_office.pop(listed)
            self._keys[merged] = merged
        self._keys.setdefault(office, office)
        self.by_office.setdefault(office, []).append(term)

    def held_by(self, name: str) -> list[Fact]:
        """The terms whose holder can be ``name``, in order of their start."""
        if name not in self._held:
            wanted = surname(name) or " "
            near = self._by_letter.get(f"<{wanted[0]}", []) + self._by_letter.get(
                f">{wanted[-1]}", []
            )
            found = {id(t): t for t in near if same_person(name, t.holder or "")}
            self._held[name] = sorted(found.values(), key=lambda t: t.start_date or "")
        return self._held[name]

    def offices_held(self, name: str) -> frozenset[OfficeKey]:
        """The offices of the terms ``name`` can have held."""
        if name not in self._offices:
            self._offices[name] = frozenset(self.office_of(t) for t in self.held_by(name))
        return self._offices[name]

    def office_of(self, term: Fact) -> OfficeKey:
        """The office ``term`` is filed under, with every short form of its body."""
        office = office_key_from_title(term.office or "")
        return self._keys.get(office, office)

    def of_office(self, office: OfficeKey) -> list[Fact]:
        """The terms of ``office``, in order of their start."""
        return self.by_office.get(office, [])


def _dated(term: Fact) -> bool:
    dates = [d for d in (term.start_date, term.end_date) if d]
    try:
        return bool(dates) and all(period(d) for d in dates)
    except ValueError:
        return False


_LAST: list[tuple[Sequence[Fact], TermIndex]] = []


def term_index(terms: Sequence[Fact]) -> TermIndex:
    """The index of ``terms``; the same sequence object gets the same index."""
    if _LAST and _LAST[0][0] is terms:
        return _LAST[0][1]
    index = TermIndex(terms)
    _LAST[:] = [(terms, index)]
    return index
