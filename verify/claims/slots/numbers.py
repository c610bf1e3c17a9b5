"""Quantities and what they count: "30 member states", "six times", "twice", "12%".

A number is only half a claim; the noun phrase after it says what is counted,
so "six times" and "six allies" are different checks. The counted phrase runs
from the number to the first plural noun within a few words ("12 founding
members"), stopping at function words and punctuation.

Numbers that name rather than count are left out: years, day numbers inside
dates, times of day, provision numbers ("Article 4", found by the date and
provision finders so the three agree) and labels ("Flight 17", "Vesper 2").
A number word must be followed by what it counts: "one" in "an attack on one
as an attack on all" is a pronoun. A bare figure ("rose to 30.") is kept with
an empty ``counted``.
"""

from __future__ import annotations

import re

from verify.claims.slots.dates import FIRST_YEAR, LAST_YEAR, date_spans
from verify.claims.slots.occurrences import occurrence_quantities
from verify.claims.slots.provisions import find_provisions
from verify.claims.slots.tallies import find_tallies, tally_quantities
from verify.records import Quantity

_SMALL = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {
    word: 10 * value
    for value, word in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 10**6, "billion": 10**9}
_SCALE_SUFFIXES = {"k": 1_000, "m": 10**6, "bn": 10**9, "b": 10**9, "tn": 10**12}
_TIMES = {"once": 1, "twice": 2, "thrice": 3}
_CURRENCIES = {"$": "dollars", "£": "pounds", "€": "euros"}
_NUMBER_WORD = re.compile(
    r"(?<![\w])(?i:" + "|".join([*_SMALL, *_TENS, *_SCALES, "dozen"]) + r")(?![\w])"
)
_DIGITS = re.compile(
    r"(?<![\w.,/:×\-])(?:(?P<currency>[$£€])\s?)?"
    r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<attached>[A-Za-z]{1,3})?(?![\w]|[/:,.×]\d|-\d)"
    r"(?P<percent>\s?%|\s+per\s?cent\b|\s+percent\b)?"
    r"(?:\s+(?P<scale>thousand|million|billion|trillion)\b)?"
)
_ONCE = re.compile(r"(?<![\w-])(?i:once|twice|thrice)(?![\w-])")
_TIME_AFTER = re.compile(r"\s*(?:[ap]\.m\.|(?:am|pm|GMT|UTC|BST|CET|EST|hrs)\b|o['’]clock)")
_MONTH_NAMES = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_MONTH_BEFORE = re.compile(rf"\b{_MONTH_NAMES}\s+$")
_MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_NAMES}(?![\w])")
_WORD_BEFORE = re.compile(r"([A-Za-z][\w.'’]*)\s+$")
_WORD_AFTER = re.compile(r"\s+([A-Za-z][\w]*(?:['’][A-Za-z]+)?(?:-\w+)*)")
_HYPHEN_WORD = re.compile(r"-([A-Za-z]+)(?![\w-])")

# Words that end a counted phrase: what follows them is not the thing counted.
_STOPWORDS = frozenset(
    "a an the this that these those its their his her our my your of in on at by for from to "
    "with without since until after before during over under among between into onto about "
    "against across per than as like and or but nor so yet if when while because although "
    "though whereas whether it they he she we you i them him us who whom which what there here "
    "is are was were be been being has have had do does did will would can could may might must "
    "shall should not no more less most also only just ago again later earlier each all both "
    "other another such said says told say around nearly almost some then exactly roughly "
    "approximately fewer least up".split()
)
_IRREGULAR_PLURALS = frozenset(
    "people men women children police troops personnel staff aircraft cattle feet teeth mice "
    "geese data media crew sheep deer fish dead wounded injured missing killed".split()
)
_NOT_PLURAL = frozenset(
    "was has its his this does yes as gas bus plus thus news always perhaps whereas "
    "towards afterwards besides hers ours yours theirs".split()
)
_NOT_COMPOUNDS = frozenset(
    "off way fold thirds third quarters quarter halves half fifths sixths eighths tenths "
    "time times".split()
)
_UNITS = frozenset("km kg mph mm cm ft lb lbs mi sq ha percent".split())
_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th", "s"})  # "1st", "1990s"
_TIME_SUFFIXES = frozenset({"am", "pm", "h", "hrs"})
# Words before a number that make it a name or label, not a count ("Flight 17").
_LABELS = frozenset(
    "no nos no. number resolution amendment protocol annex item page pages p p. pp pp. flight "
    "route room phase stage level round part title schedule version volume vol vol. tier grade "
    "gate platform channel line bus highway chapter article section clause rule paragraph "
    "figure fig fig. table step".split()
)
# Words before a four-digit number that make it a year ("the 1949 treaty", "in 2014").
_YEAR_PRECEDERS = frozenset(
    "in since of by from until till to before after during the a an this that its mid early "
    "late circa".split()
)
# After "once", a subject makes it a conjunction ("once the war ends"); a
# preposition does not ("invoked only once in its history").
_NOT_AFTER_ONCE = frozenset(
    "the a an this that these those it they he she we you i there his her their its our my "
    "your someone everyone all both each such again upon more as".split()
)
_MAX_PHRASE_WORDS = 4

# value, counted, span start, span end, where the number itself starts
_Found = tuple[float, str, int, int, int]


def find_quantities(text: str, base: int = 0) -> tuple[Quantity, ...]:
    """Every quantity in ``text`` with what it counts; offsets are ``base`` + local offsets."""
    named = bytearray(len(text) + 1)
    for start, end in [*date_spans(text), *((p.start, p.end) for p in find_provisions(text))]:
        named[start:end] = b"\x01" * (end - start)
    found = [*_digit_quantities(text), *_word_quantities(text), *_times_quantities(text)]
    occurrences = occurrence_quantities(text)
    taken = {q[4] for q in occurrences}
    found = [q for q in found if q[4] not in taken] + occurrences
    tallies = find_tallies(text)
    found = [q for q in found if not any(t.start <= q[4] < t.end for t in tallies)]
    found += [q for t in tallies for q in tally_quantities(t)]
    partitives = _partitive_quantities(text, found)
    starts = {p[2] for p in partitives}
    found = [q for q in found if q[2] not in starts] + partitives
    kept = [q for q in found if not named[q[4]]]
    return tuple(
        Quantity(
            value=value, counted=counted, text=text[start:end], start=base + start, end=base + end
        )
        for value, counted, start, end, _ in sorted(kept, key=lambda q: q[2])
    )


# --- digits --------------------------------------------------------------------------


def _digit_quantities(text: str) -> list[_Found]:
    found = []
    for match in _DIGITS.finditer(text):
        if _names_rather_than_counts(text, match):
            continue
        value = float(match.group("number").replace(",", ""))
        counted, end = _digit_counted(text, match)
        labelled = _follows_a_name(text, match) and not (
            counted and _is_plural(counted.split()[-1])
        )
        if _is_year(text, match, counted) or labelled:
            continue
        value *= _scale(match)
        start = match.start("currency") if match.group("currency") else match.start("number")
        found.append((value, counted, start, end, match.start("number")))
    return found


def _names_rather_than_counts(text: str, match: re.Match[str]) -> bool:
    attached = (match.group("attached") or "").lower()
    if attached in _ORDINAL_SUFFIXES or attached in _TIME_SUFFIXES:
        return True
    if _TIME_AFTER.match(text, match.end("number")):
        return True
    start = match.start()
    if _MONTH_BEFORE.search(text[max(0, start - 12) : start]) or _MONTH_AFTER.match(
        text, match.end("number")
    ):
        return True
    before = _WORD_BEFORE.search(text[max(0, start - 30) : start])
    return before is not None and before.group(1).lower() in _LABELS


def _follows_a_name(text: str, match: re.Match[str]) -> bool:
    """ "Vesper 2", "Windows 10": a capitalised name right before a number names it,
    unless a plural noun after the number says what it counts."""
    before = _WORD_BEFORE.search(text[max(0, match.start() - 30) : match.start()])
    if before is None:
        return False
    word = before.group(1).rstrip(".")
    return word[0].isupper() and word.isalpha() and word.lower() not in _STOPWORDS


def _digit_counted(text: str, match: re.Match[str]) -> tuple[str, int]:
    attached = match.group("attached")
    if match.group("percent"):
        return "percent", match.end()
    if match.group("currency"):
        return _CURRENCIES[match.group("currency")], match.end()
    if attached and attached.lower() not in _SCALE_SUFFIXES:
        return attached, match.end()
    hyphened = _HYPHEN_WORD.match(text, match.end())
    if hyphened:  # "a 30-member alliance"
        return hyphened.group(1), hyphened.end()
    singular = match.group("number") == "1"
    return _noun_phrase(text, match.end(), singular) or ("", match.end())


def _scale(match: re.Match[str]) -> float:
    if match.group("scale"):
        return float(_SCALES.get(match.group("scale"), 10**12))
    attached = (match.group("attached") or "").lower()
    if match.group("currency") and attached in _SCALE_SUFFIXES:
        return float(_SCALE_SUFFIXES[attached])  # "$3.5bn"
    return 1.0


def _is_year(text: str, match: re.Match[str], counted: str) -> bool:
    number = match.group("number")
    if (
        len(number) != 4
        or not number.isdigit()
        or match.group("currency")
        or match.group("percent")
    ):
        return False
    if not FIRST_YEAR <= int(number) <= LAST_YEAR:
        return False
    before = _WORD_BEFORE.search(text[max(0, match.start() - 30) : match.start()])
    year_word = before is not None and before.group(1).lower() in _YEAR_PRECEDERS
    return year_word or not counted or not _is_plural(counted.split()[-1])


# --- number words --------------------------------------------------------------------


def _word_quantities(text: str) -> list[_Found]:
    found = []
    for words in _word_runs(text):
        start, end = words[0][1], words[-1][2]
        compound = _HYPHEN_WORD.match(text, end)
        if compound:
            # "a nine-member board" counts like "a 9-member board"; "one-off" and
            # "two-thirds" count nothing.
            word = compound.group(1)
            if word.lower() not in _NOT_COMPOUNDS:
                found.append(
                    (
                        float(_word_value([w for w, _, _ in words])),
                        word,
                        start,
                        compound.end(),
                        start,
                    )
                )
            continue
        value = _word_value([word for word, _, _ in words])
        article = re.search(r"\ban?\s+$", text[max(0, start - 3) : start], re.IGNORECASE)
        if article and words[0][0].lower() in (*_SCALES, "dozen"):
            start -= len(article.group())  # "a dozen", "a hundred"
        phrase = _noun_phrase(text, end, singular=value == 1)
        if phrase is None:
            continue  # "one of them", "an attack on one as": not a count
        found.append((float(value), phrase[0], start, phrase[1], words[0][1]))
    return found


def _word_runs(text: str) -> list[list[tuple[str, int, int]]]:
    """Adjacent number words that form one number: "twenty-five", "two hundred and ten"."""
    runs: list[list[tuple[str, int, int]]] = []
    for match in _NUMBER_WORD.finditer(text):
        word = (match.group().lower(), match.start(), match.end())
        if runs and _continues(text, runs[-1][-1], word):
            runs[-1].append(word)
        else:
            runs.append([word])
    return runs


def _continues(text: str, previous: tuple[str, int, int], word: tuple[str, int, int]) -> bool:
    gap = text[previous[2] : word[1]]
    after_scale = previous[0] in _SCALES
    if not (re.fullmatch(r"[\s-]+", gap) or (after_scale and re.fullmatch(r"\s+and\s+", gap))):
        return False
    if previous[0] in _SMALL:
        return word[0] in _SCALES or word[0] == "dozen"
    if previous[0] in _TENS:
        return word[0] in _SCALES or word[0] == "dozen" or 0 < _SMALL.get(word[0], 0) < 10
    return after_scale and word[0] != "dozen"


def _word_value(words: list[str]) -> int:
    total, current = 0, 0
    for word in words:
        if word in _SMALL or word in _TENS:
            current += _SMALL.get(word, 0) + _TENS.get(word, 0)
        elif word in ("hundred", "dozen"):
            current = max(current, 1) * (100 if word == "hundred" else 12)
        else:
            total += max(current, 1) * _SCALES[word]
            current = 0
    return total + current


_PARTITIVE = re.compile(
    r"\s+of\s+(?:them|which|those|these|the|their|its|his|her|our"
    r"|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?['’]s)\b",
    re.IGNORECASE,
)


_OF_THEM = re.compile(r"\s+of\s+(?:them|which|those|these)\b", re.IGNORECASE)


def is_partitive(quantity: Quantity) -> bool:
    """ "four of them": a part of what an earlier quantity counts, never its total."""
    return _PARTITIVE.search(quantity.text) is not None


def _partitive_quantities(text: str, found: list[_Found]) -> list[_Found]:
    """ "six times since 1949, four of them by X": "four" counts what the
    quantity before it counts. Without a quantity before, "one of them" is no count."""
    numbers = [
        (run[0][1], run[-1][2], _word_value([w for w, _, _ in run])) for run in _word_runs(text)
    ]
    numbers += [(m.start(), m.end(), float(m.group())) for m in re.finditer(r"\b\d+\b", text)]
    partitives = []
    for start, end, value in numbers:
        tail = _OF_THEM.match(text, end)
        earlier = [q for q in found if q[3] <= start and q[1]]
        if tail and earlier:
            counted = max(earlier, key=lambda q: q[3])[1]
            partitives.append((float(value), counted, start, tail.end(), start))
    return partitives


# Before a past verb, "once" means "at one time" ("Roe once chaired the board"),
# unless a word before it makes it a count ("only once visited").
_PAST_VERBS = frozenset(
    "told said was were had led ran held made won wrote gave took became".split()
)
_COUNTING = frozenset("only just than exactly least more".split())


def _formerly(
    match: re.Match[str], before: re.Match[str] | None, after: re.Match[str] | None
) -> bool:
    if match.group().lower() != "once" or after is None:
        return False
    verb = after.group(1).lower()
    past = verb in _PAST_VERBS or (verb.endswith("ed") and len(verb) > 4)
    return past and not (before and before.group(1).lower() in _COUNTING)


def _times_quantities(text: str) -> list[_Found]:
    found = []
    for match in _ONCE.finditer(text):
        before = _WORD_BEFORE.search(text[max(0, match.start() - 30) : match.start()])
        after = _WORD_AFTER.match(text, match.end())
        if before and before.group(1).lower() == "at":
            continue  # "at once"
        if after and after.group(1).lower() in _NOT_AFTER_ONCE:
            continue  # "once the war ends", "once again", "twice as many"
        if match.start() == 0 and match.group()[0].isupper() and after:
            continue  # a sentence opening "Once ..." is a conjunction
        if _formerly(match, before, after):
            continue  # "she once told the board": at one time, not a count
        value = float(_TIMES[match.group().lower()])
        found.append((value, "times", match.start(), match.end(), match.start()))
    return found


# --- the counted phrase --------------------------------------------------------------


def _noun_phrase(text: str, position: int, singular: bool) -> tuple[str, int] | None:
    """(counted words, end) after ``position``: up to the first plural noun, or for a
    count of one, the singular noun phrase. None when nothing counted follows."""
    words: list[tuple[str, int]] = []
    cursor = position
    for _ in range(_MAX_PHRASE_WORDS):
        match = _WORD_AFTER.match(text, cursor)
        if match is None or match.group(1).lower() in _STOPWORDS:
            break
        word, cursor = match.group(1), match.end()
        if singular and (_is_plural(word) or (words and word.endswith(("ed", "ing")))):
            break
        words.append((word, cursor))
        if not singular and (_is_plural(word) or word.lower() in _UNITS):
            return " ".join(w for w, _ in words), cursor
    if singular and words:
        return " ".join(w for w, _ in words[:3]), words[:3][-1][1]
    return None


def _is_plural(word: str) -> bool:
    lowered = word.lower()
    if lowered in _IRREGULAR_PLURALS:
        return True
    if lowered in _NOT_PLURAL or len(lowered) < 3 or not lowered.endswith("s"):
        return False
    return not lowered.endswith(("ss", "us", "is", "ous", "'s", "’s"))
