"""The steps that made a large page slow to ingest (issue 12), rewritten to scale,
must find exactly what they found before. Timings are in benchmarks/, not here."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from verify.claims import (
    ROLE_HEADS,
    claims_from_sentences,
    find_attributions,
    find_people,
    split_sentences,
    trie_alternation,
)
from verify.cli import cli
from verify.records import Passage
from verify.store import open_db

# The vocabularies are lower-case, matched case-insensitively.
WORDS = st.text(alphabet="ab -", min_size=1, max_size=6)


def flat(phrases: list[str]) -> str:
    """The alternation as it was built before: every phrase, longest first."""
    return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))


def spans(pattern: str, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(pattern, text)]


@given(st.lists(WORDS, min_size=1, max_size=12), st.text(alphabet="abAB -x", max_size=40))
def test_a_trie_alternation_matches_what_the_flat_one_matched(
    phrases: list[str], text: str
) -> None:
    trie = trie_alternation([p] for p in phrases)
    assert spans(f"(?i:{trie})", text) == spans(f"(?i:{flat(phrases)})", text)
    # When what follows rejects the longest phrase, the next longest is tried, as before.
    assert spans(f"(?i:{trie})x", text) == spans(f"(?i:{flat(phrases)})x", text)


def test_office_words_joined_by_spaces_or_hyphens_match_as_before() -> None:
    text = "the vice-president, the vice  president, the prime minister, a minister"
    gap = r"[\s-]+"
    old = "|".join(
        gap.join(re.escape(w) for w in re.split(gap, phrase))
        for phrase in sorted(ROLE_HEADS, key=len, reverse=True)
    )
    new = trie_alternation((re.split(gap, phrase) for phrase in ROLE_HEADS), gap)
    assert spans(f"(?i:{new})", text) == spans(f"(?i:{old})", text)
    assert len(spans(f"(?i:{new})", text)) == 4


def test_a_long_unpunctuated_sentence_keeps_every_speaker() -> None:
    # One "sentence" of 400 speakers: every name and every speech verb is found once.
    text = " and ".join(
        f"Anna Sm{chr(97 + n // 26)}{chr(97 + n % 26)} said the vote was close" for n in range(400)
    )
    assert len(find_people(text)) == 400
    assert len(find_attributions(text)) == 400


def test_claims_find_their_passage_on_a_page_of_many_paragraphs() -> None:
    paragraphs = [f"Minister Anna Smith said {n + 2} people left on 3 May 2021." for n in range(60)]
    text = "\n\n".join(paragraphs)
    passages, start = [], 0
    for paragraph in paragraphs:
        passages.append(Passage("paragraph", start, start + len(paragraph), paragraph))
        start += len(paragraph) + 2
    claims = claims_from_sentences(split_sentences(text, passages), None, passages)
    assert [c.start for c in claims] == [p.start for p in passages]


def test_stored_claims_point_at_their_own_passage(tmp_path: Path) -> None:
    page = tmp_path / "many.txt"
    page.write_text(
        "\n\n".join(
            f"On 3 May 2021 the council of Town{n} counted {n + 2} votes." for n in range(80)
        )
    )
    db_path = tmp_path / "c.db"
    result = CliRunner().invoke(cli, ["ingest", str(page), "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    rows = list(
        open_db(db_path).query(
            """select claims.start, passages.start as p_start, passages."end" as p_end
            from claims join passages on passages.id = claims.passage_id"""
        )
    )
    assert len(rows) == 80
    assert all(row["p_start"] <= row["start"] < row["p_end"] for row in rows)
