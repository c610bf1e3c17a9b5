"""Named legal provisions: "Article 4", "Section 230", "Chapter VII", "the First Amendment".

A provision's name is normalised (capitalised kind + number as written) so
"article 51", "Art. 51" and "Article 51" compare equal. The instrument that
follows ("of the North Atlantic Treaty") and an owner before it ("NATO's")
stay in ``Provision.text``: they say which treaty the number belongs to.
A list ("Articles 4 and 5") gives one provision per number, each spanning the
whole phrase, since the instrument applies to all of them.
"""

from __future__ import annotations

import re

from verify.records import Provision

# Spelling as written (lower case, dots kept) -> the kind's normalised name.
_KINDS = {
    "article": "Article",
    "art.": "Article",
    "arts.": "Article",
    "section": "Section",
    "sec.": "Section",
    "§": "Section",
    "chapter": "Chapter",
    "ch.": "Chapter",
    "rule": "Rule",
    "clause": "Clause",
    "paragraph": "Paragraph",
    "para.": "Paragraph",
    "paras.": "Paragraph",
    "part": "Part",
    "title": "Title",
    "annex": "Annex",
}
# Kinds that are common nouns in lower case ("part 2 of the series") must be capitalised.
_KIND_RE = (
    r"(?:(?i:articles?|arts?\.|sections?|sec\.|§§?|chapters?|ch\.|clauses?|paragraphs?|paras?\.)"
    r"|Rules?|Parts?|Titles?|Annex(?:es)?)"
)
_NUMBER_RE = r"(?:\d+[A-Za-z]?(?:\.\d+)*(?:\([A-Za-z0-9]{1,4}\))*|[IVXLC]+)(?![\w])"
_JOIN_RE = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*&\s*)"
_INSTRUMENT_NOUN = r"(?:treaty|charter|convention|constitution|act|agreement|code|statute|protocol|covenant|accords?)"  # noqa: E501
_CAP_WORD = r"[A-Z](?:[\w’'\-]|\.(?=\w))*"
_CAP_RUN = rf"{_CAP_WORD}(?:\s+(?:(?:of|the|on|for|and|in)\s+)*{_CAP_WORD})*"
_INSTRUMENT_RE = (
    rf"\s+of\s+(?:(?:the|The|its|this)\s+)?(?!{_KIND_RE}\s)"
    rf"(?:{_CAP_RUN}(?:\s+(?:[a-z]+\s+)?{_INSTRUMENT_NOUN}\b)?"
    rf"|(?:[a-z]+\s+){{0,2}}{_INSTRUMENT_NOUN}\b)"
)
_OWNER_RE = r"(?:[A-Z]{2,}(?:’s|'s)?|[A-Z][a-z]+(?:’s|'s))\s+"
_PROVISION = re.compile(
    rf"(?<![\w])(?P<owner>{_OWNER_RE})?(?P<kind>{_KIND_RE})\s*(?P<numbers>{_NUMBER_RE}"
    rf"(?:{_JOIN_RE}{_NUMBER_RE})*)(?P<instrument>{_INSTRUMENT_RE})?"
)
_ORDINALS = (
    "First Second Third Fourth Fifth Sixth Seventh Eighth Ninth Tenth Eleventh Twelfth "
    "Thirteenth Fourteenth Fifteenth Sixteenth Seventeenth Eighteenth Nineteenth Twentieth"
).split()
_ORDINAL_RE = (
    rf"(?:Twenty-(?:{'|'.join(_ORDINALS[:9])})|{'|'.join(reversed(_ORDINALS))}"
    r"|\d+(?:st|nd|rd|th))"
)
_AMENDMENT = re.compile(
    rf"(?<![\w])(?P<ordinal>{_ORDINAL_RE})\s+Amendment\b(?P<instrument>{_INSTRUMENT_RE})?"
)
_ONE_NUMBER = re.compile(_NUMBER_RE)
# After a listed number ("Articles 4 and 5 ..."), a content word means the
# number counts something instead ("Article 4 and 30 member states").
_LIST_FOLLOWERS = frozenset(
    "of and or to in on under are is were was have has had which that say says said "
    "state states provide provides will would can could may might must shall should "
    "do does did be been as also together".split()
)
_FOLLOWING_WORD = re.compile(r"\s*([A-Za-z]+)")


def find_provisions(text: str, base: int = 0) -> tuple[Provision, ...]:
    """Every named provision in ``text``; offsets are ``base`` + local offsets."""
    found = [p for match in _PROVISION.finditer(text) for p in _from_match(text, match, base)]
    for match in _AMENDMENT.finditer(text):
        name = f"{match.group('ordinal')} Amendment"
        found.append(_provision(text, name, match.start(), match.end(), base))
    return tuple(sorted(found, key=lambda p: (p.start, p.name)))


def _from_match(text: str, match: re.Match[str], base: int) -> list[Provision]:
    kind = _normalised_kind(match.group("kind"))
    numbers = _listed_numbers(text, match)
    written = _ONE_NUMBER.findall(match.group("numbers"))
    # A list cut short ("Article 4 and 30 member states") ends at its last kept number.
    end = match.end() if len(numbers) == len(written) else numbers[-1][2]
    start = match.start()
    return [_provision(text, f"{kind} {value}", start, end, base) for value, _, _ in numbers]


def _listed_numbers(text: str, match: re.Match[str]) -> list[tuple[str, int, int]]:
    """(number, start, end) of a match's numbers, stopping at one that counts something."""
    offset = match.start("numbers")
    numbers = [
        (m.group(), offset + m.start(), offset + m.end())
        for m in _ONE_NUMBER.finditer(match.group("numbers"))
    ]
    kept = numbers[:1]
    for number in numbers[1:]:
        following = _FOLLOWING_WORD.match(text, number[2])
        if following and following.group(1).lower() not in _LIST_FOLLOWERS:
            break
        kept.append(number)
    return kept


def _normalised_kind(written: str) -> str:
    key = written.lower().rstrip("§") or "§"
    if key.endswith("es") and key[:-2] in _KINDS:
        key = key[:-2]
    elif key.endswith("s") and key[:-1] in _KINDS:
        key = key[:-1]
    elif key.endswith("s.") and key[:-2] + "." in _KINDS:
        key = key[:-2] + "."
    return _KINDS.get(key, written.capitalize())


def _provision(text: str, name: str, start: int, end: int, base: int) -> Provision:
    return Provision(name=name, text=text[start:end], start=base + start, end=base + end)


_TITLE_AFTER = re.compile(
    r"\s+of\s+(?:the\s+)?(?:[A-Z][\w-]*\s*)+(?=[\s,.;:]|$)|\s*\([^)]*\)|\s*:", re.IGNORECASE
)


def after_title(text: str, end: int) -> int:
    """Past "of the North Atlantic Treaty" or "(1)" after a provision's name."""
    while (match := _TITLE_AFTER.match(text, end)) is not None and match.end() > end:
        end = match.end()
    return end


# "Under Article 31, the Director is appointed by ...": the clause after it is what
# the provision says.
_UNDER = re.compile(
    r"(?:under|according\s+to|pursuant\s+to|by\s+virtue\s+of|as\s+laid\s+down\s+in)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_STATEMENT = re.compile(r"\s*,\s*([^.;]+)")


def provision_statement(text: str, start: int, end: int) -> str | None:
    """The clause a claim says the provision lays down: "Under Article 31, the
    Director is appointed by the Board" (the text after the provision and its
    title); None when the claim does not put it that way."""
    if not _UNDER.search(text[max(0, start - 30) : start]):
        return None
    match = _STATEMENT.match(text, after_title(text, end))
    return match.group(1) if match else None
