"""What the reports mark in evidence: where the reference says something other than a
contradicted claim (figures first, then names and a quotation's own words), and each
passage once. Plain strings, in two invented domains and on the fixtures' shapes."""

from __future__ import annotations

from typing import Any

import pytest

from verify.report.differences import differing_spans, distinct_evidence, mark_spans


def contradicted(text: str, *reasons: str, check: str = "value") -> dict[str, Any]:
    return {
        "text": text,
        "verdict": "contradicted",
        "reasons": list(reasons),
        "findings": [
            {"check": check, "detail": "", "verdict": "contradicted", "reason": r} for r in reasons
        ],
    }


def marked(passage: str, claim: dict[str, Any]) -> str:
    return mark_spans(passage, differing_spans(passage, claim), lambda words: f"[{words}]")


@pytest.mark.parametrize(
    ("claim", "passage", "expected"),
    [
        (  # the differing figure, not the year beside it nor the claim's own figure
            contradicted(
                "The union has 26 member states.",
                "the claim says 26 member states, the reference says 27 member states "
                "as of 2021-03-01 (since 2013-07-01)",
            ),
            "Since 2020 the union has had 27 member states; it had 26 before.",
            "Since 2020 the union has had [27] member states; it had 26 before.",
        ),
        (  # a figure the reference writes in words
            contradicted(
                "Only ten riders finished the race.",
                "the claim says ten riders, the reference says 14 riders as of 1987-07-26",
            ),
            "Fourteen riders finished; the 14th stage was cancelled on 14 July.",
            "[Fourteen] riders finished; the 14th stage was cancelled on 14 July.",
        ),
        (  # a date: the reason's quotation of the evidence is not the reference's side
            contradicted(
                "The bridge opened on 3 May 1931.",
                "the claim says on 3 May 1931 (1931-05-03); the reference dates the same "
                "event on 3 May 1932: “The bridge opened on 3 May 1932 after 4 years…”",
                check="date",
            ),
            "The bridge opened on 3 May 1932 after 4 years of work.",
            "The bridge opened on 3 May [1932] after 4 years of work.",
        ),
        (  # an office holder: no figure of the reason is in the passage, so the names
            contradicted(
                "Chair Jane Roe opened the session.",
                "Jane Roe was Chair of the Harbour Board from 1990 to 2001; in 2005 the "
                "office was held by John Doe",
                check="office",
            ),
            "Name: John Doe; Took office: 2002; Board: Harbour Board",
            "Name: [John Doe]; Took office: 2002; Board: Harbour Board",
        ),
        (  # a quotation's changed word, whatever its case
            contradicted(
                "She said “the season was long”.",
                "the quotation differs from the reference: [-year-] {+season+}",
                check="quotation",
            ),
            "She told reporters: “the year was long”.",
            "She told reporters: “the [year] was long”.",
        ),
        (  # an ordinal against a number
            contradicted(
                "Roe is the seventh chair of the board.",
                "Jane Roe was the 8th Chair of the Harbour Board, not the 7th",
                check="office",
            ),
            "No.: 8; Name: Jane Roe; the eighth chair",
            "No.: [8]; Name: Jane Roe; the [eighth] chair",
        ),
    ],
)
def test_the_reference_side_is_marked(claim: dict[str, Any], passage: str, expected: str) -> None:
    assert marked(passage, claim) == expected


def test_a_counted_figure_prefers_the_same_noun() -> None:
    claim = contradicted(
        "Ten astronauts walked on the Moon.",
        "the claim says ten astronauts, the reference says 12 astronauts as of 1980",
    )
    passage = "Missions 11, 12 and 14 flew; in all, twelve astronauts walked on the Moon."
    assert marked(passage, claim) == (
        "Missions 11, 12 and 14 flew; in all, [twelve] astronauts walked on the Moon."
    )


def test_only_a_contradicted_claim_has_differences() -> None:
    claim = {
        **contradicted("It has 26 members.", "the reference says 27 members"),
        "verdict": "supported",
    }
    assert differing_spans("It has 27 members.", claim) == []


def test_without_findings_the_reasons_are_read() -> None:
    claim = {
        "text": "It has 26 members.",
        "verdict": "contradicted",
        "reasons": ["the reference says 27 members"],
    }
    assert marked("It has 27 members.", claim) == "It has [27] members."


def test_each_passage_is_shown_once() -> None:
    first = {"source": "r.html", "passage_start": 10, "passage": "A B C", "start": 10, "end": 11}
    again = {**first, "start": 12, "end": 13}  # another span of the same passage
    other = {**first, "passage_start": 40, "passage": "D E"}
    assert distinct_evidence([first, again, other]) == [first, other]
