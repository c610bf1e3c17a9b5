import pytest
from hypothesis import given
from hypothesis import strategies as st

from verify.claims import find_provisions


def found(text: str, base: int = 0) -> list[tuple[str, str]]:
    provisions = find_provisions(text, base)
    for p in provisions:
        assert text[p.start - base : p.end - base] == p.text
    return [(p.name, p.text) for p in provisions]


@pytest.mark.parametrize(
    ("text", "name", "span"),
    [
        ("Article 4", "Article 4", "Article 4"),
        ("under Article 5.", "Article 5", "Article 5"),
        ("the right under article 51 applies", "Article 51", "article 51"),
        ("Art. 5 applies", "Article 5", "Art. 5"),
        ("Section 230 protects", "Section 230", "Section 230"),
        ("§ 230 protects", "Section 230", "§ 230"),
        ("Chapter VII powers", "Chapter VII", "Chapter VII"),
        ("under Rule 12 of procedure", "Rule 12", "Rule 12"),
        ("see Clause 3(b) below", "Clause 3(b)", "Clause 3(b)"),
        ("paragraph 2 says", "Paragraph 2", "paragraph 2"),
        ("protected by the First Amendment.", "First Amendment", "First Amendment"),
        ("the 14th Amendment", "14th Amendment", "14th Amendment"),
        (
            "Article 5 of the North Atlantic Treaty",
            "Article 5",
            "Article 5 of the North Atlantic Treaty",
        ),
        (
            "recognised by Article 51 of the Charter of the United Nations, will",
            "Article 51",
            "Article 51 of the Charter of the United Nations",
        ),
        ("Chapter VII of the UN Charter", "Chapter VII", "Chapter VII of the UN Charter"),
        ("Article 5 of NATO's founding treaty", "Article 5", "Article 5 of NATO's founding treaty"),
        ("triggered NATO Article 4 to launch", "Article 4", "NATO Article 4"),
        ("triggering NATO’s Article 4 over", "Article 4", "NATO’s Article 4"),
    ],
)
def test_one_provision(text: str, name: str, span: str) -> None:
    assert found(text) == [(name, span)]


def test_seed_consultation_sentence() -> None:
    text = "Consultation under Article 4 can lead to collective action among the 30 member states."
    assert found(text) == [("Article 4", "Article 4")]


def test_seed_treaty_quote_sentence_keeps_the_instrument() -> None:
    text = "Article 4 of The North Atlantic Treaty says, “The Parties will consult together”"
    assert found(text) == [("Article 4", "Article 4 of The North Atlantic Treaty")]


def test_a_list_gives_one_provision_per_number() -> None:
    text = "Articles 4 and 5 of the North Atlantic Treaty say"
    span = "Articles 4 and 5 of the North Atlantic Treaty"
    assert found(text) == [("Article 4", span), ("Article 5", span)]
    assert [p.name for p in find_provisions("Articles 4, 5 and 6")] == [
        "Article 4",
        "Article 5",
        "Article 6",
    ]


def test_a_listed_number_that_counts_something_is_not_a_provision() -> None:
    assert found("Article 4 and 30 member states") == [("Article 4", "Article 4")]


def test_nested_provisions_are_separate() -> None:
    assert found("paragraph 2 of Article 5 applies") == [
        ("Paragraph 2", "paragraph 2"),
        ("Article 5", "Article 5"),
    ]


def test_instrument_stops_at_the_sentence_end() -> None:
    assert found("Article 5 of the Treaty. The parties met") == [
        ("Article 5", "Article 5 of the Treaty")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "NATO’s mutual defence clauses",
        "part 2 of the series",
        "the article was 5 pages long",
        "a rule of thumb",
        "the first amendment to the bill",
    ],
)
def test_not_provisions(text: str) -> None:
    assert found(text) == []


def test_offsets_are_document_offsets() -> None:
    [provision] = find_provisions("under Article 4 now", base=40)
    assert (provision.start, provision.end) == (46, 55)


@given(st.text(max_size=200), st.integers(min_value=0, max_value=10_000))
def test_never_crashes_and_offsets_lie_inside(text: str, base: int) -> None:
    for provision in find_provisions(text, base):
        assert base <= provision.start < provision.end <= base + len(text)
        assert text[provision.start - base : provision.end - base] == provision.text


words = st.sampled_from(
    [
        "Article",
        "Articles",
        "article",
        "Art.",
        "§",
        "4",
        "5",
        "VII",
        "and",
        "of",
        "the",
        "North",
        "Treaty",
        "First",
        "Amendment",
        "NATO’s",
        ",",
        "3(b)",
        "member",
        "states",
    ]
)


@given(st.lists(words, max_size=25).map(" ".join))
def test_never_crashes_on_provision_like_text(text: str) -> None:
    for provision in find_provisions(text):
        assert text[provision.start : provision.end] == provision.text
        assert provision.name.split()[0][0].isupper() or provision.name[0].isdigit()
