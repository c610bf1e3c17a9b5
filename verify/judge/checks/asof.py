"""Claims whose truth depends on a date, judged as of their article's date.

A count of events, a value such as a membership and a person in an office are
compared with the dated facts of the references (``verify.facts.document``) at the date
the article speaks from, so a 2022 report is not contradicted by a 2023 total
and a 2021 report is contradicted for naming someone who left office in 2019.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

import sqlite_utils

from verify.claims import content_words, fold, stem
from verify.facts import (
    CountResult,
    check_count,
    office_key_from_title,
)
from verify.records import (
    Evidence,
    Fact,
    Finding,
    Quantity,
    ReferencePassage,
    StoredClaim,
    Verdict,
)
from verify.search import PASSAGE_SQL, align
from verify.store import load_facts

# The key of every document's facts together in ``FactBase._by_kind`` (no document id
# is negative).
_ANY = -1
# Checks whose answer depends on the date a claim is judged at.
TIME_BOUND_CHECKS = frozenset({"office", "count", "value"})
# A date after every fact: a dated check that answers at it shows that the
# quantity is one the references give by date.
LATEST = "3000-01-01"
# The sentence before a claim tells what it is about ("It has been invoked six
# times" follows the sentence that names the provision); more than that drags
# in the headline's words and picks the wrong list.
CONTEXT_BEFORE = 300
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+")


@dataclass(frozen=True)
class FactBase:
    """The dated facts of a run's references, with the passages they were read from."""

    facts: tuple[Fact, ...] = ()
    passages: Mapping[int, ReferencePassage] = field(default_factory=dict)
    titles: dict[int, str] = field(default_factory=dict)

    @classmethod
    def load(cls, db: sqlite_utils.Database, document_ids: Sequence[int]) -> FactBase:
        facts = tuple(load_facts(db, document_ids))
        ids = sorted({f.passage_id for f in facts if f.passage_id is not None})
        titles = {
            row["id"]: row["title"] or ""
            for row in db["documents"].rows_where(
                f"id in ({','.join('?' for _ in document_ids)})", list(document_ids)
            )
        }
        return cls(facts, StoredPassages(db, ids), titles)

    def subject(self, fact: Fact) -> str:
        """What a fact is about: its page's title and the heading it sits under."""
        title = self.titles.get(fact.document_id, "") if fact.document_id else ""
        return f"{title} {fact.group or ''}"

    @cached_property
    def terms(self) -> tuple[Fact, ...]:
        """The terms of office, one tuple a run: the office checks index it once."""
        return tuple(f for f in self.facts if f.kind == "term")

    def known_roles(self) -> frozenset[frozenset[str]]:
        """The role keys of the offices the references list terms for."""
        return self._known_roles

    @cached_property
    def _known_roles(self) -> frozenset[frozenset[str]]:
        # Asked for every claim: read from the terms once a run, not from every fact.
        return frozenset(office_key_from_title(f.office).role for f in self.terms if f.office)

    @cached_property
    def _by_kind(self) -> dict[tuple[str, int | None], list[tuple[int, Fact]]]:
        """The facts by kind and document, each with its place in ``facts``."""
        index: dict[tuple[str, int | None], list[tuple[int, Fact]]] = {}
        for place, fact in enumerate(self.facts):
            index.setdefault((fact.kind, fact.document_id), []).append((place, fact))
            index.setdefault((fact.kind, _ANY), []).append((place, fact))
        return index

    def of_kind(self, kind: str, documents: Iterable[int] | None = None) -> list[Fact]:
        """The facts of one kind (of some documents), in their order: from an index,
        not a scan of every fact on every call (issue 14)."""
        if documents is None:
            return [fact for _, fact in self._by_kind.get((kind, _ANY), [])]
        found = [item for d in set(documents) for item in self._by_kind.get((kind, d), [])]
        return [fact for _, fact in sorted(found, key=lambda item: item[0])]


@dataclass(frozen=True)
class AsOf:
    """The date an article's claims are judged at, and what to judge them with."""

    at: str | None
    facts: FactBase
    article_text: str = ""

    def context(self, claim: StoredClaim) -> str:
        """The sentence before the claim's."""
        start = claim.claim.sentence.start
        before = self.article_text[max(0, start - CONTEXT_BEFORE) : start].rstrip()
        ends = list(_SENTENCE_END.finditer(before))
        return before[ends[-1].end() :] if ends else before


class StoredPassages(Mapping[int, ReferencePassage]):
    """The passages facts were read from, read from the database when a verdict shows
    one as evidence: a run's facts point at tens of thousands of passages, and a
    run shows a few hundred (reading them all held 100 MB at 5,000 pages, issue 14)."""

    def __init__(self, db: sqlite_utils.Database, ids: Sequence[int]) -> None:
        self.db = db
        self.ids = frozenset(ids)
        self._read: dict[int, ReferencePassage] = {}

    def __getitem__(self, passage_id: int) -> ReferencePassage:
        if passage_id not in self.ids:
            raise KeyError(passage_id)
        if passage_id not in self._read:
            sql = f"{PASSAGE_SQL} where passages.id = ?"
            row = self.db.execute(sql, [passage_id]).fetchone()
            if row is None:
                raise KeyError(passage_id)
            self._read[passage_id] = ReferencePassage(*row)
        return self._read[passage_id]

    def __iter__(self) -> Iterator[int]:
        return iter(sorted(self.ids))

    def __len__(self) -> int:
        return len(self.ids)


def fact_evidence(text: str, fact: Fact, facts: FactBase) -> Evidence | None:
    """The passage a fact was read from as evidence for ``text``, the fact's own
    words as the matched span when the passage holds them."""
    passage = facts.passages.get(fact.passage_id) if fact.passage_id is not None else None
    if passage is None:
        return None
    aligned = align(text, passage)
    offset = passage.text.find(fact.text)
    if offset < 0:
        return aligned
    start = passage.start + offset
    return Evidence(passage, aligned.score, start, start + len(fact.text))


# --- counts and values ---------------------------------------------------------------------


def check_dated_quantity(
    claim: StoredClaim, quantity: Quantity, asof: AsOf, pool: Sequence[Evidence]
) -> Finding | None:
    """The finding for a count or value that dated facts settle, or None. In an
    article with no date, one the references give by date stays unverified."""
    if asof.at is None:
        return _undated_quantity(claim, quantity, asof, pool)
    return _dated_quantity(claim, quantity, asof.at, asof, pool)


def _undated_quantity(
    claim: StoredClaim, quantity: Quantity, asof: AsOf, pool: Sequence[Evidence]
) -> Finding | None:
    """A count or value the references give by date, in an article with no date:
    whether it held cannot be said, whatever an undated comparison would find."""
    probe = _dated_quantity(claim, quantity, LATEST, asof, pool)
    if probe is None:
        return None
    kind = "a count of dated entries" if probe.check == "count" else "a value that changes"
    reason = (
        f"{quantity.text} is {kind} in the references, and the article has no date to check it at"
    )
    return Finding(Verdict.UNVERIFIED, reason, probe.evidence, probe.check)


def _dated_quantity(
    claim: StoredClaim, quantity: Quantity, at: str, asof: AsOf, pool: Sequence[Evidence]
) -> Finding | None:
    text = claim.claim.text
    counted = check_count(
        quantity, text, at, asof.facts.facts, asof.context(claim), claim.claim.start
    )
    return _finding(text, counted, asof.facts, "count") if counted is not None else None


def _named_in(quantity: Quantity, facts: FactBase, value: Fact) -> bool:
    """A name in what is counted ("NATO members", "Baltic states") narrows it to
    that name's members: the value's page or heading must be about the name
    (spelled out or as the initials of a multi-word name)."""
    names = [w for w in re.findall(r"[\w']+", quantity.counted) if w[0].isupper()]
    subject = facts.subject(value)
    words = re.findall(r"[\w']+", subject)
    initials = "".join(w[0] for w in words if w[0].isupper())
    folded = {stem(w) for w in content_words(subject)}
    return all(stem(fold(n)) in folded or (n.isupper() and n in initials) for n in names)


def _finding(text: str, result: CountResult, facts: FactBase, check: str) -> Finding:
    shown = result.facts[-1:] if result.verdict is Verdict.SUPPORTED else result.facts[:1]
    evidence = next((e for f in shown if (e := fact_evidence(text, f, facts))), None)
    return Finding(result.verdict, result.reason, evidence, check)


def _later_than(evidence: Evidence, at: str | None) -> bool:
    """Whether the evidence's page is dated after ``at`` (or ``at`` is unknown),
    so a figure on it may have changed since the claim was made."""
    published = evidence.passage.published
    if published is None:
        return False
    return at is None or published[: len(at)] > at


def age_contradictions(findings: Iterable[Finding], at: str | None) -> list[Finding]:
    """Undated comparisons of counts from a page written after ``at`` cannot
    contradict: the count may have changed in between. They become unverified,
    with the dates in the reason."""
    aged = []
    for finding in findings:
        evidence = finding.evidence
        if finding.verdict is Verdict.CONTRADICTED and evidence and _later_than(evidence, at):
            when = f"after {at}" if at else "and the article has no date"
            reason = (
                f"{finding.reason} — but that page is dated {evidence.passage.published}, "
                f"{when}, so the figure may have changed in between"
            )
            finding = Finding(Verdict.UNVERIFIED, reason, evidence, finding.check or "quantity")
        aged.append(finding)
    return aged
