"""Whether two written names can be one person.

A claim writes "Grybauskaite" or "Jim Roe", a reference "Dalia Grybauskaitė"
or "James T. Roe": ``same_person`` forgives case, diacritics, a letter or so of
transliteration in the surname, missing given or middle names, initials and
common short forms. The term check (``verify.facts.offices``) uses it to find a
claimed holder among the terms of an office.
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz

from verify.claims import fold

_HONORIFICS = frozenset("mr mrs ms miss mx dr sir dame lord lady prof".split())
_SUFFIXES = frozenset("jr sr ii iii iv".split())
_PARTICLES = frozenset(
    "de del della der den di da das dos du van von le la bin ibn ter ten zu y".split()
)
# Short forms that share no prefix with the full name ("Jim" and "James").
_NICKNAMES = {
    frozenset(pair.split(":"))
    for pair in """jim:james jimmy:james bill:william will:william bob:robert rob:robert
    dick:richard rick:richard ted:edward ned:edward jack:john tony:anthony mike:michael
    tom:thomas chuck:charles hank:henry liz:elizabeth betty:elizabeth kate:catherine
    kate:katherine peggy:margaret sasha:alexander""".split()
}
MIN_SURNAME_SIMILARITY = 90.0  # "Zelensky"/"Zelenskyy" (94) agree; "Mattis"/"Mattison" (86) do not
MIN_GIVEN_PREFIX = 3  # "Alex" for "Alexander"; "Al" is too short to tell


@lru_cache(maxsize=65536)
def _name(text: str) -> tuple[tuple[str, ...], str] | None:
    """Given names (particles left out) and the surname of a written name."""
    tokens = [t.strip(".,") for t in fold(text).split()]
    tokens = [t for t in tokens if t and t not in _HONORIFICS]
    while tokens and tokens[-1] in _SUFFIXES:
        tokens.pop()
    if not tokens:
        return None
    return tuple(t for t in tokens[:-1] if t not in _PARTICLES), tokens[-1]


def surname(text: str) -> str | None:
    """The surname of a written name, folded: what ``same_person`` compares first."""
    name = _name(text)
    return name[1] if name else None


def same_person(claimed: str, listed: str) -> bool:
    """Whether two written names can be one person.

    Case and diacritics are ignored; the surnames (last words) must agree, up
    to a letter or so of transliteration; a surname alone matches the full
    name; given names are compared by the first only, so middle names and
    initials are optional, and "J." or "Jim" stand for "James".
    """
    a, b = _name(claimed), _name(listed)
    if a is None or b is None:
        return False
    (given_a, surname_a), (given_b, surname_b) = a, b
    if fuzz.ratio(surname_a, surname_b) < MIN_SURNAME_SIMILARITY:
        return False
    return not given_a or not given_b or _same_given(given_a[0], given_b[0])


def _same_given(a: str, b: str) -> bool:
    if a == b or frozenset((a, b)) in _NICKNAMES:
        return True
    short, full = sorted((a, b), key=len)
    if len(short) == 1:
        return full.startswith(short)  # an initial
    return len(short) >= MIN_GIVEN_PREFIX and full.startswith(short)
