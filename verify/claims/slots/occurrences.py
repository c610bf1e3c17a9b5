"""Counts written as occurrences and ranks: "five-time champions", "for a third
time", "became the 193rd member".

"Calderon won for a third time" says Calderon's wins numbered three after it;
"the five-time champions" that they had five; "Ostmark became the tenth
member" that the members then numbered 192. Each is read as a quantity like
"three times" or "192 members", so the counts and values of the references
check it the same way. "The first country to join" is a superlative, not a
count, and "the seventh person to hold the post" ranks a holder: neither is
read here.
"""

from __future__ import annotations

import re

from verify.claims.slots.ordinals import PATTERN as ORDINAL
from verify.claims.slots.ordinals import ordinal_value

_CARDINALS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
).split()
_CARDINAL = {word: value for value, word in enumerate(_CARDINALS, 1)}

# value, counted, span start, span end, where the number itself starts
Found = tuple[float, str, int, int, int]

_N_TIME = re.compile(
    rf"(?<![\w-])(?P<n>{'|'.join(_CARDINALS)}|\d{{1,2}})-times?(?![\w-])", re.IGNORECASE
)
_NTH_TIME = re.compile(
    rf"\bfor\s+(?:a|the)\s+(?P<n>{ORDINAL})\s+(?:straight\s+|consecutive\s+)?time\b",
    re.IGNORECASE,
)
_FUNCTION = r"(?!(?:in|of|to|on|at|for|since|and|or|by|from|with|after|before)\b)"
# "became the 192nd member", "as the 193rd member state": a rank that is a size.
_RANK = re.compile(
    rf"\b(?:became|becomes|become|becoming|as)\s+the\s+(?P<n>{ORDINAL})\s+"
    rf"(?P<noun>(?:{_FUNCTION}[a-z]+[\s-]){{0,1}}{_FUNCTION}[a-z]+)\b(?!\s+to\b)",
    re.IGNORECASE,
)
# "three of their titles", "Three of Germany's four titles": a part of a whole.
_PART = re.compile(
    rf"(?<![\w-])(?P<n>{'|'.join(_CARDINALS)}|\d{{1,3}})\s+of\s+"
    r"(?:their|its|his|her|our|the|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?['’]s)\s+"
    rf"(?:(?:{'|'.join(_CARDINALS)}|\d{{1,3}})\s+)?(?P<noun>[a-z]+s)\b",
    re.IGNORECASE,
)
_NOT_SIZES = frozenset({"first", "last", "second", "1st", "2nd"})


def occurrence_quantities(text: str) -> list[Found]:
    found: list[Found] = []
    for match in _N_TIME.finditer(text):
        value = _CARDINAL.get(match.group("n").lower()) or int(match.group("n"))
        found.append((float(value), "times", match.start(), match.end(), match.start()))
    for match in _NTH_TIME.finditer(text):
        value = ordinal_value(match.group("n"))
        if value:
            found.append((float(value), "times", match.start(), match.end(), match.start("n")))
    for match in _RANK.finditer(text):
        rank = match.group("n").lower()
        value = ordinal_value(rank)
        if value and rank not in _NOT_SIZES:
            noun = match.group("noun")
            found.append(
                (float(value), noun, match.start("n"), match.end("noun"), match.start("n"))
            )
    for match in _PART.finditer(text):
        number = match.group("n").lower()
        value = _CARDINAL.get(number) if number.isalpha() else int(number)
        if value:
            noun = match.group("noun")
            found.append((float(value), noun, match.start(), match.end(), match.start()))
    return found
