"""Offices completed from their page: the office or the body a term's own words leave out.

A table of terms ("Name; Took office; Left office") may name its office only in
the prose before it ("The Administrator is the agency's most senior official ...
the table lists the holders of the post"): the office the paragraphs before it
name most, at least twice and more than any other, is the table's; without one
its rows are no terms.

A reference often names the body once, in its title or a heading, and then
writes only the office: "Chairs" above a list on a page about the Tarn Rowing
League, "Jane Roe served as chair from 2001 to 2009" in a section of it, "Otto
Quell led the league from 1990 to 1999". Each term whose office names no body
takes one from the page, nearest first:

1. the heading it sits under, when that heading names a body the page's text
   mentions again ("Tarn Rowing League");
2. the one body the page's other terms give an office of the same role ("Chair
   of the Tarn Rowing League" in a table above);
3. the page's title, when it is a name ("Tarn Rowing League").

A term told by a generic verb ("led", "ran": the office "head of the Space Office") becomes
the page's one office of that body ("Chair of the Harbour Board") when there is one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from verify.claims import ROLE, find_names, fold
from verify.facts.office_keys import GENERIC_HEADS, office_key_from_title
from verify.facts.prose import office_phrases
from verify.facts.row_terms import office_from_heading, singular
from verify.records import Fact, Passage

Found = tuple[int, Fact]
_MAX_NAME_WORDS = 6
_PROSE_BACK = 3  # paragraphs read back from a table for the office it lists
_MIN_MENTIONS = 2
_SHORT_FORM = re.compile(r"\s\((?:the\s+)?(?P<short>[A-Z][A-Za-z&]{1,9})\)")
_LONG_FORM_REACH = 120
_JOINERS = frozenset("of the and for de du la von van".split())


def complete_offices(
    found: Sequence[Found],
    passages: Sequence[Passage],
    headings: Sequence[str | None],
    title: str | None,
) -> list[Found]:
    """``found`` with each term's office given the body its page names."""
    text = "\n".join(p.text for p in passages)
    found = _named_in_prose(found, passages)
    terms = [fact for _, fact in found if fact.kind == "term" and fact.office]
    aliases = short_forms(text)
    completed = []
    for index, fact in found:
        if fact.kind == "term" and fact.office:
            heading = headings[index] if index < len(headings) else None
            office = _with_short_form(_completed(fact.office, terms, heading, title, text), aliases)
            fact = replace(fact, office=office) if office != fact.office else fact
        completed.append((index, fact))
    return completed


def short_forms(text: str) -> dict[str, str]:
    """The short forms a page defines: "the Halden Space Agency (HASA)" -> {"Halden
    Space Agency": "HASA"}. The short form's letters must spell, in order, a part
    of the long one's, from its first letter ("IRB", "UN")."""
    found = {}
    for match in _SHORT_FORM.finditer(text):
        before = text[max(0, match.start() - _LONG_FORM_REACH) : match.start()]
        names = find_names(re.split(r"[.!?;:]\s|\n", before)[-1])
        if not names:
            continue
        long, short = names[-1].text, match.group("short")
        if _spells(short, long) and text[: match.start()].rstrip().endswith(long):
            found[long] = short
    return found


def _spells(short: str, long: str) -> bool:
    letters, rest = short.lower(), fold(long).lower()
    if not letters or letters[0] != rest[:1]:
        return False
    at = 0
    for letter in letters:
        at = rest.find(letter, at) + 1
        if at == 0:
            return False
    return True


def _with_short_form(office: str, aliases: dict[str, str]) -> str:
    """ "Administrator of the Halden Space Agency" -> "... (HASA)", and "Administrator
    of HASA" -> "... (Halden Space Agency)": the claim may write either."""
    for long, short in aliases.items():
        if long in office and f"({short})" not in office:
            return f"{office} ({short})"
        if re.search(rf"\b{re.escape(short)}\b", office) and f"({long})" not in office:
            return f"{office} ({long})"
    return office


def _named_in_prose(found: Sequence[Found], passages: Sequence[Passage]) -> list[Found]:
    """Terms without an office given the one the prose before them names, or dropped."""
    named: dict[int, str | None] = {}
    kept = []
    for index, fact in found:
        if fact.kind == "term" and not fact.office:
            if index not in named:
                named[index] = _prose_office(passages, index)
            if not named[index]:
                continue
            fact = replace(fact, office=named[index])
        kept.append((index, fact))
    return kept


def _prose_office(passages: Sequence[Passage], index: int) -> str | None:
    """The office the paragraphs before a table name most (twice at least, and
    more than any other), reading back over headings to the previous table."""
    texts: list[str] = []
    at = index - 1
    while at >= 0 and passages[at].kind == "table_row":
        at -= 1  # the table's own rows
    while at >= 0 and passages[at].kind != "table_row" and len(texts) < _PROSE_BACK:
        if passages[at].kind == "paragraph":
            texts.append(passages[at].text)
        at -= 1
    phrases = [p for text in texts for p in office_phrases(_singular_roles(text))]
    counts = Counter(office_key_from_title(p).role for p in phrases)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < _MIN_MENTIONS:
        return None
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    same = [p for p in phrases if office_key_from_title(p).role == ranked[0][0]]
    with_body = [p for p in same if office_key_from_title(p).organisation]
    return (with_body or same)[0]


def _singular_roles(text: str) -> str:
    """ "Administrators are nominated ..." counts as a mention of the administrator."""
    return re.sub(r"[A-Za-z]+", lambda m: singular(m.group()), text)


def _completed(
    office: str, terms: list[Fact], heading: str | None, title: str | None, text: str
) -> str:
    key = office_key_from_title(office)
    if key.organisation is not None:
        return _specific(office, terms) if key.role <= GENERIC_HEADS else office
    if heading and _names_a_body(heading) and text.count(heading) > 1:
        return _with_body(office, heading, text)
    same_role = {
        term.office: office_key_from_title(term.office).organisation
        for term in terms
        if term.office and office_key_from_title(term.office).role == key.role
    }
    bodies = {body for body in same_role.values() if body}
    if len(bodies) == 1:
        (body,) = bodies
        return next(name for name, b in same_role.items() if b == body)
    if title and _names_a_body(title):
        return _with_body(office, title, text)
    return office


def _specific(office: str, terms: list[Fact]) -> str:
    """ "head of the Board" -> the page's one other office of the Board, if it has exactly one."""
    body = office_key_from_title(office).organisation
    others = {
        office_key_from_title(term.office): term.office
        for term in terms
        if term.office
        and office_key_from_title(term.office).organisation == body
        and not office_key_from_title(term.office).role <= GENERIC_HEADS
    }
    return next(iter(others.values())) if len(others) == 1 else office


def _names_a_body(text: str) -> bool:
    """A short run of capitalised words that is not itself an office: a name."""
    words = text.split()
    if not words or len(words) > _MAX_NAME_WORDS or re.search(r"[?!:;,.()\d]", text):
        return False
    if re.search(rf"(?:^|\s){ROLE}", text) or office_from_heading(text):
        return False
    return all(w[0].isupper() or w.lower() in _JOINERS for w in words)


def _with_body(office: str, body: str, text: str) -> str:
    """ "chair" + "Tarn Rowing League" -> "chair of the Tarn Rowing League" when the
    page writes it with "the"."""
    bare = body.removeprefix("The ").removeprefix("the ")
    the = "the " if re.search(rf"\bthe\s+{re.escape(bare)}", text, re.IGNORECASE) else ""
    return f"{office} of {the}{bare}"
