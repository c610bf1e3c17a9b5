"""Who came before whom in an office, and for how long, as a sentence says it.

"Jane Roe succeeded Otto Quell", "who took over from Otto Quell on Monday",
"Otto Quell, Ms Roe's predecessor but one", "Ms Roe's successor, Otto Quell" name
two holders of one office and their distance in its sequence. "Otto Quell stepped
down after a dozen years in charge" gives the length of a holder's tenure. These
are read from a claim's words when it is judged, like a holder's number
(``holder_numbers``): the slots keep the people, this module the links between them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from verify.claims.slots.people import NAME
from verify.claims.slots.roles import HONORIFIC, ROLE, is_plausible_name
from verify.records import Quantity

_TITLED = rf"(?:{HONORIFIC}\s+)?"
# Present forms say the change happens at the article's date ("succeeds"); past ones
# only that it happened.
_PRESENT = r"succeeds|replaces|takes\s+over\s+from|is\s+succeeding|is\s+replacing"
_PAST = r"succeeded|replaced|took\s+over\s+from|had\s+taken\s+over\s+from|has\s+taken\s+over\s+from"
_SUCCEEDS = re.compile(
    rf"(?:{_TITLED}(?P<new>{NAME})(?:,\s+who)?\s+)?(?:(?:has|had|will|would)\s+)?"
    rf"(?P<verb>{_PRESENT}|{_PAST}|succeed|replace|take\s+over\s+from)\s+{_TITLED}(?P<old>{NAME})"
)
_RELATION = r"(?P<rel>predecessor|successor)(?P<but>\s+but\s+one)?"
# "Otto Quell, Ms Roe's predecessor but one": the first is the second's predecessor.
_NAME_THEN_RELATION = re.compile(
    rf"(?P<old>{NAME}),\s+{_TITLED}(?P<new>{NAME})['’]s?\s+{_RELATION}(?![\w-])"
)
# "Ms Roe's predecessor, Otto Quell".
_RELATION_THEN_NAME = re.compile(
    rf"{_TITLED}(?P<new>{NAME})['’]s?\s+{_RELATION},\s+{_TITLED}(?P<old>{NAME})"
)
# "Otto Quell, the predecessor of Jane Roe".
_RELATION_OF = re.compile(
    rf"(?P<old>{NAME}),\s+(?:the\s+)?{_RELATION}\s+of\s+{_TITLED}(?P<new>{NAME})"
)


@dataclass(frozen=True)
class Succession:
    """``old`` held the office ``steps`` places before ``new`` (negative: after).

    ``new`` is None when the sentence does not name the successor ("The former
    minister succeeds Otto Quell"); ``now`` when it says the change happens at the
    article's date (a present verb)."""

    new: str | None
    old: str
    steps: int
    words: str  # as the claim writes it: "succeeds Otto Quell", "predecessor but one"
    start: int
    end: int
    now: bool = False


def find_successions(text: str) -> list[Succession]:
    """Every link between two holders that ``text`` states."""
    found = []
    for match in _SUCCEEDS.finditer(text):
        new = match.group("new")
        if not is_plausible_name(match.group("old")):
            continue
        if new is not None and not is_plausible_name(new):
            new = None
        verb = " ".join(match.group("verb").split())
        now = re.fullmatch(_PRESENT, verb) is not None
        start = match.start("verb")
        found.append(
            Succession(
                new, match.group("old"), 1, text[start : match.end()], start, match.end(), now
            )
        )
    for pattern in (_NAME_THEN_RELATION, _RELATION_THEN_NAME, _RELATION_OF):
        for match in pattern.finditer(text):
            if not (
                is_plausible_name(match.group("old")) and is_plausible_name(match.group("new"))
            ):
                continue
            steps = 2 if match.group("but") else 1
            steps = steps if match.group("rel") == "predecessor" else -steps
            start, end = match.start("rel"), match.end("rel")
            end = match.end("but") if match.group("but") else end
            found.append(
                Succession(
                    match.group("new"), match.group("old"), steps, text[start:end], start, end
                )
            )
    return found


# --- how long ---------------------------------------------------------------------------

# What makes a number of years a tenure: "in charge", "in office", "at the helm", "as chair".
_TENURE_TAIL = re.compile(
    rf"\s+(?:in\s+charge|in\s+office|at\s+the\s+helm|in\s+(?:the\s+)?(?:post|job|role)"
    rf"|as\s+(?:its\s+|the\s+)?{ROLE})\b",
    re.IGNORECASE,
)
_NAME_RE = re.compile(rf"{_TITLED}(?P<name>{NAME})")
# A hedge before the number: the claim gives a bound, not the length.
_HEDGE = re.compile(r"(?:more\s+than|over|almost|nearly|about|around|some|under|less\s+than)\s*$")


@dataclass(frozen=True)
class TenureLength:
    """``holder`` held their office for ``years`` years, as the claim says."""

    holder: str
    years: float
    words: str  # the quantity's own words: "a dozen years"
    hedged: bool


def find_tenure_lengths(
    text: str, quantities: tuple[Quantity, ...], base: int
) -> list[TenureLength]:
    """The tenures ``text`` gives a length: a number of years followed by "in charge",
    "in office", "as chair"..., held by the last name before it in the clause."""
    found = []
    for quantity in quantities:
        if quantity.counted.lower() not in ("years", "year"):
            continue
        start, end = quantity.start - base, quantity.end - base
        if not _TENURE_TAIL.match(text, end):
            continue
        clause = re.split(r"[;:]", text[:start])[-1]
        names = [
            m.group("name") for m in _NAME_RE.finditer(clause) if is_plausible_name(m.group("name"))
        ]
        if names:
            hedged = _HEDGE.search(text[:start]) is not None
            found.append(TenureLength(names[-1], quantity.value, quantity.text, hedged))
    return found
