"""The article's assessment and its reasons, from judgements built by hand."""

from __future__ import annotations

from verify.judge import assess, contradiction_reasons, date_notes, sourcing_notes
from verify.records import (
    Attribution,
    Claim,
    Finding,
    InferredEvidence,
    Judgement,
    Sentence,
    Slots,
    StoredClaim,
    Verdict,
)

TEXT = "Chancellor Ilse Marrow and Treasurer Piet Lorne opened the bridge, officials said."


def stored(claim_id: int, slots: Slots | None = None) -> StoredClaim:
    claim = Claim(Sentence(0, len(TEXT), TEXT), 0, len(TEXT), TEXT, slots or Slots())
    return StoredClaim(claim_id, 1, "story.html", None, claim)


def judged(claim_id: int, *findings: Finding, at: str | None = "2019-06-01") -> Judgement:
    verdicts = {f.verdict for f in findings}
    verdict = Verdict.CONTRADICTED if Verdict.CONTRADICTED in verdicts else Verdict.SUPPORTED
    reasons = tuple(f.reason for f in findings)
    return Judgement(stored(claim_id), verdict, reasons, (), findings, at)


IN_TERM = Finding(Verdict.SUPPORTED, "Ilse Marrow was Chancellor, so in office", None, "office")
OUT_OF_TERM = Finding(Verdict.CONTRADICTED, "Piet Lorne had left office", None, "office")
WRONG_COUNT = Finding(Verdict.CONTRADICTED, "the claim says 4, the reference says 5", None, "")


def test_only_contradicting_findings_become_reasons() -> None:
    reasons = contradiction_reasons([judged(7, IN_TERM, OUT_OF_TERM, WRONG_COUNT)])
    assert reasons == [
        "claim 7 names an office holder out of their term: Piet Lorne had left office",
        "claim 7 is contradicted: the claim says 4, the reference says 5",
    ]


def test_a_supported_claim_gives_no_reason() -> None:
    assert contradiction_reasons([judged(3, IN_TERM)]) == []


def test_assessment_weighs_contradictions_inconsistencies_and_missing_dates() -> None:
    assert assess([judged(1, IN_TERM)], []) == "consistent"
    assert assess([judged(1, IN_TERM, OUT_OF_TERM)], []) == "dubious"
    assert assess([judged(1, IN_TERM)], ["the article lists a country twice"]) == "dubious"
    undated = Finding(Verdict.UNVERIFIED, "no date to check the term against", None, "office")
    unverified = Judgement(stored(1), Verdict.UNVERIFIED, ("no date",), (), (undated,), None)
    assert assess([judged(2, IN_TERM, at=None), unverified, judged(3, IN_TERM)], []) == (
        "unverified"
    )


def test_date_notes_say_what_is_missing_and_what_was_inferred() -> None:
    dated = {"published": "2020-01-01"}
    assert date_notes(dated, "published", None) == []
    inferred = InferredEvidence("2019-10", "from 1 sentence matching dated events", ())
    notes = date_notes({"published": None}, "inferred", inferred)
    assert notes == [
        "the article gives no publication date",
        "its date is inferred as 2019-10: from 1 sentence matching dated events",
    ]
    assert "no date could be inferred" in date_notes({"published": None}, None, None)[1]


def test_anonymous_sources_are_listed_once_per_claim() -> None:
    anonymous = Attribution("officials", True, "officials said", 68, 82)
    claim = stored(5, Slots(attributions=(anonymous, anonymous)))
    named = stored(6, Slots(attributions=(Attribution("Ilse Marrow", False, "x", 0, 1),)))
    assert sourcing_notes([claim, named]) == ["claim 5 rests on an anonymous source: “officials”"]
