"""What reading one fetched document gives (``verify.ingest.document``), as it flows
to the writer: a record with no dependence on how it was read, so the pipeline and
the writer need not load the readers (issue 14: commands start fast)."""

from __future__ import annotations

from dataclasses import dataclass, field

from verify.records import Claim, Extracted, Fact, Fetched


@dataclass(frozen=True)
class Analysed:
    fetched: Fetched
    extracted: Extracted
    claims: list[Claim]
    # A reference's facts, each with the index of the passage it was read from.
    facts: list[tuple[int | None, Fact]] = field(default_factory=list)
