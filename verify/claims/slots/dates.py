"""Dates and how a claim relates to them: "on Thursday", "since 1949", "a 2015 deal".

Values are as precise as the text: "YYYY", "YYYY-MM" or "YYYY-MM-DD". Relative
expressions (weekdays, a month without a year, "yesterday") are resolved
against the publication date with the news convention: "on Thursday" means
the most recent Thursday on or before publication. Without a publication date
they are still reported, with an empty value and ``resolved=False``; they are
never resolved against today's date.

Each reference's span includes the word that sets its relation, so a
reviewer sees why: "in 1949", "on Thursday". When a clause opened by
"since", "until", "before" or "after" ends in "in 1949" ("since the alliance
formed in 1949"), that clause word governs the date: the relation is "since"
and the span starts at it.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache

from verify.records import DateRef

FIRST_YEAR, LAST_YEAR = 1800, 2100
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_MONTH_RE = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\b\.?)"
)
_WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY_RE = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR_RE = r"(?P<year>\d{4})"
_OPTIONAL_WEEKDAY = rf"(?:{_WEEKDAY_RE},?\s+(?:the\s+)?)?"
_OPTIONAL_YEAR = rf"(?:,?\s+{_YEAR_RE})?"
_END = r"(?![\w])"

# Relation words as written -> the relation they set.
_RELATIONS = {
    "on": "on",
    "in": "in",
    "since": "since",
    "until": "until",
    "till": "until",
    "through": "until",
    "by": "by",
    "from": "from",
    "before": "before",
    "after": "after",
    "during": "in",
    "to": "until",
    "between": "from",
}
# Conjunctions that open a clause ending in a date: "since the alliance formed in 1949".
_GOVERNING = frozenset({"since", "until", "till", "before", "after"})
_MODIFIERS = frozenset({"early", "late", "mid", "last", "next", "this"})
_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "its", "their", "his", "her"})
_MONTH_CONTEXT = frozenset(_RELATIONS) | _MODIFIERS | {"of"}
_CLAUSE_WORDS = 8  # how far back a governing conjunction may stand


def find_dates(text: str, base: int = 0, published: date | None = None) -> tuple[DateRef, ...]:
    """Every date reference in ``text``, in order; offsets are ``base`` + local offsets.

    A publication date outside the years handled is treated as unknown.
    """
    if published is not None and not FIRST_YEAR <= published.year <= LAST_YEAR:
        published = None
    found = _date_cores(text, published)
    refs = []
    previous_end = 0
    for start, end, value, resolved in found:
        relation, span_start = _relation(text, start, previous_end)
        refs.append(
            DateRef(
                value=value,
                relation=relation,
                text=text[span_start:end],
                start=base + span_start,
                end=base + end,
                resolved=resolved,
            )
        )
        previous_end = end
    return tuple(refs)


def date_spans(text: str) -> list[tuple[int, int]]:
    """Local (start, end) of the date words themselves, without relation words.

    The quantity finder uses these to skip day numbers and years.
    """
    return [(start, end) for start, end, _, _ in _date_cores(text, None)]


# Names, quantities and dated clauses each ask for the dates of the same sentence.
@lru_cache(maxsize=4096)
def _date_cores(text: str, published: date | None) -> tuple[tuple[int, int, str, bool], ...]:
    """(start, end, value, resolved) of each date, earlier readers winning overlaps."""
    taken = bytearray(len(text) + 1)
    found: list[tuple[int, int, str, bool]] = []
    for pattern, reader in _READERS:
        for match in pattern.finditer(text):
            if any(taken[match.start() : match.end()]):
                continue
            value = reader(match, text, published)
            if value is None:
                continue
            taken[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
            found.append((match.start(), match.end(), *value))
    return tuple(sorted(found))


# --- readers: each returns (value, resolved) or None to reject the match -------------


def _full_date(year: int, month: int, day: int) -> tuple[str, bool] | None:
    if not FIRST_YEAR <= year <= LAST_YEAR or not _valid(year, month, day):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}", False


def _valid(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _read_iso(match: re.Match[str], text: str, published: date | None) -> tuple[str, bool] | None:
    year, month, day = (int(match.group(g)) for g in ("year", "month", "day"))
    return _full_date(year, month, day)


def _read_slashed(
    match: re.Match[str], text: str, published: date | None
) -> tuple[str, bool] | None:
    first, second, year = (int(match.group(g)) for g in ("first", "second", "year"))
    if first > 12 >= second or first == second:
        return _full_date(year, second, first)  # day/month, as most of the world writes
    if second > 12 >= first:
        return _full_date(year, first, second)  # month/day (US)
    return None  # 03/04/2022 could be either


def _read_day_month(
    match: re.Match[str], text: str, published: date | None
) -> tuple[str, bool] | None:
    month = _MONTHS[match.group("month").lower()]
    day = int(match.group("day"))
    if match.group("year"):
        return _full_date(int(match.group("year")), month, day)
    if not 1 <= day <= 31:
        return None
    if published is None:
        return "", False
    return _recent_day(published, month, day)


def _recent_day(published: date, month: int, day: int) -> tuple[str, bool] | None:
    """The most recent (month, day) on or before ``published``."""
    for year in (published.year, published.year - 1, published.year - 4):
        if _valid(year, month, day) and date(year, month, day) <= published:
            return date(year, month, day).isoformat(), True
    return None


def _read_month_year(
    match: re.Match[str], text: str, published: date | None
) -> tuple[str, bool] | None:
    year = int(match.group("year"))
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    return f"{year:04d}-{_MONTHS[match.group('month').lower()]:02d}", False


def _read_month(match: re.Match[str], text: str, published: date | None) -> tuple[str, bool] | None:
    # A bare month name is also a verb or a name ("May", "March", "June said"),
    # so it needs a relation word or modifier before it.
    words = _words_before(text, match.start(), 1)
    if not words or words[0][0].lower() not in _MONTH_CONTEXT:
        return None
    if published is None:
        return "", False
    month = _MONTHS[match.group("month").lower()]
    shift = {"last": -1, "next": 1}.get(words[0][0].lower(), 0)
    year = published.year if month <= published.month else published.year - 1
    if shift == -1 and month == published.month:
        year -= 1
    elif shift == 1 and month <= published.month:
        year += 1
    return f"{year:04d}-{month:02d}", True


def _read_weekday(
    match: re.Match[str], text: str, published: date | None
) -> tuple[str, bool] | None:
    if published is None:
        return "", False
    words = _words_before(text, match.start(), 1)
    modifier = words[0][0].lower() if words else ""
    weekday = _WEEKDAYS[match.group("weekday").lower()]
    back = (published.weekday() - weekday) % 7
    if modifier == "next":
        day = published + timedelta(days=(weekday - published.weekday()) % 7 or 7)
    else:
        # "last Thursday" in a Thursday paper means a week ago, not the same day.
        day = published - timedelta(days=back or (7 if modifier == "last" else 0))
    return day.isoformat(), True


_RELATIVE_DAYS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
_RELATIVE_PERIOD = {"last": -1, "this": 0, "next": 1}


def _read_relative(
    match: re.Match[str], text: str, published: date | None
) -> tuple[str, bool] | None:
    if published is None:
        return "", False
    word = match.group().lower()
    if word in _RELATIVE_DAYS:
        return (published + timedelta(days=_RELATIVE_DAYS[word])).isoformat(), True
    which, unit = word.split()
    shift = _RELATIVE_PERIOD[which]
    if unit == "year":
        return f"{published.year + shift:04d}", True
    months = published.year * 12 + published.month - 1 + shift
    return f"{months // 12:04d}-{months % 12 + 1:02d}", True


def _read_year(match: re.Match[str], text: str, published: date | None) -> tuple[str, bool] | None:
    year = int(match.group("year"))
    if not FIRST_YEAR <= year <= LAST_YEAR or not _year_context(text, match):
        return None
    return f"{year:04d}", False


_YEAR_TO = re.compile(r"\d{4}\s+to\s+$")
_YEAR_AND = re.compile(r"\d{4}\s*(?:and|or|-|–)\s*$")
_LOWER_WORD = re.compile(r"\s+([a-z]+)")


def _year_context(text: str, match: re.Match[str]) -> bool:
    """A bare four-digit number is a year after a relation word, in "(1949)", or as
    an attribute after a determiner ("a 2015 ceasefire deal")."""
    words = [word.lower() for word, _ in _words_before(text, match.start(), 2)]
    before = text[max(0, match.start() - 20) : match.start()]
    if words and words[0] in ("early", "late", "mid", "year"):
        return True
    if words and words[0] == "to":
        # "to 2000 troops" counts; "from 2014 to 2016" ends a span of years.
        return _YEAR_TO.search(before) is not None
    if words and (words[0] in _RELATIONS or words[0] == "of"):
        return True
    if _YEAR_AND.search(before):
        return True
    if (
        match.start() > 0
        and text[match.start() - 1] == "("
        and text[match.end() : match.end() + 1] == ")"
    ):
        return True
    after = _LOWER_WORD.match(text, match.end())
    return bool(words) and words[0] in _DETERMINERS and after is not None


_READERS = (
    (re.compile(rf"(?<![\w/-]){_YEAR_RE}-(?P<month>\d\d)-(?P<day>\d\d){_END}"), _read_iso),
    (
        re.compile(rf"(?<![\w/])(?P<first>\d\d?)/(?P<second>\d\d?)/{_YEAR_RE}{_END}"),
        _read_slashed,
    ),
    (
        re.compile(
            rf"\b{_OPTIONAL_WEEKDAY}{_DAY_RE}\s+(?:of\s+)?{_MONTH_RE}{_OPTIONAL_YEAR}{_END}"
        ),
        _read_day_month,
    ),
    (
        re.compile(rf"\b{_OPTIONAL_WEEKDAY}{_MONTH_RE}\s+{_DAY_RE}(?!\d){_OPTIONAL_YEAR}{_END}"),
        _read_day_month,
    ),
    (re.compile(rf"\b{_MONTH_RE}(?:\s+of)?,?\s+{_YEAR_RE}{_END}"), _read_month_year),
    (
        re.compile(
            r"\b(?P<month>January|February|March|April|May|June|July|August|September"
            r"|October|November|December)\b(?!['’]s)"
        ),
        _read_month,
    ),
    (re.compile(rf"\b(?P<weekday>{_WEEKDAY_RE})\b"), _read_weekday),
    (
        re.compile(r"\b(?i:yesterday|today|tonight|tomorrow|(?:last|this|next) (?:year|month))\b"),
        _read_relative,
    ),
    (re.compile(rf"(?<![\w,.£$€]){_YEAR_RE}(?![\w%]|[,.]\d)"), _read_year),
)


# --- relation ------------------------------------------------------------------------


def _words_before(text: str, start: int, limit: int, floor: int = 0) -> list[tuple[str, int]]:
    """Up to ``limit`` words before ``start`` in the same clause, nearest first.

    Only spaces and hyphens ("mid-2014") may separate them: any other mark
    (a comma, a digit, a quote) ends the clause.
    """
    words: list[tuple[str, int]] = []
    end = start
    while len(words) < limit:
        while end > floor and (text[end - 1].isspace() or text[end - 1] == "-"):
            end -= 1
        begin = end
        while begin > floor and text[begin - 1].isascii() and text[begin - 1].isalpha():
            begin -= 1
        if begin == end:
            break
        words.append((text[begin:end], begin))
        end = begin
    return words


def _relation(text: str, start: int, floor: int) -> tuple[str, int]:
    """The relation word that governs a date starting at ``start``, and where its span starts.

    Modifiers between them ("in early 2014", "last Thursday") join the span.
    """
    span_start = start
    for word, position in _words_before(text, start, 3, floor):
        key = word.lower()
        if key in _RELATIONS:
            return _governing(text, key, position, floor)
        if key not in _MODIFIERS:
            break
        span_start = position
    return "", span_start


def _governing(text: str, key: str, position: int, floor: int) -> tuple[str, int]:
    if key not in ("in", "on", "during"):
        return _RELATIONS[key], position
    for word, earlier in _words_before(text, position, _CLAUSE_WORDS, floor):
        if word.lower() in _GOVERNING:
            return _RELATIONS[word.lower()], earlier
    return _RELATIONS[key], position
