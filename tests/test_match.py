"""Fuzzy matching with alignment, and the quotation word diff."""

from verify.judge import quote_words, word_diff
from verify.records import ReferencePassage
from verify.search import align, best_matches

TEXT = (
    "Ukraine is not a member of the alliance. The Parties will consult together whenever, "
    "in the opinion of any of them, the territorial integrity of any of the Parties is threatened."
)


def passage(text: str = TEXT, start: int = 100, pid: int = 1) -> ReferencePassage:
    return ReferencePassage(
        pid, 1, "ref.html", None, "2024-01-01T00:00:00Z", "ab", None, start, start + len(text), text
    )


def test_alignment_locates_the_span_in_document_offsets() -> None:
    evidence = align("the Parties will consult together whenever", passage())
    assert evidence.score > 90
    assert evidence.start >= 100 + TEXT.index("The Parties") - 1
    assert "consult together" in evidence.span


def test_unrelated_text_scores_low_and_is_dropped() -> None:
    unrelated = passage("Bananas are rich in potassium and grow in the tropics.", pid=2)
    assert best_matches("Ukraine is not a member of the alliance", [unrelated]) == []
    [kept] = best_matches("Ukraine is not a member of the alliance", [unrelated, passage()])
    assert kept.passage.id == 1


def test_word_diff_shows_changed_words() -> None:
    reference = quote_words("The Parties will consult together whenever")
    claimed = quote_words("The Parties will meet together whenever")
    assert word_diff(claimed, reference) == "[-consult-] {+meet+}"


def test_editorial_marks_are_not_words() -> None:
    assert quote_words("better to invest in deterrence [rather] than … fighting") == [
        "better",
        "to",
        "invest",
        "in",
        "deterrence",
        "than",
        "fighting",
    ]
