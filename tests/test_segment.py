import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from verify.claims import split_sentences
from verify.records import Passage

ARTICLES = Path(__file__).parent.parent / "fixtures" / "articles"


def paragraphs(text: str) -> list[Passage]:
    """Blank-line separated blocks as paragraph passages."""
    return [
        Passage("paragraph", m.start(), m.end(), m.group())
        for m in re.finditer(r"\S[^\n]*(?:\n[^\n]*\S[^\n]*)*", text)
    ]


def split(text: str) -> list[str]:
    sentences = split_sentences(text, paragraphs(text))
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
    return [s.text for s in sentences]


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. and the U.K. agreed on Monday.",
        "Dr. Smith met Mr. Jones and Mrs. Brown.",
        "Ms. Lee, Prof. Adams, Gen. Milley and Sen. Reed spoke.",
        "Rep. Cheney and St. Petersburg officials met.",
        "It was signed on Jan. 5 and ratified on Feb. 12 by the members.",
        "See No. 5 and Art. 4 of the treaty.",
        "Allies, e.g. Poland and Latvia, asked for talks.",
        "Some allies, i.e. Poland, asked for talks.",
        "Tanks, guns, etc. were sent to the border.",
        "The case was Smith vs. Jones in the court.",
        "J. R. Smith wrote it and John F. Kennedy read it.",
        "Growth was 3.5 percent in the quarter.",
        "He said it was over... and left.",
        "Who can be sure what’s happening?” an official asked.",
    ],
)
def test_no_split_inside(text: str) -> None:
    assert split(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It rained. Then it stopped.", ["It rained.", "Then it stopped."]),
        ("Is it over? Nobody knows! Wait.", ["Is it over?", "Nobody knows!", "Wait."]),
        ("He said “yes.” Then he left.", ["He said “yes.”", "Then he left."]),
        ('He said "no." Then he left.', ['He said "no."', "Then he left."]),
        ("It was done (mostly.) Next came more.", ["It was done (mostly.)", "Next came more."]),
        ("He waited… Then he spoke.", ["He waited…", "Then he spoke."]),
        ("They met in 2014. 30 people came.", ["They met in 2014.", "30 people came."]),
        (
            "He moved to the U.S. The move was quick.",
            ["He moved to the U.S.", "The move was quick."],
        ),
        ("Prices rose, etc. The end came.", ["Prices rose, etc.", "The end came."]),
        ("He said no. The talks ended.", ["He said no.", "The talks ended."]),
    ],
)
def test_splits(text: str, expected: list[str]) -> None:
    assert split(text) == expected


def test_multi_sentence_quote_stays_with_its_attribution() -> None:
    text = (
        "“He started a war. Are we sure that that’s it? It’s better to invest.” "
        "an official said. Another official spoke."
    )
    assert split(text) == [
        "“He started a war. Are we sure that that’s it? It’s better to invest.” an official said.",
        "Another official spoke.",
    ]


def test_straight_quotes_protect_their_sentences_too() -> None:
    text = 'He said "It is over. We won." Then he left.'
    assert split(text) == ['He said "It is over. We won."', "Then he left."]


def test_apostrophes_do_not_open_or_close_single_quotes() -> None:
    text = "That’s Russia’s move. The allies’ reply came. It said ‘we will act. Soon.’ He left."
    assert split(text) == [
        "That’s Russia’s move.",
        "The allies’ reply came.",
        "It said ‘we will act. Soon.’",
        "He left.",
    ]


def test_unclosed_quote_does_not_swallow_the_passage() -> None:
    text = "He said “this goes on. The next sentence is separate. And so is this."
    assert split(text) == [
        "He said “this goes on.",
        "The next sentence is separate.",
        "And so is this.",
    ]


def test_headline_line_inside_a_passage_ends_a_sentence() -> None:
    text = "Allies trigger Article 4\nPoland asked for talks. Others agreed."
    assert split(text) == ["Allies trigger Article 4", "Poland asked for talks.", "Others agreed."]


def test_hard_wrapped_prose_is_joined() -> None:
    text = "Poland asked for talks with\nits allies, and Latvia agreed\nto join them."
    assert split(text) == [text]


def test_hard_wrapped_lines_of_one_width_are_joined_even_before_a_capital() -> None:
    lines = [
        "Article 5 has been invoked only once in the history of the",
        "alliance, after the attacks on the United States. Requests under",
        "Article 4 came from Turkey on most early occasions, and later from",
        "Poland.",
    ]
    text = "\n".join(lines)
    assert split(text) == [
        "\n".join(lines[:2]).removesuffix(" Requests under"),
        "Requests under\n" + "\n".join(lines[2:]),
    ]
    # The same short lines without a wrap width are headline lines.
    assert split("Allies act\nPoland asks\nLatvia agrees") == [
        "Allies act",
        "Poland asks",
        "Latvia agrees",
    ]


def test_heading_passage_is_one_sentence() -> None:
    text = "Big news. More here\n\nBody text. Second."
    passages = [
        Passage("heading", 0, 19, text[0:19]),
        Passage("paragraph", 21, len(text), text[21:]),
    ]
    sentences = split_sentences(text, passages)
    assert [(s.text, s.is_heading) for s in sentences] == [
        ("Big news. More here", True),
        ("Body text.", False),
        ("Second.", False),
    ]


def test_sentences_never_cross_passages() -> None:
    text = "First part without stop\n\nsecond part. Third."
    passages = [Passage("paragraph", 0, 23, text[:23]), Passage("paragraph", 25, 44, text[25:])]
    assert [s.text for s in split_sentences(text, passages)] == [
        "First part without stop",
        "second part.",
        "Third.",
    ]


def test_offsets_are_document_offsets_and_stripped() -> None:
    text = "Intro.\n\n  Padded sentence.   Next one.  "
    sentences = split_sentences(text, paragraphs(text))
    assert [(s.start, s.end) for s in sentences] == [(0, 6), (10, 26), (29, 38)]


def test_seed_article_a_sentences() -> None:
    text = (ARTICLES / "000_7ad785c25a2a454d.txt").read_text()
    sentences = split(text)
    assert (
        "“Who can be sure what’s happening in his head?” an anonymous European official said "
        "to the Examiner, referring to Putin." in sentences
    )
    assert (
        "Consultation under Article 4 can lead to collective action among the 30 member states."
        in sentences
    )
    assert (
        "It has been invoked six times since the alliance formed in 1949, with Turkey "
        "responsible for five occasions." in sentences
    )
    quote = next(s for s in sentences if s.startswith("“He started a war"))
    assert quote.endswith("to invest in fighting the conflict.”")


def test_seed_article_b_headline_lines_are_separate() -> None:
    text = (ARTICLES / "002_4d51db6b0b5c6aac.txt").read_text()
    sentences = split(text)
    assert "This article is over 7 months old" in sentences
    assert "Leave a Comment" in sentences


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, list[Passage]]:
    alphabet = st.sampled_from(list("aB .?!…“”‘’\"'()\n\t,3UJ-:") + ["U.S.", "Dr.", "e.g."])
    blocks = draw(st.lists(st.lists(alphabet, max_size=40).map("".join), max_size=6))
    text, passages = "", []
    for block in blocks:
        start = len(text)
        text += block
        passages.append(
            Passage(draw(st.sampled_from(["paragraph", "heading"])), start, len(text), block)
        )
        text += "\n\n"
    return text, passages


@given(documents())
def test_sentences_are_exact_stripped_slices_within_passages(
    document: tuple[str, list[Passage]],
) -> None:
    text, passages = document
    sentences = split_sentences(text, passages)
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text and sentence.text == sentence.text.strip()
        assert any(p.start <= sentence.start and sentence.end <= p.end for p in passages)
    covered = sum(len(re.sub(r"\s", "", s.text)) for s in sentences)
    assert covered == sum(len(re.sub(r"\s", "", p.text)) for p in passages)
