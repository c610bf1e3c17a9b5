"""Ordinal numbers as writers spell them: "ninth", "twenty-first", "192nd", "3rd".

An ordinal places something in a sequence: "the ninth Secretary-General" is the
ninth holder of the office, "the 193rd member" made the membership 193, "for a
third time" is the third occurrence. Finders of people, quantities and counted
lists share this reading.
"""

from __future__ import annotations

import re

_UNITS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
).split()
_TENS_ORDINAL = {
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
    "hundredth": 100,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
WORDS = {word: index for index, word in enumerate(_UNITS, 1)} | _TENS_ORDINAL
_COMPOUND = re.compile(
    rf"(?P<tens>{'|'.join(_TENS)})[\s-](?P<unit>{'|'.join(_UNITS[:9])})", re.IGNORECASE
)
_DIGITS = re.compile(r"(?P<n>\d{1,4})(?:st|nd|rd|th)", re.IGNORECASE)
# Every ordinal as a pattern, longest first so "twenty-first" beats "first".
PATTERN = (
    rf"(?:{_COMPOUND.pattern}|\d{{1,4}}(?:st|nd|rd|th)"
    rf"|{'|'.join(sorted(WORDS, key=len, reverse=True))})"
)
_ANY = re.compile(rf"(?<![\w-])(?i:{PATTERN})(?![\w-])")


def ordinal_value(text: str) -> int | None:
    """The number an ordinal names: "ninth" -> 9, "twenty-first" -> 21, "192nd" -> 192."""
    word = text.strip().lower()
    if word in WORDS:
        return WORDS[word]
    compound = _COMPOUND.fullmatch(word)
    if compound:
        return _TENS[compound.group("tens").lower()] + WORDS[compound.group("unit").lower()]
    digits = _DIGITS.fullmatch(word)
    return int(digits.group("n")) if digits else None


def find_ordinals(text: str) -> list[tuple[int, int, int]]:
    """(value, start, end) of every ordinal in ``text``."""
    found = []
    for match in _ANY.finditer(text):
        value = ordinal_value(match.group())
        if value is not None:
            found.append((value, match.start(), match.end()))
    return found
