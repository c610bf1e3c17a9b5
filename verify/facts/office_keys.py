"""Offices, comparable however they are written.

A claim says "the Lithuanian president", a reference "President of Lithuania"
or "Lithuania's president": ``office_key`` reduces each to one ``OfficeKey``,
the stems of the office's words and its body or country in one canonical form
(``normalise_organisation``), and ``offices_match`` says whether two keys name
one office. The words that say when rather than which office ("former",
"incoming", "acting") are left out of the key and kept here for the term check
(``verify.facts.offices``).

Everything here is general: country names and demonyms come from the shared
gazetteer in ``verify.claims.slots.roles``, not from any article.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache

from verify.claims import (
    COUNTRIES,
    DEMONYMS,
    PORTFOLIOS,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    fold,
    normalise_role,
    stem,
)

# --- organisations ---------------------------------------------------------

# Names a country goes by besides its own, and demonyms too irregular to be
# read off the country's name ("Polish" -> "poland"). The regular ones
# ("Lithuanian" -> "lithuania") are derived from the shared gazetteer below.
_OTHER_NAMES = """
    united states: us, usa, america, american, united states of america;
    united kingdom: uk, britain, great britain, british; netherlands: holland, dutch;
    czechia: czech republic, czech; turkey: turkiye, turkish; russia: russian federation;
    china: prc, people's republic of china; north korea: dprk; myanmar: burma, burmese;
    european union: eu; united nations: un; united arab emirates: uae, emirates, emirati;
    saudi arabia: saudi; ivory coast: cote d'ivoire; philippines: filipino, philippine;
    poland: polish; france: french; spain: spanish; finland: finnish; denmark: danish;
    switzerland: swiss; ireland: irish; wales: welsh; scotland: scottish; england: english;
    kazakhstan: kazakh; uzbekistan: uzbek; kyrgyzstan: kyrgyz; tajikistan: tajik;
    turkmenistan: turkmen; afghanistan: afghan; thailand: thai; cyprus: cypriot
"""
# Demonyms that name no single country: kept as written.
_NOT_COUNTRIES = frozenset(
    "european asian african arab nordic scandinavian soviet kurdish chechen persian allied "
    "western".split()
)
# Gazetteer words that qualify a country rather than name one ("South", "Republic").
_QUALIFIERS = frozenset(
    "north south east west central new republic united states kingdom middle far eastern "
    "western northern southern".split()
)
# "the Republic of Lithuania" is Lithuania (but "Secretary of State" keeps its state).
_STATE_FORM = re.compile(
    r"\b(?:the\s+)?(?:(?:federal|democratic|islamic|people's|socialist)\s+)*"
    r"(?:republic|kingdom|grand\s+duchy|principality|commonwealth|federation)\s+of\s+"
)
_MIN_SHARED_PREFIX = 4  # "lith" of "lithuanian"/"lithuania"; "pol" of "polish" is too short


def _derived_country(demonym: str, countries: frozenset[str]) -> str | None:
    """The gazetteer country a regular demonym is built on ("Slovak" -> "slovakia").

    The country sharing the longest prefix wins, and the prefix must cover all
    but the country's last two letters: "Austrian" is Austria, not Australia.
    """
    best = max(sorted(countries), key=lambda c: len(os.path.commonprefix([c, demonym])))
    shared = len(os.path.commonprefix([best, demonym]))
    return best if shared >= _MIN_SHARED_PREFIX and shared >= len(best) - 2 else None


def _country_names() -> dict[str, str]:
    names: dict[str, str] = {}
    countries = COUNTRIES - _QUALIFIERS
    for demonym in DEMONYMS - _NOT_COUNTRIES:
        country = _derived_country(demonym, countries)
        if country:
            names[demonym] = country
    for entry in _OTHER_NAMES.split(";"):
        country, aliases = entry.split(":")
        names.update(dict.fromkeys((a.strip() for a in aliases.split(",")), country.strip()))
    # A derived country may itself be an alias ("American" -> "america" -> "united states").
    return {word: names.get(country, country) for word, country in names.items()}


COUNTRY_NAMES = _country_names()


def normalise_organisation(text: str | None) -> str | None:
    """A body or country in one canonical form: "Lithuanian", "Lithuania's" and
    "the Republic of Lithuania" -> "lithuania"; "U.S." and "American" -> "united states".
    """
    if not text:
        return None
    value = re.sub(r"'s\b|'$|\.", "", fold(text).strip())
    value = _STATE_FORM.sub("", re.sub(r"[\s-]+", " ", value).strip())
    value = value.removeprefix("the ").strip()
    if not value:
        return None
    if value in COUNTRY_NAMES:
        return COUNTRY_NAMES[value]
    return " ".join(_country_word(word) for word in value.split())


def _country_word(word: str) -> str:
    """One word of a body's name; an unknown "-an" demonym ("Velmoran") is read
    as its country ("velmora"), the way "Lithuanian" is built on "Lithuania"."""
    if word in COUNTRY_NAMES or word in COUNTRIES:
        return COUNTRY_NAMES.get(word, word)
    if word.endswith("an") and len(word) > 5:
        return word[:-1]
    return word


# --- offices -----------------------------------------------------------------


def _vocabulary_words(*phrases: frozenset[str]) -> frozenset[str]:
    return frozenset(w for block in phrases for p in block for w in re.split(r"[\s-]+", p) if w)


_ROLE_WORDS = _vocabulary_words(ROLE_HEADS, ROLE_MODIFIERS, PORTFOLIOS) | {"elect", "designate"}
# Words that say when, not which office: "former president" is the president's office.
FORMER_WORDS = frozenset({"former", "ex", "erstwhile"})
FUTURE_WORDS = frozenset({"incoming", "elect", "designate", "future"})
ACTING_WORDS = frozenset({"acting", "interim", "caretaker"})
_TIME_WORDS = FORMER_WORDS | FUTURE_WORDS | ACTING_WORDS | {"then", "outgoing", "current"}
# Words for whoever is at the top of a body, whatever its office is called:
# "the agency chief", "the league's head", "ran the league" (its head).
GENERIC_HEADS = frozenset(stem(w) for w in ("chief", "head", "leader", "boss"))
_FILLER = frozenset({"the", "and", "&"})
# "Minister of Foreign Affairs" is the foreign minister.
_ROLE_FILLER = _FILLER | {"affairs"}
# "Minister of Defence of Poland", "Minister for Foreign Affairs", "Ambassador to NATO".
_CONNECTOR = re.compile(r"(\s+(?:of|for|to)\s+)")


@dataclass(frozen=True)
class OfficeKey:
    """An office, comparable however it is written.

    ``role`` holds the stems of the office's words, order-free and without
    "of", hyphens or time words: "minister of defence" and "Defense Minister"
    share one. ``organisation`` is the body or country, normalised.
    ``short_forms`` are other names a reference gives the body ("Administrator
    of the Halden Space Agency (HASA)": "hasa"); they do not make another office.
    """

    role: frozenset[str]
    organisation: str | None
    short_forms: frozenset[str] = field(default=frozenset(), compare=False)


_SHORT_FORM = re.compile(r"\s*\(([^()]+)\)\s*$")


def office_key(role: str | None, organisation: str | None) -> OfficeKey:
    """The key of an office given as a role and, apart, the body it belongs to."""
    if organisation:
        words, _ = _split_title(role or "", organisation_given=True)
        return _with_short_forms(_role_stems(words), organisation)
    words, found = _split_title(role or "", organisation_given=False)
    return _with_short_forms(_role_stems(words), found)


def _with_short_forms(role: frozenset[str], organisation: str | None) -> OfficeKey:
    """ "the Halden Space Agency (HASA)": the body, and "hasa" as another name of it."""
    shorts = []
    while organisation and (match := _SHORT_FORM.search(organisation)):
        shorts.append(match.group(1))
        organisation = organisation[: match.start()]
    names = frozenset(n for s in shorts if (n := normalise_organisation(s)))
    return OfficeKey(role, normalise_organisation(organisation), names)


@lru_cache(maxsize=65536)
def office_key_from_title(office: str) -> OfficeKey:
    """The key of an office as a reference writes it: "President of Lithuania",
    "United States Secretary of Defense", "NATO Secretary-General"."""
    return office_key(office, None)


def _split_title(text: str, *, organisation_given: bool) -> tuple[list[str], str | None]:
    """Role words and the body named inside an office's title.

    The body stands before the office ("NATO Secretary General": the words
    left of the office vocabulary) or after it, joined by "of", "for" or "to".
    There a phrase of office words only is a portfolio ("of Defense"); the body
    is the first other phrase opening with "the" ("of the Bank of England"),
    else the last other one ("Minister of Waterworks of Velmora").
    """
    head, *rest = _CONNECTOR.split(_STATE_FORM.sub("", normalise_role(fold(text))))
    head_words, phrases = head.split(), rest[1::2]
    if organisation_given:
        return head_words + [w for p in phrases for w in p.split()], None
    cut = len(head_words)
    while cut > 0 and head_words[cut - 1] in _ROLE_WORDS | _TIME_WORDS | _FILLER:
        cut -= 1
    if cut == len(head_words):  # an office outside the vocabulary: "Taoiseach"
        cut = 0
    if cut:
        return head_words[cut:] + [w for p in phrases for w in p.split()], " ".join(
            head_words[:cut]
        )
    at = _body_phrase(phrases)
    if at is None:
        return head_words + [w for p in phrases for w in p.split()], None
    body = "".join(rest[2 * at + 1 :])  # the body keeps its own "of": "bank of england"
    return head_words + [w for p in phrases[:at] for w in p.split()], body


def _body_phrase(phrases: list[str]) -> int | None:
    """Which phrase after the office starts its body, if any does."""
    bodies = [i for i, phrase in enumerate(phrases) if not _only_role_words(phrase)]
    with_article = [i for i in bodies if phrases[i].startswith("the ")]
    if with_article:
        return with_article[0]
    return bodies[-1] if bodies else None


def _only_role_words(phrase: str) -> bool:
    return all(w in _ROLE_WORDS or w in _FILLER for w in phrase.split())


def _role_stems(words: list[str]) -> frozenset[str]:
    return frozenset(stem(w) for w in words if w not in _ROLE_FILLER and w not in _TIME_WORDS)


def offices_match(key_a: OfficeKey, key_b: OfficeKey, *, role_is_unique: bool = False) -> bool:
    """Whether two keys name one office.

    The roles must be equal. The bodies must be equal too, except that a key
    without a body matches one with a body when ``role_is_unique``: the caller
    knows of only one office with that role, so "the president" can only mean
    it. Without that, "president" alone would match every president.
    """
    if not key_a.role or key_a.role != key_b.role:
        return False
    if key_a.organisation == key_b.organisation:
        return True
    one_missing = key_a.organisation is None or key_b.organisation is None
    return one_missing and role_is_unique
