"""People named in a sentence, with the office the sentence gives them.

Rule-based: an office from the role vocabulary next to a capitalised name, in
the four shapes news writing uses:

- appositive: "the Lithuanian president, Dalia Grybauskaite,"
- title before name: "German Chancellor Olaf Scholz"
- name then office: "Kaja Kallas, the prime minister of Estonia", "Jane Roe of
  Velmora, the third chair,", "Jane Roe, who took office in May as chair of X",
  "Jane Roe has served as chair of X since 2010"
- a term by its verb: "Jane Roe, who ran the league from 2001 to 2009" (the verb
  says the office: "ran", "led" and "headed" its head, "chaired" its chair), "the
  league was led by Jane Roe", "Jane Roe succeeded Otto Quell as chair of X"
- a bare name that speaks: "Grybauskaite said", "said Jane Roe" (role None)

A pronoun subject ("She becomes the board's ninth chair") is the person the
caller says it stands for (``find_people``'s ``antecedent``).
``verify.claims.slots.holder_numbers`` reads the holder's number a sentence gives.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from verify.claims.slots.ordinals import PATTERN as ORDINAL_PATTERN
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
# A given name of syllables joined by a hyphen: "Ban Ki-moon", "Kim Jong-un".
_SYLLABIC = rf"{_GUARD}{UPPER}[a-z]{{1,3}}-[a-z]{{2,5}}"
_LATER_TOKEN = rf"(?:{_SYLLABIC}|{_TOKEN}|{_ARABIC_PREFIXED})"
# 1-4 capitalised tokens; particles may sit between them ("Ursula von der Leyen").
_SUFFIX = r"(?:,?\s+(?:Jr|Sr)\.?|\s+(?:II|III|IV))"
NAME = (
    rf"{_TOKEN}(?:\s+(?:{_PARTICLE}\s+){{0,2}}{_LATER_TOKEN}){{0,3}}{_SUFFIX}?"
    r"(?![\w-])(?!\.\w)"
)

# A body or country before an office: "NATO", "Lithuania's", "US".
# An acronym is a body even when it spells a word the guard keeps out ("WHO"); a token
# starts at a word's start, or "WHO chief" would give "HO".
_ORG_TOKEN = (
    rf"(?<![\w'’&.-])(?:(?!(?:THE|AND|FOR|OF)\b)[A-Z]{{2,6}}(?![\w'’-])"
    rf"|{_GUARD}(?:{UPPER}(?:[\w&.-]|['’](?!s\b))*))"
)
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
_ROLE = rf"(?<![\w-])(?P<role>{ROLE})"  # never the end of a word: "vice-chair" is no chair
_DETERMINER = r"(?:(?i:the|a|an|its|his|her|their)\s+)"
# Without its named groups, so an office may hold it in two places.
_ORDINAL = rf"(?:(?i:{re.sub(r'[(][?]P<[a-z]+>', '(?:', ORDINAL_PATTERN)})\s+)"
# Where a person comes from, after the name: "Jane Roe of Velmora", "of the Republic of X".
_FROM_PLACE = rf"(?:\s+of\s+(?:the\s+)?{_ORG_TOKEN}(?:\s+(?:of\s+)?{_ORG_TOKEN}){{0,3}})"
# The dates of a term right after an office in apposition: "Jane Roe, chair from 1990 to 1999".
_TERM_DATES_AHEAD = r"\s+(?:from|since|between)\s+(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\.?\s+)?\d{4}\b"
# What may follow an office that closes a phrase: punctuation, the end, a speech verb.
_AFTER_ROLE = rf"(?=\s*[,.;:)—–]|\s*$|\s+(?:{SPEECH_ALT})\b|{_TERM_DATES_AHEAD})"
# The same, or the dates of a term: "chair of X since 2010".
# "when" too: "Jane Roe was chair when the bridge opened in 1990" dates the office.
_AFTER_TERM_ROLE = r"(?=\s*[,.;:)—–]|\s*$|\s+(?:from|since|until|between|in|on|when)\b)"
# An ordinal before the body or after it: "the ninth chair", "the board's ninth chair".
_OFFICE = rf"{_DETERMINER}?{_ORDINAL}?{_LEAD}(?:{_ORG}\s+)??{_ORDINAL}?{_ROLE}(?:{_ORG_AFTER})??"
_SPEECH = rf"(?:{SPEECH_ALT})(?![\w-])"
# What may follow a name in apposition: punctuation, end, "and", "who", a speech verb.
_AFTER_NAME = rf"(?=\s*[,.;:)—–]|\s*$|\s+(?:and|who|{SPEECH_ALT})\b)"
_ADVERBS = r"(?:(?:also|later|earlier|previously|then|again|has|had|have|would|will|\w+ly)\s+)"
_PREPOSITIONS = frozenset(
    "in at from to into near across of for with by on outside inside via toward towards".split()
)

_APPOSITIVE = re.compile(
    rf"{_DETERMINER}?{_ORDINAL}?{_LEAD}(?:{_ORG}\s+)??{_ROLE}(?:{_ORG_AFTER})??,\s+"
    rf"(?:{HONORIFIC}\s+)?(?P<name>{NAME}){_AFTER_NAME}"
)
_TITLE = re.compile(rf"{_LEAD}(?:{_ORG}\s+)??{_ROLE}(?:{_ORG_AFTER})??\s+(?P<name>{NAME})")
# A name, and an honorific before it, start with a capital: the lookahead rejects
# every other position at once instead of trying the whole pattern there.
_CAPITAL_FIRST = rf"(?={UPPER})"
_NAME_THEN_ROLE = re.compile(
    rf"{_CAPITAL_FIRST}(?:{HONORIFIC}\s+)?(?P<name>{NAME}){_FROM_PLACE}?,\s+{_OFFICE}{_AFTER_ROLE}"
)
# "Jane Roe, who took office on 1 May as the third chair of X,".
_NAME_WHO_AS = re.compile(
    rf"(?P<name>{NAME}),\s+who\s+(?:[^,;:“”\"()]{{1,60}}?\s)?as\s+{_OFFICE}{_AFTER_TERM_ROLE}"
)
# "Jane Roe has served as chair of X since 2010", "Jane Roe was the third chair of X".
_STATUS = (
    r"(?:(?:has|had|have)\s+(?:been|served\s+as)|served\s+as|serves\s+as|is|was|became"
    r"|becomes|remains|remained|took\s+office\s+as|will\s+(?:be|become))"
)
# "Jane Roe, a former harbour pilot, is the sixth chair": an aside between name and verb.
_ASIDE = r"(?:,\s+(?i:a|an|the)\s+[^,;:“”\"()]{1,80}?,)"
_NAME_PREDICATE = re.compile(
    rf"(?P<name>{NAME}){_FROM_PLACE}?{_ASIDE}?,?\s+(?:who\s+)?{_STATUS}\s+{_OFFICE}"
    rf"{_AFTER_TERM_ROLE}"
)
# "She becomes the board's ninth chair": the person is the one the pronoun stands for.
_PRONOUNS = frozenset({"He", "She"})
_PRONOUN_PREDICATE = re.compile(
    rf"(?<![\w-])(?P<name>He|She)\s+{_ADVERBS}?{_STATUS}\s+{_OFFICE}{_AFTER_TERM_ROLE}"
)
# "Jane Roe, the eleventh person to lead the board": the verb says the office.
_HOLDING_ROLES = {"lead": "head", "head": "head", "run": "head", "chair": "chair"}
_NAME_NTH_TO = re.compile(
    rf"{_CAPITAL_FIRST}(?:{HONORIFIC}\s+)?(?P<name>{NAME}),\s+(?i:the|its)\s+{_ORDINAL}"
    rf"(?i:person|man|woman)\s+to\s+(?P<holding>{'|'.join(_HOLDING_ROLES)})\s+(?:the\s+)?"
    rf"(?P<org2>{_ORG_TOKEN}(?:\s+(?:of\s+|and\s+|&\s+)?{_ORG_TOKEN}){{0,4}}|(?<=the\s)[a-z]+)"
)
# A term told by its verb, its dates right after: "Jane Roe, who ran the league from 2001".
_TERM_VERBS = {
    "led": "head",
    "ran": "head",
    "headed": "head",
    "chaired": "chair",
    "directed": "director",
    "governed": "governor",
    "administered": "administrator",
    "presided over": "president",
}
_TERM_VERB = "|".join(v.replace(" ", r"\s+") for v in _TERM_VERBS)
# The same, told from the body: "the league was led by Jane Roe".
_LED_BY = {
    "led": "head",
    "run": "head",
    "headed": "head",
    "chaired": "chair",
    "directed": "director",
}
_BODY_LED_BY = re.compile(
    rf"(?:(?<=[Tt]he\s)(?P<orgl>[a-z]+)|(?P<org2>{_ORG_TOKEN}(?:\s+(?:of\s+|and\s+)?{_ORG_TOKEN}){{0,4}}))"
    rf"\s+(?:was|were|is|has\s+been|had\s+been)\s+(?P<passive>{'|'.join(_LED_BY)})\s+by\s+"
    rf"(?P<name>{NAME})"
)
# "Jane Roe succeeded Otto Quell as chair of X": the office is the successor's.
_SUCCEEDED = re.compile(
    rf"(?P<name>{NAME}){_FROM_PLACE}?,?\s+(?:who\s+)?(?:succeeded|replaced)\s+{NAME}\s+as\s+"
    rf"{_OFFICE}{_AFTER_TERM_ROLE}"
)
_NAME_RAN = re.compile(
    rf"(?P<name>{NAME}){_FROM_PLACE}?,?\s+(?:who\s+)?(?:(?:has|had|have)\s+)?(?P<verb>{_TERM_VERB})"
    r"\s+(?:the\s+)?"
    rf"(?P<org2>{_ORG_TOKEN}(?:\s+(?:of\s+|and\s+|&\s+)?{_ORG_TOKEN}){{0,4}}|(?<=the\s)[a-z]+)"
    r"(?=\s+(?:from|between|since|until)\s+(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\.?\s+)?\d{4}\b)"
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
_NAME_FIRST = (
    _NAME_THEN_ROLE,
    _NAME_NTH_TO,
    _NAME_WHO_AS,
    _NAME_PREDICATE,
    _NAME_RAN,
    _SUCCEEDED,
    _PRONOUN_PREDICATE,
)
_WITH_ROLE = (_APPOSITIVE, _TITLE, *_NAME_FIRST, _BODY_LED_BY)
_WITHOUT_ROLE = (_NAME_SPEAKS, _SPEECH_THEN_NAME, _ACCORDING_TO_NAME, _QUOTED_AS_SAYING)
# Words a shape cannot match without.
# Keyed by id: hashing a compiled pattern hashes its whole program, 70 µs for
# the office tries, which cost more than the scan it was meant to skip.
_CUES = {
    id(pattern): cue
    for pattern, cue in {
        _NAME_WHO_AS: re.compile(r",\s+who\s"),
        _NAME_PREDICATE: re.compile(rf"\b{_STATUS}\s"),
        _PRONOUN_PREDICATE: re.compile(r"\b(?:He|She)\s"),
        _NAME_NTH_TO: re.compile(r"\s+to\s"),
        _NAME_RAN: re.compile(rf"\b(?:{_TERM_VERB})\s"),
        _SUCCEEDED: re.compile(r"\b(?:succeeded|replaced)\s"),
        _BODY_LED_BY: re.compile(r"\s+by\s"),
    }.items()
}


def find_people(text: str, base: int = 0, antecedent: str | None = None) -> tuple[PersonRole, ...]:
    """People named in ``text``, each with its office and body when given; a "He"
    or "She" given an office is ``antecedent``, the person the caller says it
    stands for (none without one)."""
    found: list[tuple[PersonRole, tuple[int, int]]] = []
    taken = TakenSpans()
    for candidate, name_span in _candidates(text, antecedent):
        if not taken.overlaps(*name_span):
            found.append((candidate, name_span))
            taken.take(*name_span)
    found.sort(key=lambda item: item[0].start)
    return tuple(_shifted(person, base) for person, _ in found)


def _candidates(text: str, antecedent: str | None) -> Iterator[tuple[PersonRole, tuple[int, int]]]:
    for pattern in (*_WITH_ROLE, *_WITHOUT_ROLE):
        if pattern is _PRONOUN_PREDICATE and antecedent is None:
            continue
        cue = _CUES.get(id(pattern))
        if cue is not None and cue.search(text) is None:
            continue  # scanning for names is the slow part: skip shapes whose words are absent
        for match in pattern.finditer(text):
            person = _person(text, match, with_role=pattern in _WITH_ROLE)
            if person is not None and person.name in _PRONOUNS and antecedent:
                person = replace(person, name=antecedent)
            if person is not None:
                yield person, match.span("name")


def _person(text: str, match: re.Match[str], *, with_role: bool) -> PersonRole | None:
    name = match.group("name")
    if match.re is _PRONOUN_PREDICATE:
        pass  # the pronoun stands for a name given elsewhere
    elif not is_plausible_name(name) or not _name_context_ok(text, match, with_role):
        return None
    if match.re is _TITLE and not _title_body_ends(text, match):
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
    if "holding" in match.re.groupindex:
        return _HOLDING_ROLES[match.group("holding").lower()]
    if "verb" in match.re.groupindex:
        return _TERM_VERBS[" ".join(match.group("verb").lower().split())]
    if "passive" in match.re.groupindex:
        return _LED_BY[match.group("passive").lower()]
    lead = match.group("lead")
    role = match.group("role")
    return normalise_role(f"{lead} {role}" if lead else role)


def _name_context_ok(text: str, match: re.Match[str], with_role: bool) -> bool:
    """Reject a name that is an object of a preposition or a determiner.

    "In Warsaw, the president said" and "the Kremlin said" are not people;
    a name after its office ("President Putin") is judged by the office.
    """
    if with_role and match.re not in _NAME_FIRST:
        return True
    if match.re in (_SPEECH_THEN_NAME, _ACCORDING_TO_NAME, _QUOTED_AS_SAYING):
        return True
    previous = _word_before(text, match.start("name")).lower()
    return previous not in _PREPOSITIONS and previous not in {"the", "a", "an"}


def _title_body_ends(text: str, match: re.Match[str]) -> bool:
    """Whether a body between an office and a name ends where the name begins.

    "President of Freedonia Jane Roe" reads so; in "Chair of the Tarn Compact"
    the last word is the body's own, not a person.
    """
    if not match.group("org2"):
        return True
    before = text[: match.start("org2")].split()
    return bool(before) and before[-1].lower() != "the" and len(match.group("name").split()) > 1


def _organisation(text: str, match: re.Match[str]) -> str | None:
    for group in ("org", "orgl", "org2"):
        value = match.group(group) if group in match.re.groupindex else None
        if value and not _org_is_role_word(value) and _org_context_ok(text, match, group):
            return re.sub(r"(?<=[a-z]{2})\.$", "", value)  # a full stop ends the sentence
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
