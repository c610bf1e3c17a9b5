"""People named in a role, judged against offices the references list, person first.

End to end through the command line, on invented references (the Tarn Compact's
Directors-General, the Orsk Rowing League's chairs, HASA's administrators, the
Central Bank of Velmora's governors): roles written another way ("HASA
Administrator", "Bank Governor", "Compact chief", "Chair Ada Lusk"), a surname
after a first mention, a date the sentence itself gives, claimed terms ("who ran
the compact from 1990 to 2001") and holders' numbers ("the fourth
Director-General", "the third person to hold the post").
"""

from __future__ import annotations

from pathlib import Path

import pytest
from judging import JUDGING, article, check, claim_with, verdict

ALMANAC = JUDGING / "northern-leaders-almanac.html"
HASA = JUDGING / "halden-space-agency.html"
BANK = JUDGING / "central-bank-of-velmora.html"
REFS = [ALMANAC, HASA, BANK]


def judged(tmp_path: Path, sentence: str, date: str | None) -> dict:
    return verdict(tmp_path, sentence, REFS, date)


def office_reasons(claim: dict) -> list[str]:
    return [f["reason"] for f in claim["findings"] if f["check"] == "office"]


# --- roles named another way ------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "date", "expected"),
    [
        # The body as an acronym before the office, with a role word of its own.
        ("HASA Administrator Rufus Dane opened the new test stand.", "2015-05-05", "supported"),
        ("HASA Administrator Rufus Dane opened the new test stand.", "2008-05-05", "contradicted"),
        # No body at all: the one office the person held.
        ("Administrator Lena Voss opened the new test stand.", "2008-05-05", "supported"),
        ("Chair Ada Lusk presented the trophy to the winning crew.", "2012-09-01", "supported"),
        ("Chair Ada Lusk presented the trophy to the winning crew.", "2019-09-01", "contradicted"),
        # Part of the body's name: "Bank" of "the Central Bank of Velmora".
        ("Bank Governor Ilse Brandt raised rates by a point.", "2001-02-02", "supported"),
        ("Bank Governor Ilse Brandt raised rates by a point.", "2010-02-02", "contradicted"),
        # A generic head of a named body: its top office.
        ("Compact chief Oskar Brel signed the water accord.", "1994-04-04", "supported"),
        ("Compact chief Oskar Brel signed the water accord.", "2003-04-04", "contradicted"),
        # The body's long name, which the reference gives beside its short form.
        ("Halden Space Agency chief Rufus Dane opened the stand.", "2015-05-05", "supported"),
        # A hyphen-joined given name.
        ("Director-General Park Ji-soo opened the session.", "2012-03-03", "supported"),
    ],
)
def test_roles_named_another_way(tmp_path: Path, sentence: str, date: str, expected: str) -> None:
    claim = judged(tmp_path, sentence, date)
    assert claim["verdict"] == expected, claim["reasons"]


def test_a_contradiction_names_who_held_the_office_then(tmp_path: Path) -> None:
    claim = judged(tmp_path, "HASA Administrator Rufus Dane opened the test stand.", "2008-05-05")
    assert office_reasons(claim)[0] == (
        "Rufus Dane was Administrator of HASA (Halden Space Agency) from 2011-06-09 to 2019-01-20; "
        "on 2008-05-05 the office was held by Lena Voss"
    )
    evidence = [f for f in claim["findings"] if f["check"] == "office"]
    assert evidence and all(f["detail"] == "Rufus Dane as administrator" for f in evidence)


@pytest.mark.parametrize(
    "sentence",
    [
        # A generic head for someone the references do not list: any official of it.
        "Compact chief Jane Roe signed the water accord.",
        # The office words differ: a vice-chair is not the chair.
        "Vice-chair Ada Lusk presented the trophy to the winning crew.",
    ],
)
def test_never_contradicted_on_a_guess(tmp_path: Path, sentence: str) -> None:
    claim = judged(tmp_path, sentence, "2012-09-01")
    assert claim["verdict"] != "contradicted", claim["reasons"]
    assert not [
        f for f in claim["findings"] if f["check"] == "office" and f["verdict"] != "unverified"
    ]


# --- the person first ---------------------------------------------------------------------


def test_a_surname_after_a_first_mention(tmp_path: Path) -> None:
    body = (
        "Compact chief Park Ji-soo opened the session on Monday.\n\n"
        "Director-General Park is the third person to hold the post."
    )
    source = article(tmp_path / "a.html", "Session opens", body, "2012-03-05")
    claim = claim_with(check(tmp_path, source, refs=REFS), "Director-General Park")
    assert claim["verdict"] == "contradicted", claim["reasons"]
    assert (
        "Park Ji-soo was the 4th Director-General of the Tarn Compact, not the 3rd"
        in (claim["reasons"])
    )


def test_a_surname_alone_never_contradicts(tmp_path: Path) -> None:
    claim = judged(tmp_path, "Chair Lusk presented the trophy to the winning crew.", "2019-09-01")
    assert claim["verdict"] == "unverified", claim["reasons"]
    supported = judged(tmp_path, "Chair Lusk presented the trophy to the crew.", "2012-09-01")
    assert supported["verdict"] == "supported", supported["reasons"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("In July 1986 the agency was led by Administrator Piet Marsh.", "supported"),
        ("In July 1980 the agency was led by Administrator Piet Marsh.", "contradicted"),
    ],
)
def test_a_date_the_sentence_opens_with_is_the_date_judged(
    tmp_path: Path, sentence: str, expected: str
) -> None:
    claim = judged(tmp_path, sentence, "2020-07-20")
    assert claim["verdict"] == expected, claim["reasons"]
    assert any("1986-07" in r or "1980-07" in r for r in office_reasons(claim))


def test_a_date_elsewhere_in_the_sentence_must_agree_with_the_articles(tmp_path: Path) -> None:
    # Lena Voss was administrator in 2008, not in 2020: which date is meant is unclear.
    sentence = "Administrator Lena Voss recalled the launch in March 2008."
    claim = judged(tmp_path, sentence, "2020-07-20")
    assert claim["verdict"] == "unverified", claim["reasons"]


def test_the_term_confirms_only_a_date_of_the_term(tmp_path: Path) -> None:
    # In office in 1986, but nothing says the test stand opened then.
    claim = judged(tmp_path, "In July 1986 Administrator Piet Marsh opened the test stand.", None)
    assert claim["verdict"] == "unverified", claim["reasons"]
    assert "not found: In July 1986" in claim["reasons"][-1]


def test_an_undated_article_is_judged_at_its_sentences_own_date(tmp_path: Path) -> None:
    claim = judged(tmp_path, "In July 1986 the agency was led by Administrator Piet Marsh.", None)
    assert claim["verdict"] == "supported", claim["reasons"]


# --- terms and numbers ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected", "reason"),
    [
        (
            "Oskar Brel, who ran the Tarn Compact from 1990 to 2001, retired to Calderon.",
            "contradicted",
            "Oskar Brel was Director-General of the Tarn Compact from 1990 to 1998, not to 2001",
        ),
        (
            "Oskar Brel, who ran the Tarn Compact from 1990 to 1998, retired to Calderon.",
            "supported",
            "as the claim says",
        ),
        (
            "Ilse Brandt led the bank from 1995 to 2006, through a currency crisis.",
            "supported",
            "as the claim says",
        ),
        (
            "Ines Kowal chaired the compact from 1996 to 2006, through a long drought.",
            "unverified",  # chairing is not the office she held
            "",
        ),
    ],
)
def test_a_claimed_term(tmp_path: Path, sentence: str, expected: str, reason: str) -> None:
    claim = judged(tmp_path, sentence, "2018-06-12")
    assert claim["verdict"] == expected, claim["reasons"]
    assert not reason or any(reason in r for r in claim["reasons"])


def test_a_term_in_a_relative_clause_after_the_title(tmp_path: Path) -> None:
    sentence = "Former Director-General Oskar Brel, who ran the compact from 1990 to 2001, spoke."
    claim = judged(tmp_path, sentence, "2018-06-12")
    assert claim["verdict"] == "contradicted", claim["reasons"]


def test_an_office_in_the_past_is_not_judged_at_the_articles_date(tmp_path: Path) -> None:
    claim = judged(
        tmp_path, "Maren Holt was the first Director-General of the Tarn Compact.", "2018-06-12"
    )
    assert claim["verdict"] == "supported", claim["reasons"]
    assert office_reasons(claim) == [
        "Maren Holt was the 1st Director-General of the Tarn Compact, as the claim says",
        "Maren Holt was Director-General of the Tarn Compact from 1978 to 1989, as the claim says",
    ]


def test_a_claimed_term_is_not_judged_at_the_articles_date(tmp_path: Path) -> None:
    sentence = "Orla Fenn, who led HASA from 1975 to 1983, died on Monday aged 90."
    claim = judged(tmp_path, sentence, "2020-07-20")
    assert claim["verdict"] == "supported", claim["reasons"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Park Ji-soo, who took office on 9 February as the fourth Director-General of "
            "the Tarn Compact, addressed staff.",
            "supported",
        ),
        ("Jonas Pell, the fifth Governor of the Central Bank of Velmora, spoke.", "supported"),
        ("Jonas Pell, the sixth Governor of the Central Bank of Velmora, spoke.", "contradicted"),
    ],
)
def test_a_holders_number(tmp_path: Path, sentence: str, expected: str) -> None:
    claim = judged(tmp_path, sentence, "2007-03-05")
    assert claim["verdict"] == expected, claim["reasons"]


def test_a_number_the_references_do_not_give_is_not_confirmed(tmp_path: Path) -> None:
    claim = judged(tmp_path, "Chair Ada Lusk is the second person to hold the post.", "2012-03-05")
    assert claim["verdict"] == "unverified", claim["reasons"]
    assert any("not found: second person to hold" in r for r in claim["reasons"])


def test_a_start_read_against_the_articles_date_never_contradicts(tmp_path: Path) -> None:
    # "on 9 February" in a 2012 article reads as 2012-02-09; the almanac says 2007.
    sentence = "Park Ji-soo, who took office on 9 February as Director-General, spoke."
    claim = judged(tmp_path, sentence, "2012-03-05")
    assert claim["verdict"] == "supported", claim["reasons"]  # in office on 2012-03-05
