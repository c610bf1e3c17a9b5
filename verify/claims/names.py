"""Named things in a sentence, and whether another text mentions them.

Two dated statements are about the same event only when they are about the same
named things: "Saarinen and Brel landed on Halcyon" and "Vesper 2 ... landed
in the Amber Basin" share Saarinen, Brel and Halcyon in one entry, while
the Vesper 4 entry shares only Halcyon. A name is a run of capitalised words,
with "of"/"the"/"de" inside it ("Amber Basin", "Republic of Korea") and a
number or Roman numeral after it ("Vesper 2", "Artemis II"). No gazetteer: the
words a sentence capitalises are the names it uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from verify.claims.folding import STOPWORDS, fold
from verify.claims.slots.dates import date_spans
from verify.claims.slots.roles import (
    MONTHS,
    NOT_NAMES,
    OFFICE_WORDS,
    UPPER,
    WEEKDAYS,
    is_plausible_name,
)

_WORD = rf"{UPPER}[\w'’-]*|{UPPER}\."
_JOINER = r"(?:of|the|de|del|da|von|van|for|on)"
_NUMBER = r"(?:\d{1,3}[A-Za-z]?|[IVX]{1,4})(?![\w.,]\d)"
_NAME = re.compile(
    rf"(?<![\w'’-])(?:{_WORD})(?:\s+(?:{_JOINER}\s+)?(?:{_WORD}))*(?:\s+{_NUMBER}(?![\w]))?"
)
_POSSESSIVE = re.compile(r"['’]s?$")
# Words that open a sentence or a clause capitalised without naming anything.
_OPENERS = STOPWORDS | frozenset(
    "today yesterday tomorrow tonight meanwhile however under after before during since "
    "while although though when where once then there here this that these those its "
    "their his her our your my one two three four five six seven eight nine ten".split()
)
# A name after these words belongs to another event the clause relates to:
# "four months after Saarinen's flight".
_RELATIONAL = re.compile(r"\b(?:after|before|following|than|unlike|like)\s+(?:the\s+)?$", re.I)


@dataclass(frozen=True)
class Name:
    text: str
    start: int  # local offsets
    end: int


def find_names(text: str, *, skip_relational: bool = False) -> list[Name]:
    """The names ``text`` writes, in order; dates, months and weekdays are not names.

    With ``skip_relational``, names right after "after"/"before"/"than" are left
    out: they name the other end of a relation, not what the clause is about.
    """
    return list(_names(text, skip_relational))


@lru_cache(maxsize=4096)  # every check of a claim reads the same reference sentences
def _names(text: str, skip_relational: bool) -> tuple[Name, ...]:
    blanked = list(text)
    for start, end in date_spans(text):
        blanked[start:end] = " " * (end - start)
    plain = "".join(blanked)
    found = []
    for match in _pieces(plain):
        name = _trimmed(match[0], match[1])
        if name is None:
            continue
        if skip_relational and _RELATIONAL.search(plain[max(0, name.start - 20) : name.start]):
            continue
        found.append(name)
    return tuple(found)


# "Moscow-led", "US-based": a name made into a modifier is not what is named.
_MODIFIER_SUFFIX = re.compile(r"-(?:led|based|backed|born|owned|run|linked|style|era|made|bound)$")


def _pieces(text: str) -> list[tuple[str, int]]:
    """Capitalised runs, split after a possessive: "Ukraine's Crimea" names two things."""
    pieces = []
    for match in _NAME.finditer(text):
        start = match.start()
        for part in re.finditer(r"(?:[^'’]|['’](?![sS]?\s))+(?:['’][sS]?(?=\s))?", match.group()):
            piece = part.group()
            if not _MODIFIER_SUFFIX.search(piece.strip()):
                pieces.append((piece, start + part.start()))
    return pieces


# A capitalised word opening a sentence is a common noun when it is built like
# one: "Consultation", "Membership", "Celebrations".
_COMMON_ENDINGS = re.compile(r"\w{3}(?:tions?|sions?|ments?|ness|ships?|isms?)$", re.IGNORECASE)


def _trimmed(text: str, offset: int) -> Name | None:
    """The name without leading function words ("The", "In") or a possessive."""
    words = list(re.finditer(r"\S+", text))
    while words and _is_opener(words[0].group()):
        words.pop(0)
    while words and words[-1].group().lower() in ("of", "the", "de", "and", "for", "on"):
        words.pop()
    if not words:
        return None
    start, end = words[0].start(), words[-1].end()
    name = _POSSESSIVE.sub("", text[start:end])
    end = start + len(name)
    if not name or (len(words) == 1 and fold(name) in NOT_WORDS):
        return None
    if offset + start == 0 and len(words) == 1 and _COMMON_ENDINGS.search(name):
        return None
    return Name(name, offset + start, offset + end)


def _is_opener(word: str) -> bool:
    folded = fold(_POSSESSIVE.sub("", word))
    return folded in _OPENERS or folded in MONTHS or folded in WEEKDAYS


MIN_STEM_NAME = 5  # a name this long also matches its adjective ("Crimea", "Crimean")
# Single capitalised words that are not names of things an event is about.
NOT_WORDS = MONTHS | WEEKDAYS | frozenset({"i", "mr", "mrs", "ms", "dr"})


def _tokens(text: str) -> list[str]:
    return re.findall(r"\w+", fold(text))


def mentions_name(text: str, name: str) -> bool:
    """Whether ``text`` names ``name``: all its words in a row, folded (so
    "Marrow" finds "Marrow" and "Nausėda" "Nauseda"); a person's surname alone
    also counts ("Brel" for "Tomas Brel")."""
    found = _tokens(text)
    if _mentioned(found, name):
        return True
    # "António Marrow of Portugal" is mentioned where both are.
    parts = [p for p in re.split(r"\s+of\s+(?:the\s+)?", name) if p]
    return len(parts) > 1 and all(_mentioned(found, part) for part in parts)


def _mentioned(found: list[str], name: str) -> bool:
    written = re.findall(r"\w+", name)
    while len(written) > 1 and fold(written[0]) in OFFICE_WORDS:
        written = written[1:]  # "Administrator Thomas Paine": the person is named
    wanted = [fold(word) for word in written]
    if not wanted:
        return False
    width = len(wanted)
    if any(found[i : i + width] == wanted for i in range(len(found) - width + 1)):
        return True
    if width == 1 and len(wanted[0]) >= MIN_STEM_NAME:
        # "Crimea" in "Crimean", "Lithuania" in "Lithuanian", "Belarus" in "Belarusian".
        return any(
            token.startswith(wanted[0]) and len(token) - len(wanted[0]) <= 3 for token in found
        )
    person = " ".join(written)
    return (
        width > 1 and is_plausible_name(person) and not _all_known(person) and wanted[-1] in found
    )


def _all_known(name: str) -> bool:
    """A country or other known non-person ("North Velmora"): never matched by its last word."""
    return all(word in NOT_NAMES for word in _tokens(name))
