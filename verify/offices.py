"""Who held an office when: checking a person named in an office at a date.

A claim names someone in an office ("the Lithuanian president, Dalia
Grybauskaite"); the references list terms of office as ``Fact(kind="term")``
("President of Lithuania | Dalia Grybauskaitė | 12 July 2009 | 12 July 2019").
Four things make that comparison:

- ``office_key``: one normalised key for the many ways an office is written
  ("Lithuanian president", "President of Lithuania", "Lithuania's president").
- ``same_person``: a forgiving name match ("Grybauskaite", "Dalia Grybauskaitė").
- ``holders_at``: the terms of an office that cover a date, at the date's precision.
- ``check_person``: the verdict, with a reason naming who held the office then.

Everything here is general: country names and demonyms come from the shared
gazetteer in ``verify.slots.roles``, not from any article.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from rapidfuzz import fuzz

from verify.lexicon import stem
from verify.records import Fact, PersonRole, Verdict
from verify.retrieve import fold
from verify.slots.roles import (
    COUNTRIES,
    DEMONYMS,
    PORTFOLIOS,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    normalise_role,
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
_FILLER = frozenset({"the", "and", "&"})
# "Minister of Foreign Affairs" is the foreign minister.
_ROLE_FILLER = _FILLER | {"affairs"}
# "Minister of Defence of Poland", "Minister for Foreign Affairs", "Ambassador to NATO".
_CONNECTOR = re.compile(r"\s+(?:of|for|to)\s+")


@dataclass(frozen=True)
class OfficeKey:
    """An office, comparable however it is written.

    ``role`` holds the stems of the office's words, order-free and without
    "of", hyphens or time words: "minister of defence" and "Defense Minister"
    share one. ``organisation`` is the body or country, normalised.
    """

    role: frozenset[str]
    organisation: str | None


def office_key(role: str | None, organisation: str | None) -> OfficeKey:
    """The key of an office given as a role and, apart, the body it belongs to."""
    if organisation:
        words, _ = _split_title(role or "", organisation_given=True)
        return OfficeKey(_role_stems(words), normalise_organisation(organisation))
    words, found = _split_title(role or "", organisation_given=False)
    return OfficeKey(_role_stems(words), normalise_organisation(found))


@lru_cache(maxsize=1024)
def office_key_from_title(office: str) -> OfficeKey:
    """The key of an office as a reference writes it: "President of Lithuania",
    "United States Secretary of Defense", "NATO Secretary-General"."""
    return office_key(office, None)


def _split_title(text: str, *, organisation_given: bool) -> tuple[list[str], str | None]:
    """Role words and the body named inside an office's title.

    The body stands before the office ("NATO Secretary General": the words left
    of the office vocabulary) or after its last "of" ("Secretary of Defense of
    the United States"): a phrase after "of" made only of office words is a
    portfolio ("of Defense"), any other is the body, and earlier ones are
    portfolios ("Minister of Waterworks of Velmora").
    """
    cleaned = _STATE_FORM.sub("", normalise_role(fold(text)))
    head, *after = _CONNECTOR.split(cleaned)
    head_words = head.split()
    if organisation_given:
        return head_words + [w for part in after for w in part.split()], None
    cut = len(head_words)
    while cut > 0 and head_words[cut - 1] in _ROLE_WORDS | _TIME_WORDS | _FILLER:
        cut -= 1
    prefix, words = head_words[:cut], head_words[cut:]
    body = " ".join(prefix) or None
    if body is None and after and not _only_role_words(after[-1]):
        body = after.pop()
    return words + [w for part in after for w in part.split()], body


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


def office_terms(terms: Sequence[Fact], key: OfficeKey) -> list[Fact]:
    """The term facts of the office ``key`` names, in order of their start.

    A key without a body matches a listed office only when no other listed
    office has the same role. Terms whose dates cannot be read are left out.
    """
    listed = [t for t in terms if t.kind == "term" and t.office and _span(t) is not None]
    keys = {office_key_from_title(t.office or "") for t in listed}
    same_role = [k for k in keys if k.role == key.role]
    unique = len(same_role) == 1
    found = [
        t
        for t in listed
        if offices_match(key, office_key_from_title(t.office or ""), role_is_unique=unique)
    ]
    return sorted(found, key=lambda t: t.start_date or "")


# --- names -------------------------------------------------------------------

_HONORIFICS = frozenset("mr mrs ms miss mx dr sir dame lord lady prof".split())
_SUFFIXES = frozenset("jr sr ii iii iv".split())
_PARTICLES = frozenset(
    "de del della der den di da das dos du van von le la bin ibn ter ten zu y".split()
)
# Short forms that share no prefix with the full name ("Jim" and "James").
_NICKNAMES = {
    frozenset(pair)
    for pair in (
        ("jim", "james"), ("jimmy", "james"), ("bill", "william"), ("will", "william"),
        ("bob", "robert"), ("rob", "robert"), ("dick", "richard"), ("rick", "richard"),
        ("ted", "edward"), ("ned", "edward"), ("jack", "john"), ("tony", "anthony"),
        ("mike", "michael"), ("tom", "thomas"), ("chuck", "charles"), ("hank", "henry"),
        ("liz", "elizabeth"), ("betty", "elizabeth"), ("kate", "catherine"),
        ("kate", "katherine"), ("peggy", "margaret"), ("sasha", "alexander"),
    )
}  # fmt: skip
MIN_SURNAME_SIMILARITY = 90.0  # "Zelensky"/"Zelenskyy" (94) agree; "Mattis"/"Mattison" (86) do not
MIN_GIVEN_PREFIX = 3  # "Alex" for "Alexander"; "Al" is too short to tell


@dataclass(frozen=True)
class _Name:
    given: tuple[str, ...]
    surname: str


def _name(text: str) -> _Name | None:
    tokens = [t.strip(".,") for t in fold(text).split()]
    tokens = [t for t in tokens if t and t not in _HONORIFICS]
    while tokens and tokens[-1] in _SUFFIXES:
        tokens.pop()
    if not tokens:
        return None
    given = tuple(t for t in tokens[:-1] if t not in _PARTICLES)
    return _Name(given, tokens[-1])


def same_person(claimed: str, listed: str) -> bool:
    """Whether two written names can be one person.

    Case and diacritics are ignored; the surnames (last words) must agree, up
    to a letter or so of transliteration; a surname alone matches the full
    name; given names are compared by the first only, so middle names and
    initials are optional, and "J." or "Jim" stand for "James".
    """
    a, b = _name(claimed), _name(listed)
    if a is None or b is None:
        return False
    if fuzz.ratio(a.surname, b.surname) < MIN_SURNAME_SIMILARITY:
        return False
    if not a.given or not b.given:
        return True
    return _same_given(a.given[0], b.given[0])


def _same_given(a: str, b: str) -> bool:
    if a == b or frozenset((a, b)) in _NICKNAMES:
        return True
    short, full = sorted((a, b), key=len)
    if len(short) == 1:
        return full.startswith(short)  # an initial
    return len(short) >= MIN_GIVEN_PREFIX and full.startswith(short)


# --- dates -------------------------------------------------------------------

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def period(value: str) -> tuple[date, date]:
    """The days an ISO date covers, half-open: "2021-11" -> [2021-11-01, 2021-12-01)."""
    match = _ISO.fullmatch(value.strip())
    if match is None:
        raise ValueError(f"not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}")
    year, month, day = (int(g) if g else None for g in match.groups())
    if day is not None:
        first = date(year, month, day)  # type: ignore[arg-type]
        return first, first + timedelta(days=1)
    if month is not None:
        first = date(year, month, 1)  # type: ignore[arg-type]
        return first, date(year + month // 12, month % 12 + 1, 1)  # type: ignore[operator]
    return date(year, 1, 1), date(year + 1, 1, 1)  # type: ignore[arg-type]


def _span(term: Fact, today: date | None = None) -> tuple[date, date] | None:
    """The days a term covers, half-open: the end day is the successor's first.

    A coarse boundary ("2019") is read generously, as covering the whole
    period, so an imprecise table never contradicts a claim. No end date:
    still in office, so the term runs through today.
    """
    try:
        start = period(term.start_date)[0] if term.start_date else date.min
        if term.end_date is None:
            return start, (today or date.today()) + timedelta(days=1)
        low, high = period(term.end_date)
    except ValueError:
        return None
    return start, low if len(term.end_date.strip()) == 10 else high


def covers(term: Fact, at: str, today: date | None = None) -> bool:
    """Whether ``term`` overlaps the period ``at`` names at all."""
    span, (low, high) = _span(term, today), period(at)
    return span is not None and span[0] < high and low < span[1]


def holders_at(
    terms: Sequence[Fact], key: OfficeKey, at: str, *, today: date | None = None
) -> list[Fact]:
    """The terms of the office ``key`` that cover ``at`` ("YYYY", "YYYY-MM" or
    "YYYY-MM-DD"); a coarse ``at`` picks every term it overlaps."""
    period(at)  # a malformed date is a caller's bug: say so even without terms
    return [t for t in office_terms(terms, key) if covers(t, at, today)]


# --- the check -----------------------------------------------------------------


@dataclass(frozen=True)
class OfficeResult:
    """A verdict on a person named in an office at a date.

    ``term`` is the fact to show as evidence: the person's own term when they
    held the office, else the term of whoever held it then. ``others`` are the
    terms of the other holders the reason names.
    """

    verdict: Verdict
    reason: str
    term: Fact | None = None
    others: tuple[Fact, ...] = ()


def check_person(
    person: PersonRole, at: str | None, terms: Sequence[Fact], *, today: date | None = None
) -> OfficeResult | None:
    """Whether ``person`` held the office the claim gives them on ``at``.

    None when there is nothing to judge: no date, no office, an office the
    references do not list, or nobody known to contradict the claim.
    "Former X" asks for a term that had ended by ``at``; "incoming X" is not
    judged; an acting holder is only judged on their own listed terms.
    """
    if at is None or person.role is None:
        return None
    period(at)
    tense = _tense(person.role)
    key = office_key(person.role, person.organisation)
    listed = [t for t in office_terms(terms, key) if t.holder]
    if not listed or tense == "future":
        return None
    own = [t for t in listed if same_person(person.name, t.holder or "")]
    others = [t for t in listed if t not in own and covers(t, at, today)]
    if tense == "former":
        return _check_former(own, at, today)
    return _check_serving(person, own, others, at, today, judge_others=tense != "acting")


def _tense(role: str) -> str:
    words = set(normalise_role(fold(role)).split())
    if words & FUTURE_WORDS:
        return "future"
    if words & FORMER_WORDS:
        return "former"
    return "acting" if words & ACTING_WORDS else "serving"


def _check_serving(
    person: PersonRole,
    own: list[Fact],
    others: list[Fact],
    at: str,
    today: date | None,
    *,
    judge_others: bool,
) -> OfficeResult | None:
    serving = [t for t in own if covers(t, at, today)]
    if serving:
        reason = f"{_term_text(serving[0])}, so in office on {at}"
        return OfficeResult(Verdict.SUPPORTED, reason, serving[0])
    if own:
        nearest = _nearest(own, at, today)
        then = (
            f"on {at} the office was held by {_names(others)}"
            if others
            else f"the references do not say who held it on {at}"
        )
        return OfficeResult(
            Verdict.CONTRADICTED, f"{_term_text(nearest)}; {then}", nearest, tuple(others)
        )
    if not others or not judge_others:
        return None
    reason = f"on {at} {others[0].office} was {_names(others)}, not {person.name}"
    return OfficeResult(Verdict.CONTRADICTED, reason, others[0], tuple(others))


def _check_former(own: list[Fact], at: str, today: date | None) -> OfficeResult | None:
    """A former holder: some term of theirs had ended by the end of ``at``.

    A person the references do not list at all is not judged: a list of terms
    is often only the recent ones, and "former" reaches back before it.
    """
    if not own:
        return None
    high = period(at)[1]
    ended = [t for t in own if t.end_date and (_span(t, today) or (date.max, date.max))[1] < high]
    if ended:
        return OfficeResult(
            Verdict.SUPPORTED, f"{_term_text(ended[-1])}, so a former holder on {at}", ended[-1]
        )
    nearest = _nearest(own, at, today)
    when = "still in office" if covers(nearest, at, today) else "not yet in office"
    return OfficeResult(Verdict.CONTRADICTED, f"{_term_text(nearest)}, so {when} on {at}", nearest)


def _nearest(own: list[Fact], at: str, today: date | None) -> Fact:
    """The person's term closest in time to ``at``."""
    low, high = period(at)

    def distance(term: Fact) -> int:
        start, end = _span(term, today) or (date.min, date.max)
        if end <= low:
            return (low - end).days
        return max(0, (start - high).days)

    return min(own, key=distance)


def _term_text(term: Fact) -> str:
    held = f"{term.holder} was {term.office}"
    if term.end_date is None:
        since = f" from {term.start_date}" if term.start_date else ""
        return f"{held}{since} (still in office)"
    if term.start_date is None:
        return f"{held} until {term.end_date}"
    return f"{held} from {term.start_date} to {term.end_date}"


def _names(terms: Sequence[Fact]) -> str:
    """Holders in order of their terms, each once: "A" or "A, then B"."""
    names: list[str] = []
    for term in terms:
        holder = term.holder or ""
        if not any(same_person(holder, seen) for seen in names):
            names.append(holder)
    return ", then ".join(names)
