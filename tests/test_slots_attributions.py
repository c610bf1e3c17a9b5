"""Sourcing phrases, read from single sentences."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from verify.claims import find_attributions

ARTICLES = Path(__file__).parent.parent / "fixtures" / "articles"
ARTICLE_A = ARTICLES / "000_7ad785c25a2a454d.txt"
ARTICLE_B = ARTICLES / "002_4d51db6b0b5c6aac.txt"


def sources(sentence: str) -> list[tuple[str, bool]]:
    return [(a.source, a.anonymous) for a in find_attributions(sentence)]


def sentence_in(path: Path, opening: str) -> tuple[str, int]:
    document = path.read_text(encoding="utf-8")
    start = document.index(opening)
    end = document.index("\n", start)
    return document[start:end], start


# --- the seed articles -----------------------------------------------------


def test_article_a_inverted_report_with_document_offsets() -> None:
    document = ARTICLE_A.read_text(encoding="utf-8")
    sentence, base = sentence_in(ARTICLE_A, "Poland, Estonia, Latvia and Lithuania")
    (found,) = find_attributions(sentence, base)
    assert (found.source, found.anonymous) == ("the Washington Examiner", False)
    assert found.text == "reports the Washington Examiner"
    assert document[found.start : found.end] == found.text


def test_article_a_anonymous_official_said_to_an_outlet() -> None:
    sentence, _ = sentence_in(ARTICLE_A, "“Who can be sure")
    (found,) = find_attributions(sentence)
    assert (found.source, found.anonymous) == ("an anonymous European official", True)
    assert found.text == "an anonymous European official said to the Examiner"


def test_article_a_another_official_and_a_document() -> None:
    another, _ = sentence_in(ARTICLE_A, "Another official said")
    assert sources(another) == [("Another official", True)]
    treaty, _ = sentence_in(ARTICLE_A, "Article 4 of The North Atlantic Treaty says")
    assert sources(treaty) == [("Article 4 of The North Atlantic Treaty", False)]


def test_article_b_attributions() -> None:
    cases = {
        "Three Baltic states": [("Dalia Grybauskaite", False)],
        "The three leaders had": [("Grybauskaite", False)],
        "Mattis, who was on a visit": [("Mattis", False)],
        "On Monday a Russian military": [("the Belarus defence ministry", False)],
        "“To avoid a similar": [("the Kremlin", False)],
        "Mattis said while": [("Mattis", False), ("Putin", False)],
        "Russia denied any violation": [],
        "Baltic states grew": [],
    }
    for opening, expected in cases.items():
        sentence, _ = sentence_in(ARTICLE_B, opening)
        assert sources(sentence) == expected, opening


def test_article_b_according_to_span() -> None:
    sentence, base = sentence_in(ARTICLE_B, "On Monday a Russian military")
    (found,) = find_attributions(sentence, base)
    assert found.text == "according to the Belarus defence ministry"
    assert ARTICLE_B.read_text(encoding="utf-8")[found.start : found.end] == found.text


# --- the patterns, with invented sources -----------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected", "text"),
    [
        (
            "The Freedonia Gazette reported the deal.",
            ("The Freedonia Gazette", False),
            "The Freedonia Gazette reported",
        ),
        ("Officials said the plan was ready.", ("Officials", True), "Officials said"),
        ("Sources say the plan is ready.", ("Sources", True), "Sources say"),
        (
            "The plan is ready, a source familiar with the matter told Reuters.",
            ("a source familiar with the matter", True),
            "a source familiar with the matter told Reuters",
        ),
        (
            "The plan is ready, a person familiar with the talks said.",
            ("a person familiar with the talks", True),
            "a person familiar with the talks said",
        ),
        ("He told Reuters the plan was ready.", ("Reuters", False), "He told Reuters"),
        (
            "Acme Corp said in a statement that profits rose.",
            ("Acme Corp", False),
            "Acme Corp said in a statement",
        ),
        (
            "Prices rose, citing unnamed officials.",
            ("unnamed officials", True),
            "citing unnamed officials",
        ),
        (
            "A senior official said the talks failed.",
            ("A senior official", True),
            "A senior official said",
        ),
        (
            "The talks failed, according to diplomats.",
            ("diplomats", True),
            "according to diplomats",
        ),
        (
            "Officials who spoke on condition of anonymity said the deal was close.",
            ("Officials", True),
            "Officials who spoke on condition of anonymity said",
        ),
        (
            "Jane Roe, a spokeswoman for the ministry, told reporters the talks failed.",
            ("Jane Roe", False),
            "Jane Roe, a spokeswoman for the ministry, told reporters",
        ),
        ("“It is over,” said Rufus Firefly.", ("Rufus Firefly", False), "said Rufus Firefly"),
        (
            "The ministry of Freedonia quoted Rufus Firefly as saying it was over.",
            ("The ministry of Freedonia", False),
            "The ministry of Freedonia quoted Rufus Firefly as saying",
        ),
        (
            "Poland and Lithuania said they would consult.",
            ("Poland and Lithuania", False),
            "Poland and Lithuania said",
        ),
        (
            "The report was leaked, people briefed on the talks said.",
            ("people briefed on the talks", True),
            "people briefed on the talks said",
        ),
    ],
)
def test_patterns(sentence: str, expected: tuple[str, bool], text: str) -> None:
    (found,) = find_attributions(sentence)
    assert (found.source, found.anonymous) == expected
    assert found.text == text
    assert sentence[found.start : found.end] == text


def test_passive_report_names_the_outlet() -> None:
    sentence = "The minister's remarks, first reported by Politico, drew criticism."
    assert sources(sentence) == [("Politico", False)]


def test_unnamed_speaker_after_the_quotation_is_anonymous() -> None:
    sentence = '"It is a disaster," said one resident, who asked not to be named.'
    (found,) = find_attributions(sentence)
    assert (found.source, found.anonymous, found.text) == (
        "one resident",
        True,
        "said one resident",
    )


def test_audience_is_part_of_the_phrase() -> None:
    (found,) = find_attributions("Rufus Firefly told a news conference the war was over.")
    assert found.text == "Rufus Firefly told a news conference"


def test_standalone_anonymous_source_without_a_verb() -> None:
    sentence = "Two officials familiar with the plan were in the room."
    assert sources(sentence) == [("Two officials familiar with the plan", True)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The alliance is ready.",
        "He is said to be ill.",
        "“The minister said no.”",
        "Three Baltic states will consider the request.",
        "The talks had been “very productive”.",
        "Poland's border crossings continued.",
        "The company posted record profits.",
    ],
)
def test_no_attribution(sentence: str) -> None:
    assert sources(sentence) == []


def test_pronoun_alone_is_not_a_source() -> None:
    assert sources("“It is over,” he said.") == []


_PIECES = st.sampled_from(
    [
        "said",
        "says",
        "told",
        "according",
        "to",
        "citing",
        "quoted",
        "as",
        "saying",
        "the",
        "Jane",
        "Roe",
        "officials",
        ",",
        "“",
        "”",
        "who",
        "familiar",
        "with",
        "matter",
        "is",
        "reports",
        "in",
        "a",
        "statement",
        "Reuters",
        "he",
        "and",
        ".",
    ]
)


@settings(deadline=None, max_examples=200)
@given(
    st.one_of(st.lists(_PIECES, max_size=40).map(" ".join), st.text(max_size=200)),
    st.integers(min_value=0, max_value=10_000),
)
def test_never_crashes_and_offsets_stay_inside(text: str, base: int) -> None:
    for found in find_attributions(text, base):
        assert base <= found.start < found.end <= base + len(text)
        assert text[found.start - base : found.end - base] == found.text
        assert found.source in found.text
