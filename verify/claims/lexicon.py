"""Word-level normalisation shared by the checks: stems, spelling variants,
near-synonyms and negation.

Everything here is general English, not knowledge about any story: the judge
must work on articles and references it has never seen.
"""

from __future__ import annotations

import re
from functools import lru_cache

from verify.claims.folding import STOPWORDS, fold

# British/American spellings and other names of one country, keyed and valued
# by stem. Words that only mean the same in some stories ("state" for "member",
# "mutual" for "collective") are not here: a measure's noun is compared as written.
EQUIVALENTS = {
    "defense": "defence",
    "organization": "organisation",
    "american": "us",
    "america": "us",
    "usa": "us",
}
_DERIVATIONS = ("ation", "ment", "ing", "ed")
NEGATORS = frozenset({"not", "no", "never", "none", "nor", "neither", "without", "cannot"})
_WORD = re.compile(r"[\w']+", re.UNICODE)


# Matching re-stems the same few thousand words for every candidate passage;
# the benchmark measured a third off matching time with this cache.
@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude stem: enough to meet "consult" and "consultations", "allies" and "ally"."""
    word = fold(word).strip("'")
    if word.endswith("n't"):
        return "not"
    word = word.removesuffix("'s")
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        word = word[:-1]
    for suffix in _DERIVATIONS:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return EQUIVALENTS.get(word, word)


# Words English uses for one kind of happening, whatever the domain: "joined" and
# "was admitted", "won" and "title", "led" and "ran". They only tell whether two
# dated statements report the same kind of event; nothing is counted or compared
# through them. Irregular forms ("won", "led", "ran") are listed as written.
_EVENT_GROUPS = """
join: join joined joins joining admit admitted admits admission accede acceded accession
    member membership
win: win won wins winning winner winners title titles champion champions championship
    victory victories beat triumph
lead: lead led leads leader head headed heads run ran runs chair chaired preside presided
    direct directed serve served serves helm
found: found founded founding establish established establishment create created form
    formed inception
end: dissolve dissolved dissolution abolish abolished disband disbanded
die: die died dies death dead
born: born birth
land: land landed landing landings lands touchdown
launch: launch launched launches liftoff
sign: sign signed signing signature
force: force effect effective
elect: elect elected election vote voted
appoint: appoint appointed appointment nominate nominated
resign: resign resigned resignation quit
hold: hold held holds host hosted hosts stage staged play played
open: open opened opening inaugurate inaugurated inauguration
leave: leave left leaves depart departed withdraw withdrew withdrawal
arrive: arrive arrived arrival
"""


# The kinds of event ``event_stems`` folds words into ("elect", "found", "join", ...).
EVENT_KINDS = frozenset(
    line.split(":")[0].strip() for line in _EVENT_GROUPS.split("\n") if ":" in line
)


def _event_words() -> dict[str, str]:
    groups: dict[str, str] = {}
    for entry in _EVENT_GROUPS.split("\n"):
        if ":" in entry:
            name, members = entry.split(":")
            current = name.strip()
            entry = members
        for word in entry.split():
            groups[word] = current
            groups.setdefault(stem(word), current)
    return groups


_EVENT_WORDS: dict[str, str] = {}
# Phrasal verbs that name one of the kinds above.
_EVENT_PHRASES = re.compile(
    r"\b(?:touch(?:ed|es)?\s+down)|(?:set(?:s)?\s+up)|(?:step(?:ped|s)?\s+down)"
    r"|(?:took|take[sn]?)\s+(?:office|over)|(?:pass(?:ed|es)?\s+away)",
    re.IGNORECASE,
)
_PHRASE_WORDS = {"touch": "touchdown", "set": "established", "step": "resigned", "pass": "died"}


def _phrasal(match: re.Match[str]) -> str:
    first = match.group().split()[0].lower()
    if first.startswith(("took", "take")):
        return "appointed"
    return next((word for key, word in _PHRASE_WORDS.items() if first.startswith(key)), "")


def event_stems(text: str) -> set[str]:
    """Content stems of ``text`` with the words of one kind of event made one
    ("admitted" and "joined" are both "join")."""
    if not _EVENT_WORDS:
        _EVENT_WORDS.update(_event_words())
    found = set()
    for word in words(_EVENT_PHRASES.sub(_phrasal, text)):
        if word in STOPWORDS or word.isdigit() or len(word) < 2:
            continue
        found.add(_EVENT_WORDS.get(word) or _EVENT_WORDS.get(stem(word)) or stem(word))
    return found


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def content_stems(text: str) -> set[str]:
    """Stems of the content words: the basis of every context comparison."""
    return {stem(w) for w in words(text) if w not in STOPWORDS and not w.isdigit() and len(w) > 1}


# Words that say a happening did not take place: "the landing was abandoned".
DENIALS = frozenset(
    "abandoned aborted cancelled canceled scrapped scrubbed postponed averted".split()
)


def is_negated(text: str) -> bool:
    """A negator ("not", "never", "n't") or a word saying it did not take place."""
    return any(w in NEGATORS or w in DENIALS or w.endswith("n't") for w in words(text))


def window(text: str, start: int, end: int, size: int = 60) -> str:
    """The text around ``[start, end)`` (local offsets), without the span itself."""
    return text[max(0, start - size) : start] + " " + text[end : end + size]


# Units of time: a quantity counting them is a duration between events.
TIME_UNITS = frozenset(
    stem(w) for w in "second minute hour day week month year decade century centuries".split()
)


def is_time_unit(counted: str) -> bool:
    """Whether ``counted`` measures time ("four months", "five-year"): a duration."""
    found = words(counted.replace("-", " "))
    return bool(found) and stem(found[-1]) in TIME_UNITS


# Class nouns that add nothing after a member word: "member states" are members.
CLASS_NOUNS = frozenset(
    stem(w) for w in "state country nation party organisation organization body team".split()
)


def same_counted(left: str, right: str) -> bool:
    """Whether two counted nouns count the same kind of thing.

    Compares head nouns (the last word), so "soldiers" and "states" differ; a class
    noun after the other's head adds nothing ("member states" and "members"), and
    "times" and "occasions" both count occurrences.
    """
    left_words = [stem(w) for w in words(left)]
    right_words = [stem(w) for w in words(right)]
    if not left_words or not right_words:
        return False
    heads = {left_words[-1], right_words[-1]}
    if left_words[-1] == right_words[-1] or heads == {"time", "occasion"}:
        return True
    for one, other in ((left_words, right_words), (right_words, left_words)):
        if len(one) >= 2 and one[-1] in CLASS_NOUNS and one[-2] == other[-1]:
            return True
    return False
