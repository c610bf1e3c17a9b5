"""Dated lists written as prose: "Norvania has won the cup three times, in 1981,
1985 and 1989"; "Lissa (1998 and 2018) and Norvania (1930 and 1950) have won two
each".

A sentence that gives a name a count and exactly that many years lists the
name's occurrences: each year becomes an event of that name (``subject``), in a
list of its own (``group``: the name and the words of its clause), so a later
claim can be counted against it as of any date ("Norvania's second cup",
"Calderon, with two titles"). The count is what makes it a list of all of them:
"Two hosts have won the cup: Norvania in 1981 and Calderon in 2001" gives
each host one year but counts hosts, not wins, and lists nothing.

Each event keeps the words of its own part of the sentence ("three of them as West
Tessaly (1954, 1974 and 1990)"), so a sub-count can filter on them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from verify.claims import find_dates, find_names, find_quantities
from verify.facts.dates import plausible_year
from verify.records import Fact

_YEAR = re.compile(r"(?<![\w.,£$€])(?P<year>1[89]\d\d|20\d\d)(?![\w%]|[.,]\d)")
_COUNT_WORDS = {"once": 1, "twice": 2, "thrice": 3}
_EACH = re.compile(
    r"\b(?P<n>one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:\w+\s+)?each\b",
    re.IGNORECASE,
)
_SMALL = {w: i for i, w in enumerate("one two three four five six seven eight nine ten".split(), 1)}
# Where a new owner's part of a sentence may start: its beginning, or after these.
_CLAUSE_START = re.compile(r"(?:^|[;]\s*|,\s+and\s+|\band\s+|,\s+)$")


@dataclass(frozen=True)
class _Owner:
    name: str
    start: int  # where the owner's part of the sentence starts
    end: int  # and ends


def enumerated_events(sentence: str, heading: str | None) -> list[Fact]:
    """The events of every name the sentence counts with exactly that many years.

    Only years standing alone count ("in 1958, 1962 and 1970"): a full date or a
    span ("from 1 January 2007 to 31 December 2016") is a time, not an occurrence.
    """
    spans = [
        (d.start, d.end)
        for d in find_dates(sentence)
        if len(d.value) > 4 or d.relation not in ("", "in")
    ]
    years = [
        m
        for m in _YEAR.finditer(sentence)
        if plausible_year(m.group("year")) and not any(a <= m.start() < b for a, b in spans)
    ]
    if not years:
        return []
    events: list[Fact] = []
    for owner in _owners(sentence):
        own = [y for y in years if owner.start <= y.start() < owner.end]
        part = sentence[owner.start : owner.end]
        count = _count(part, sentence, owner)
        if not own or count != len(own):
            continue
        group = f"{owner.name}: {_clause_words(sentence)}"
        for year in own:
            events.append(
                Fact(
                    "event",
                    _item(sentence, year.start()),
                    date=year.group("year"),
                    group=group,
                    subject=owner.name,
                    dated_by="text",
                )
            )
    return events


def _owners(sentence: str) -> list[_Owner]:
    """Names that open a part of the sentence, each owning the text up to the next."""
    depth_marks = _depths(sentence)
    starts = []
    for name in find_names(sentence):
        if depth_marks[name.start]:
            continue  # inside parentheses: a detail, not an owner
        if _CLAUSE_START.search(sentence[: name.start]) or name.start == 0:
            starts.append(name)
    owners = []
    for index, name in enumerate(starts):
        end = starts[index + 1].start if index + 1 < len(starts) else len(sentence)
        owners.append(_Owner(name.text, name.start, end))
    return owners


def _depths(text: str) -> list[int]:
    depth, marks = 0, []
    for char in text:
        if char == "(":
            depth += 1
        marks.append(depth)
        if char == ")":
            depth = max(0, depth - 1)
    marks.append(depth)
    return marks


def _count(part: str, sentence: str, owner: _Owner) -> int | None:
    """The count the owner's part gives: "three times", "twice", "four titles",
    "three" alone, or the sentence's "two each" for its clause."""
    for word, value in _COUNT_WORDS.items():
        if re.search(rf"\b{word}\b", part, re.IGNORECASE):
            return value
    each = [m for m in _EACH.finditer(sentence) if m.start() >= owner.start]
    if each:
        number = each[0].group("n").lower()
        return _SMALL.get(number) or int(number)
    outside = re.sub(r"\([^)]*\)", " ", part)
    quantities = [q for q in find_quantities(outside) if not _YEAR.fullmatch(q.text)]
    if quantities:
        return int(quantities[0].value)
    bare = re.search(rf"\b({'|'.join(_SMALL)})\b", outside, re.IGNORECASE)
    return _SMALL[bare.group(1).lower()] if bare else None


def _clause_words(sentence: str) -> str:
    """The sentence without its parentheses, years and names: what the list is of."""
    text = re.sub(r"\([^)]*\)|\b\d{4}\b", " ", sentence)
    for name in reversed(find_names(text)):
        text = text[: name.start] + text[name.end :]
    words = [w for w in re.findall(r"[\w'’-]+", text) if w.lower() not in ("and", "in")]
    return " ".join(words)[:80]


def _item(sentence: str, position: int) -> str:
    """The comma-separated part of the sentence holding ``position``, with any
    parenthesis it sits in: "three of them as West Tessaly (1954, 1974 and 1990)"."""
    depth = _depths(sentence)
    start = position
    while start > 0 and not (sentence[start - 1] == "," and depth[start - 1] == 0):
        start -= 1
    end = position
    while end < len(sentence) and not (sentence[end] == "," and depth[end] == 0):
        end += 1
    return sentence[start:end].strip(" ,;.")
