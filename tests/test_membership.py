"""Lists of names in text, and which counted quantities name a group."""

from __future__ import annotations

import pytest

from verify.claims import find_quantities
from verify.judge import enumerations, group_name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Velmora, Tarsia and Ostrevia met.", [("Velmora", "Tarsia", "Ostrevia")]),
        ("Freedonia or Kessenland will host", [("Freedonia", "Kessenland")]),
        (
            "leaders of Port Alba, New Kessen, and Ostrevia",
            [("Port Alba", "New Kessen", "Ostrevia")],
        ),
        ("the Republic of Tarsia and Velmora", [("Republic of Tarsia", "Velmora")]),
        ("members met and talked", []),
    ],
)
def test_enumerations_find_lists_of_capitalised_names(text: str, expected: list) -> None:
    assert enumerations(text) == expected


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Three Marsh states agreed", "Marsh states"),
        ("three countries agreed", None),
        ("five times", None),
    ],
)
def test_only_a_named_group_is_a_group(text: str, group: str | None) -> None:
    assert group_name(find_quantities(text)[0]) == group
