"""What a figure measures, comparably however it is written: its noun, the action
around it and the names it is about.

"Twelve pilots walked the basin" and "24 pilots flew over the basin" both
count pilots, but not the same ones: the action tells them apart. "The five
permanent members" and "eleven members" count different things: every word of a
measure's noun phrase counts ("permanent"). "Member states" and "members" count
the same thing (a class noun after the member word adds nothing), and "ten men
to walk the basin" counts what "twelve pilots walked" counts when the
actions agree: "men" and "people" are generic.

``Measure`` is read from a claim's quantity or from a reference's value fact,
and ``same_measure`` says whether two are one measure. General English only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from verify.claims import (
    CLASS_NOUNS,
    STOPWORDS,
    TIME_UNITS,
    clause_bounds,
    event_stems,
    find_names,
    find_quantities,
    fold,
    stem,
)

# A noun that names the members of any set: "ten people", "two men".
GENERIC_PEOPLE = frozenset(stem(w) for w in "people persons men women individuals humans".split())
# Words that make a figure the first one of a series: "51 founding members".
INITIAL_WORDS = frozenset(stem(w) for w in "founding original initial first".split())
# Verbs that carry no action of their own: "had 51 members", "made six landings".
LIGHT_VERBS = frozenset(
    "had has have having was were is are be been being became become becomes made make makes "
    "counted counts numbered numbers did do does got get took take included includes said".split()
)
# Irregular past forms, read as the verb they belong to (general English).
_IRREGULAR = {
    "flew": "fly",
    "flown": "fly",
    "won": "win",
    "led": "lead",
    "ran": "run",
    "held": "hold",
    "went": "go",
    "gone": "go",
    "came": "come",
    "left": "leave",
    "rode": "ride",
    "swam": "swim",
    "fought": "fight",
    "sold": "sell",
    "bought": "buy",
    "built": "build",
    "grew": "grow",
    "saw": "see",
    "seen": "see",
    "wrote": "write",
    "gave": "give",
    "met": "meet",
    "paid": "pay",
    "sent": "send",
    "spent": "spend",
    "lost": "lose",
    "brought": "bring",
    "caught": "catch",
    "taught": "teach",
    "fell": "fall",
    "began": "begin",
    "begun": "begin",
    "stood": "stand",
    "struck": "strike",
    "drove": "drive",
    "chose": "choose",
    "froze": "freeze",
    "rose": "rise",
    "shot": "shoot",
    "spoke": "speak",
    "stole": "steal",
    "sank": "sink",
    "threw": "throw",
    "wore": "wear",
    "beat": "beat",
}
_WORD = re.compile(r"[A-Za-z][\w'’-]*")


@dataclass(frozen=True)
class Measure:
    noun: tuple[str, ...]  # stems of the counted noun phrase, head last
    actions: frozenset[str]  # verbs of its clause, as stems
    stems: frozenset[str]  # every content stem of its clause, to look actions up in

    @property
    def head(self) -> str:
        return self.noun[-1] if self.noun else ""


def noun_stems(counted: str) -> tuple[str, ...]:
    """Stems of a counted noun phrase, split at hyphens ("five-year terms")."""
    words = [w for w in re.split(r"[\s-]+", fold(counted)) if w and w not in STOPWORDS]
    return tuple(stem(w) for w in words if not w.isdigit())


def actions(text: str) -> frozenset[str]:
    """The verbs of ``text`` that say what was done: past forms ("walked", "flew")."""
    found = set()
    for word in _WORD.findall(text):
        lowered = fold(word)
        if lowered in LIGHT_VERBS or word[0].isupper():
            continue
        if lowered in _IRREGULAR:
            found.add(stem(_IRREGULAR[lowered]))
        elif lowered.endswith("ed") and len(lowered) > 4:
            found.add(stem(lowered))
    return frozenset(found)


def measure_of(counted: str, clause: str) -> Measure:
    """The measure of a figure counting ``counted`` in ``clause`` (names and the noun
    phrase's own words are not actions)."""
    noun = noun_stems(counted)
    text = clause
    for name in reversed(find_names(clause)):
        text = text[: name.start] + " " + text[name.end :]
    stems = {stem(_IRREGULAR.get(fold(w), fold(w))) for w in _WORD.findall(text)}
    stems |= event_stems(text)
    return Measure(noun, clause_actions(text) - set(noun), frozenset(stems))


def text_stems(text: str) -> frozenset[str]:
    """The stems ``measure_of`` finds in any clause of ``text``, and a few more: those
    of all its words, and its event stems. An index over these finds every figure whose
    clause may share a stem with a claim, without reading each figure's clause."""
    found = {stem(_IRREGULAR.get(fold(w), fold(w))) for w in _WORD.findall(text)}
    return frozenset(found | event_stems(text))


def clause_actions(clause: str) -> frozenset[str]:
    """The actions of a clause outside its counted phrases: in "the Board had
    seven members: four elected members", "elected" counts nothing done."""
    bare = clause
    for quantity in reversed(find_quantities(clause)):
        bare = bare[: quantity.start] + " " + bare[quantity.end :]
    return actions(bare)


def fact_clause(text: str, value: float, measure: str) -> str:
    """The clause of a fact's sentence that holds its figure (the whole text when
    the figure cannot be found again): "Twelve pilots flew over the basin", not
    the "and four of them walked" after it."""
    for quantity in find_quantities(text):
        if quantity.value == value and quantity.counted.lower() == measure:
            begin, end = clause_bounds(text, quantity.start, quantity.end)
            return text[begin:end]
    return text


def _nouns_agree(left: Measure, right: Measure) -> bool:
    if left.head and left.head == right.head:
        return True
    # "member states" ~ "members": a class noun after the other's head.
    for one, other in ((left, right), (right, left)):
        if len(one.noun) >= 2 and one.noun[-2] == other.head and one.head in CLASS_NOUNS:
            return True
    # "ten men to walk" ~ "twelve astronauts walked": generic people, same action.
    generic = left.head in GENERIC_PEOPLE or right.head in GENERIC_PEOPLE
    return generic and bool(left.actions & right.stems or right.actions & left.stems)


# Words in a noun phrase that do not say which kind of thing is counted: a length
# ("five-year terms"), a number, or a word for wholeness ("two full terms").
_NOT_KINDS = (
    frozenset(
        stem(w)
        for w in (
            "full whole entire complete total overall combined consecutive straight successive "
            "one two three four five six seven eight nine ten eleven twelve"
        ).split()
    )
    | TIME_UNITS
)


def kind_words(noun: tuple[str, ...]) -> set[str]:
    """The words of a noun phrase before its head that say which kind it counts."""
    return {w for w in noun[:-1] if w not in _NOT_KINDS and not w.isdigit()}


def _modifiers(measure: Measure) -> set[str]:
    words = kind_words(measure.noun)
    if len(measure.noun) >= 2 and measure.head in CLASS_NOUNS:
        words.discard(measure.noun[-2])  # "member states": "member" is the head's own
    return words


def same_measure(claim: Measure, fact: Measure, *, initial: bool = False) -> bool:
    """Whether a claim's measure and a reference figure's are one.

    The nouns agree (same head, a class noun after a member word, or a generic
    noun for people with an action); every modifier of either is in the other's
    noun phrase, except that a claim about the first figure of a series
    (``initial``) meets "founding"/"original" figures; and an action on either
    side is found in the other's clause.
    """
    if not _nouns_agree(claim, fact):
        return False
    mine, theirs = _modifiers(claim), _modifiers(fact)
    if initial:
        theirs -= INITIAL_WORDS
    claim_noun, fact_noun = set(claim.noun), set(fact.noun)
    if not mine <= fact_noun or not theirs <= claim_noun:
        return False
    if fact.actions and not fact.actions & claim.stems:
        return False
    return not claim.actions or bool(claim.actions & fact.stems)
