"""Internal inconsistencies between a counted group and the names an article lists.

"Three Baltic states" next to a headline listing "Poland, Lithuania and Latvia"
is wrong although both the count and the list look fine on their own: the
references say which countries the Baltic states are, and that Poland is not
one. The references are read for the group's members (an enumeration in a
sentence that names the group) and for names they say are not in it (a
negated sentence that names the group and the name).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from verify.claims import NEGATORS, fold, words
from verify.records import Quantity, StoredClaim
from verify.search import ReferenceSet

_NAME = r"[A-Z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*)*"
ENUMERATION = re.compile(rf"({_NAME})((?:,\s+{_NAME})*),?\s+(?:and|or)\s+({_NAME})")
_SENTENCE = re.compile(r"[^.!?]+[.!?]?")
# A group worth checking is named ("Baltic states", "Nordic countries"):
# an unnamed "three countries" has no membership to look up.
MIN_LIST = 2
SEARCH_LIMIT = 20


@dataclass(frozen=True)
class Membership:
    members: frozenset[str]  # folded names
    excluded: frozenset[str]
    sentence: str  # the reference sentence that lists the members


@dataclass(frozen=True)
class Inconsistency:
    claim: StoredClaim
    listed: tuple[str, ...]
    outsiders: tuple[str, ...]
    reason: str


def enumerations(text: str) -> list[tuple[str, ...]]:
    """Lists of capitalised names ("A, B and C") in ``text``, each as its names."""
    found = []
    for match in ENUMERATION.finditer(text):
        middle = [m.strip() for m in match.group(2).split(",") if m.strip()]
        found.append((match.group(1), *middle, match.group(3)))
    return found


def group_name(quantity: Quantity) -> str | None:
    """The named group a quantity counts ("Baltic states"), or None."""
    counted = quantity.counted.strip()
    if not counted or not counted[0].isupper() or len(counted.split()) < 2:
        return None
    return counted


def membership(group: str, refs: ReferenceSet) -> Membership | None:
    """Who the references say belongs to ``group`` and who they say does not."""
    key = fold(group)
    listing: tuple[frozenset[str], str] | None = None
    excluded: set[str] = set()
    for passage in refs.search(f'"{group}"', limit=SEARCH_LIMIT):
        for sentence in _SENTENCE.findall(passage.text):
            if key not in fold(sentence):
                continue
            if set(words(fold(sentence))) & NEGATORS:
                excluded |= {fold(n) for n in _names(sentence) if fold(n) not in key}
            elif listing is None:
                lists = [items for items in enumerations(sentence) if len(items) >= MIN_LIST]
                if lists:
                    listing = (frozenset(fold(n) for n in max(lists, key=len)), sentence.strip())
    if listing is None:
        return None
    members, sentence = listing
    return Membership(members, frozenset(excluded - members), sentence)


def _names(sentence: str) -> list[str]:
    return re.findall(_NAME, sentence)


def inconsistencies(
    claims: Sequence[StoredClaim], article_text: str, refs: ReferenceSet
) -> list[Inconsistency]:
    """Counted named groups whose article lists (same size as the count) hold
    names the references place outside the group."""
    lists = [items for items in enumerations(article_text) if len(items) >= MIN_LIST]
    found = []
    for claim in claims:
        for quantity in claim.claim.slots.quantities:
            problem = _check_group(claim, quantity, lists, refs)
            if problem is not None:
                found.append(problem)
    return found


def _check_group(
    claim: StoredClaim, quantity: Quantity, lists: list[tuple[str, ...]], refs: ReferenceSet
) -> Inconsistency | None:
    group = group_name(quantity)
    if group is None:
        return None
    sized = [items for items in lists if len(items) == quantity.value]
    known = membership(group, refs) if sized else None
    if known is None:
        return None
    # When the references list as many members as the article counts, their
    # list is the whole group, and any other name in the article's list is out.
    complete = len(known.members) == quantity.value
    for items in sized:
        folded = [fold(n) for n in items]
        # The list must be about the group's kind of thing: some of it belongs.
        if not set(folded) & known.members:
            continue
        outsiders = tuple(
            name
            for name, key in zip(items, folded, strict=True)
            if key in known.excluded or (complete and key not in known.members)
        )
        if outsiders:
            reason = _reason(quantity, items, outsiders, known)
            return Inconsistency(claim, items, outsiders, reason)
    return None


def _listed(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _reason(
    quantity: Quantity, items: tuple[str, ...], outsiders: tuple[str, ...], known: Membership
) -> str:
    verb = "is" if len(outsiders) == 1 else "are"
    return (
        f"the article counts {quantity.text} but lists {_listed(items)}; the references say "
        f"“{known.sentence}”, so {_listed(outsiders)} {verb} not one of the {quantity.counted}"
    )
