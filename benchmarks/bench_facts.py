"""Hand-run benchmark of time-aware checking against many dated facts.

    python benchmarks/bench_facts.py [--lists 5000] [--offices 1800]

Generates, from fixed seeds, dated lists (``--lists`` lists of 10 events each)
and terms of office (``--offices`` offices with 10 holders each), then times:
choosing and counting the list a count claim is about (``check_count``),
inferring an undated article's date from 40 sentences (``date_from_claims``),
and checking a person in an office (``check_person``). The first call of each
builds the run's index; later calls reuse it, as the claims of one run do.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable

from verify.claims import find_quantities
from verify.facts import check_count, check_person
from verify.judge import date_from_claims
from verify.records import Fact, PersonRole

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
    sentences = [" ".join(rng.choices(words, k=14)) + "." for _ in range(40)]
    timed("date_from_claims, 40 sentences", lambda: date_from_claims(sentences, listed), 3)
    held = terms(args.offices)
    print(f"{len(held):,} terms of {args.offices:,} offices")
    person = PersonRole("Jane 1x3 Roe", "prime minister", "Country1", "x", 0, 1)
    timed("check_person", lambda: check_person(person, "2000-06-01", held), 20)


if __name__ == "__main__":
    main()
