"""Counts and values as of a date, from the dated facts of reference timelines.

A 2022 article's "invoked six times" is right if the references list six entries
before its date, even when a 2025 page lists nine; "30 member states" is right if
the membership was 30 on that day. This module compares such claims with
``Fact`` records (see ``verify.facts``) at the claim's date, and guesses when an
undated article was written from the dated events its claims report.

Dates are ISO "YYYY", "YYYY-MM" or "YYYY-MM-DD", each covering the days of its
period ("2021-11" is the whole of November 2021). The rules, one for every use:

- a fact is *on or before* ``at`` when its period starts before ``at``'s ends, so a
  coarse ``at`` ("2021-11") is read as the end of that period;
- an event is *strictly before* ``at`` when its period ends before ``at``'s starts;
  an event whose period overlaps ``at`` counts only in the inclusive count, so the
  two counts bracket what an article of that date could have said;
- an event is *on or after* ``since`` when its period ends after ``since`` starts.

Pure functions, no database. Every rule is about the shape of lists and words,
never about a particular story.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from rapidfuzz import fuzz

from verify.facts import NO_HEADING
from verify.lexicon import NEGATORS, content_stems, same_counted, stem, window
from verify.periods import period
from verify.records import Fact, Quantity, Verdict
from verify.retrieve import STOPWORDS, fold
from verify.slots.dates import date_spans, find_dates
from verify.slots.provisions import find_provisions

Days = tuple[date, date]  # half-open [first day, day after the last)

# choose_group: a heading stem counts double (a list's heading says what it lists);
# an entry stem is part of the list's theme when it occurs in a third of its entries.
HEADING_WEIGHT = 2
THEME_SHARE = 1 / 3
MIN_GROUP_SCORE = 2  # one heading stem, or two theme stems, shared with the claim
CLAIM_WINDOW = 80  # characters either side of the quantity read for its subject
# match_events: shared content stems, and the cosine of the two stem sets, before
# a claim is taken to report an event; the cosine keeps long entries that name
# many countries from matching every claim naming two of them.
MIN_EVENT_STEMS = 3
MIN_EVENT_SCORE = 0.25
# Two stems are the same word when equal, or long, sharing their first four
# letters and this similar ("invok"/"invoc", "lithuania"/"lithuanian").
SIMILAR_STEM_RATIO = 80
MIN_SIMILAR_STEM = 5
SAME_MONTH_DAYS = 31
EXCERPT = 70  # characters of a claim or entry quoted in a reason


@dataclass(frozen=True)
class CountResult:
    verdict: Verdict
    reason: str
    facts: tuple[Fact, ...]  # the entries counted, or the values compared


@dataclass(frozen=True)
class InferredDate:
    value: str  # "YYYY-MM" (or "YYYY" when the latest event has only a year)
    reason: str
    evidence: tuple[tuple[str, Fact], ...]  # (claim text, event it matched), latest first
    agreeing: int  # matched events within a month of the latest


# --- dates -------------------------------------------------------------------------------


def days(value: str | None) -> Days | None:
    """The days an ISO date covers, or None for a missing or malformed date."""
    try:
        return period(value) if value else None
    except ValueError:
        return None


def _dated(facts: Iterable[Fact]) -> list[tuple[Days, Fact]]:
    """Facts with a readable date, in date order (input order among equal dates)."""
    found = [(span, fact) for fact in facts if (span := days(fact.date))]
    return sorted(found, key=lambda item: item[0])


def _iso(day: date) -> str:
    return day.isoformat()


def _unit(at: str) -> str:
    return {4: "year", 7: "month"}.get(len(at), "day")


# --- values as of a date -----------------------------------------------------------------


def value_at(values: Sequence[Fact], at: str) -> tuple[Fact | None, Fact | None]:
    """(the value in force at ``at``, the next change after it) for values of one measure.

    In force: the latest fact on or before ``at`` (the last listed among facts of
    the same date). Next change: the first later fact with a different value, or
    the first later fact when none is in force. Either is None when there is none.
    """
    when = days(at)
    if when is None:
        return None, None
    dated = _dated(values)
    before = [fact for span, fact in dated if span[0] < when[1]]
    current = before[-1] if before else None
    later = (
        fact
        for span, fact in dated
        if span[0] >= when[1] and (current is None or fact.value != current.value)
    )
    return current, next(later, None)


def _held_during(values: Sequence[Fact], at: str) -> list[Fact]:
    """Every value that may have held at some moment of ``at``: the ones in force
    before it began, and the ones it brought (a change on the article's own day
    may or may not be in it)."""
    when = days(at)
    if when is None:
        return []
    dated = _dated(values)
    earlier = [span for span, _ in dated if span[0] < when[0]]
    held = [fact for span, fact in dated if earlier and span == earlier[-1]]
    return held + [fact for span, fact in dated if when[0] <= span[0] < when[1]]


def _run_start(values: Sequence[Fact], fact: Fact) -> str | None:
    """The date from which ``fact``'s value held without a change: restatements
    of the same value later on do not move it."""
    dated = [item for _, item in _dated(values)]
    index = next(i for i, item in enumerate(dated) if item is fact)
    while index > 0 and dated[index - 1].value == fact.value:
        index -= 1
    return dated[index].date


def _same_measure(counted: str, measure: str) -> bool:
    """ "member states" ~ "members"; "NATO members" ~ "members" (a name narrows
    nothing); "founding members" is another measure than "members"."""
    if not same_counted(counted, measure):
        return False
    claimed, listed = content_stems(counted), content_stems(measure)
    names = {stem(word) for word in re.findall(r"[\w']+", counted) if word[0].isupper()}
    return listed <= claimed and claimed - listed <= names


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:g}"


def check_value(quantity: Quantity, at: str, values: Sequence[Fact]) -> CountResult | None:
    """A dated value measure against the quantity's counted noun, as of ``at``.

    The caller passes values about the claim's subject (from the references
    retrieved for it): only the counted noun is compared here. None when no
    measure matches or no value is dated on or before ``at``.
    """
    chosen = [
        fact
        for fact in values
        if fact.kind == "value" and fact.value is not None and fact.measure
        if quantity.counted and _same_measure(quantity.counted, fact.measure)
    ]
    current, _ = value_at(chosen, at)
    if current is None or current.value is None:
        return None
    matching = [fact for fact in _held_during(chosen, at) if fact.value == quantity.value]
    if matching:
        reason = f"the reference says {_value_text(chosen, matching[-1], at)}"
        return CountResult(Verdict.SUPPORTED, reason, (matching[-1],))
    reason = (
        f"the claim says {quantity.text}; the reference says {_value_text(chosen, current, at)}"
    )
    return CountResult(Verdict.CONTRADICTED, reason, (current,))


def _value_text(values: Sequence[Fact], fact: Fact, at: str) -> str:
    """ "30 members as of 2022-02-24 (since 2020-03-27); 31 since 2023-04-04"."""
    assert fact.value is not None  # chosen values all have one
    text = f"{_number(fact.value)} {fact.measure} as of {at} (since {_run_start(values, fact)})"
    dated = [item for _, item in _dated(values)]
    later = dated[dated.index(fact) + 1 :]
    following = next((item for item in later if item.value != fact.value), None)
    if following is not None and following.value is not None:
        text += f"; {_number(following.value)} since {following.date}"
    return text


# --- counting events -----------------------------------------------------------------------


def count_events(
    events: Sequence[Fact], at: str, must_mention: Iterable[str] = (), since: str | None = None
) -> tuple[int, int]:
    """(events strictly before ``at``, events on or before ``at``), optionally only
    those whose text names every one of ``must_mention`` and those on or after
    ``since`` (see the module's date rules)."""
    strict, inclusive = _counted(events, at, tuple(must_mention), since)
    return len(strict), len(inclusive)


def _counted(
    events: Sequence[Fact], at: str, names: Sequence[str], since: str | None
) -> tuple[list[Fact], list[Fact]]:
    when, start = days(at), days(since)
    if when is None:
        return [], []
    kept = [
        (span, fact)
        for span, fact in _dated(e for e in events if e.kind == "event")
        if (start is None or span[1] > start[0]) and all(mentions(fact.text, n) for n in names)
    ]
    strict = [fact for span, fact in kept if span[1] <= when[0]]
    return strict, [fact for span, fact in kept if span[0] < when[1]]


def _tokens(text: str) -> list[tuple[str, bool]]:
    """(folded word, written capitalised) for each word of ``text``."""
    return [(fold(word), word[0].isupper()) for word in re.findall(r"\w+", text)]


def mentions(text: str, name: str, cased: bool = False) -> bool:
    """Whether ``text`` holds the words of ``name`` in a row, folded and without
    diacritics ("Akcakale" in "Akçakale"); ``cased``: written capitalised there too."""
    wanted = [word for word, _ in _tokens(name)]
    found = _tokens(text)
    for i in range(len(found) - len(wanted) + 1):
        window_ = found[i : i + len(wanted)]
        if [word for word, _ in window_] == wanted and (not cased or window_[0][1]):
            return True
    return bool(not wanted)


# --- which list a count is about -------------------------------------------------------------


@lru_cache(maxsize=65536)
def _similar(left: str, right: str) -> bool:
    if left == right:
        return True
    if min(len(left), len(right)) < MIN_SIMILAR_STEM or left[:4] != right[:4]:
        return False
    return fuzz.ratio(left, right) >= SIMILAR_STEM_RATIO


def _shared(left: frozenset[str], right: frozenset[str]) -> int:
    """Stems of ``left`` with a like stem in ``right``, counted from the smaller side."""
    one = sum(any(_similar(a, b) for b in right) for a in left)
    other = sum(any(_similar(b, a) for a in left) for b in right)
    return min(one, other)


@lru_cache(maxsize=65536)
def plain_stems(text: str) -> frozenset[str]:
    """Content stems of ``text`` without its dates: a month name is not content."""
    chars = list(text)
    for start, end in date_spans(text):
        chars[start:end] = " " * (end - start)
    return frozenset(content_stems("".join(chars)))


def _heading_stems(heading: str | None) -> frozenset[str]:
    """Stems of a list's heading, without the words a negation governs: the entries
    under "Discussed but not invoked" are not invocations."""
    if not heading or heading == NO_HEADING:
        return frozenset()
    kept = re.sub(rf"\b(?:{'|'.join(NEGATORS)})\b[^:;,.()–—]*", " ", fold(heading))
    return plain_stems(kept)


def _theme(entries: Sequence[Fact]) -> frozenset[str]:
    stems = [plain_stems(fact.text) for fact in entries]
    needed = max(1, math.ceil(len(entries) * THEME_SHARE))
    every = frozenset().union(*stems)
    return frozenset(s for s in every if sum(s in own for own in stems) >= needed)


def _locate(quantity: Quantity, claim_text: str, base: int | None) -> tuple[int, int]:
    """Local offsets of the quantity in ``claim_text``: from ``base`` when given and
    consistent, else its first occurrence (the whole text when absent)."""
    if base is not None:
        start, end = quantity.start - base, quantity.end - base
        if 0 <= start and claim_text[start:end] == quantity.text:
            return start, end
    found = claim_text.find(quantity.text)
    return (found, found + len(quantity.text)) if found >= 0 else (0, 0)


def _groups(events: Sequence[Fact]) -> dict[tuple[int | None, str | None], list[Fact]]:
    groups: dict[tuple[int | None, str | None], list[Fact]] = {}
    for _, fact in _dated(e for e in events if e.kind == "event"):
        groups.setdefault((fact.document_id, fact.group), []).append(fact)
    return groups


def choose_group(
    quantity: Quantity,
    claim_text: str,
    events: Sequence[Fact],
    context: str = "",
    base: int | None = None,
) -> list[Fact]:
    """The list of events (one ``group`` of one document) a count claim is about.

    Score: ``HEADING_WEIGHT`` per stem the claim shares with the list's heading plus
    one per stem it shares with the list's theme (stems in a third of its entries);
    the claim's stems are those within ``CLAIM_WINDOW`` characters of the quantity
    plus those of ``context`` (earlier sentences that may hold the subject). []
    below ``MIN_GROUP_SCORE``, or when lists with different headings tie; between
    copies of one list in several documents, the longest wins.
    """
    start, end = _locate(quantity, claim_text, base)
    claim = plain_stems(window(claim_text, start, end, CLAIM_WINDOW)) | plain_stems(context)
    scored = [
        (_group_score(claim, key[1], group), key, group) for key, group in _groups(events).items()
    ]
    best = max((score for score, _, _ in scored), default=0)
    top = [(key, group) for score, key, group in scored if score == best]
    if best < MIN_GROUP_SCORE or len({fold(key[1] or "") for key, _ in top}) > 1:
        return []
    return max((group for _, group in top), key=len)


def _group_score(claim: frozenset[str], heading: str | None, entries: Sequence[Fact]) -> int:
    named = _heading_stems(heading)
    return HEADING_WEIGHT * _shared(claim, named) + _shared(claim, _theme(entries) - named)


def _counts_entries(quantity: Quantity, group: Sequence[Fact]) -> bool:
    """Whether the quantity counts occurrences: "times"/"occasions", or a noun the
    list itself uses ("six requests" of entries that say "requested")."""
    head = quantity.counted.split()[-1] if quantity.counted else ""
    if not head:
        return False
    key = stem(head)
    listed = _heading_stems(group[0].group) | _theme(group)
    return key == "time" or any(_similar(key, other) for other in listed)


# --- the filter a sub-count names ----------------------------------------------------------

_CLAUSE_END = re.compile(r"[;:!?()\"“”]|\.(?=\s|$)|\s[–—-]\s|,(?=\s*[a-z])")
_NAME = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")
_AGENT_BEFORE = re.compile(r"\b(?:by|from|with)\s+(?:the\s+)?$", re.IGNORECASE)


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """Local bounds of the clause holding ``[start, end)``: commas before a lower-case
    word end clauses, commas in a list of names do not."""
    begin = 0
    for match in _CLAUSE_END.finditer(text, 0, start):
        begin = match.end()
    found = _CLAUSE_END.search(text, end)
    return begin, found.start() if found else len(text)


def _clause_names(clause: str) -> list[tuple[str, int]]:
    """(name, offset) of the capitalised names of a clause, leading function words
    dropped ("It", "The"), dates and labels ("Article 4") left out."""
    chars = list(clause)
    for start, end in date_spans(clause):
        chars[start:end] = " " * (end - start)
    blanked = "".join(chars)
    names = []
    for match in _NAME.finditer(blanked):
        words = list(re.finditer(r"\S+", match.group()))
        while words and fold(words[0].group()) in STOPWORDS:
            words.pop(0)
        if not words or re.match(r"\s*\d", blanked[match.end() :]):
            continue
        name = re.sub(r"['’]s$", "", " ".join(word.group() for word in words))
        names.append((name, match.start() + words[0].start()))
    return names


def _quantity_clause(quantity: Quantity, claim_text: str, base: int | None) -> str:
    start, end = _locate(quantity, claim_text, base)
    begin, finish = _clause(claim_text, start, end)
    return claim_text[begin:start] + " " * (end - start) + claim_text[end:finish]


def count_filter(
    quantity: Quantity, claim_text: str, group: Sequence[Fact], base: int | None = None
) -> list[str]:
    """The names a sub-count is restricted to: capitalised names in the quantity's
    own clause that some but not all entries of ``group`` name (capitalised) and its
    heading does not: "with Turkey responsible for five occasions" -> ["Turkey"]."""
    heading = group[0].group if group else None
    found: list[str] = []
    for name, _ in _clause_names(_quantity_clause(quantity, claim_text, base)):
        named = sum(mentions(fact.text, name, cased=True) for fact in group)
        in_heading = heading is not None and mentions(heading, name)
        if 0 < named < len(group) and not in_heading and name not in found:
            found.append(name)
    return found


def _unknown_agent(clause: str, group: Sequence[Fact]) -> str | None:
    """A name introduced as who did it ("by X", "from X", "with X") that no entry
    names: the sub-count cannot be counted, so nothing is said about it."""
    for name, offset in _clause_names(clause):
        if _AGENT_BEFORE.search(clause[:offset]) and not any(
            mentions(fact.text, name) for fact in group
        ):
            return name
    return None


def _other_provision(
    clause: str, context: str, group: Sequence[Fact], facts: Sequence[Fact]
) -> bool:
    """Whether the count is about a provision ("Article 5 has been invoked once": named
    in its clause, else the last one the context names) while the list's document
    names only other provisions: a list of Article 4 requests says nothing about it."""
    claimed = {p.name for p in find_provisions(clause)}
    earlier = find_provisions(context)
    claimed = claimed or ({earlier[-1].name} if earlier else set())
    texts = [group[0].group or ""]
    texts += [fact.text for fact in facts if fact.document_id == group[0].document_id]
    named = {p.name for text in texts for p in find_provisions(text)}
    return bool(claimed and named) and not claimed & named


# --- the verdict on a count --------------------------------------------------------------


@dataclass(frozen=True)
class _Scope:
    at: str  # the cut-off: ``at``, or earlier when the clause says "in 2012", "by 2020"
    since: str | None
    words: str  # the clause's own date words, for the reason


def _scope(clause: str, at: str) -> _Scope:
    """Dates in the quantity's clause narrow the count: "since 2014", "after 2010"
    start it, "in 2012" bounds it on both sides, "by"/"until"/"before" end it."""
    cutoff, since, said = at, None, []
    for ref in find_dates(clause):
        span = days(ref.value)
        if span is None or not ref.relation:
            continue
        said.append(ref.text)
        if ref.relation in ("since", "from", "in", "on"):
            since = ref.value
        elif ref.relation == "after":
            since = _iso(span[1])
        if ref.relation in ("in", "on", "by", "until"):
            cutoff = _earlier(cutoff, span[1] - timedelta(days=1))
        elif ref.relation == "before":
            cutoff = _earlier(cutoff, span[0] - timedelta(days=1))
    return _Scope(cutoff, since, " ".join(said))


def _earlier(at: str, day: date) -> str:
    """``day`` when it falls before the last day of ``at``, else ``at`` unchanged."""
    when = days(at)
    return _iso(day) if when is not None and day < when[1] - timedelta(days=1) else at


def check_count(
    quantity: Quantity,
    claim_text: str,
    at: str,
    events: Sequence[Fact],
    context: str = "",
    base: int | None = None,
) -> CountResult | None:
    """A count claim ("invoked six times", "five of them by Turkey") against the
    list of events it is about, as of ``at``: supported when it equals the count of
    entries strictly before ``at`` or the count including ``at`` itself.

    None when no list fits, the quantity counts something else than entries, the
    clause names who did it and no entry names them, or the count is about a
    provision the list's document never names while naming others. ``events`` may
    hold any facts: only events are counted, the rest of a list's document tells
    which provision it is about.
    """
    group = choose_group(quantity, claim_text, events, context, base)
    if not group or days(at) is None or not _counts_entries(quantity, group):
        return None
    clause = _quantity_clause(quantity, claim_text, base)
    if _unknown_agent(clause, group) or _other_provision(clause, context, group, events):
        return None
    names = count_filter(quantity, claim_text, group, base)
    scope = _scope(clause, at)
    strict, inclusive = _counted(group, scope.at, names, scope.since)
    listed = _count_text(len(strict), len(inclusive), names, scope, group[0].group)
    if quantity.value in (len(strict), len(inclusive)):
        counted = strict if quantity.value == len(strict) else inclusive
        return CountResult(Verdict.SUPPORTED, f"as of {at}, {listed}", tuple(counted))
    reason = f"the claim says {quantity.text}; as of {at}, {listed}, not {_number(quantity.value)}"
    return CountResult(Verdict.CONTRADICTED, reason, tuple(inclusive))


def _count_text(
    strict: int, inclusive: int, names: Sequence[str], scope: _Scope, heading: str | None
) -> str:
    """ "the references list 5 entries naming Turkey under 'X' before 2022-02-24 (6
    including that day)"."""
    noun = "entry" if strict == 1 else "entries"
    text = f"the references list {strict} {noun}"
    text += f" naming {' and '.join(names)}" if names else ""
    text += f" under '{heading}'" if heading and heading != NO_HEADING else ""
    text += f" {scope.words}" if scope.words else ""
    text += f" before {scope.at}"
    if inclusive != strict:
        text += f" ({inclusive} including that {_unit(scope.at)})"
    return text


# --- when an undated article was written -----------------------------------------------------


def match_events(claim_text: str, events: Sequence[Fact]) -> list[tuple[Fact, float]]:
    """Dated events a claim reports, best first, with a 0..1 score.

    Only content counts: dates are blanked out of both texts first, so "annexed
    Crimea in 2014" matches an entry by "annexed" and "Crimea", never by "2014".
    A match needs ``MIN_EVENT_STEMS`` shared stems and a stem-set cosine of at
    least ``MIN_EVENT_SCORE``.
    """
    claim = plain_stems(claim_text)
    found = []
    for span, fact in _dated(e for e in events if e.kind == "event"):
        entry = plain_stems(fact.text)
        shared = _shared(claim, entry)
        if shared < MIN_EVENT_STEMS:
            continue
        score = shared / math.sqrt(len(claim) * len(entry))
        if score >= MIN_EVENT_SCORE:
            found.append((fact, round(min(score, 1.0), 3), span))
    found.sort(key=lambda item: (-item[1], -item[2][0].toordinal()))
    return [(fact, score) for fact, score, _ in found]


def infer_date(matches: Sequence[tuple[str, Fact]]) -> InferredDate | None:
    """When an undated article was written, from (claim, dated event it reports) pairs.

    Articles report the latest thing they mention, so the latest matched event
    wins, at month precision (a year when it has no month): the article was written
    in or after that month. Earlier matches ("annexed Crimea in 2014") never pull
    the date back. ``agreeing`` counts matches within a month of the latest.
    """
    unique = {(" ".join(fold(claim).split()), fact): claim for claim, fact in matches}
    dated = [(days(fact.date), claim, fact) for (_, fact), claim in unique.items()]
    usable = sorted(
        ((span, claim, fact) for span, claim, fact in dated if span), key=lambda d: d[0]
    )
    if not usable:
        return None
    latest = usable[-1]
    value = (latest[2].date or "")[:7]
    agreeing = [u for u in usable if (latest[0][0] - u[0][0]).days <= SAME_MONTH_DAYS]
    evidence = tuple((claim, fact) for _, claim, fact in reversed(usable))
    return InferredDate(
        value, _inferred_reason(value, evidence, len(agreeing)), evidence, len(agreeing)
    )


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT else text[: EXCERPT - 1].rstrip() + "…"


def _inferred_reason(value: str, evidence: Sequence[tuple[str, Fact]], agreeing: int) -> str:
    plural = "claim" if len(evidence) == 1 else "claims"
    pairs = "; ".join(
        f"'{_excerpt(claim)}' ~ {fact.date} '{_excerpt(fact.text)}'" for claim, fact in evidence[:3]
    )
    more = f"; and {len(evidence) - 3} more" if len(evidence) > 3 else ""
    return (
        f"inferred {value} from {len(evidence)} {plural} matching dated events "
        f"({agreeing} within a month of the latest): {pairs}{more}"
    )


def date_from_claims(claims: Sequence[str], events: Sequence[Fact]) -> InferredDate | None:
    """``infer_date`` over each claim's best-matching event (the latest among equals)."""
    pairs = []
    for claim in claims:
        matched = match_events(claim, events)
        if matched:
            best = [fact for fact, score in matched if score == matched[0][1]]
            pairs.append((claim, max(best, key=lambda f: days(f.date) or (date.min, date.min))))
    return infer_date(pairs)
