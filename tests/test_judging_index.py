"""The indexes that keep judging flat in the number of references (issue 14) find
exactly what a scan of everything finds: the figures a generic noun for people may
count, the stems two sets share, and the facts of a kind."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from verify.claims.stem_overlap import shared_stems, similar_stems
from verify.facts import FigureIndex, measure_of, same_measure
from verify.judge.checks.asof import FactBase
from verify.records import Fact

# Invented figures: rows, prose and counts about invented places.
TEXTS = [
    ("Year: 2010; Population: 4.6 million", "population", 4.6),
    ("In 2012 some 300 people crossed the Salt Narrows by ferry.", "people", 300),
    ("Twelve divers reached the wreck in 1998.", "divers", 12),
    ("By 2001, 40 men had walked the pilgrims' road to Vellin.", "men", 40),
    ("The guild had 55 members in 2004.", "members", 55),
    ("In 2015, 80 people were rescued from the flooded valley.", "people", 80),
    ("Some 25 volunteers joined the lighthouse crews in 2019.", "volunteers", 25),
    ("In 2020 the fair drew 9,000 visitors.", "visitors", 9000),
]


def value_facts() -> list[Fact]:
    return [
        Fact(kind="value", text=text, date="2015", measure=measure, value=value, document_id=n)
        for n, (text, measure, value) in enumerate(TEXTS, start=1)
    ]


CLAIMS = [
    ("people", "80 people were rescued from the valley"),
    ("people", "the island has 4.6 million people"),
    ("men", "40 men walked the road"),
    ("people", "some 25 people joined the crews"),
    ("people", "some 25 people joining the crews"),  # no action of its own
    ("people", "9,000 people visited the fair"),
    ("persons", "12 persons reached the wreck"),
]


def test_generic_people_find_the_figures_a_scan_finds() -> None:
    facts = value_facts()
    index = FigureIndex(facts, {})
    every = [f for n in range(len(index.facts)) if (f := index._figure(n)) is not None]
    found_any = False
    for counted, clause in CLAIMS:
        wanted = measure_of(counted, clause)
        for initial in (False, True):
            scanned = [f for f in every if same_measure(wanted, f.measure, initial=initial)]
            assert index.measured(wanted, initial) == scanned, clause
            found_any = found_any or bool(scanned)
    assert found_any  # the claims do meet some figures: the comparison is not empty


STEMS = st.frozensets(
    st.sampled_from(
        "invok invoc lithuania lithuanian member membership join state stat assembl "
        "assemblies council counc councils elect election elected ferri ferry".split()
    ),
    max_size=7,
)


@given(STEMS, STEMS)
def test_shared_stems_counts_like_stems_as_every_pair_compared(
    left: frozenset[str], right: frozenset[str]
) -> None:
    one = sum(any(similar_stems(a, b) for b in right) for a in left)
    other = sum(any(similar_stems(b, a) for a in left) for b in right)
    assert shared_stems(left, right) == min(one, other)


def test_facts_of_a_kind_come_from_the_index_in_their_order() -> None:
    facts = (
        Fact(kind="event", text="a", date="2001", document_id=2),
        Fact(kind="term", text="b", holder="Ilse Varn", office="Warden", document_id=1),
        Fact(kind="event", text="c", date="1999", document_id=1),
        Fact(kind="event", text="d", date="2003", document_id=3),
    )
    base = FactBase(facts)
    assert [f.text for f in base.of_kind("event")] == ["a", "c", "d"]
    assert [f.text for f in base.of_kind("event", [3, 1])] == ["c", "d"]
    assert base.of_kind("value") == [] and base.of_kind("term", [2]) == []
