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
_CONNECTOR = re.compile(r"(\s+(?:of|for|to)\s+)")


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


def office_terms(terms: Sequence[Fact], key: OfficeKey) -> list[Fact]:
    """The term facts of the office ``key`` names, in order of their start.

    A key without a body matches a listed office only when no other listed
    office has the same role. Terms whose dates cannot be read are left out.
    """
    listed = [t for t in terms if t.kind == "term" and t.office and t.holder and _readable(t)]
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
    frozenset(pair.split(":"))
    for pair in """jim:james jimmy:james bill:william will:william bob:robert rob:robert
    dick:richard rick:richard ted:edward ned:edward jack:john tony:anthony mike:michael
    tom:thomas chuck:charles hank:henry liz:elizabeth betty:elizabeth kate:catherine
    kate:katherine peggy:margaret sasha:alexander""".split()
}
MIN_SURNAME_SIMILARITY = 90.0  # "Zelensky"/"Zelenskyy" (94) agree; "Mattis"/"Mattison" (86) do not
MIN_GIVEN_PREFIX = 3  # "Alex" for "Alexander"; "Al" is too short to tell


def _name(text: str) -> tuple[tuple[str, ...], str] | None:
    """Given names (particles left out) and the surname of a written name."""
    tokens = [t.strip(".,") for t in fold(text).split()]
    tokens = [t for t in tokens if t and t not in _HONORIFICS]
    while tokens and tokens[-1] in _SUFFIXES:
        tokens.pop()
    if not tokens:
        return None
    return tuple(t for t in tokens[:-1] if t not in _PARTICLES), tokens[-1]


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
    (given_a, surname_a), (given_b, surname_b) = a, b
    if fuzz.ratio(surname_a, surname_b) < MIN_SURNAME_SIMILARITY:
        return False
    return not given_a or not given_b or _same_given(given_a[0], given_b[0])


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
    year, month, day = match.groups()
    first = date(int(year), int(month or 1), int(day or 1))  # ValueError for "2021-13"
    if day:
        return first, first + timedelta(days=1)
    if month:
        return first, (first + timedelta(days=31)).replace(day=1)
    return first, first.replace(year=first.year + 1)


def _bounds(term: Fact) -> tuple[date | None, date | None]:
    """A term's first day and the day after its last, None where not given.

    The end day itself belongs to the successor (the handover day). A coarse
    boundary ("2019") is read generously, as covering the whole period, so an
    imprecise table never contradicts a claim.
    """
    start = period(term.start_date)[0] if term.start_date else None
    if term.end_date is None:
        return start, None
    low, high = period(term.end_date)
    return start, low if len(term.end_date.strip()) == len("YYYY-MM-DD") else high


def _readable(term: Fact) -> bool:
    try:
        return _bounds(term) != (None, None)
    except ValueError:
        return False


@dataclass(frozen=True)
class _Held:
    """A term placed in time: ``[start, end)``."""

    term: Fact
    start: date
    end: date
    open_ended: bool  # no end date given and no later holder known: still in office

    def covers(self, at: str) -> bool:
        low, high = period(at)
        return self.start < high and low < self.end


def _timeline(terms: Sequence[Fact], key: OfficeKey, today: date | None) -> list[_Held]:
    """The terms of one office in time order.

    A term without an end runs through today, unless a later term by someone
    else is known: an office has one holder at a time, so it ends there. A
    term without a start is taken to have begun when the one before it ended.
    """
    found = office_terms(terms, key)
    bounds = [_bounds(t) for t in found]
    tomorrow = (today or date.today()) + timedelta(days=1)
    held = []
    for term, (start, end) in zip(found, bounds, strict=True):
        others = [b for t, b in zip(found, bounds, strict=True) if not _same_holder(t, term)]
        later = [s for s, _ in others if s and start and s > start]
        earlier = [e for _, e in others if e and end and e < end]
        begin = start or max(earlier, default=date.min)
        finish = end or min(later, default=tomorrow)
        held.append(_Held(term, begin, finish, end is None and not later))
    return held


def _same_holder(a: Fact, b: Fact) -> bool:
    return same_person(a.holder or "", b.holder or "")


def holders_at(
    terms: Sequence[Fact], key: OfficeKey, at: str, *, today: date | None = None
) -> list[Fact]:
    """The terms of the office ``key`` that cover ``at`` ("YYYY", "YYYY-MM" or
    "YYYY-MM-DD"); a coarse ``at`` picks every term it overlaps at all."""
    period(at)  # a malformed date is the caller's bug: say so even without terms
    return [h.term for h in _timeline(terms, key, today) if h.covers(at)]


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
    references do not list, or nobody known to contradict the claim. Someone
    the terms do not list is only contradicted when the claim names the
    office's body ("the Lithuanian president"): a bare "President Jane Roe"
    matched to the one presidency listed may well be another country's.
    "Former X" asks for a term that had ended by ``at``; "incoming X" is not
    judged; an acting holder is judged only on terms of their own.
    """
    if at is None or person.role is None:
        return None
    period(at)
    tense = _tense(person.role)
    key = office_key(person.role, person.organisation)
    timeline = _timeline(terms, key, today)
    if not timeline or tense == "future":
        return None
    own = [h for h in timeline if same_person(person.name, h.term.holder or "")]
    if not own and not _named_body(key, timeline):
        return None  # "President Jane Roe": whose president is a guess, not grounds to contradict
    if tense == "former":
        return _check_former(own, at)
    others = [h for h in timeline if h not in own and h.covers(at)]
    if own or tense != "acting":
        return _check_serving(person.name, own, others, at)
    return None


def _named_body(key: OfficeKey, timeline: list[_Held]) -> bool:
    """Whether the claim and every matched term name the same body, so the
    office is known from the words and not only from being the one listed."""
    bodies = {office_key_from_title(h.term.office or "").organisation for h in timeline}
    return key.organisation is not None and bodies == {key.organisation}


def _tense(role: str) -> str:
    words = set(normalise_role(fold(role)).split())
    if words & FUTURE_WORDS:
        return "future"
    if words & FORMER_WORDS:
        return "former"
    return "acting" if words & ACTING_WORDS else "serving"


def _check_serving(
    name: str, own: list[_Held], others: list[_Held], at: str
) -> OfficeResult | None:
    serving = [h for h in own if h.covers(at)]
    if serving:
        reason = f"{_term_text(serving[0])}, so in office {_on(at)}"
        return OfficeResult(Verdict.SUPPORTED, reason, serving[0].term)
    other_terms = tuple(h.term for h in others)
    if own:
        nearest = _nearest(own, at)
        then = f"{_on(at)} the office was held by {_names(others)}"
        if not others:
            then = f"the references do not say who held it {_on(at)}"
        reason = f"{_term_text(nearest)}; {then}"
        return OfficeResult(Verdict.CONTRADICTED, reason, nearest.term, other_terms)
    if not others:
        return None
    reason = f"{_on(at)} {others[0].term.office} was {_names(others)}, not {name}"
    return OfficeResult(Verdict.CONTRADICTED, reason, others[0].term, other_terms)


def _check_former(own: list[_Held], at: str) -> OfficeResult | None:
    """A former holder: some term of theirs had ended by the end of ``at``.

    A person the references do not list at all is not judged: a list of terms
    is often only the recent ones, and "former" reaches back before it.
    """
    if not own:
        return None
    ended = [h for h in own if not h.open_ended and h.end < period(at)[1]]
    if ended:
        reason = f"{_term_text(ended[-1])}, so a former holder {_on(at)}"
        return OfficeResult(Verdict.SUPPORTED, reason, ended[-1].term)
    nearest = _nearest(own, at)
    when = "still in office" if nearest.covers(at) else "not yet in office"
    reason = f"{_term_text(nearest)}, so {when} {_on(at)}"
    return OfficeResult(Verdict.CONTRADICTED, reason, nearest.term)


def _on(at: str) -> str:
    """ "on 2021-11-16", but "in 2021-11": a month or year is a span, not a day."""
    return f"on {at}" if len(at) == 10 else f"in {at}"


def _nearest(own: list[_Held], at: str) -> _Held:
    """The person's term closest in time to ``at``."""
    low, high = period(at)
    return min(own, key=lambda h: (low - h.end).days if h.end <= low else (h.start - high).days)


def _term_text(held: _Held) -> str:
    term = held.term
    was = f"{term.holder} was {term.office}"
    since = f" from {term.start_date}" if term.start_date else ""
    if term.end_date:
        return f"{was}{since} to {term.end_date}" if since else f"{was} until {term.end_date}"
    return f"{was}{since} (still in office)" if held.open_ended else f"{was}{since}"


def _names(held: Sequence[_Held]) -> str:
    """Holders in order of their terms, each once: "A" or "A, then B"."""
    names: list[str] = []
    for holder in (h.term.holder or "" for h in held):
        if not any(same_person(holder, seen) for seen in names):
            names.append(holder)
    return ", then ".join(names)
