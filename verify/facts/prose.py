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
    role_ordinal,
    split_sentences,
)
from verify.facts.dates import span_from_refs, span_refs
from verify.records import DateRef, Fact, Passage, PersonRole

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
    r"\b(?:became|becomes|took\s+office|took\s+over|assumed|sworn\s+in|inaugurated|succeeded|"
    r"(?:was|were)\s+(?:re-?)?(?:elected|appointed|named))\b",
    re.IGNORECASE,
)
_END_VERBS = re.compile(
    r"\b(?:left\s+office|stepped\s+down|resigned|retired|(?:was|were)\s+(?:replaced|ousted))\b",
    re.IGNORECASE,
)
# "Jane Roe, who ran the city from 2000": the clause says whose term the dates are.
_TERM_CLAUSE = re.compile(
    r",?\s*\bwho\s+(?:(?:has|had|have)\s+)?"
    r"(?:led|ran|headed|chaired|directed|governed|administered|presided\s+over)"
    r"\s+(?:the\s+)?[\w'’-]+(?:\s+(?:of\s+)?[A-Z][\w'’-]*){0,3}\s*$"
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
    start_date, end_date = span_from_refs(*_term_dates(sentence, start, end, refs))
    if start_date is None and end_date is None:
        return None
    mention = PersonRole(holder, office, None, sentence[start:end], start, end)
    ordinal = role_ordinal(sentence, mention)
    return Fact(
        "term",
        sentence,
        start_date=start_date,
        end_date=end_date,
        holder=holder,
        office=office,
        ordinal=ordinal[0] if ordinal else None,
    )


def term_refs(
    sentence: str, start: int, end: int, refs: Sequence[DateRef]
) -> tuple[DateRef | None, DateRef | None]:
    """The dates of ``refs`` that start and end the term of the person named at
    ``sentence[start:end]``: those joined to the mention by linking words, read by
    their relation ("since", "until") or the sentence's verb ("took office on")."""
    return span_refs(*_term_dates(sentence, start, end, refs))


def _term_dates(
    sentence: str, start: int, end: int, refs: Sequence[DateRef]
) -> tuple[list[DateRef], str | None]:
    attached = _attached(sentence, start, end, refs)
    starts, ends = _START_VERBS.search(sentence), _END_VERBS.search(sentence)
    verb = None if starts and ends else "start" if starts else "end" if ends else None
    return attached, verb


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
        if _links(sentence, first[1], second[0], find_dates(sentence)):
            org = role.group("org2") or role.group("org")
            office = _office(normalise_role(role.group("role")), org)
            return name.group(), office, first[0], second[1]
    # Other shapes ("Jane Roe of Velmora, the third chair, served from ..."), or
    # several names or offices: the people finder's shapes tell whose office is whose.
    people = [p for p in find_people(sentence) if p.role]
    if len(people) != 1:
        return None
    person = people[0]
    office = _office(person.role or "", person.organisation)
    return person.name, office, person.start, person.end


def office_phrases(text: str) -> list[str]:
    """Every office ``text`` names, with its body when given: "the Administrator is
    the agency's most senior official" -> ["administrator", "senior official"]."""
    return [
        _office(normalise_role(m.group("role")), m.group("org2") or m.group("org"))
        for m in _ROLE_PHRASE.finditer(text)
    ]


def _office(role: str, organisation: str | None) -> str:
    organisation = re.sub(r"(?<=[a-z]{2})\.$", "", organisation or "")  # the sentence's full stop
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
    text = _TERM_CLAUSE.sub(" ", "".join(gap))
    if re.search(r"[;:.!?\"“”()]", text):
        return False
    allowed = _LINK_WORDS | set(extra.split())
    return all(word.lower() in allowed for word in re.findall(r"[\w'’-]+", text))


def _new_clause(gap: str) -> bool:
    """ "on 8 October 2015, and Jane Roe ...": a comma and a conjunction open another clause."""
    return re.search(r",\s*(?:and|but|while)\b", gap) is not None


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
        if _new_clause(sentence[ref.end : start]) or not _links(
            sentence, ref.end, start, refs, "and"
        ):
            break
        inside.insert(0, ref)
        start = ref.start
    return sorted(inside, key=lambda ref: ref.start)
