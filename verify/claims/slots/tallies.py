"""Vote tallies: "by 53 votes to 47", "by a vote of 96 to 3", "confirmed her 52–48".

A tally is two counts that only mean something together, written in several ways
that share no words: an article's "by 53 votes to 47" is a reference's "53–47".
Read as two quantities, the votes for ("votes", spanning the whole tally) and the
votes against ("votes against"), either way of writing compares with the other.

A dash between two numbers is a tally only after a word of voting in the same
sentence ("confirmed", "voted", "approved"): elsewhere it is a score, a range or a
span of years. "N to M" is one when it says "votes", or follows "a vote of", "a
margin of" or "by" after such a word; "from 5 to 7" is a change, never a tally.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_COUNT = r"\d{1,3}(?:,\d{3})+|\d{1,4}"
_NONE = r"none|nil|zero"
_TALLY = re.compile(
    rf"(?P<for>{_COUNT})(?P<votes>\s+votes?)?"
    rf"(?P<joint>\s+to\s+|\s*[–—-]\s*)(?P<against>{_COUNT}|(?i:{_NONE}))(?![\w–—-])"
)
_VOTING = re.compile(
    r"\b(?i:vot(?:e|es|ed|ing)|confirm(?:s|ed|ing)?|elect(?:s|ed)?|approv(?:e|es|ed)|"
    r"adopt(?:s|ed)?|reject(?:s|ed)?|ballot|passed|endorsed|ratified|margin)\b"
)
_LEAD_IN = re.compile(r"(?i:\b(?:a\s+(?:vote|margin)\s+of|by))\s+$")
_SENTENCE_END = re.compile(r"[.!?;]\s")
_REACH = 100  # characters back from a tally to the word of voting
_YEARS = range(1000, 2200)
FOR = "votes"
AGAINST = "votes against"


@dataclass(frozen=True)
class Tally:
    votes_for: int
    votes_against: int
    start: int  # the whole tally, local offsets
    end: int
    against_start: int  # the votes against
    against_end: int


def find_tallies(text: str) -> list[Tally]:
    """Every vote tally in ``text`` (local offsets)."""
    found = []
    for match in _TALLY.finditer(text):
        before = text[max(0, match.start() - _REACH) : match.start()]
        ends = list(_SENTENCE_END.finditer(before))
        clause = before[ends[-1].end() :] if ends else before
        if not _VOTING.search(clause) and not match.group("votes"):
            continue
        dash = "to" not in match.group("joint")
        if not dash and not match.group("votes") and not _LEAD_IN.search(clause):
            continue  # "rose from 5 to 7": a change, not a tally
        votes_for, against = _number(match.group("for")), _number(match.group("against"))
        if dash and not match.group("votes") and votes_for in _YEARS and against in _YEARS:
            continue  # "1993–1997": years
        found.append(
            Tally(
                votes_for,
                against,
                match.start(),
                match.end(),
                match.start("against"),
                match.end("against"),
            )
        )
    return found


def tally_quantities(tally: Tally) -> list[tuple[float, str, int, int, int]]:
    """The votes for (spanning the whole tally) and against, as ``find_quantities``
    holds quantities: value, counted, span start, span end, where the number starts."""
    return [
        (float(tally.votes_for), FOR, tally.start, tally.end, tally.start),
        (
            float(tally.votes_against),
            AGAINST,
            tally.against_start,
            tally.against_end,
            tally.against_start,
        ),
    ]


def is_tally_count(counted: str, text: str) -> bool:
    """Whether a quantity was read from a tally (see ``find_tallies``)."""
    return counted == AGAINST or (counted == FOR and _TALLY.fullmatch(text) is not None)


def _number(text: str) -> int:
    return 0 if re.fullmatch(_NONE, text, re.IGNORECASE) else int(text.replace(",", ""))
