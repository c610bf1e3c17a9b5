"""Links between holders, tenure lengths and pronoun subjects, read from plain strings."""

from __future__ import annotations

from verify.claims import find_people, find_quantities, find_successions, find_tenure_lengths


def test_succession_links() -> None:
    [link] = find_successions("Ada Lusk, who took over from Piet Sand on Monday, spoke.")
    assert (link.new, link.old, link.steps, link.now) == ("Ada Lusk", "Piet Sand", 1, False)
    [link] = find_successions("The former skipper succeeds Piet Sand as head of the club.")
    assert (link.new, link.old, link.now) == (None, "Piet Sand", True)
    [link] = find_successions("Piet Sand, Ms Lusk's predecessor but one, retired.")
    assert (link.new, link.old, link.steps, link.words) == (
        "Lusk",
        "Piet Sand",
        2,
        "predecessor but one",
    )
    [link] = find_successions("Ms Lusk's successor, Piet Sand, spoke.")
    assert (link.new, link.old, link.steps) == ("Lusk", "Piet Sand", -1)
    assert find_successions("His predecessor, Piet Sand, spoke.") == []


def test_tenure_lengths() -> None:
    text = "She takes over when Piet Sand steps down after a dozen years in charge."
    [length] = find_tenure_lengths(text, find_quantities(text), 0)
    assert (length.holder, length.years, length.hedged) == ("Piet Sand", 12.0, False)
    text = "Piet Sand left after nearly ten years as chair."
    [length] = find_tenure_lengths(text, find_quantities(text), 0)
    assert length.hedged
    text = "Piet Sand spent ten years in Oslo."
    assert find_tenure_lengths(text, find_quantities(text), 0) == []


def test_a_pronoun_in_an_office_is_the_antecedent() -> None:
    [person] = find_people("She becomes the club's ninth chair.", 0, "Ada Lusk")
    assert (person.name, person.role, person.organisation) == ("Ada Lusk", "chair", "club")
    assert find_people("She becomes the club's ninth chair.") == ()


def test_once_before_a_past_verb_is_no_count() -> None:
    assert find_quantities("Piet Sand once told the board to sell.") == ()
    assert [q.value for q in find_quantities("It was used only once in its history.")] == [1.0]
