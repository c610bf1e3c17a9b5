"""The unit both HTML extractors produce: a block of text with its passage kind."""

from __future__ import annotations

import re
from dataclasses import dataclass

BR = "\u2029"  # stands in for <br>; two in a row end a paragraph
PARAGRAPH_BREAK = re.compile(rf"{BR}(?:\s*{BR})+")


@dataclass(frozen=True)
class Block:
    kind: str  # a Passage kind
    text: str
    linked: float = 0.0  # share of the text inside links
    level: int = 0  # heading level; 1 is the headline


def without_trailing_headings(blocks: list[Block]) -> list[Block]:
    """The blocks less the headings they end with (a removed box's title), unless
    headings are all there is: a page set entirely in headings keeps them as its text."""
    end = len(blocks)
    while end and blocks[end - 1].kind == "heading":
        end -= 1
    return blocks[:end] if end else blocks
