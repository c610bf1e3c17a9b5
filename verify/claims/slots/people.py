"""People named in a sentence, with the office the sentence gives them.

Rule-based: an office from the role vocabulary next to a capitalised name, in
the four shapes news writing uses:

- appositive: "the Lithuanian president, Dalia Grybauskaite,"
- title before name: "German Chancellor Olaf Scholz"
- name then office: "Kaja Kallas, the prime minister of Estonia"
- a bare name that speaks: "Grybauskaite said", "said Jane Roe" (role None)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from verify.claims.slots.roles import (
    HEAD_ALT,
    HONORIFIC,
    LETTER,
    NAME_STOPWORDS,
    OFFICE_WORDS,
    ROLE,
    SPEECH_ALT,
    UPPER,
    WEEKDAYS,
    is_plausible_name,
    normalise_role,
    trie_alternation,
)
from verify.claims.slots.spans import TakenSpans
from verify.records import PersonRole


def _word_alternation(words: frozenset[str]) -> str:
    return trie_alternation([w] for w in words)


# Words that never start or continue a name: "The", "Tuesday", "President".
_HONORIFICS = frozenset("mr mrs ms miss mx dr sir dame lord lady jr sr".split())
_EXCLUDED = _word_alternation(NAME_STOPWORDS | WEEKDAYS | OFFICE_WORDS | _HONORIFICS)
_GUARD = rf"(?!(?i:{_EXCLUDED})(?![\w'’-]))"

# One capitalised token: "Nausėda", "O'Brien", "Jean-Pierre", or an initial "J.".
# An apostrophe only continues a token when not a possessive "'s".
_TOKEN = (
    rf"{_GUARD}(?:{UPPER}{LETTER}*(?:['’](?!s\b){LETTER}+)*(?:-{UPPER}{LETTER}*)*"
    rf"|{UPPER}\.)"
)
_PARTICLE = r"(?:de|del|della|der|den|di|da|das|dos|du|van|von|le|la|bin|ibn|ter|ten|zu|y)"
_ARABIC_PREFIXED = rf"(?:al|el|ad|ash|bin|ibn|abu|ben)-{UPPER}{LETTER}*"
_LATER_TOKEN = rf"(?:{_TOKEN}|{_ARABIC_PREFIXED})"
# 1-4 capitalised tokens; particles may sit between them ("Ursula von der Leyen").
_SUFFIX = r"(?:,?\s+(?:Jr|Sr)\.?|\s+(?:II|III|IV))"
NAME = (
    rf"{_TOKEN}(?:\s+(?:{_PARTICLE}\s+){{0,2}}{_LATER_TOKEN}){{0,3}}{_SUFFIX}?"
    r"(?![\w-])(?!\.\w)"
)

# A body or country before an office: "NATO", "Lithuania's", "US".
_ORG_TOKEN = rf"{_GUARD}(?:{UPPER}(?:[\w&.-]|['’](?!s\b))*)"
# "the company's founder": a lower-case body is only taken in the possessive.
_ORG = (
    rf"(?:(?P<org>{_ORG_TOKEN}(?:\s+(?:of\s+)?{_ORG_TOKEN}){{0,3}}?)(?:['’]s)?"
    rf"|(?<=[Tt]he\s)(?P<orgl>[a-z]+)['’]s)"
)
# "Former British prime minister": the time word belongs to the office.
_LEAD = r"(?:(?P<lead>(?i:former|outgoing|incoming|acting|interim))\s+)?"
# The body after an office: "of Estonia", "for the ministry", "of Acme Corp".
_ORG_AFTER = (
    rf"\s+(?:of|for|at|to)\s+(?:the\s+)?"
    rf"(?P<org2>{_ORG_TOKEN}(?:\s+(?:of\s+|and\s+|&\s+)?{_ORG_TOKEN}){{0,4}}?|(?<=the\s)[a-z]+)"
)
_ROLE = rf"(?P<role>{ROLE})"
_DETERMINER = r"(?:(?i:the|a|an|its|his|her|their)\s+)"
_SPEECH = rf"(?:{SPEECH_ALT})(?![\w-])"
# What may follow a name in apposition: punctuation, end, "and", "who", a speech verb.
_AFTER_NAME = rf"(?=\s*[,.;:)—–]|\s*$|\s+(?:and|who|{SPEECH_ALT})\b)"
_ADVERBS = r"(?:(?:also|later|earlier|previously|then|again|has|had|have|would|will|\w+ly)\s+)"
_PREPOSITIONS = frozenset(
    "in at from to into near across of for with by on outside inside via toward towards".split()
)

_APPOSITIVE = re.compile(
    rf"{_DETERMINER}?{_LEAD}(?:{_ORG}\s+)??{_ROLE}(?:{_ORG_AFTER})??,\s+"
    rf"(?:{HONORIFIC}\s+)?(?P<name>{NAME}){_AFTER_NAME}"
)
_TITLE = re.compile(rf"{_LEAD}(?:{_ORG}\s+)??{_ROLE}(?:{_ORG_AFTER})??\s+(?P<name>{NAME})")
# A name, and an honorific before it, start with a capital: the lookahead rejects
# every other position at once instead of trying the whole pattern there.
_CAPITAL_FIRST = rf"(?={UPPER})"
_NAME_THEN_ROLE = re.compile(
    rf"{_CAPITAL_FIRST}(?:{HONORIFIC}\s+)?(?P<name>{NAME}),\s+{_DETERMINER}?{_LEAD}(?:{_ORG}\s+)??{_ROLE}"
    rf"(?:{_ORG_AFTER})??(?=\s*[,.;:)—–]|\s*$|\s+(?:{SPEECH_ALT})\b)"
)
_NAME_SPEAKS = re.compile(
    rf"{_CAPITAL_FIRST}(?:{HONORIFIC}\s+)?(?P<name>{NAME})(?:,\s+who\b[^,;“”\"]{{1,100}},)?"
    rf"\s+{_ADVERBS}{{0,2}}{_SPEECH}"
)
_SPEECH_THEN_NAME = re.compile(
    rf"(?<![\w-]){_SPEECH}\s+(?:{HONORIFIC}\s+)?(?P<name>{NAME})(?=\s*[,.;:!?)]|\s*$)"
)
_ACCORDING_TO_NAME = re.compile(
    rf"(?i:according\s+to)\s+(?:{HONORIFIC}\s+)?(?P<name>{NAME})(?=\s*[,.;:!?)]|\s*$)"
)
_QUOTED_AS_SAYING = re.compile(rf"quoted\s+(?:{HONORIFIC}\s+)?(?P<name>{NAME})\s+as\s+saying")

# Office-bearing shapes first: when spans overlap, the earlier shape wins.
_WITH_ROLE = (_APPOSITIVE, _TITLE, _NAME_THEN_ROLE)
_WITHOUT_ROLE = (_NAME_SPEAKS, _SPEECH_THEN_NAME, _ACCORDING_TO_NAME, _QUOTED_AS_SAYING)


def find_people(text: str, base: int = 0) -> tuple[PersonRole, ...]:
    """People named in ``text``, each with its office and body when given."""
    found: list[tuple[PersonRole, tuple[int, int]]] = []
    taken = TakenSpans()
    for candidate, name_span in _candidates(text):
        if not taken.overlaps(*name_span):
            found.append((candidate, name_span))
            taken.take(*name_span)
    found.sort(key=lambda item: item[0].start)
    return tuple(_shifted(person, base) for person, _ in found)


# Every pattern with an office needs one of these words somewhere in the text.
_ROLE_HEAD = re.compile(rf"(?i:{HEAD_ALT})")


def _candidates(text: str) -> Iterator[tuple[PersonRole, tuple[int, int]]]:
    # Most sentences name no office: they skip the office patterns, the costliest.
    with_role = _WITH_ROLE if _ROLE_HEAD.search(text) else ()
    for pattern in (*with_role, *_WITHOUT_ROLE):
        for match in pattern.finditer(text):
            person = _person(text, match, with_role=pattern in _WITH_ROLE)
            if person is not None:
                yield person, match.span("name")


def _person(text: str, match: re.Match[str], *, with_role: bool) -> PersonRole | None:
    name = match.group("name")
    if not is_plausible_name(name) or not _name_context_ok(text, match, with_role):
        return None
    role = _role(match) if with_role else None
    start, end = match.span()
    return PersonRole(
        name=name,
        role=role,
        organisation=_organisation(text, match) if with_role else None,
        text=text[start:end],
        start=start,
        end=end,
    )


def _role(match: re.Match[str]) -> str:
    lead = match.group("lead")
    role = match.group("role")
    return normalise_role(f"{lead} {role}" if lead else role)


def _name_context_ok(text: str, match: re.Match[str], with_role: bool) -> bool:
    """Reject a name that is an object of a preposition or a determiner.

    "In Warsaw, the president said" and "the Kremlin said" are not people;
    a name after its office ("President Putin") is judged by the office.
    """
    if with_role and match.re is not _NAME_THEN_ROLE:
        return True
    if match.re in (_SPEECH_THEN_NAME, _ACCORDING_TO_NAME, _QUOTED_AS_SAYING):
        return True
    previous = _word_before(text, match.start("name")).lower()
    return previous not in _PREPOSITIONS and previous not in {"the", "a", "an"}


def _organisation(text: str, match: re.Match[str]) -> str | None:
    for group in ("org", "orgl", "org2"):
        value = match.group(group)
        if value and not _org_is_role_word(value) and _org_context_ok(text, match, group):
            return value
    return None


def _org_is_role_word(value: str) -> bool:
    return re.fullmatch(rf"(?i:{HEAD_ALT})", value) is not None


def _org_context_ok(text: str, match: re.Match[str], group: str) -> bool:
    """A place before a title after a preposition is the setting, not the body.

    "Speaking in Kyiv President X said": Kyiv is where, not whose president.
    """
    if group != "org":
        return True
    return _word_before(text, match.start("org")).lower() not in _PREPOSITIONS


def _word_before(text: str, end: int) -> str:
    """The last whitespace-separated word of ``text[:end]`` ("" if none).

    Reads back from ``end`` only: splitting the whole prefix made a long
    unpunctuated text quadratic in the names it holds (issue 12).
    """
    stop = end
    while stop > 0 and text[stop - 1].isspace():
        stop -= 1
    start = stop
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:stop]


def _shifted(person: PersonRole, base: int) -> PersonRole:
    return PersonRole(
        name=person.name,
        role=person.role,
        organisation=person.organisation,
        text=person.text,
        start=person.start + base,
        end=person.end + base,
    )
