"""People with their offices, read from single sentences."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from verify.claims import find_people, normalise_role, ordinal_value, role_ordinal

ARTICLES = Path(__file__).parent.parent / "fixtures" / "articles"
ARTICLE_B = ARTICLES / "002_4d51db6b0b5c6aac.txt"


def people(sentence: str) -> list[tuple[str, str | None, str | None]]:
    return [(p.name, p.role, p.organisation) for p in find_people(sentence)]


def sentence_in(path: Path, opening: str) -> tuple[str, int]:
    """A sentence of a fixture article and its offset in the document."""
    document = path.read_text(encoding="utf-8")
    start = document.index(opening)
    end = document.index("\n", start)
    return document[start:end], start


# --- the seed article ------------------------------------------------------


def test_article_b_appositive_president_with_document_offsets() -> None:
    document = ARTICLE_B.read_text(encoding="utf-8")
    sentence, base = sentence_in(ARTICLE_B, "Three Baltic states will consider")
    (person,) = find_people(sentence, base)
    assert (person.name, person.role, person.organisation) == (
        "Dalia Grybauskaite",
        "president",
        "Lithuanian",
    )
    assert document[person.start : person.end] == person.text
    assert person.text == "the Lithuanian president, Dalia Grybauskaite"


def test_article_b_defence_secretary_and_speaking_name() -> None:
    document = ARTICLE_B.read_text(encoding="utf-8")
    sentence, base = sentence_in(ARTICLE_B, "The three leaders had")
    found = find_people(sentence, base)
    assert [(p.name, p.role, p.organisation) for p in found] == [
        ("Jim Mattis", "defence secretary", "American"),
        ("Grybauskaite", None, None),
    ]
    assert all(document[p.start : p.end] == p.text for p in found)


def test_article_b_name_with_relative_clause_before_said() -> None:
    sentence, _ = sentence_in(ARTICLE_B, "Mattis, who was on a visit")
    assert people(sentence) == [("Mattis", None, None)]


def test_article_b_title_before_name_and_quoted_as_saying() -> None:
    hours, _ = sentence_in(ARTICLE_B, "Hours after the incident")
    assert people(hours) == [("Vladimir Putin", "president", None)]
    kremlin, _ = sentence_in(ARTICLE_B, "“To avoid a similar")
    assert people(kremlin) == [("Putin", None, None)]  # the Kremlin is not a person


def test_article_b_whole_text_finds_only_people() -> None:
    names = {p.name for p in find_people(ARTICLE_B.read_text(encoding="utf-8"))}
    assert names == {
        "Dalia Grybauskaite",
        "Jim Mattis",
        "Grybauskaite",
        "Mattis",
        "Vladimir Putin",
        "Putin",
    }


# --- the patterns, with invented people -----------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Poland's foreign minister, Zbigniew Rau, said so.",
            ("Zbigniew Rau", "foreign minister", "Poland"),
        ),
        ("The head of the agency, Jane Roe, resigned.", ("Jane Roe", "head", "agency")),
        (
            "He met the Freedonian trade minister, Rufus Firefly.",
            ("Rufus Firefly", "trade minister", "Freedonian"),
        ),
        ("The former president, Donald Trump, spoke.", ("Donald Trump", "former president", None)),
        ("The vice-president, Kamala Harris, spoke.", ("Kamala Harris", "vice president", None)),
        (
            "NATO Secretary General Jens Stoltenberg spoke.",
            ("Jens Stoltenberg", "secretary general", "NATO"),
        ),
        ("Prime Minister Donald Tusk spoke.", ("Donald Tusk", "prime minister", None)),
        ("US Defense Secretary Lloyd Austin spoke.", ("Lloyd Austin", "defense secretary", "US")),
        (
            "Polish Prime Minister Mateusz Morawiecki spoke.",
            ("Mateusz Morawiecki", "prime minister", "Polish"),
        ),
        (
            "Lithuania's President Gitanas Nausėda spoke.",
            ("Gitanas Nausėda", "president", "Lithuania"),
        ),
        ("German Chancellor Olaf Scholz spoke.", ("Olaf Scholz", "chancellor", "German")),
        (
            "US Secretary of State Antony Blinken spoke.",
            ("Antony Blinken", "secretary of state", "US"),
        ),
        ("Kremlin spokesman Dmitry Peskov spoke.", ("Dmitry Peskov", "spokesman", "Kremlin")),
        ("Acme Corp CEO Mary Major spoke.", ("Mary Major", "ceo", "Acme Corp")),
        (
            "Secretary-General Antonio Guterres spoke.",
            ("Antonio Guterres", "secretary general", None),
        ),
        ("Gen. Mark Milley spoke.", ("Mark Milley", "general", None)),
        (
            "Jens Stoltenberg, NATO's secretary general, said so.",
            ("Jens Stoltenberg", "secretary general", "NATO"),
        ),
        (
            "Kaja Kallas, the prime minister of Estonia, said so.",
            ("Kaja Kallas", "prime minister", "Estonia"),
        ),
        (
            "Jane Roe, chief executive of Acme Corp, said so.",
            ("Jane Roe", "chief executive", "Acme Corp"),
        ),
        (
            "Jane Roe, a spokeswoman for the ministry, said so.",
            ("Jane Roe", "spokeswoman", "ministry"),
        ),
        ("Grybauskaite said the summit went well.", ("Grybauskaite", None, None)),
        ("“We are ready,” said Jane Roe.", ("Jane Roe", None, None)),
        ("Ursula von der Leyen said the bloc would act.", ("Ursula von der Leyen", None, None)),
        ("Bashar al-Assad told reporters nothing.", ("Bashar al-Assad", None, None)),
        ("Mr O'Brien added that the plan stands.", ("O'Brien", None, None)),
        ("The rise was temporary, according to Jane Roe.", ("Jane Roe", None, None)),
        (
            "Former British prime minister Boris Johnson wrote a column.",
            ("Boris Johnson", "former prime minister", "British"),
        ),
        (
            "The Bank of England governor, Andrew Bailey, warned of inflation.",
            ("Andrew Bailey", "governor", "Bank of England"),
        ),
        ("The company's founder, Elon Musk, tweeted.", ("Elon Musk", "founder", "company")),
        ("Queen Elizabeth II died in 2022.", ("Elizabeth II", "queen", None)),
        ("Martin Luther King Jr. said he had a dream.", ("Martin Luther King Jr.", None, None)),
        (
            "Washington Post reporter Jane Roe said so.",
            ("Jane Roe", "reporter", "Washington Post"),
        ),
        # Given names of hyphen-joined syllables.
        ("League chief Park Ji-soo spoke.", ("Park Ji-soo", "chief", "League")),
        # A holder's number and where they come from.
        (
            "Ilse Marr of Velmora, the third Chair of the Tarn Compact, said so.",
            ("Ilse Marr", "chair", "Tarn Compact"),
        ),
        (
            "Ilse Marr, who took office on 3 May as the fourth Chair of Tarnmoor, spoke.",
            ("Ilse Marr", "chair", "Tarnmoor"),
        ),
        (
            "Ilse Marr has served as the fourth chair of the Tarn Compact since 2019.",
            ("Ilse Marr", "chair", "Tarn Compact"),
        ),
        (
            "The ministry was led by Administrator Otto Quell.",
            ("Otto Quell", "administrator", None),
        ),
        # A term told by its verb, when its dates follow.
        (
            "Otto Quell, who ran the Tarn Compact from 1990 to 1999, retired.",
            ("Otto Quell", "head", "Tarn Compact"),
        ),
        ("Otto Quell chaired the board from 1990 to 1999.", ("Otto Quell", "chair", "board")),
        ("The Tarn Compact was led by Otto Quell.", ("Otto Quell", "head", "Tarn Compact")),
        (
            "Otto Quell succeeded Ilse Marr as chair of the Tarn Compact in 2017.",
            ("Otto Quell", "chair", "Tarn Compact"),
        ),
        # An acronym that spells a common word is still the body, and whole.
        ("ONE chief Otto Quell spoke.", ("Otto Quell", "chief", "ONE")),
        ("ALL head Otto Quell spoke.", ("Otto Quell", "head", "ALL")),
        # A judge's title; with a portfolio it is a ministry.
        ("Justice Otto Quell wrote the opinion.", ("Otto Quell", "justice", None)),
        ("Justice Minister Otto Quell spoke.", ("Otto Quell", "justice minister", None)),
    ],
)
def test_patterns(sentence: str, expected: tuple[str, str | None, str | None]) -> None:
    assert people(sentence) == [expected]


def test_several_people_in_one_sentence_keep_their_own_offices() -> None:
    sentence = (
        "Russian Foreign Minister Sergei Lavrov met US Secretary of State Antony Blinken "
        "and the Freedonian ambassador, Rufus Firefly."
    )
    assert people(sentence) == [
        ("Sergei Lavrov", "foreign minister", "Russian"),
        ("Antony Blinken", "secretary of state", "US"),
        ("Rufus Firefly", "ambassador", "Freedonian"),
    ]


def test_offsets_are_shifted_by_base() -> None:
    sentence = "German Chancellor Olaf Scholz spoke."
    (local,) = find_people(sentence)
    (shifted,) = find_people(sentence, base=100)
    assert (shifted.start, shifted.end) == (local.start + 100, local.end + 100)
    assert sentence[local.start : local.end] == "German Chancellor Olaf Scholz"


@pytest.mark.parametrize(
    "sentence",
    [
        "The alliance is ready.",
        "The Kremlin said the talks failed.",
        "Russia denied it, Moscow said.",
        "In Warsaw, the prime minister said nothing.",
        "Officials said it was over. Another official said it was not.",
        "An anonymous European official said to the Examiner that it was over.",
        "NATO said on Tuesday that it would respond.",
        "Article 4 of The North Atlantic Treaty says the parties will consult.",
        "Poland, Estonia, Latvia and Lithuania are invoking the provision, reports the "
        "Washington Examiner.",
        "Other NATO defence ministers met the president.",
        "The minister said Monday that the talks failed.",
        "Moscow-led forces said little.",
        "The head of state visited Paris on Friday.",
        "The committee chair Tuesday rejected the plan.",
        "He will head Europe's largest bank.",
        "The UN Security Council met on Friday.",
        "Putin's spokesman said nothing.",
        "Otto Quell led the Tarn Compact to victory in 1999.",  # no term: no office
        "Otto Quell led Calderon from the front in the 1999 final.",
        "The report was written by Otto Quell.",
        "Moscow-led forces crossed the Ki-moon line.",
    ],
)
def test_no_person(sentence: str) -> None:
    assert people(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "ordinal"),
    [
        ("Chair Ilse Marr is the seventh person to hold the post.", 7),
        ("Ilse Marr, the third Chair of the Tarn Compact, said so.", 3),
        ("Ilse Marr, who took office as the twenty-first chair of Tarnmoor, spoke.", 21),
        ("Chair Ilse Marr was its 12th holder.", 12),
        ("Chair Ilse Marr was the first person to walk the Tarn.", None),
        ("Scotland's first minister, Ilse Marr, said so.", None),  # "first" is the office
        ("Chair Ilse Marr spoke.", None),
        ("The ninth chair of the Tarn Compact, Ilse Marr, spoke.", 9),
        ("Ilse Marr was the first Director-General of the Tarn Compact.", 1),
    ],
)
def test_the_holders_number(sentence: str, ordinal: int | None) -> None:
    (person,) = find_people(sentence, base=40)
    found = role_ordinal(sentence, person, base=40)
    assert (found[0] if found else None) == ordinal
    if found:  # the span opens with the ordinal's own words
        assert ordinal_value(sentence[found[1] - 40 : found[2] - 40].split()[0]) == ordinal


def test_normalise_role() -> None:
    assert normalise_role("Secretary-General") == "secretary general"
    assert normalise_role("then-President") == "president"
    assert normalise_role("Lt. Gen.") == "lieutenant general"
    assert normalise_role("Defence  Secretary") == "defence secretary"


_WORDS = st.sampled_from(
    [
        "President",
        "the",
        "minister",
        ",",
        "said",
        "Jane",
        "Roe",
        "of",
        "NATO's",
        "Nausėda",
        "“",
        "”",
        "'",
        "-",
        "al-",
        "von",
        "Mr",
        "Gen.",
        "who",
        "according to",
        "quoted",
        "as",
        "saying",
        "Tuesday",
        "Russia",
        "secretary",
        "general",
        "\n",
        "  ",
    ]
)


@settings(deadline=None, max_examples=200)
@given(
    st.one_of(st.lists(_WORDS, max_size=40).map(" ".join), st.text(max_size=200)),
    st.integers(min_value=0, max_value=10_000),
)
def test_never_crashes_and_offsets_stay_inside(text: str, base: int) -> None:
    for person in find_people(text, base):
        assert base <= person.start < person.end <= base + len(text)
        assert text[person.start - base : person.end - base] == person.text
        assert person.name in person.text
