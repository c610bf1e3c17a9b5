"""Ordinals as writers spell them."""

from __future__ import annotations

import pytest

from verify.claims import find_ordinals, ordinal_value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("first", 1),
        ("Ninth", 9),
        ("twelfth", 12),
        ("twentieth", 20),
        ("twenty-first", 21),
        ("thirty second", 32),
        ("192nd", 192),
        ("3rd", 3),
        ("11th", 11),
        ("ninety", None),
        ("firstly", None),
    ],
)
def test_ordinal_value(text: str, value: int | None) -> None:
    assert ordinal_value(text) == value


def test_find_ordinals_reads_each_in_place() -> None:
    text = "Velmora became the 23rd member, the twenty-first since the third treaty."
    found = [(value, text[start:end]) for value, start, end in find_ordinals(text)]
    assert found == [(23, "23rd"), (21, "twenty-first"), (3, "third")]
