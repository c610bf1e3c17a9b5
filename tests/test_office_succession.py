"""An office as an ordered list of holders: numbers, predecessors, lengths and dates.

End to end through the command line, on an invented reference (Quellport's harbour
institutions: the Port Authority's presidents in a table with "Took office" and
"Left office" columns and an acting president between two numbered ones, the
Lantern Guild's chairs with each term in one cell of years, the Saltmarsh Mint's
directors in a prose list).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from judging import JUDGING, article, check, claim_with, verdict

HARBOUR = JUDGING / "quellport-harbour.html"


def judged(tmp_path: Path, sentence: str, date: str | None = "2020-05-05") -> dict:
    return verdict(tmp_path, sentence, [HARBOUR], date)


@pytest.mark.parametrize(
    ("sentence", "expected", "reason"),
    [
        # A holder's number told by the verb of holding.
        (
            "Mr Strand, the fourth man to lead the Authority, opened the new quay.",
            "supported",
            "Emil Strand was the 4th President of the Quellport Port Authority, as the claim says",
        ),
        (
            "Mr Strand, the fifth man to lead the Authority, opened the new quay.",
            "contradicted",
            "Emil Strand was the 4th President of the Quellport Port Authority, not the 5th",
        ),
        # An aside between the name and the verb.
        (
            "Gustav Orme, a former harbour pilot, is the seventh president of the Authority.",
            "contradicted",
            "Gustav Orme was the 6th President of the Quellport Port Authority, not the 7th",
        ),
    ],
)
def test_holder_numbers(tmp_path: Path, sentence: str, expected: str, reason: str) -> None:
    claim = judged(tmp_path, sentence, "2000-01-01" if "Strand" in sentence else "2020-05-05")
    assert claim["verdict"] == expected, claim["reasons"]
    assert reason in claim["reasons"]


def test_a_count_of_women_holders_is_no_holder_number(tmp_path: Path) -> None:
    """ "The second woman to lead" counts women, which the list does not tell apart;
    "the first woman to lead" is a milestone, not the first holder."""
    second = judged(
        tmp_path, "Ms Lind, the second woman to lead the Authority, spoke.", "2010-01-01"
    )
    assert not any("not the 2nd" in r for r in second["reasons"]), second["reasons"]
    assert second["verdict"] != "contradicted"
    first = judged(
        tmp_path, "Freya Lind, the first woman to lead the Authority, spoke.", "2010-01-01"
    )
    assert first["verdict"] != "contradicted", first["reasons"]


def test_a_pronoun_holds_the_office_of_the_sentence_subject_before(tmp_path: Path) -> None:
    body = (
        "Gustav Orme took office on Saturday as president of the Quellport Port Authority.\n\n"
        "The port's board approved him last week.\n\n"
        "He becomes the Authority's sixth president.\n\n"
        "He will be the seventh president of the Authority.\n\n"
        "He is the third president of the Authority to live on the quay, in 2018."
    )
    source = article(tmp_path / "a.html", "Harbour", body, "2018-12-03")
    report = check(tmp_path, source, refs=[HARBOUR])
    assert claim_with(report, "He becomes")["verdict"] == "supported"
    later = claim_with(report, "He will be")
    assert later["verdict"] == "contradicted", later["reasons"]
    assert "Gustav Orme was the 6th President" in later["reasons"][0]
    # "The third president to live on the quay" counts some presidents, not all.
    assert claim_with(report, "to live on")["verdict"] != "contradicted"


@pytest.mark.parametrize(
    ("sentence", "date", "expected", "reason"),
    [
        # An acting president between two numbered ones is skipped, or not: both fit.
        (
            "Emil Strand, who took over from Cyril Matos, rebuilt the docks.",
            "2000-01-01",
            "supported",
            "Cyril Matos was President of the Quellport Port Authority from 1986-01-01 to "
            "1994-05-14, the predecessor of Emil Strand (from 1994-09-10), as the claim says",
        ),
        (
            "Freya Lind, who succeeded Cyril Matos, rebuilt the docks.",
            "2010-01-01",
            "contradicted",
            "The predecessor of Freya Lind as President of the Quellport Port Authority was "
            "Emil Strand (1994-09-10 to 2006-10-31), not Cyril Matos (1986-01-01 to 1994-05-14)",
        ),
        # An unnamed successor with a present verb: whoever holds the office that day.
        (
            "The former pilot succeeds Freya Lind, who had led the Authority since 2006.",
            "2018-12-03",
            "supported",
            "the predecessor of Gustav Orme",
        ),
        (
            "The former pilot succeeds Emil Strand, who led the Authority from 1994 to 2006.",
            "2018-12-03",
            "contradicted",
            "The predecessor of Gustav Orme as President of the Quellport Port Authority was "
            "Freya Lind",
        ),
        # "Predecessor but one", a surname completed from nothing: the one listed holder.
        (
            "Cyril Matos, Gustav Orme's predecessor but one, opened the museum.",
            "2019-01-01",
            "contradicted",
            "The predecessor but one of Gustav Orme as President of the Quellport Port "
            "Authority was Emil Strand",
        ),
        (
            "Emil Strand, Gustav Orme's predecessor but one, opened the museum.",
            "2019-01-01",
            "supported",
            "the predecessor but one of Gustav Orme",
        ),
        # Years in a single cell: the guild's chairs.
        (
            "Mona Reyes, who replaced Karin Solberg, lit the lamps.",
            "2015-01-01",
            "contradicted",
            "The predecessor of Mona Reyes as Chair of the Lantern Guild was Leon Avery",
        ),
    ],
)
def test_predecessors_and_successors(
    tmp_path: Path, sentence: str, date: str, expected: str, reason: str
) -> None:
    claim = judged(tmp_path, sentence, date)
    assert claim["verdict"] == expected, claim["reasons"]
    assert any(reason in r for r in claim["reasons"]), claim["reasons"]


def test_a_link_to_someone_not_listed_stays_open(tmp_path: Path) -> None:
    claim = judged(
        tmp_path, "Emil Strand, who succeeded Tomas Vey, rebuilt the docks.", "2000-01-01"
    )
    assert claim["verdict"] == "unverified", claim["reasons"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Emil Strand stepped down after a dozen years in charge.", "supported"),
        ("Emil Strand stepped down after twenty years in charge.", "contradicted"),
        ("Leon Avery retired after 24 years as chair.", "supported"),
        ("Leon Avery retired after nearly 30 years at the helm.", "contradicted"),
        # Hedged and close: neither confirmed nor contradicted.
        ("Leon Avery retired after more than 22 years at the helm.", "unverified"),
    ],
)
def test_length_of_a_tenure(tmp_path: Path, sentence: str, expected: str) -> None:
    claim = judged(tmp_path, sentence)
    assert claim["verdict"] == expected, claim["reasons"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # The date of an office held in the past is the office's: confirmed by the term.
        ("Pavel Stone was director when the mint moved in 2010.", "supported"),
        ("Nils Porter was director when the mint moved in 2010.", "contradicted"),
        ("Karin Solberg, who was Guild chair in 1975, once opened the lamp museum.", "supported"),
        (
            "Karin Solberg, who was Guild chair in 1995, once opened the lamp museum.",
            "contradicted",
        ),
        # Terms stated in the claim, past perfect and apposition.
        ("Leon Avery, who had led the Guild since 1988, lit the lamps.", "supported"),
        ("Olga Wren, director from 1991 to 2004, struck the jubilee token.", "supported"),
        ("Olga Wren, director from 1989 to 2004, struck the jubilee token.", "contradicted"),
    ],
)
def test_dates_of_an_office(tmp_path: Path, sentence: str, expected: str) -> None:
    claim = judged(tmp_path, sentence)
    assert claim["verdict"] == expected, claim["reasons"]


def test_a_date_after_another_holder_is_not_the_persons(tmp_path: Path) -> None:
    """ "a line that began with Aldo Renner in 1961" dates Renner, not the new president."""
    body = (
        "Gustav Orme took office on Saturday as president of the Quellport Port Authority.\n\n"
        "He becomes the Authority's sixth president, a line that began with Aldo Renner in 1961."
    )
    source = article(tmp_path / "a.html", "Harbour", body, "2018-12-03")
    claim = claim_with(check(tmp_path, source, refs=[HARBOUR]), "He becomes")
    assert claim["verdict"] != "contradicted", claim["reasons"]
    assert not any("in 1961 the office was held" in r for r in claim["reasons"])


def test_a_takeover_on_a_weekday_dates_an_undated_article(tmp_path: Path) -> None:
    body = (
        "Port chief Gustav Orme, who took over from Freya Lind on Saturday, promised a quay.\n\n"
        "Gustav Orme is the sixth president of the Authority."
    )
    source = article(tmp_path / "a.html", "Harbour", body)
    report = check(tmp_path, source, refs=[HARBOUR])
    assert report["documents"][0]["as_of"] == "2018-12"
    assert claim_with(report, "promised")["verdict"] == "supported"
