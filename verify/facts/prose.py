"""Terms of office read from prose.

"Ruritania's president since 2019 is Jane Roe", "John Doe served as governor
from 2001 to 2005": a sentence naming one person in one office, with dates
joined to them by linking words, is a term. (Figures in prose are read by
``verify.facts.figures``.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from verify.claims import (
    DEMONYMS,
    NAME,
    NAME_STOPWORDS,
    ROLE,
    UPPER,
    find_dates,
    find_people,
    is_plausible_name,
    normalise_role,
    split_sentences,
)
from verify.facts.dates import span_from_refs
from verify.records import DateRef, Fact, Passage

_ORG_GUARD = "|".join(sorted((re.escape(w) for w in NAME_STOPWORDS), key=len, reverse=True))
# An organisation word is never the start of a role: "Prime Minister of X" is the
# role "prime minister", not the organisation "Prime" and the role "minister".
_ORG = rf"(?!(?i:{_ORG_GUARD})(?![\w'’-]))(?!{ROLE}(?![\w'’-])){UPPER}(?:[\w&.-]|['’](?!s\b))*"
_ROLE_PHRASE = re.compile(
    rf"(?:(?P<org>{_ORG}(?:\s+{_ORG}){{0,2}})(?P<poss>['’]s)?\s+)?(?P<role>{ROLE})"
    rf"(?:\s+(?:of|for)\s+(?:the\s+)?(?P<org2>{_ORG}(?:\s+(?:of\s+|and\s+)?{_ORG}){{0,4}}))?"
)
_NAME_RE = re.compile(NAME)
_LINK_WORDS = frozenset(
    "is was has have had been be being served serves serving as the a an current currently "
    "incumbent who became becomes become remained remains named appointed elected re-elected "
    "sworn in took takes assumed office entered".split()
)
_START_VERBS = re.compile(
    r"\b(?:became|becomes|took\s+office|took\s+over|assumed|sworn\s+in|inaugurated|"
    r"(?:was|were)\s+(?:re-?)?(?:elected|appointed|named))\b",
    re.IGNORECASE,
)
_END_VERBS = re.compile(
    r"\b(?:left\s+office|stepped\s+down|resigned|retired|(?:was|were)\s+(?:replaced|ousted))\b",
    re.IGNORECASE,
)
_AS_OF_BEFORE = re.compile(r"\bas\s+(?:of|at)\s*$", re.IGNORECASE)
_Person = tuple[str, str, int, int]  # holder, office, span start, span end


def prose_facts(passage: Passage, page_as_of: str | None) -> list[Fact]:
    """Terms and counts in each sentence of a prose passage; ``page_as_of`` is the
    page's date, for counts that carry no date of their own."""
    whole = [Passage(passage.kind, 0, len(passage.text), passage.text)]
    facts: list[Fact] = []
    for sentence in split_sentences(passage.text, whole):
        term = _prose_term(sentence.text)
        facts.extend([term] if term else [])
    return facts


# A trailing clause ("..., when she left to become the bloc's foreign policy
# chief") can name another office; the term is in the main clause.
_TRAILING_CLAUSE = re.compile(
    r",\s+(?:when|after|before|while|where|which|who|until|whereupon)\b", re.IGNORECASE
)


def _prose_term(sentence: str) -> Fact | None:
    """ "Ruritania's president since 2019 is Jane Roe", "Jane Roe has been mayor of
    Springfield since March 2020", "John Doe served as governor from 2001 to 2005"."""
    found = _clause_term(sentence)
    trailing = _TRAILING_CLAUSE.search(sentence)
    if found is None and trailing:
        found = _clause_term(sentence[: trailing.start()])
        found = replace(found, text=sentence) if found else None
    return found


def _clause_term(sentence: str) -> Fact | None:
    refs = [ref for ref in find_dates(sentence) if ref.value]
    person = _one_person(sentence) if refs else None
    if person is None:
        return None
    holder, office, start, end = person
    attached = _attached(sentence, start, end, refs)
    starts, ends = _START_VERBS.search(sentence), _END_VERBS.search(sentence)
    verb = None if starts and ends else "start" if starts else "end" if ends else None
    start_date, end_date = span_from_refs(attached, verb)
    if start_date is None and end_date is None:
        return None
    return Fact(
        "term", sentence, start_date=start_date, end_date=end_date, holder=holder, office=office
    )


def _one_person(sentence: str) -> _Person | None:
    """The one person with an office the sentence names, or None."""
    roles = list(_ROLE_PHRASE.finditer(sentence))
    taken = [m.span() for m in roles]
    names = [
        m
        for m in _NAME_RE.finditer(sentence)
        if is_plausible_name(m.group()) and not any(a <= m.start() < b for a, b in taken)
    ]
    if len(roles) == 1 and len(names) == 1:
        role, name = roles[0], names[0]
        first, second = sorted((role.span(), name.span()))
        if not _links(sentence, first[1], second[0], find_dates(sentence)):
            return None
        org = role.group("org2") or role.group("org")
        return name.group(), _office(normalise_role(role.group("role")), org), first[0], second[1]
    # Several names or offices: the people finder's shapes tell whose office is whose.
    people = [p for p in find_people(sentence) if p.role]
    if len(people) != 1:
        return None
    person = people[0]
    office = _office(person.role or "", person.organisation)
    return person.name, office, person.start, person.end


def _office(role: str, organisation: str | None) -> str:
    if not organisation:
        return role
    if organisation.lower() in DEMONYMS:
        return f"{organisation} {role}"
    return f"{role} of {organisation}"


def _links(sentence: str, start: int, end: int, refs: Sequence[DateRef], extra: str = "") -> bool:
    """Whether only linking words ("has been", "is", "took office") and dates lie
    between ``start`` and ``end``."""
    gap = list(sentence[start:end])
    for ref in refs:
        for i in range(max(ref.start, start), min(ref.end, end)):
            gap[i - start] = " "
    text = "".join(gap)
    if re.search(r"[;:.!?\"“”()]", text):
        return False
    allowed = _LINK_WORDS | set(extra.split())
    return all(word.lower() in allowed for word in re.findall(r"[\w'’-]+", text))


def _attached(sentence: str, start: int, end: int, refs: Sequence[DateRef]) -> list[DateRef]:
    """The dates inside the person's span or joined to it by linking words."""
    inside = [ref for ref in refs if start <= ref.start and ref.end <= end]
    after = [ref for ref in refs if ref.start >= end]
    before = [ref for ref in refs if ref.end <= start]
    for ref in after:
        if not _links(sentence, end, ref.start, refs, "and"):
            break
        inside.append(ref)
        end = ref.end
    for ref in reversed(before):
        if not _links(sentence, ref.end, start, refs, "and"):
            break
        inside.insert(0, ref)
        start = ref.start
    return sorted(inside, key=lambda ref: ref.start)
