"""Word normalisation the checks rely on."""

import pytest

from verify.claims import content_stems, is_negated, same_counted, stem


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("consultations", "consult"),
        ("consulted", "consultation"),
        ("defense", "defence"),
        ("Grybauskaitė", "grybauskaite"),
    ],
)
def test_variants_share_a_stem(left: str, right: str) -> None:
    assert stem(left) == stem(right)


@pytest.mark.parametrize(("left", "right"), [("soldiers", "states"), ("attack", "attorney")])
def test_different_words_keep_different_stems(left: str, right: str) -> None:
    assert stem(left) != stem(right)


@pytest.mark.parametrize(
    ("left", "right"), [("allies", "members"), ("countries", "states"), ("mutual", "collective")]
)
def test_words_alike_only_in_some_stories_keep_their_own_stems(left: str, right: str) -> None:
    # Issue 10: no equivalence fitted to the seed articles' wording.
    assert stem(left) != stem(right)


def test_counted_nouns_compare_by_head() -> None:
    assert same_counted("member states", "members")
    assert same_counted("occasions", "times")
    assert not same_counted("founding members", "countries")
    assert not same_counted("soldiers", "member states")
    assert not same_counted("", "members")


def test_negation() -> None:
    assert is_negated("Ukraine is not a member")
    assert is_negated("It isn’t eligible")
    assert not is_negated("Ukraine is a member")


def test_content_stems_drop_function_words_and_numbers() -> None:
    assert content_stems("The 30 member states of the alliance") == {"member", "state", "alliance"}
