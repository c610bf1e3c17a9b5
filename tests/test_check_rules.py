"""Each checking rule at work on an invented reference and articles built in the
test: true claims supported, altered ones contradicted with the right reason,
invented ones unverified. Nothing here names the fixture articles' facts."""

from __future__ import annotations

from pathlib import Path

import pytest

from verify.judge import run_check
from verify.records import Judgement, Verdict
from verify.store import open_db

REFERENCE = """<!doctype html><html><head><title>The Orvand Compact</title></head><body>
<nav><a href="/">Home</a> <a href="/about">About</a></nav>
<article>
<h1>The Orvand Compact</h1>
<p>The Orvand Compact was signed in Telmar on 9 May 1987 by 7 founding states.</p>
<h2>Article 3</h2>
<p>The signatories shall share river data with one another every season.</p>
<h2>Article 8</h2>
<p>Article 8 is the joint protection clause: an attack on the waterworks of one signatory
shall be treated as an attack on the waterworks of all.</p>
<h2>Article 11</h2>
<p>Any state which accepts the duties set out in Article 3 may apply to join the compact.</p>
<h2>Article 12</h2>
<p>The river bed and its islands are not subject to ownership by any signatory, by claim
of possession or by any other means.</p>
<p>Velmora is not a signatory of the compact.</p>
</article>
<footer>© Compact Archive</footer>
</body></html>"""


@pytest.fixture
def reference_url(httpserver) -> str:  # type: ignore[no-untyped-def]
    httpserver.expect_request("/compact.html").respond_with_data(
        REFERENCE, content_type="text/html; charset=utf-8"
    )
    return httpserver.url_for("/compact.html")


def judge_sentence(sentence: str, reference_url: str, tmp_path: Path) -> Judgement:
    article = tmp_path / "article.txt"
    article.write_text(f"Compact news\n\n{sentence}\n", encoding="utf-8")
    db = open_db(tmp_path / "check.db")
    result = run_check(db, [str(article)], [reference_url])
    assert not result.errors, result.errors
    [document] = result.documents
    matching = [j for j in document.judgements if j.claim.claim.text in sentence]
    assert matching, [j.claim.claim.text for j in document.judgements]
    return matching[0]


def reasons(judgement: Judgement) -> str:
    return " | ".join(judgement.reasons)


def test_true_count_and_year_supported(reference_url: str, tmp_path: Path) -> None:
    j = judge_sentence(
        "The Orvand Compact was signed in 1987 by seven founding states.", reference_url, tmp_path
    )
    assert j.verdict is Verdict.SUPPORTED, reasons(j)
    assert j.evidence and j.evidence[0].passage.url == reference_url


def test_changed_count_contradicted(reference_url: str, tmp_path: Path) -> None:
    j = judge_sentence(
        "The Orvand Compact was signed in 1987 by nine founding states.", reference_url, tmp_path
    )
    assert j.verdict is Verdict.CONTRADICTED
    assert "the claim says nine founding states, the reference says 7 founding states" in reasons(j)


def test_changed_year_contradicted(reference_url: str, tmp_path: Path) -> None:
    j = judge_sentence(
        "The Orvand Compact was signed in 1991 by seven founding states.", reference_url, tmp_path
    )
    assert j.verdict is Verdict.CONTRADICTED
    assert "1991" in reasons(j) and "1987" in reasons(j)


def test_verbatim_quotation_supported(reference_url: str, tmp_path: Path) -> None:
    j = judge_sentence(
        "Article 3 says, “The signatories shall share river data with one another every season.”",
        reference_url,
        tmp_path,
    )
    assert j.verdict is Verdict.SUPPORTED
    assert "word for word" in reasons(j)


def test_changed_quotation_word_contradicted_with_diff(reference_url: str, tmp_path: Path) -> None:
    j = judge_sentence(
        "Article 3 says, “The signatories shall share river data with one another every year.”",
        reference_url,
        tmp_path,
    )
    assert j.verdict is Verdict.CONTRADICTED
    assert "[-season-] {+year+}" in reasons(j)


def test_quotation_credited_to_wrong_provision(reference_url: str, tmp_path: Path) -> None:
    j = judge_sentence(
        "Article 8 says, “The signatories shall share river data with one another every season.”",
        reference_url,
        tmp_path,
    )
    assert j.verdict is Verdict.CONTRADICTED
    assert "credits the quotation to Article 8; the reference gives it as Article 3" in reasons(j)


def test_quotation_under_the_provision_it_is_credited_to_confirms_it(
    reference_url: str, tmp_path: Path
) -> None:
    """The quotation stands under the provision the claim names: that provision is
    confirmed; the one named inside the quotation is the quotation's own words."""
    j = judge_sentence(
        "Lissa applied under Article 11 of the Orvand Compact, which states that “any state "
        "which accepts the duties set out in Article 3 may apply to join the compact”.",
        reference_url,
        tmp_path,
    )
    assert j.verdict is Verdict.SUPPORTED, reasons(j)
    assert "the reference gives the quotation as Article 11" in reasons(j)
    assert "Article 3" not in reasons(j).split("not found")[-1]


def test_what_a_provision_lays_down_must_be_in_its_text(reference_url: str, tmp_path: Path) -> None:
    """ "Under Article N, X" says what the provision lays down: its words are not
    enough, the text must hold what the claim says."""
    held = judge_sentence(
        "Under Article 11 of the Orvand Compact, any state which accepts the duties set out "
        "in Article 3 may apply to join.",
        reference_url,
        tmp_path,
    )
    assert held.verdict is Verdict.SUPPORTED, reasons(held)
    changed = judge_sentence(
        "Under Article 11 of the Orvand Compact, the founding states must approve each new member.",
        reference_url,
        tmp_path,
    )
    assert changed.verdict is not Verdict.SUPPORTED, reasons(changed)


def test_a_provision_that_forbids_is_not_one_that_allows(
    reference_url: str, tmp_path: Path
) -> None:
    held = judge_sentence(
        "Article 12 of the Orvand Compact says the river bed and its islands are not "
        "subject to ownership by any signatory.",
        reference_url,
        tmp_path,
    )
    assert held.verdict is Verdict.SUPPORTED, reasons(held)
    inverted = judge_sentence(
        "Article 12 of the Orvand Compact lets a signatory claim ownership of the river bed "
        "and its islands by possession.",
        reference_url,
        tmp_path,
    )
    assert inverted.verdict is not Verdict.SUPPORTED, reasons(inverted)


def test_a_provision_of_another_instrument_is_not_judged_by_this_one(
    reference_url: str, tmp_path: Path
) -> None:
    j = judge_sentence(
        "Article 3 of the Telmar Accord provides for the joint protection of the waterworks.",
        reference_url,
        tmp_path,
    )
    assert j.verdict is Verdict.UNVERIFIED, reasons(j)


def test_provision_described_as_another_contradicted(reference_url: str, tmp_path: Path) -> None:
    j = judge_sentence(
        "Article 3 provides for the joint protection of the waterworks.", reference_url, tmp_path
    )
    assert j.verdict is Verdict.CONTRADICTED
    assert "to Article 3; the reference describes that as Article 8" in reasons(j)


def test_negated_fact_contradicted(reference_url: str, tmp_path: Path) -> None:
    j = judge_sentence(
        "Velmora is a signatory of the compact, its foreign minister, Ada Quell, said.",
        reference_url,
        tmp_path,
    )
    assert j.verdict is Verdict.CONTRADICTED
    assert "not a signatory" in reasons(j)


def test_true_claim_in_new_words_supported(reference_url: str, tmp_path: Path) -> None:
    j = judge_sentence(
        "Velmora, a neighbour, is not party to the compact, officials said.",
        reference_url,
        tmp_path,
    )
    assert j.verdict is Verdict.SUPPORTED, reasons(j)


def test_invented_claim_unverified(reference_url: str, tmp_path: Path) -> None:
    j = judge_sentence(
        "The secretariat will relocate to Brassen in 2031, an official said.",
        reference_url,
        tmp_path,
    )
    assert j.verdict is Verdict.UNVERIFIED
