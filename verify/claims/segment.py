"""Where passages become sentences.

Sentences never cross passage boundaries and carry document offsets, so a
claim can always be traced back to the exact characters it was read from.

The splitter is rule based: a full stop, question mark, exclamation mark or
ellipsis ends a sentence when whitespace and a capital (or digit, or opening
quote) follow, unless the word before it is a known abbreviation or an
initial, or the mark sits inside a quotation that closes later in the same
passage. A line that ends without punctuation (a headline or dateline kept
inside a passage) also ends a sentence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from itertools import pairwise

from verify.records import Passage, Sentence

_TERMINALS = ".?!…"
# Characters that may follow a terminal and still belong to its sentence.
_CLOSERS = "”’\"')]}»" + _TERMINALS
_OPENERS = "“‘\"'([{«¿¡"
# A line ending in one of these continues on the next line (hard wrapping).
_CONTINUES_LINE = ",;:-–—(/&"
# A passage is taken as hard-wrapped when it has this many lines, the widest
# between the two wrap widths, and every line but the last fills _WRAP_FILL of it.
_MIN_WRAPPED_LINES = 3
_MIN_WRAP_WIDTH, _MAX_WRAP_WIDTH = 50, 100
_WRAP_FILL = 0.6

# Titles and short forms that never end a sentence before a name or word.
_ABBREVIATIONS = frozenset(
    "dr mr mrs ms mx prof gen sen rep reps sens st gov lt col sgt capt maj adm rev hon pres "
    "cmdr supt insp det cpl pte messrs mt ft jr sr inc corp ltd co bros dept univ est "
    "vs v e.g i.e cf viz approx ca al".split()
)
# These stay inside a sentence whatever follows them.
_NEVER_FINAL = frozenset("vs v e.g i.e cf viz".split())
# Labels before a number ("No. 5", "Art. 4", "Feb. 24"): not final when a number follows.
_BEFORE_NUMBER = frozenset(
    "no nos art arts vol vols p pp fig figs sec para paras ch cl op ed "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
# After an abbreviation or dotted acronym ("the U.S. The ..."), a new sentence
# is assumed only when one of these common sentence openers follows.
_SENTENCE_OPENERS = frozenset(
    "the he she it they we you this that these those there his her their its our "
    "but and so yet however meanwhile in on at for after before when while if as "
    "then now some many most both all officials an".split()
)
_WORD_BEFORE = re.compile(r"([A-Za-z](?:[A-Za-z]|\.(?=[A-Za-z]))*)$")
_NEXT_WORD = re.compile(r"\s*[“‘\"'(\[]*([A-Za-z]+|\d+)")
_ROMAN = re.compile(r"[IVXLC]+$")
_LOOKAROUND = 40  # characters read either side of a mark: enough for one word


def split_sentences(text: str, passages: Sequence[Passage]) -> list[Sentence]:
    """Split each passage of ``text`` into sentences with document offsets."""
    sentences: list[Sentence] = []
    for passage in passages:
        sentences.extend(_passage_sentences(text, passage))
    return sentences


def _passage_sentences(text: str, passage: Passage) -> list[Sentence]:
    start, end = max(passage.start, 0), min(passage.end, len(text))
    if passage.kind == "heading":
        sentence = _stripped(text, start, end, is_heading=True)
        return [sentence] if sentence else []
    chunk = text[start:end]
    cuts = sorted(set(_line_cuts(chunk)) | set(_punctuation_cuts(chunk)))
    bounds = [0, *cuts, len(chunk)]
    found = (_stripped(text, start + a, start + b) for a, b in pairwise(bounds))
    return [sentence for sentence in found if sentence]


def _stripped(text: str, start: int, end: int, is_heading: bool = False) -> Sentence | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return None
    return Sentence(start=start, end=end, text=text[start:end], is_heading=is_heading)


def _line_cuts(chunk: str) -> list[int]:
    """Cut after a line that ends without punctuation when a new line starts with a capital.

    A blank line always cuts. A line ending in a comma, a next line starting in
    lower case, or a passage whose lines all fill one width is taken as
    hard-wrapped prose and joined.
    """
    cuts = []
    lines = chunk.split("\n")
    wrapped = _hard_wrapped(lines)
    offset = 0
    for line, following in pairwise(lines):
        offset += len(line) + 1
        before, after = line.rstrip(), following.lstrip()
        if not before or not after:
            cuts.append(offset)
        elif wrapped or before[-1] in _CLOSERS + _CONTINUES_LINE:
            continue
        elif _starts_sentence(after):
            cuts.append(offset)
    return cuts


def _hard_wrapped(lines: list[str]) -> bool:
    """Three or more lines, all but the last close to the widest: a wrap width.

    Headline lines kept inside a passage are shorter than the prose after them.
    """
    lengths = [len(line.strip()) for line in lines]
    if len(lengths) < _MIN_WRAPPED_LINES or not all(lengths):
        return False
    width = max(lengths)
    return _MIN_WRAP_WIDTH <= width <= _MAX_WRAP_WIDTH and min(lengths[:-1]) >= _WRAP_FILL * width


def _starts_sentence(rest: str) -> bool:
    return bool(rest) and (rest[0].isupper() or rest[0].isdigit() or rest[0] in _OPENERS)


def _punctuation_cuts(chunk: str) -> list[int]:
    quoted_until = _quoted_until(chunk)
    cuts = []
    i = 0
    while i < len(chunk):
        if chunk[i] in _TERMINALS:
            end = _extend_over_closers(chunk, i)
            if _is_boundary(chunk, i, end, quoted_until):
                cuts.append(end)
            i = end
        else:
            i += 1
    return cuts


def _extend_over_closers(chunk: str, i: int) -> int:
    end = i + 1
    while end < len(chunk) and chunk[end] in _CLOSERS:
        end += 1
    return end


def _is_boundary(chunk: str, mark: int, end: int, quoted_until: Callable[[int], int]) -> bool:
    rest = chunk[end : end + _LOOKAROUND]
    if rest and not rest[0].isspace():
        return False  # "3.5", "U.S.", "e.g.": no space after the mark
    if rest.strip() and not _starts_sentence(rest.lstrip()):
        return False
    if quoted_until(mark) >= end:
        return False  # the quotation goes on after this mark
    if chunk[mark] == "." and not chunk[mark + 1 : end].strip(_TERMINALS):
        return _full_stop_ends(chunk, mark, rest)
    return True


def _full_stop_ends(chunk: str, mark: int, rest: str) -> bool:
    """Whether a full stop (plus closers) ends a sentence, given the word before it."""
    found = _WORD_BEFORE.search(chunk[max(0, mark - _LOOKAROUND) : mark])
    if not found or (mark > 0 and chunk[mark - 1] == "."):
        return True  # no word, or the last dot of "..."
    word = found.group(1)
    key = word.lower()
    following = _NEXT_WORD.match(rest)
    next_word = following.group(1) if following else ""
    if key in _NEVER_FINAL:
        return False
    if len(word) == 1 and word.isupper():
        return False  # an initial: "J. R. Smith"
    if key in _BEFORE_NUMBER and (next_word.isdigit() or _ROMAN.match(next_word)):
        return False
    if key in _ABBREVIATIONS or "." in word:
        return next_word.lower() in _SENTENCE_OPENERS
    return True


def _quoted_until(chunk: str) -> Callable[[int], int]:
    """For an index, the furthest closing mark of a quotation opened before it (-1 if none).

    Looked up by bisection over the quotations, not tabled for every character of
    the chunk: a one-line page is one chunk of megabytes.
    """
    starts: list[int] = []  # the first index inside each quotation, in order
    reaches: list[int] = []  # the furthest close of the quotations opened so far
    for open_, close in sorted(_quote_spans(chunk)):
        reach = max(close, reaches[-1]) if reaches else close
        if starts and starts[-1] == open_ + 1:
            reaches[-1] = reach
        else:
            starts.append(open_ + 1)
            reaches.append(reach)

    def quoted_until(index: int) -> int:
        found = bisect.bisect_right(starts, index) - 1
        return reaches[found] if found >= 0 else -1

    return quoted_until


def _quote_spans(chunk: str) -> list[tuple[int, int]]:
    """(open, close) indices of quotations that open and close inside ``chunk``."""
    spans = _paired(chunk, "“”", lambda i: chunk[i] == "“", lambda i: chunk[i] == "”")
    spans += _paired(chunk, "«»", lambda i: chunk[i] == "«", lambda i: chunk[i] == "»")
    spans += _paired(
        chunk, '"', lambda i: _opens_straight(chunk, i), lambda i: _closes(chunk, i, '"')
    )
    spans += _paired(
        chunk, "‘’", lambda i: _opens_single(chunk, i), lambda i: _closes(chunk, i, "’")
    )
    return spans


def _paired(
    chunk: str, marks: str, opens: Callable[[int], bool], closes: Callable[[int], bool]
) -> list[tuple[int, int]]:
    """Pair each opening mark with the next closing mark; a reopened quote drops the first.

    Only the places of ``marks`` are looked at (``opens`` and ``closes`` are false
    elsewhere): calling them at every character was most of segmenting's time.
    """
    spans = []
    pending = None
    for found in re.finditer(f"[{re.escape(marks)}]", chunk):
        i = found.start()
        if opens(i):
            pending = i
        elif closes(i) and pending is not None:
            spans.append((pending, i))
            pending = None
    return spans


def _opens_straight(chunk: str, i: int) -> bool:
    if chunk[i] != '"':
        return False
    before_ok = i == 0 or chunk[i - 1].isspace() or chunk[i - 1] in "([{—–-"
    return before_ok and i + 1 < len(chunk) and not chunk[i + 1].isspace()


def _opens_single(chunk: str, i: int) -> bool:
    # "‘90s" uses the mark as an apostrophe, so a digit after it does not open.
    if chunk[i] != "‘" or i + 1 >= len(chunk):
        return False
    return not chunk[i + 1].isspace() and not chunk[i + 1].isdigit()


def _closes(chunk: str, i: int, mark: str) -> bool:
    """A closing mark follows a non-space and is not followed by a letter.

    This keeps the apostrophes in "that’s" and "Russia’s" from closing a quote.
    """
    if chunk[i] != mark or i == 0 or chunk[i - 1].isspace():
        return False
    return i + 1 == len(chunk) or not chunk[i + 1].isalnum()
