"""Plain-text extraction: scraped articles with their page furniture still in."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from verify.errors import ExtractError
from verify.extract import extract, extract_text
from verify.records import Extracted, Fetched

ARTICLE_A = "articles/000_7ad785c25a2a454d.txt"
ARTICLE_B = "articles/002_4d51db6b0b5c6aac.txt"
HEADLINE_A = "NATO: European allies trigger Article 4 to fortify borders from Russian forces"
HEADLINE_B = (
    "Poland, Lithuania and Latvia consider triggering NATO’s Article 4 over the Belarus border"
    " crisis"
)


def assert_offsets(extracted: Extracted) -> None:
    for passage in extracted.passages:
        assert extracted.text[passage.start : passage.end] == passage.text
        assert passage.text == passage.text.strip()
        assert "  " not in passage.text and "\n" not in passage.text
    assert extracted.text == "\n\n".join(p.text for p in extracted.passages)


def read(fixtures_dir: Path, name: str) -> Extracted:
    extracted = extract_text((fixtures_dir / name).read_text(encoding="utf-8"))
    assert_offsets(extracted)
    return extracted


def test_article_a_furniture_removed(fixtures_dir: Path) -> None:
    text = read(fixtures_dir, ARTICLE_A).text
    for furniture in ("Skip to main content", "10:01am", "Updated:", "3:06pm"):
        assert furniture not in text
    assert not text.startswith("Politics")


def test_article_a_title_and_date(fixtures_dir: Path) -> None:
    extracted = read(fixtures_dir, ARTICLE_A)
    assert extracted.metadata.title == HEADLINE_A
    assert extracted.metadata.published == "2022-02-24"  # the dateline, not "Updated"
    assert extracted.metadata.published_at == "2022-02-24T10:01:00"
    first = extracted.passages[0]
    assert (first.kind, first.text) == ("heading", HEADLINE_A)
    assert extracted.text.count(HEADLINE_A) == 1


def test_article_a_key_sentences(fixtures_dir: Path) -> None:
    extracted = read(fixtures_dir, ARTICLE_A)
    for sentence in (
        "It has been invoked six times since the alliance formed in 1949, with Turkey"
        " responsible for five occasions.",
        "Consultation under Article 4 can lead to collective action among the 30 member states.",
        "“The Parties will consult together whenever, in the opinion of any of them,",
    ):
        assert sentence in extracted.text
    standfirst = extracted.passages[1]
    assert standfirst.kind == "paragraph"
    assert standfirst.text.startswith("The move is a sign that the world's most powerful")
    # The standfirst repeated inside the first paragraph is not a duplicate line.
    assert extracted.passages[2].text.endswith("consider possible collective security action.")


def test_article_b_furniture_removed(fixtures_dir: Path) -> None:
    text = read(fixtures_dir, ARTICLE_B).text
    for furniture in (
        "This article is over 7 months old",
        "over 7 months old",
        "Leave a Comment",
        "Read more",
        "Violent clash during Belarus border exchange",
        "Three Baltic…",
    ):
        assert furniture not in text


def test_article_b_headline_once_and_no_date(fixtures_dir: Path) -> None:
    extracted = read(fixtures_dir, ARTICLE_B)
    assert extracted.metadata.title == HEADLINE_B
    assert extracted.metadata.published is None
    assert extracted.metadata.published_at is None
    assert extracted.metadata.author is None
    normalised = extracted.text.replace("’", "'")
    assert normalised.count(HEADLINE_B.replace("’", "'")) == 1
    assert [p.kind for p in extracted.passages[:2]] == ["heading", "paragraph"]
    assert extracted.passages[1].text == (
        "Russian troops check the Belarus border; countries’ leaders hold emergency summit"
    )


def test_article_b_key_sentences(fixtures_dir: Path) -> None:
    text = read(fixtures_dir, ARTICLE_B).text
    assert "the Lithuanian president, Dalia Grybauskaite, said on Tuesday" in text
    assert "the American defence secretary, Jim Mattis," in text
    assert text.endswith("straining ties with Nato member Ankara.")
    assert text.count("Three Baltic states will consider activating") == 1


@pytest.mark.parametrize(
    "line",
    [
        "Skip to main content",
        "Leave a Comment",
        "Share",
        "Share on Facebook Share on Twitter Email",
        "Advertisement",
        "This article is over 2 years old",
        "This article is more than 3 days old",
        "Tanks roll into town as talks stall Read more",
        "READ MORE: Tanks roll into town as talks stall",
        "We use cookies to improve your experience. Accept all cookies",
        # Seen on trafilatura's evaluation pages (benchmarks/bench_extract.py):
        "Weitere Themen",
        "Lesen Sie hier: Spielabbruch in der Kreisliga",
        "Czytaj też: Wyścig zbrojeń ruszył z kopyta",
        "À lire aussi » Ballonnements, lourdeurs",
        "Titelbild: Geyres Christophe/ABACA/picture-alliance",
        "(Credit: Clayton Aldern / Grist)",
        "Crédits photos : Bestimage",
        "Marco Odermatt, Ski-Star aus der Schweiz. © AFP / MARCO BERTORELLO",
        "Mehr zu Klima und Konsum",
        "Die meistgelesenen Artikel bei SWR.de/Sport",
        "Subscribe now to our eNATION edition for the full story.",
    ],
)
def test_furniture_lines_removed(line: str) -> None:
    body = "The council met on Monday and agreed to meet again next week."
    extracted = extract_text(f"{line}\n\n{body}\n\n{line}\n")
    assert line not in extracted.text
    assert extracted.text == body


@pytest.mark.parametrize(
    "line",
    [
        "The photograph, dated 1949, shows the signing © of the treaty in Washington.",
        "Under Article 4(c) the parties consult together whenever one of them asks.",
        "More from the minutes: three members abstained and two were absent from the vote.",
    ],
)
def test_prose_near_the_furniture_patterns_is_kept(line: str) -> None:
    assert extract_text(f"Council meets again\n\n{line}\n").text.endswith(line)


def test_sentence_ending_in_read_more_with_full_stop_is_kept() -> None:
    text = "Council meets again\n\nThose who want the details can read more.\n"
    assert "can read more." in extract_text(text).text


def test_section_label_above_title_dropped() -> None:
    extracted = extract_text("World\n\nCouncil votes to extend the mission\n\nThe vote was 9-3.\n")
    assert [p.text for p in extracted.passages] == [
        "Council votes to extend the mission",
        "The vote was 9-3.",
    ]


@pytest.mark.parametrize(
    ("dateline", "published"),
    [
        ("February 24, 2022 10:01am", "2022-02-24"),
        ("24 February 2022", "2022-02-24"),
        ("2022-02-24", "2022-02-24"),
        ("Published 24 Feb 2022 09:00 GMT", "2022-02-24"),
        ("Thu 24 Feb 2022 10.01 GMT", "2022-02-24"),
    ],
)
def test_dateline_is_metadata_not_text(dateline: str, published: str) -> None:
    extracted = extract_text(
        f"Council votes to extend the mission\n\n{dateline}\n\nThe vote was 9-3."
    )
    assert extracted.metadata.published == published
    assert dateline not in extracted.text


def test_updated_line_is_not_the_published_date() -> None:
    text = (
        "Council votes to extend the mission\n\nUpdated: March 2, 2022 3:06pm\n\n"
        "February 24, 2022 10:01am\n\nThe vote was 9-3."
    )
    extracted = extract_text(text)
    assert extracted.metadata.published == "2022-02-24"
    assert "Updated" not in extracted.text


def test_byline_is_author_not_text() -> None:
    extracted = extract_text(
        "Council votes to extend the mission\n\nBy Jane Doe\n\nThe vote was 9-3 on Monday."
    )
    assert extracted.metadata.author == "Jane Doe"
    assert "Jane Doe" not in extracted.text


def test_name_and_role_byline() -> None:
    extracted = extract_text(
        "Council votes to extend the mission\n\nJane Doe, Political Reporter\n\nThe vote was 9-3."
    )
    assert extracted.metadata.author == "Jane Doe"
    assert "Political Reporter" not in extracted.text


def test_sentence_starting_with_by_is_text() -> None:
    line = "By Thursday the talks had collapsed and the envoys had gone home."
    extracted = extract_text(f"Talks collapse in Geneva\n\n{line}")
    assert extracted.metadata.author is None
    assert line in extracted.text


def test_no_date_gives_none() -> None:
    extracted = extract_text("Council votes to extend the mission\n\nThe vote was 9-3.")
    assert extracted.metadata.published is None


def test_treaty_article_numbers_are_headings(fixtures_dir: Path) -> None:
    extracted = read(fixtures_dir, "references/north-atlantic-treaty.txt")
    headings = [p.text for p in extracted.passages if p.kind == "heading"]
    assert headings == ["The North Atlantic Treaty", "Article 4", "Article 5"]
    # The line under the title is a standfirst, and its date is not a dateline.
    assert "Signed in Washington D.C., 4 April 1949" in extracted.text
    assert extracted.metadata.published is None


def test_hard_wrapped_prose_is_one_paragraph() -> None:
    text = (
        "The council met on Monday and agreed, after a long debate about\n"
        "the mission and its costs, to extend it for another six months\n"
        "from the start of April.\n"
    )
    extracted = extract_text(text)
    assert [p.kind for p in extracted.passages] == ["paragraph"]
    assert "debate about the mission" in extracted.text


def test_lines_without_blank_lines_are_separate_blocks() -> None:
    extracted = extract_text("Skip to main content\nTalks collapse in Geneva\nThe envoys left.")
    assert [p.text for p in extracted.passages] == ["Talks collapse in Geneva", "The envoys left."]


def test_single_line_is_a_paragraph() -> None:
    extracted = extract_text("NATO has thirty member states")
    assert [(p.kind, p.text) for p in extracted.passages] == [
        ("paragraph", "NATO has thirty member states")
    ]


def test_whitespace_normalised_inside_passages() -> None:
    extracted = extract_text("The  vote\u00a0was\t9-3 on   Monday. \n\n")
    assert extracted.text == "The vote was 9-3 on Monday."


@pytest.mark.parametrize("text", ["", "   \n\n  ", "Skip to main content\n\nLeave a Comment", "…"])
def test_nothing_left_raises(text: str) -> None:
    with pytest.raises(ExtractError, match="no main text found"):
        extract_text(text)


def fetched(text: str, content_type: str | None) -> Fetched:
    return Fetched(
        source="x",
        url=None,
        status=None,
        content_type=content_type,
        fetched_at="2024-01-01T00:00:00Z",
        body=text.encode(),
        encoding="utf-8",
        text=text,
    )


@pytest.mark.parametrize(
    ("content_type", "kind"),
    [
        ("text/plain", "text"),
        ("text/html", "html"),
        ("application/xhtml+xml", "html"),
        (None, "html"),
    ],
)
def test_extract_dispatches_on_content_type(content_type: str | None, kind: str) -> None:
    page = "<html><body><article><p>The vote was 9-3 on Monday.</p></article></body></html>"
    extracted = extract(fetched(page, content_type))
    expected = "The vote was 9-3 on Monday." if kind == "html" else page
    assert extracted.text == expected


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_extract_text_never_crashes(text: str) -> None:
    try:
        extracted = extract_text(text)
    except ExtractError:
        return
    assert_offsets(extracted)
    assert extracted.passages


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Skip to main content",
                "Politics",
                "By Jane Doe",
                "February 24, 2022 10:01am",
                "Updated: February 24, 2022 3:06pm",
                "Talks collapse in Geneva",
                "The envoys left on Monday.",
                "This article is over 7 months old",
                "Read more",
                "…",
                "",
                " ",
            ]
        ),
        max_size=12,
    ).map("\n".join)
)
def test_extract_text_never_crashes_on_article_like_lines(text: str) -> None:
    try:
        extracted = extract_text(text)
    except ExtractError:
        return
    assert_offsets(extracted)
