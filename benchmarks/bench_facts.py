"""Hand-run benchmark of time-aware checking against many dated facts.

    python benchmarks/bench_facts.py [--lists 5000] [--offices 1800]

Generates, from fixed seeds, dated lists (``--lists`` lists of 10 events each)
and terms of office (``--offices`` offices with 10 holders each), then times:
choosing and counting the list a count claim is about (``check_count``),
inferring an undated article's date from 40 sentences (``date_from_sentences``:
the lists are stored as reference pages in a temporary database, since dating
searches their passages), and checking a person in an office (``check_person``).
The first call of each builds the run's index; later calls reuse it, as the
claims of one run do.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from verify.claims import find_quantities, find_slots
from verify.facts import check_count, check_person
from verify.judge import date_from_sentences
from verify.judge.checks.asof import AsOf, FactBase
from verify.judge.checks.measures import check_measure
from verify.records import (
    Claim,
    Extracted,
    Fact,
    Fetched,
    Metadata,
    Passage,
    PersonRole,
    Sentence,
    StoredClaim,
    utc_now,
)
from verify.search import ReferenceSet
from verify.store import open_db, save_document

VOCABULARY = 2000
COMMON = "talks summit attack request treaty border crisis council vote".split()
ROLES = ("President", "Prime Minister", "Minister of Defence")


def vocabulary() -> list[str]:
    return [f"w{i}x{'abcdefgh'[i % 8]}" for i in range(VOCABULARY)] + COMMON


def events(lists: int, rng: random.Random) -> tuple[Fact, ...]:
    words = vocabulary()
    found = []
    for number in range(lists):
        heading = f"Timeline of {rng.choice(words)} {number}"
        for entry in range(10):
            day = f"{rng.randint(1950, 2024)}-01-0{1 + entry % 9}"
            text = f"{day} – " + " ".join(rng.choices(words, k=8))
            found.append(Fact("event", text, date=day, group=heading, document_id=number))
    return tuple(found)


def terms(offices: int) -> tuple[Fact, ...]:
    found = []
    for number in range(offices):
        country = f"Country{number}"
        office = f"{ROLES[number % len(ROLES)]} of {country}"
        for holder in range(10):
            start, end = 1990 + 3 * holder, 1993 + 3 * holder
            found.append(
                Fact(
                    "term",
                    f"{office}: Jane {number}x{holder} Roe",
                    start_date=f"{start}-01-01",
                    end_date=f"{end}-01-01",
                    holder=f"Jane {number}x{holder} Roe",
                    office=office,
                )
            )
    return tuple(found)


def values(series: int, rng: random.Random) -> tuple[Fact, ...]:
    """``series`` running totals of 10 dated figures each, of assorted measures."""
    words = vocabulary()
    found = []
    for number in range(series):
        measure = f"{rng.choice(words)} members"
        for entry in range(10):
            day = f"{1950 + 7 * entry}-01-01"
            text = f"Date: {day}; {measure.capitalize()}: {entry + 3}"
            found.append(
                Fact(
                    "value",
                    text,
                    date=day,
                    measure=measure,
                    value=entry + 3.0,
                    group=f"Membership of Body{number}",
                    document_id=number,
                    dated_by="text",
                )
            )
    return tuple(found)


def reference_set(listed: Sequence[Fact], folder: Path) -> ReferenceSet:
    """The lists as stored reference pages: a heading and ten list items each."""
    db = open_db(folder / "refs.db")
    ids = []
    by_list: dict[int | None, list[Fact]] = {}
    for fact in listed:
        by_list.setdefault(fact.document_id, []).append(fact)
    with db.atomic():
        for number, facts in by_list.items():
            texts = [facts[0].group or "", *(f.text for f in facts)]
            passages, cursor = [], 0
            for index, text in enumerate(texts):
                kind = "heading" if index == 0 else "list_item"
                passages.append(Passage(kind, cursor, cursor + len(text), text))
                cursor += len(text) + 2
            body = "\n\n".join(texts)
            fetched = Fetched(
                f"list-{number}", None, None, "text/html", utc_now(), body.encode(), "utf-8", body
            )
            extracted = Extracted(body, tuple(passages), Metadata(title=texts[0]))
            stored = save_document(
                db, fetched, extracted, [], kind="reference", extractor_version="bench"
            )
            ids.append(stored.document_id)
    return ReferenceSet(db, tuple(ids))


def timed(label: str, call: Callable[[], object], repeat: int) -> None:
    began = time.perf_counter()
    call()
    first = time.perf_counter() - began
    began = time.perf_counter()
    for _ in range(repeat):
        call()
    then = (time.perf_counter() - began) / repeat
    print(f"  {label}: first call {first * 1000:,.0f} ms, then {then * 1000:,.1f} ms per call")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lists", type=int, default=5000)
    parser.add_argument("--offices", type=int, default=1800)
    args = parser.parse_args()
    rng = random.Random(1)
    listed = events(args.lists, rng)
    print(f"{len(listed):,} dated events in {args.lists:,} lists")
    claim = "The council has held the vote six times since 1990."
    quantity = find_quantities(claim)[0]
    timed("check_count", lambda: check_count(quantity, claim, "2020-01-01", listed), 20)
    words = vocabulary()
    # Sentences naming things, as news does: capitalised words of the vocabulary.
    sentences = [
        " ".join(
            w.capitalize() if i % 3 == 0 else w for i, w in enumerate(rng.choices(words, k=14))
        )
        + "."
        for _ in range(40)
    ]
    with tempfile.TemporaryDirectory() as folder:
        began = time.perf_counter()
        refs = reference_set(listed, Path(folder))
        took = time.perf_counter() - began
        print(f"  stored as {len(refs.document_ids):,} reference pages in {took:,.1f} s")
        timed(
            "date_from_sentences, 40 sentences", lambda: date_from_sentences(sentences, refs, {}), 3
        )
    figures = values(args.lists, rng)
    print(f"{len(figures):,} dated figures in {args.lists:,} series")
    facts = FactBase(figures, {}, {})
    text = "Body17 now has 9 w17xb members."
    claim = StoredClaim(
        1,
        0,
        "bench",
        "2000-01-01",
        Claim(Sentence(0, len(text), text), 0, len(text), text, find_slots(text, 0, None)),
    )
    quantity = claim.claim.slots.quantities[0]
    timed(
        "check_measure", lambda: check_measure(claim, quantity, AsOf("2000-01-01", facts), []), 20
    )
    held = terms(args.offices)
    print(f"{len(held):,} terms of {args.offices:,} offices")
    person = PersonRole("Jane 1x3 Roe", "prime minister", "Country1", "x", 0, 1)
    timed("check_person", lambda: check_person(person, "2000-06-01", held), 20)


if __name__ == "__main__":
    main()
