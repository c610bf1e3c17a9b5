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
