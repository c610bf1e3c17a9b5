"""The holder's number a sentence gives a person: "the ninth Secretary-General",
"is the seventh person to hold the post", "the eleventh man to lead the board".

An ordinal right before an office places its holder in the office's sequence.
One before a person told by the verb of holding ("man to lead", "person to
head") does too, with two exceptions read as milestones rather than numbers:
"the first woman to lead X" (the first of a kind, not the first holder) and an
ordinal before a qualified office ("the first foreign-born governor"), which the
office pattern never reaches because the qualifier stands between.
"""

from __future__ import annotations

import re

from verify.claims.slots.ordinals import PATTERN as ORDINAL_PATTERN
from verify.claims.slots.ordinals import ordinal_value
from verify.claims.slots.roles import ROLE, ROLE_HEADS, normalise_role
from verify.records import PersonRole

# Who holds an office, told by a verb: "person to hold", "man to lead", "woman to head".
HOLDING_VERBS = r"(?i:hold|lead|head|serve|occupy|take|run|chair|govern)"
_HOLDER = rf"(?i:person|man|woman)\s+to\s+{HOLDING_VERBS}\b"
_ORDINAL_ROLE = re.compile(rf"(?P<ord>(?i:{ORDINAL_PATTERN}))\s+(?:{ROLE}|{_HOLDER})")
# Offices whose name opens with an ordinal: "first minister" is no holder's number.
_ORDINAL_HEADS = frozenset(
    normalise_role(h) for h in ROLE_HEADS if re.match(rf"(?i:{ORDINAL_PATTERN})\s", h)
)
# "... is the seventh person to hold the post", "was its third holder".
_ORDINAL_AFTER = re.compile(
    rf"\s*,?\s*(?:who\s+)?(?i:is|was|became|becomes|has\s+been|had\s+been|remains)\s+"
    rf"(?i:the|its|their)\s+(?P<ord>(?i:{ORDINAL_PATTERN}))\s+"
    rf"(?:{ROLE}|(?i:holder|incumbent|occupant)\b|{_HOLDER})"
)
# "the first woman to lead", "the first man to head": a milestone, not a number.
_FIRST_OF_A_KIND = re.compile(r"(?i:first|1st)\s+(?i:man|woman)\b")
# The ordinal counts the holders of one sex only (see ``counts_women``).
_WOMAN = re.compile(r"(?i:\bwoman\b)")


def role_ordinal(text: str, person: PersonRole, base: int = 0) -> tuple[int, int, int] | None:
    """The holder's number ``text`` gives ``person`` in their office, as (value,
    start, end) of the words that give it (offsets shifted by ``base``, like the
    person's): an ordinal right before the office in the person's own words ("as
    the ninth Secretary-General"), or a predicate after them ("is the seventh
    person to hold the post"). An ordinal that is part of the office ("first
    minister") is none, nor is a first of a kind ("the first woman to lead")."""
    start, end = person.start - base, person.end - base
    inside = [
        m
        for m in _ORDINAL_ROLE.finditer(text, start, end)
        if normalise_role(m.group()) not in _ORDINAL_HEADS
    ]
    found = inside[0] if len(inside) == 1 else None
    if not inside:
        found = _ORDINAL_AFTER.match(text, end)
    if found is None or _FIRST_OF_A_KIND.match(text, found.start("ord")):
        return None
    if not _numbers_their_office(found.group()[found.end("ord") - found.start() :], person):
        return None
    value = ordinal_value(found.group("ord"))
    if value is None:
        return None
    return value, found.start("ord") + base, found.end() + base


def _numbers_their_office(words: str, person: PersonRole) -> bool:
    """Whether the office after an ordinal is the person's own: in "Ada Lusk, the
    eighth Warden, had been Orsk's Harbour Master from 2005" the number is of the
    wardens, not of the harbour masters the term is about."""
    if _HOLDER_WORDS.search(words) or not person.role:
        return True  # "person to hold the post": the post is theirs
    numbered, own = normalise_role(words.strip()), normalise_role(person.role)
    return f" {numbered} " in f" {own} " or f" {own} " in f" {numbered} "


_HOLDER_WORDS = re.compile(rf"{_HOLDER}|(?i:\b(?:holder|incumbent|occupant)\b)")


def counts_women(words: str) -> bool:
    """Whether a holder's number counts women only ("the second woman to lead the
    board"): most offices have had few women holders, so such a number is usually
    smaller than the holder's place among all holders and can only be too large.
    "The eleventh man to lead" is read as the eleventh holder: most offices' holders
    have all been men."""
    return _WOMAN.search(words) is not None
