"""Where quotation marks open and close, shared by quotations and attributions.

Quotation marks: curly “…”, straight "…", German „…“, guillemets «…», and
single ‘…’ or '…' only when they cannot be apostrophes (two words or more,
opening after a space, closing before a non-letter). A quotation inside
another is part of the outer one. Attributions use the spans to skip speech
verbs inside quotations; ``quotes.py`` adds who spoke.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_STRAIGHT_DOUBLE = re.compile(r"(?<![^\s(\[{—–/-])\"(?=\S)[^\"]*?\S\"(?!\w)")
_MIN_SINGLE_QUOTE_WORDS = 2  # 'n' in "rock 'n' roll" is not a quotation


def quotation_mark_spans(text: str) -> list[tuple[int, int]]:
    """Outer spans [opening mark, closing mark + 1) of quotations, in order."""
    candidates = sorted(_all_pairs(text))
    kept: list[tuple[int, int]] = []
    for span in candidates:
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def _all_pairs(text: str) -> Iterator[tuple[int, int]]:
    yield from _paired(text, "„", "“”")
    yield from _paired(text, "«", "»")
    yield from (s for s in _paired(text, "“", "”") if not _inside_low_opener(text, s))
    yield from (m.span() for m in _STRAIGHT_DOUBLE.finditer(text))
    yield from _single(text, "‘", "’")
    yield from _single(text, "'", "'")


def _paired(text: str, opener: str, closers: str) -> Iterator[tuple[int, int]]:
    """Each opener with the next closer, unless another opener comes first."""
    position = text.find(opener)
    while position >= 0:
        following = text.find(opener, position + 1)
        close = _first_of(text, closers, position + 1)
        if close >= 0 and (following < 0 or close < following):
            yield position, close + 1
            following = text.find(opener, close + 1)
        position = following


def _first_of(text: str, chars: str, start: int) -> int:
    hits = [i for i in (text.find(c, start) for c in chars) if i >= 0]
    return min(hits) if hits else -1


def _inside_low_opener(text: str, span: tuple[int, int]) -> bool:
    """A “ that closes a German „…“ quotation is not an opener."""
    low = text.rfind("„", 0, span[0])
    return low >= 0 and "“" not in text[low + 1 : span[0]] and "”" not in text[low + 1 : span[0]]


def _single(text: str, opener: str, closer: str) -> Iterator[tuple[int, int]]:
    """Single-quoted spans whose marks cannot be apostrophes."""
    for position in _positions(text, opener):
        if not _opens(text, position):
            continue
        close = _closing_single(text, position, closer)
        if close is not None and len(text[position + 1 : close].split()) >= _MIN_SINGLE_QUOTE_WORDS:
            yield position, close + 1


def _positions(text: str, char: str) -> Iterator[int]:
    position = text.find(char)
    while position >= 0:
        yield position
        position = text.find(char, position + 1)


def _opens(text: str, i: int) -> bool:
    before_ok = i == 0 or not text[i - 1].isalnum()
    return before_ok and i + 1 < len(text) and text[i + 1].isalpha()


def _closing_single(text: str, opening: int, closer: str) -> int | None:
    """The first closer after a word and before a non-letter.

    A closer after "s" and before a lower-case word ("the countries’ leaders")
    is a plural possessive; it is used only when nothing better follows.
    """
    fallback = None
    for i in _positions(text[opening + 1 :], closer):
        j = opening + 1 + i
        if text[j - 1].isspace() or (j + 1 < len(text) and text[j + 1].isalnum()):
            continue
        rest = text[j + 1 :].lstrip()
        if text[j - 1] == "s" and rest[:1].islower():
            fallback = j if fallback is None else fallback
            continue
        return j
    return fallback


def inner_span(text: str, outer: tuple[int, int]) -> tuple[int, int] | None:
    """The quoted words without marks, surrounding spaces or a trailing comma.

    The comma in “…,” X said belongs to the sentence, not to the words quoted.
    """
    start, end = outer[0] + 1, outer[1] - 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and text[end - 1] == ",":
        end -= 1
    if not any(c.isalnum() for c in text[start:end]):
        return None
    return start, end
