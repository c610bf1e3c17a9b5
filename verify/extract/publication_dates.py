"""Publication dates as pages write them: in a meta tag, a datetime attribute,
JSON-LD, or a line of visible text ("Updated: February 24, 2022 3:06pm",
"By Jane Doe | 24 Feb 2022").

A date becomes a ``FoundDate``: the day as written, in the page's own timezone,
a timestamp when a time of day is given, and whether it was labelled as an
update. Implausible dates (before ``EARLIEST_YEAR``, or after tomorrow) are
parse errors and give None. ``verify.extract.metadata`` decides which of a page's dates
is its publication date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta, timezone

from verify.extract.text_furniture import is_byline, normalise_space

EARLIEST_YEAR = 1990  # older "publication" dates on news pages are parse errors
MAX_DATELINE_CHARS = 80


@dataclass(frozen=True)
class FoundDate:
    published: str  # "YYYY-MM-DD" as written, in the page's own timezone
    published_at: str | None  # ISO timestamp when a time of day was given
    updated: bool = False  # labelled "Updated", "Last modified", "Reviewed", ...
    source: str = ""  # where it was found: "json-ld", "meta", "time", "dateline", ...


_MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()
# Month names in full as German, French, Spanish, Italian and Dutch pages write them.
_FOREIGN_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            "januar jänner janvier enero gennaio januari",
            "februar février febrero febbraio februari",
            "märz mars marzo maart",
            "avril abril aprile",
            "mai mayo maggio mei",
            "juni juin junio giugno",
            "juli juillet julio luglio",
            "août agosto augustus",
            "septembre septiembre settembre",
            "oktober octobre octubre ottobre",
            "novembre noviembre",
            "dezember décembre diciembre dicembre",
        ),
        start=1,
    )
    for name in names.split()
}
_MONTH = (
    rf"(?P<month>{'|'.join(sorted(_FOREIGN_MONTHS, key=len, reverse=True))}"
    r"|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
    r"|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th|er)?"
_ZONE = r"(?P<zone>z|utc|gmt|bst|cest|cet|eest|eet|est|edt|cst|cdt|mst|mdt|pst|pdt|et|pt)"
_OFFSET = r"(?P<offset>[+-]\d{2}(?::?\d{2})?)"
_TIME = (
    r"(?:\s*(?:,|at|@|-|–|—|•|·|\||/)?\s*(?P<hour>\d{1,2})[:.](?P<minute>\d{2})"
    r"(?:[:.](?P<second>\d{2}))?\s*(?P<ampm>[ap]\.?m\b\.?)?"
    rf"(?:\s*(?:{_ZONE}(?![a-z])|{_OFFSET}))?"
    # German and French pages write the hour's unit after a time: "12:01 Uhr", "9:30 h".
    r"(?:\s*(?:uhr|h)(?![a-z]))?)?"
)
_DATE_PATTERNS = tuple(
    re.compile(pattern, re.I)
    for pattern in (
        r"(?P<year>\d{4})(?P<sep>[-/.])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})"
        r"(?:[T\s](?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:[.,]\d+)?)?"
        rf"\s*(?:(?P<zone>z)|{_OFFSET})?)?",
        # "24 February 2022", "21. Januar 2022", "1er mars 2022", "3 de mayo de 2022"
        rf"{_WEEKDAY}{_DAY}\.?\s+(?:of\s+|de\s+)?{_MONTH},?\s+(?:de\s+)?(?P<year>\d{{4}}){_TIME}",
        rf"{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+(?P<year>\d{{4}}){_TIME}",
        rf"{_WEEKDAY}(?P<day>\d{{1,2}})\.(?P<month>\d{{1,2}})\.(?P<year>\d{{4}}){_TIME}",
    )
)
_ZONE_OFFSETS = {
    "z": "Z", "utc": "Z", "gmt": "Z", "bst": "+01:00", "cet": "+01:00",
    "cest": "+02:00", "eet": "+02:00", "eest": "+03:00", "est": "-05:00",
    "edt": "-04:00", "cst": "-06:00", "cdt": "-05:00", "mst": "-07:00",
    "mdt": "-06:00", "pst": "-08:00", "pdt": "-07:00",
}  # fmt: skip
_LINE_PARTS = re.compile(r"\s*[|•·]\s*|\s+[-–—]\s+")
# The verbs of a dateline's label, in English and in the other languages of western
# Europe's news pages ("Veröffentlicht am", "Stand:", "Publié le", "Aggiornato il"):
# the words that say a date is an update, then those that say it is the publication.
_UPDATED_VERBS = (
    "updated", "modified", "reviewed", "revised", "aktualisiert", "geändert", "stand",
    "mis à jour", "modifié", "actualizado", "aggiornato", "bijgewerkt",
)  # fmt: skip
_PUBLISHED_VERBS = (
    "published", "posted", "created", "issued", "date", "veröffentlicht", "erstellt",
    "publiziert", "erschienen", "datum", "publié", "publicado", "pubblicato", "gepubliceerd",
)  # fmt: skip
_VERBS = "|".join((*_PUBLISHED_VERBS, *_UPDATED_VERBS))
_LABEL = re.compile(
    rf"(?:[^\W\d_]+\s+){{0,3}}?(?P<verb>{_VERBS})(?![^\W\d_])"
    r"(?:\s+(?:on|at|am|um|le|el|il|op))?\s*[:\-–—]?\s*",
    re.I,
)


def parse_date(value: str) -> FoundDate | None:
    """A date given on its own (a meta tag, a datetime attribute, JSON-LD)."""
    text = normalise_space(value)
    for pattern in _DATE_PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            return _found(match)
    match = _DATE_PATTERNS[0].match(text)  # ISO with trailing noise
    return _found(match) if match else None


def parse_dateline(line: str) -> FoundDate | None:
    """A line that is only a date, perhaps labelled: "Updated: February 24,
    2022 3:06pm", "Published 24 Feb 2022 09:00 GMT", "2022-02-24"."""
    text = normalise_space(line)
    if len(text) > MAX_DATELINE_CHARS:
        return None
    label = _LABEL.match(text)
    found = parse_date(text[label.end() :] if label else text)
    if found is None and label:
        found = parse_date(text)
    if found and label and label.group("verb").lower() in _UPDATED_VERBS:
        return FoundDate(found.published, found.published_at, updated=True)
    return found


def dateline_in(line: str) -> FoundDate | None:
    """A dateline, the date beside a byline ("By Jane Doe | 24 Feb 2022"), a
    dateline that opens a line of labels ("02.02.2022 10:16 - Bundesliga - Staff"),
    or a news agency's dateline ("LISBON, 3 August 2023 – The bridge ...")."""
    found = parse_dateline(line) or _wire_dateline(line)
    parts = _LINE_PARTS.split(line) if found is None else []
    if len(parts) < 2:
        return found
    if not is_byline(parts[0]):
        return parse_dateline(parts[0])
    return next(filter(None, map(parse_dateline, parts[1:])), None)


# A news agency's dateline opening the story: the place in capitalised words, a comma,
# the day and a dash ("LISBON, 3 August 2023 – The bridge ..."). Read by nothing else,
# such a page was dated by htmldate from the dates of a "More news" box below it.
_PLACE = r"[A-ZÀ-ÖØ-Þ][\w.'’]*(?:[\s-]+[A-ZÀ-ÖØ-Þ][\w.'’]*){0,3}"
_WIRE_DATELINE = re.compile(
    rf"\s*{_PLACE},\s+(?:(?P<date>[^,(].{{5,40}}?)\s*[-–—](?:\s|$)"
    # A press release's: "Karlsruhe, (12.11.2021). Traditionell gedenken ..."
    rf"|\((?P<bracketed>[^()]{{6,40}})\)[.:]?(?:\s|$))"
)


def _wire_dateline(line: str) -> FoundDate | None:
    match = _WIRE_DATELINE.match(line)
    return parse_date(match.group("date") or match.group("bracketed")) if match else None


# A blog's sentence of post metadata, as WordPress themes write it: "This entry was
# posted in News on May 19, 2010 at 11:03 pm", "Der Artikel wurde am 19. Mai 2010 um
# 23:03 Uhr gepostet und unter ... abgelegt".
_POSTED_ON = re.compile(
    r"\bwas posted (?:in .{1,80}? )?on (?P<en>.{6,60})"
    r"|\bwurde (?:vor\s+)?am (?P<de>.{6,60}?) um .{1,20}? (?:gepostet|veröffentlicht)",
    re.I,
)


def posted_on(text: str) -> FoundDate | None:
    """The date of a blog post's metadata sentence (``_POSTED_ON``)."""
    for match in _POSTED_ON.finditer(normalise_space(text)):
        # "am Samstag, 3. Dezember 2011": a weekday in any language, before the date.
        words = re.sub(r"^[^\W\d_]+,\s*", "", match.group("en") or match.group("de"))
        for pattern in _DATE_PATTERNS:
            found = pattern.match(words)
            if found:
                return _found(found)
    return None


def _found(match: re.Match[str]) -> FoundDate | None:
    month = _month_number(match.group("month"))
    try:
        day = date(int(match.group("year")), month, int(match.group("day")))
    except ValueError:
        return None
    if not _plausible(day):
        return None
    return FoundDate(day.isoformat(), _timestamp(day, match))


def _month_number(text: str) -> int:
    if text.isdigit():
        return int(text)
    return _FOREIGN_MONTHS.get(text.lower()) or _MONTHS.index(text[:3].lower()) + 1


def _plausible(day: date) -> bool:
    # A day of slack: a page east of UTC can be dated tomorrow by UTC's clock.
    tomorrow = datetime.now(UTC).date() + timedelta(days=1)
    return EARLIEST_YEAR <= day.year and day <= tomorrow


def _timestamp(day: date, match: re.Match[str]) -> str | None:
    if match.group("hour") is None:
        return None
    hour, minute = int(match.group("hour")), int(match.group("minute"))
    second = int(match.group("second") or 0)
    ampm = (match.groupdict().get("ampm") or "").lower()
    if ampm and not 1 <= hour <= 12:
        return None
    if ampm:
        hour = hour % 12 + (12 if ampm.startswith("p") else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    return f"{day.isoformat()}T{hour:02d}:{minute:02d}:{second:02d}{_offset(match)}"


def _offset(match: re.Match[str]) -> str:
    zone = (match.group("zone") or "").lower()
    if zone:
        return _ZONE_OFFSETS.get(zone, "")  # "ET", "PT": the DST half is unknown
    offset = (match.group("offset") or "").replace(":", "")
    if not offset:
        return ""
    minutes = offset[3:5] or "00"
    return f"{offset[:3]}:{minutes}"


# --- the publisher's day -------------------------------------------------------------

MAX_OFFSET = timedelta(hours=14)  # the widest UTC offset in use
# Publishers are from ten hours behind UTC (Hawaii) to fourteen ahead: a UTC time
# falls on local day D somewhere in that range when D's midnight, less the UTC time,
# lies in (-34 h, +14 h].
WEST_OFFSET, EAST_OFFSET = timedelta(hours=10), timedelta(hours=14)


def in_page_offset(
    found: FoundDate | None, timestamps: Iterable[str], url_days: Iterable[str]
) -> FoundDate | None:
    """A date declared as a UTC timestamp, read as its publisher's day.

    Many sites write their timestamps in UTC ("2023-11-09T03:28:35Z" for a story
    published on the evening of 8 November in New York), and the day a page is dated
    is the publisher's. Where the page says its own offset the UTC time is read in it:
    another of its timestamps with a non-zero offset, or a timestamp without an offset
    for the same instant (a "sailthru.date" of "2023-11-08 22:28:35"). Failing that, a
    day in the page's URL one day off the UTC day is the publisher's day. On htmldate's
    995 dated pages this made 10 wrong dates right and none right wrong.
    """
    if found is None or not _is_utc(found.published_at):
        return found
    instant = datetime.fromisoformat(found.published_at.replace("Z", "+00:00"))
    offset = _page_offset(instant, timestamps)
    if offset is not None:
        local = instant.astimezone(timezone(offset))
        return replace(found, published=local.date().isoformat(), published_at=local.isoformat())
    for url_day in url_days:
        midnight = datetime.fromisoformat(url_day).replace(tzinfo=instant.tzinfo)
        gap = midnight - instant
        if url_day != found.published and -WEST_OFFSET - timedelta(days=1) < gap <= EAST_OFFSET:
            return replace(found, published=url_day)
    return found


def _is_utc(timestamp: str | None) -> bool:
    return bool(timestamp) and timestamp.endswith(("Z", "+00:00"))


def _page_offset(instant: datetime, timestamps: Iterable[str]) -> timedelta | None:
    naive_offset: timedelta | None = None
    for timestamp in timestamps:
        try:
            moment = datetime.fromisoformat(timestamp.replace("Z", "+00:00"))
        except ValueError:
            continue
        offset = moment.utcoffset()
        if offset:
            return offset
        if offset is None and naive_offset is None:
            gap = moment - instant.replace(tzinfo=None)
            # The same instant in local time: a whole number of half hours away.
            if gap and abs(gap) <= MAX_OFFSET and gap % timedelta(minutes=30) == timedelta(0):
                naive_offset = gap
    return naive_offset
