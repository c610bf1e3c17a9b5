"""Which reference list a count claim counts, and which of its entries.

A count ("invoked six times", "five of them by X") is about one list of dated
events on a reference page, one ``group`` of one document. ``choose_group``
picks it by the words the claim shares with the list's heading and theme;
``count_filter`` reads the names a sub-count is restricted to; ``counts_entries``,
``unknown_agent`` and ``other_provision`` tell when the list cannot settle the
count after all. ``verify.facts.timeline`` counts the chosen entries as of the
claim's date. Every rule is about the shape of lists and words, never about a
particular story.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from verify.claims import (
    NEGATORS,
    STOPWORDS,
    date_spans,
    event_stems,
    find_provisions,
    fold,
    plain_stems,
    shared_stems,
    similar_stems,
    stem,
    window,
)
from verify.facts.last_built import LastBuilt
from verify.facts.periods import by_date
from verify.facts.rows import NO_HEADING
from verify.records import Fact, Quantity

# choose_group: a heading stem counts double (a list's heading says what it lists);
# an entry stem is part of the list's theme when it occurs in a third of its entries.
HEADING_WEIGHT = 2
THEME_SHARE = 1 / 3
MIN_GROUP_SCORE = 2  # one heading stem, or two theme stems, shared with the claim
OCCURRENCES = frozenset({"time", "occasion"})  # nouns that count entries of any list
CLAIM_WINDOW = 80  # characters either side of the quantity read for its subject


# --- which list a count is about -------------------------------------------------------------


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


@dataclass(frozen=True)
class _List:
    """One list of dated entries (a ``group`` of one document), with the stems
    that say what it lists."""

    entries: list[Fact]
    heading: frozenset[str]
    theme: frozenset[str]  # entry stems not already in the heading

    @property
    def subject(self) -> str | None:
        """The name a prose list is of ("Norvania" in "Norvania has won three
        times, in ..."); None for a list under a heading."""
        return self.entries[0].subject

    @property
    def key_heading(self) -> str | None:
        return self.entries[0].group


class _ListIndex:
    """The lists of a set of events, and which lists hold stems starting with
    each four letters: like stems share their first four (``similar_stems``),
    so a claim is only scored against lists that can share one of its words."""

    def __init__(self, events: Sequence[Fact]) -> None:
        grouped: dict[tuple[int | None, str | None], list[Fact]] = {}
        for _, fact in by_date(e for e in events if e.kind == "event"):
            grouped.setdefault((fact.document_id, fact.group), []).append(fact)
        self.lists = [self._list(entries) for entries in grouped.values()]
        self.by_subject: dict[str, list[_List]] = {}
        for listed in self.lists:
            if listed.subject:
                self.by_subject.setdefault(fold(listed.subject), []).append(listed)
        self.by_prefix: dict[str, set[int]] = {}
        for number, listed in enumerate(self.lists):
            for stem_ in listed.heading | listed.theme:
                self.by_prefix.setdefault(stem_[:4], set()).add(number)

    @staticmethod
    def _list(entries: list[Fact]) -> _List:
        heading = _heading_stems(entries[0].group)
        return _List(entries, heading, _theme(entries) - heading)

    def candidates(self, claim: frozenset[str]) -> list[_List]:
        """Lists under a heading, of two entries or more, that can share a stem."""
        numbers = set().union(*(self.by_prefix.get(s[:4], set()) for s in claim))
        found = [self.lists[n] for n in sorted(numbers)]
        return [listed for listed in found if not listed.subject and len(listed.entries) > 1]

    def of_subject(self, names: Sequence[str]) -> list[_List]:
        return [listed for name in names for listed in self.by_subject.get(fold(name), [])]


_index = LastBuilt(_ListIndex)  # the index of a run's events, built once


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
    the claim's stems are those within ``CLAIM_WINDOW`` characters of the quantity.
    Only when they fit no list are the stems of ``context`` (the sentence before,
    which may hold the subject of "It has been invoked...") added: a claim that
    names its subject is not pulled to another list by its neighbour's words. []
    below ``MIN_GROUP_SCORE``, or when lists with different headings tie; between
    copies of one list in several documents, the longest wins.
    """
    start, end = _locate(quantity, claim_text, base)
    own = plain_stems(window(claim_text, start, end, CLAIM_WINDOW))
    index = _index(events)
    subject_lists = index.of_subject(_subject_names(quantity, claim_text, base))
    if subject_lists:
        return _subject_group(quantity, claim_text, base, subject_lists)
    return _best_group(own, index) or _best_group(own | plain_stems(context), index)


def _subject_names(quantity: Quantity, claim_text: str, base: int | None) -> list[str]:
    """The names the quantity's clause gives, else the last name before it ("Norvania
    remain the most successful crew, with three titles")."""
    own = [name for name, _ in clause_names(quantity.text)]  # "three of Germany's titles"
    names = own + [name for name, _ in clause_names(quantity_clause(quantity, claim_text, base))]
    if names:
        return names
    start, _ = _locate(quantity, claim_text, base)
    earlier = [name for name, _ in clause_names(claim_text[:start])]
    return earlier[-1:]


def subject_groups(
    quantity: Quantity, claim_text: str, events: Sequence[Fact], base: int | None = None
) -> list[list[Fact]]:
    """The prose lists of every name in the quantity's clause, one per name: "Calderon
    and Tessaly have four titles each" is about Calderon's list and Tessaly's."""
    clause = quantity_clause(quantity, claim_text, base)
    index = _index(events)
    groups = []
    for name, _ in clause_names(clause):
        lists = index.of_subject([name])
        if lists:
            groups.append(_subject_group(quantity, claim_text, base, lists))
    return [g for g in groups if g]


def _subject_group(
    quantity: Quantity, claim_text: str, base: int | None, lists: list[_List]
) -> list[Fact]:
    """Among a name's lists, the one whose words tell of what the claim counts."""
    clause = event_stems(quantity_clause(quantity, claim_text, base)) | event_stems(
        quantity.counted
    )
    scored = [
        (len(clause & event_stems(listed.entries[0].group or "")), listed) for listed in lists
    ]
    best = max(score for score, _ in scored)
    top = [listed for score, listed in scored if score == best]
    if best == 0 or len({len(t.entries) for t in top}) > 1:
        return []
    return top[0].entries


def _best_group(claim: frozenset[str], index: _ListIndex) -> list[Fact]:
    # Many lists share a heading ("Members" on every page of a kind) or a theme, so
    # each distinct one is compared with the claim once.
    shared: dict[frozenset[str], int] = {}

    def overlap(stems: frozenset[str]) -> int:
        if stems not in shared:
            shared[stems] = shared_stems(claim, stems)
        return shared[stems]

    scored = [
        (HEADING_WEIGHT * overlap(listed.heading) + overlap(listed.theme), listed)
        for listed in index.candidates(claim)
    ]
    best = max((score for score, _ in scored), default=0)
    top = [listed for score, listed in scored if score == best]
    if best < MIN_GROUP_SCORE or len({fold(t.key_heading or "") for t in top}) > 1:
        return []
    return max((listed.entries for listed in top), key=len)


def counts_entries(quantity: Quantity, group: Sequence[Fact]) -> bool:
    """Whether the quantity counts occurrences: "times"/"occasions", or a noun the
    list itself uses ("six requests" of entries that say "requested"; "four titles"
    of a name's list of wins)."""
    head = quantity.counted.split()[-1] if quantity.counted else ""
    if not head:
        return False
    key = stem(head)
    if group and group[0].subject:
        return key in OCCURRENCES or bool(event_stems(head) & event_stems(group[0].group or ""))
    listed = _heading_stems(group[0].group) | _theme(group)
    return key in OCCURRENCES or any(similar_stems(key, other) for other in listed)


# --- the filter a sub-count names ----------------------------------------------------------

_CLAUSE_END = re.compile(r"[;:!?()\"“”]|\.(?=\s|$)|\s[–—-]\s|,(?=\s*[a-z])")
_NAME = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")
_WHOLE = re.compile(r"\bof\s+(?:the\s+|their\s+|its\s+|[\w-]+['’]s\s+)?$", re.IGNORECASE)
_AGENT_BEFORE = re.compile(r"\b(?:by|from|with)\s+(?:the\s+)?$", re.IGNORECASE)


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


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """Local bounds of the clause holding ``[start, end)``: commas before a lower-case
    word end clauses, commas in a list of names do not."""
    begin = 0
    for match in _CLAUSE_END.finditer(text, 0, start):
        begin = match.end()
    found = _CLAUSE_END.search(text, end)
    return begin, found.start() if found else len(text)


def clause_names(clause: str) -> list[tuple[str, int]]:
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


def quantity_clause(quantity: Quantity, claim_text: str, base: int | None) -> str:
    """The clause holding the quantity, the quantity's own text blanked out."""
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
    subject = fold(group[0].subject or "") if group else ""
    start, _ = _locate(quantity, claim_text, base)
    if group and group[0].subject and _WHOLE.search(claim_text[:start]):
        return []  # "Three of Germany's four titles": the whole is not filtered
    found: list[str] = []
    for name, _ in clause_names(quantity_clause(quantity, claim_text, base)):
        if fold(name) == subject:
            continue  # the list's own name counts all of it
        named = sum(mentions(fact.text, name, cased=True) for fact in group)
        in_heading = heading is not None and mentions(heading, name)
        if 0 < named < len(group) and not in_heading and name not in found:
            found.append(name)
    return found


def unknown_agent(clause: str, group: Sequence[Fact]) -> str | None:
    """A name introduced as who did it ("by X", "from X", "with X") that no entry
    names: the sub-count cannot be counted, so nothing is said about it."""
    for name, offset in clause_names(clause):
        if _AGENT_BEFORE.search(clause[:offset]) and not any(
            mentions(fact.text, name) for fact in group
        ):
            return name
    return None


def other_provision(
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
