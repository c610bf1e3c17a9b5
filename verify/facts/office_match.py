"""Which listed office a claim's role means, person first.

The references list offices as entities ("Governor of the Central Bank of
Velmora", with its holders' terms); a claim writes a role in its own words
("Bank Governor Jane Roe", "the league chief", "President Otto Quell"). The role
is matched to one office by its folded words:

- the role's words must be the office's role words ("vice president" is not
  "president"), and the body the claim names, if any, must be the office's body,
  its initials ("TRL" for "Tarn Rowing League") or a part of it ("Bank" of "the
  Central Bank of Velmora");
- a generic head ("chief", "head", "leader", "boss") means the top office of the
  body it names, but only for someone who held that office: "the league chief"
  may be any of its officials;
- among the offices left, the match must be unique.

**Person first**: when the named person holds listed terms, the role need only
fit one of *their* offices ("President Otto Quell", no country, is the one
presidency Otto Quell held); otherwise it must fit one of all the offices the
references list.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from verify.facts.office_keys import GENERIC_HEADS, OfficeKey, office_key, office_key_from_title
from verify.facts.term_index import term_index
from verify.records import Fact

_JOINERS = frozenset("of the and for de du la".split())
_MIN_INITIALS = 2
# Small words some initialisms keep ("DoE" for a Department of Energy).
_KEPT_JOINERS = frozenset({"of", "and", "for"})


@dataclass(frozen=True)
class OfficeChoice:
    """The office a claim's role means; ``held`` when the person holds terms of it."""

    office: OfficeKey
    held: bool
    generic: bool  # the role was a generic head ("chief"): judged only for holders
    # The role was one word of the office the person held ("Justice X" for an
    # Associate Justice): it confirms, but "Minister X" may be a ministry the
    # references do not list, so it never contradicts.
    wider: bool = False


def choose_office(
    role: str | None, organisation: str | None, name: str, terms: Sequence[Fact]
) -> OfficeChoice | None:
    """The one listed office the role (and body) of ``name`` means, or None."""
    key = office_key(role, organisation)
    if not key.role:
        return None
    index = term_index(terms)
    own = index.offices_held(name)
    generic = key.role <= GENERIC_HEADS
    if own:
        own = frozenset(one_office(own))
        fits = [office for office in own if role_fits(key, office, own)]
        if len(fits) == 1:
            return OfficeChoice(fits[0], True, generic)
        if fits:
            return None  # the claim does not say which of their offices
        wider = [o for o in own if _one_word_of(key, o)]
        if len(wider) == 1 and not generic:
            return OfficeChoice(wider[0], True, False, wider=True)
    if generic:
        return None
    every = set(index.by_office)
    fits = [office for office in every if role_fits(key, office, every)]
    return OfficeChoice(fits[0], False, False) if len(fits) == 1 else None


def _one_word_of(claimed: OfficeKey, office: OfficeKey) -> bool:
    """ "Justice" for "Associate Justice": one word of the office, the body the same
    or not said."""
    if len(claimed.role) != 1 or not claimed.role < office.role:
        return False
    return claimed.organisation is None or claimed.organisation == office.organisation


def one_office(offices: Collection[OfficeKey]) -> list[OfficeKey]:
    """The offices one person held, a bare role ("president", from a sentence that
    names no body) folded into the one office of that role with a body: the same
    presidency written without its body, not another one."""
    bodied = [o for o in offices if o.organisation is not None]
    return [
        o
        for o in offices
        if o.organisation is not None or len([b for b in bodied if b.role == o.role]) != 1
    ]


def terms_of(terms: Sequence[Fact], office: OfficeKey) -> list[Fact]:
    """The listed terms of ``office``, in order of their start."""
    return term_index(terms).of_office(office)


def held_terms(terms: Sequence[Fact], office: OfficeKey, name: str) -> list[Fact]:
    """The listed terms of ``office`` that ``name`` held, in order of their start."""
    index = term_index(terms)
    return [t for t in index.held_by(name) if office_key_from_title(t.office or "") == office]


def body_named(claimed: str | None, office: OfficeKey) -> bool:
    """Whether the claim names the office's body itself (or its initials), so the
    office is known from the claim's words and not only from being the one listed."""
    if claimed is None or office.organisation is None:
        return False
    return any(
        claimed == name or (" " not in claimed and claimed in _all_initials(name))
        for name in _names(office)
    )


def role_fits(claimed: OfficeKey, office: OfficeKey, among: Collection[OfficeKey]) -> bool:
    """Whether the claim's role means ``office``, unique among ``among``.

    With a generic head ("chief"), ``office`` must be the one office of the
    named body in ``among``; otherwise the role words must be equal and the
    body compatible, and no other office in ``among`` may fit as well.
    """
    if claimed.role <= GENERIC_HEADS:
        if claimed.organisation is None:
            return len(among) == 1
        same_body = [o for o in among if _body_fits(claimed.organisation, o)]
        return same_body == [office] and office.organisation is not None
    if not _fits(claimed, office):
        return False
    return [o for o in among if _fits(claimed, o)] == [office]


def _fits(claimed: OfficeKey, office: OfficeKey) -> bool:
    if claimed.role != office.role:
        return False
    if claimed.organisation is None or office.organisation is None:
        return True
    return _body_fits(claimed.organisation, office)


def _body_fits(claimed: str | None, office: OfficeKey) -> bool:
    """ "tarn rowing league" for itself, "trl" (its initials), "rowing league" (a
    part); a body the references give a short form ("hasa" for "halden space
    agency") answers to either."""
    if claimed is None or office.organisation is None:
        return False
    return any(_one_body_fits(claimed, name) for name in _names(office))


def _one_body_fits(claimed: str, listed: str) -> bool:
    if claimed == listed:
        return True
    claimed_words, listed_words = _words(claimed), _words(listed)
    if len(claimed_words) == 1 and claimed_words[0] in _all_initials(listed):
        return True
    if len(listed_words) == 1 and listed_words[0] in _all_initials(claimed):
        return True
    return bool(claimed_words) and set(claimed_words) <= set(listed_words)


def _names(office: OfficeKey) -> list[str]:
    """The names of an office's body: its own and the short forms the references use."""
    return [office.organisation or "", *sorted(office.short_forms)]


def _words(body: str) -> list[str]:
    return [w for w in re.findall(r"[\w']+", body) if w not in _JOINERS]


def _all_initials(body: str) -> set[str]:
    """A body's initials with and without its small words: "tarn rowing league" is
    "trl"; "bank of the north" is "bn" or "bon" (an "of" kept, the "the" never)."""
    kept = [w for w in re.findall(r"[\w']+", body) if w in _KEPT_JOINERS or w not in _JOINERS]
    return {i for i in (_initials(_words(body)), _initials(kept)) if i}


def _initials(words: list[str]) -> str | None:
    return "".join(w[0] for w in words) if len(words) >= _MIN_INITIALS else None
