"""Direct quotations and their speakers, read from single sentences."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from verify.claims import find_quotations

ARTICLES = Path(__file__).parent.parent / "fixtures" / "articles"
ARTICLE_A = ARTICLES / "000_7ad785c25a2a454d.txt"
ARTICLE_B = ARTICLES / "002_4d51db6b0b5c6aac.txt"


def quotes(sentence: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in find_quotations(sentence)]


def sentence_in(path: Path, opening: str) -> tuple[str, int]:
    document = path.read_text(encoding="utf-8")
    start = document.index(opening)
    end = document.index("\n", start)
    return document[start:end], start


# --- the seed articles -----------------------------------------------------


def test_article_a_anonymous_official_two_quotations_one_multi_sentence() -> None:
    document = ARTICLE_A.read_text(encoding="utf-8")
    sentence, base = sentence_in(ARTICLE_A, "“Who can be sure")
    first, second = find_quotations(sentence, base)
    assert first.text == "Who can be sure what’s happening in his head?"
    assert first.speaker == "an anonymous European official"
    assert second.text.startswith("He started a war in the middle of Europe")
    assert second.text.endswith("to invest in fighting the conflict.")
    assert "Are we sure that that’s it?" in second.text
    assert "[rather]" in second.text  # an editor's insertion stays
    assert second.speaker == "an anonymous European official"
    for quotation in (first, second):
        assert document[quotation.start : quotation.end] == quotation.text


def test_article_a_indirect_speech_leading_into_a_quotation() -> None:
    sentence, _ = sentence_in(ARTICLE_A, "Another official said")
    ((text, speaker),) = quotes(sentence)
    assert text.startswith("reinforcement, deterrence, [and] showing NATO’s determination")
    assert speaker == "Another official"


def test_article_a_treaty_article_is_the_speaker() -> None:
    sentence, _ = sentence_in(ARTICLE_A, "Article 4 of The North Atlantic Treaty says")
    ((text, speaker),) = quotes(sentence)
    assert text == (
        "The Parties will consult together whenever, in the opinion of any of them, the "
        "territorial integrity, political independence or security of any of the Parties "
        "is threatened."
    )
    assert speaker == "Article 4 of The North Atlantic Treaty"


def test_article_a_apostrophes_are_not_quotations() -> None:
    sentence, _ = sentence_in(ARTICLE_A, "A group of NATO member states")
    assert "Russia’s invasion" in sentence
    assert quotes(sentence) == []


def test_article_b_scare_quote_speaker_at_sentence_end() -> None:
    sentence, _ = sentence_in(ARTICLE_B, "The three leaders had")
    assert quotes(sentence) == [("positive and important", "Grybauskaite")]


def test_article_b_two_fragments_one_speaker() -> None:
    sentence, _ = sentence_in(ARTICLE_B, "Mattis, who was on a visit")
    assert quotes(sentence) == [
        ("very productive", "Mattis"),
        ("that the alliance is ready to come to their aid", "Mattis"),
    ]


def test_article_b_kremlin_quoted_putin() -> None:
    sentence, _ = sentence_in(ARTICLE_B, "“To avoid a similar")
    ((text, speaker),) = quotes(sentence)
    assert text.startswith("To avoid a similar situation happening again")
    assert text.endswith("at its own borders")  # the comma before the attribution is dropped
    assert speaker == "Putin"


def test_article_b_main_speaker_not_the_one_reported() -> None:
    sentence, _ = sentence_in(ARTICLE_B, "Mattis said while the military")
    ((_, speaker),) = quotes(sentence)
    assert speaker == "Mattis"  # not Putin, of "what Putin had said"


# --- the patterns, with invented speakers ---------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("“We will appeal,” Jane Roe said.", ("We will appeal", "Jane Roe")),
        ("“We will appeal,” said Jane Roe.", ("We will appeal", "Jane Roe")),
        ("Jane Roe said, “We will appeal.”", ("We will appeal.", "Jane Roe")),
        ('Jane Roe said: "We will appeal."', ("We will appeal.", "Jane Roe")),
        ("Jane Roe told reporters: “We will appeal.”", ("We will appeal.", "Jane Roe")),
        ("The minister wrote: “The plan is dead.”", ("The plan is dead.", "The minister")),
        ("“It is over,” the mayor added.", ("It is over", "the mayor")),
        ("“It is over,” according to a senior official.", ("It is over", "a senior official")),
        (
            "“It is over,” the agency quoted Rufus Firefly as saying.",
            ("It is over", "Rufus Firefly"),
        ),
        ("The statement reads: “All parties agree.”", ("All parties agree.", "The statement")),
        ("Critics called the plan “reckless”.", ("reckless", None)),
        ("“It is over,” he said.", ("It is over", None)),
        ("The minister called it ‘a grave mistake’ on Monday.", ("a grave mistake", None)),
        ("She called it 'dead on arrival', aides said.", ("dead on arrival", "aides")),
        ("„Wir schaffen das“, sagte sie.", ("Wir schaffen das", None)),
        ("He called it «une honte totale».", ("une honte totale", None)),
    ],
)
def test_patterns(sentence: str, expected: tuple[str, str | None]) -> None:
    assert quotes(sentence) == [expected]


def test_nested_quotation_is_part_of_the_outer_one() -> None:
    sentence = "“They told us ‘never again’ and meant it,” Jane Roe said."
    assert quotes(sentence) == [("They told us ‘never again’ and meant it", "Jane Roe")]


def test_speech_inside_a_quotation_is_not_the_speaker() -> None:
    sentence = "“The minister said no,” Jane Roe said."
    assert quotes(sentence) == [("The minister said no", "Jane Roe")]


def test_each_quotation_takes_its_own_adjacent_speaker() -> None:
    sentence = "“Yes,” said Jane Roe, but “no, never,” Rufus Firefly replied."
    assert quotes(sentence) == [("Yes", "Jane Roe"), ("no, never", "Rufus Firefly")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia’s invasion of Ukraine began.",
        "The countries’ leaders hold emergency summit.",
        "Don't say the 90's were calm, rock 'n' roll fans.",
        "The Joneses' house and the Smiths' car.",
        'A 12" record and 7" singles.',
        '“” and "" are empty.',
    ],
)
def test_no_quotation(sentence: str) -> None:
    assert quotes(sentence) == []


def test_offsets_are_the_words_without_marks() -> None:
    sentence = 'Jane Roe said, "We will appeal."'
    (quotation,) = find_quotations(sentence, base=40)
    assert (quotation.start, quotation.end) == (16 + 40, 31 + 40)
    assert sentence[quotation.start - 40 : quotation.end - 40] == "We will appeal."


_PIECES = st.sampled_from(
    [
        "“",
        "”",
        '"',
        "'",
        "‘",
        "’",
        "„",
        "«",
        "»",
        "said",
        "Jane Roe",
        "the minister",
        ",",
        ".",
        "according to",
        "quoted",
        "as saying",
        "who",
        "he",
        "told",
        "Reuters",
        " ",
        "x",
    ]
)


@settings(deadline=None, max_examples=200)
@given(
    st.one_of(st.lists(_PIECES, max_size=40).map(" ".join), st.text(max_size=200)),
    st.integers(min_value=0, max_value=10_000),
)
def test_never_crashes_and_offsets_stay_inside(text: str, base: int) -> None:
    for quotation in find_quotations(text, base):
        assert base <= quotation.start < quotation.end <= base + len(text)
        assert text[quotation.start - base : quotation.end - base] == quotation.text
