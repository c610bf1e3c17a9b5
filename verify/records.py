"""The records that flow between pipeline stages.

Each stage takes and returns these frozen dataclasses rather than dicts, so a
stage's contract is visible in its signature. Offsets are character offsets
into ``Extracted.text`` (the text stored in ``documents.text``), half-open
``[start, end)``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum


def utc_now() -> str:
    """Now, as every record and row writes a time: UTC, "YYYY-MM-DDTHH:MM:SSZ"."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class Provenance:
    """Where a document came from beyond its URL, for the sources that keep history:
    which revision of a wiki page or Wikidata item was read, which Wayback Machine
    capture of which original URL. Empty for a plain page or file."""

    revision_id: str | None = None  # Wikidata's lastrevid, Wikipedia's revid
    revision_timestamp: str | None = None  # when that revision was made, UTC "...Z"
    original_url: str | None = None  # the URL an archive captured
    captured_at: str | None = None  # when the archive captured it, UTC "...Z"
    title: str | None = None  # the title the service gives a page that has none in it


@dataclass(frozen=True)
class Fetched:
    """Exactly what was read from one source, before any extraction."""

    source: str  # as given on the command line
    url: str | None  # final URL after redirects; None for a local file
    status: int | None  # HTTP status; None for a local file
    content_type: str | None  # media type without parameters, e.g. "text/html"
    fetched_at: str  # UTC, "YYYY-MM-DDTHH:MM:SSZ"
    body: bytes  # raw bytes as received (after transfer decoding)
    encoding: str  # charset used to decode ``text``
    text: str  # the body decoded ("" for a PDF, whose text is read page by page)
    warnings: tuple[str, ...] = ()
    # The response's validators, sent back by a refresh (conditional GET); None for a file.
    etag: str | None = None
    last_modified: str | None = None
    provenance: Provenance = field(default_factory=Provenance)
    # Further responses the body is read with (Wikidata: the labels of the items
    # its statements point to); the body alone is what ``sha256`` identifies.
    related: tuple[Fetched, ...] = ()

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.body).hexdigest()


@dataclass(frozen=True)
class Metadata:
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    # ISO date "YYYY-MM-DD"; None when the page gives none (never "today").
    published: str | None = None
    # Full timestamp when the page gives one, ISO 8601 as found (offset kept).
    published_at: str | None = None
    # Where the date was found: "json-ld", "meta", "time", "dateline", "url",
    # "htmldate"; " modified" added when only an update date was given.
    published_source: str | None = None


@dataclass(frozen=True)
class Passage:
    """A block of the main text: a paragraph, heading, list item or table row."""

    kind: str  # "heading" | "paragraph" | "list_item" | "table_row"
    start: int
    end: int
    text: str
    page: int | None = None  # the page of a PDF the passage is on, from 1


@dataclass(frozen=True)
class Extracted:
    """Main text without boilerplate, split into passages, plus metadata."""

    text: str  # passages joined by blank lines; offsets point here
    passages: tuple[Passage, ...]
    metadata: Metadata


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    is_heading: bool = False


# --- claim slots -----------------------------------------------------------
# Every slot keeps the text it was read from and its offsets, so a reviewer
# can see exactly which words produced it.


@dataclass(frozen=True)
class Quantity:
    value: float  # 6.0 for "six times"
    counted: str  # the thing counted: "times", "member states", "soldiers"
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class DateRef:
    # "YYYY", "YYYY-MM" or "YYYY-MM-DD": as precise as the text is.
    value: str
    # How the date relates to the claim: "on", "in", "since", "until", "by", ...
    relation: str
    text: str
    start: int
    end: int
    resolved: bool = False  # True when computed from a relative expression


@dataclass(frozen=True)
class PersonRole:
    name: str
    role: str | None  # "president", "defence secretary", None when unnamed
    organisation: str | None  # "Lithuania", "NATO", "American", ...
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Quotation:
    text: str  # the words inside the quotation marks
    speaker: str | None
    start: int  # offsets of the quoted words, without the marks
    end: int


@dataclass(frozen=True)
class Attribution:
    source: str  # "the Belarus defence ministry", "the Washington Examiner"
    anonymous: bool  # "an anonymous European official", "officials said"
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Provision:
    name: str  # normalised: "Article 4"
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Slots:
    quantities: tuple[Quantity, ...] = ()
    dates: tuple[DateRef, ...] = ()
    people: tuple[PersonRole, ...] = ()
    quotations: tuple[Quotation, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    provisions: tuple[Provision, ...] = ()

    def kinds(self) -> tuple[str, ...]:
        """The claim kinds these slots make, in a fixed order."""
        names = (
            ("quantity", self.quantities),
            ("date", self.dates),
            ("person", self.people),
            ("quotation", self.quotations),
            ("attribution", self.attributions),
            ("provision", self.provisions),
        )
        return tuple(name for name, values in names if values)


@dataclass(frozen=True)
class Claim:
    sentence: Sentence
    start: int  # the claim's own span; a clause may be shorter than its sentence
    end: int
    text: str
    slots: Slots = field(default_factory=Slots)
    checkworthiness: float = 0.0  # 0..1

    @property
    def kinds(self) -> tuple[str, ...]:
        return self.slots.kinds()


# --- checking ----------------------------------------------------------------


class Verdict(StrEnum):
    SUPPORTED = "supported"
    CONTRADICTED = "contradicted"
    UNVERIFIED = "unverified"


@dataclass(frozen=True)
class StoredClaim:
    """A claim as read back from the database, with the document it came from."""

    id: int
    document_id: int
    source: str
    published: str | None
    claim: Claim


@dataclass(frozen=True)
class ReferencePassage:
    """A passage of a reference document, with the provenance a reviewer needs."""

    id: int
    document_id: int
    source: str
    url: str | None
    fetched_at: str
    sha256: str
    published: str | None
    start: int  # offsets into the reference document's text
    end: int
    text: str
    # Where exactly the passage was read (see ``Provenance``); None when not known.
    page: int | None = None
    revision_id: str | None = None
    revision_timestamp: str | None = None
    original_url: str | None = None
    captured_at: str | None = None


@dataclass(frozen=True)
class Evidence:
    passage: ReferencePassage
    score: float  # 0..100, how well the claim matches the passage
    start: int  # the matched span, offsets into the reference document's text
    end: int

    @property
    def span(self) -> str:
        offset = self.passage.start
        return self.passage.text[self.start - offset : self.end - offset]


@dataclass(frozen=True)
class Finding:
    """One slot compared with one piece of evidence."""

    verdict: Verdict
    reason: str
    evidence: Evidence | None = None
    # Which check found it ("quantity", "date", "quotation", "provision",
    # "negation", "office", "count", "restated"), so the document's assessment
    # can name what kind of problem it is.
    check: str = ""
    # The claim's detail it is about, as the claim writes it ("six permanent
    # members", "on 20 July 1969"); "" for a finding about the claim as a whole.
    detail: str = ""


@dataclass(frozen=True)
class Judgement:
    claim: StoredClaim
    verdict: Verdict
    reasons: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    findings: tuple[Finding, ...] = ()
    at: str | None = None  # the date the claim was judged as of


# --- dated reference facts (time-aware checking) -----------------------------


@dataclass(frozen=True)
class Fact:
    """A dated fact read out of a reference passage, kept with that passage.

    kind "term":      ``holder`` held ``office`` from ``start_date`` to ``end_date``
                      (None: still in office, or not given); ``ordinal`` is the
                      holder's number when the reference gives it ("the eighth").
    kind "event":     something happened on ``date``; events of one list or table
                      share a ``group`` (its heading), so they can be counted;
                      ``status`` says when it did not take place ("not held",
                      "planned").
    kind "value":     ``measure`` was ``value`` as of ``date`` ("members", 30), or
                      from ``start_date`` to ``end_date`` when the text bounds it.
    kind "page_date": the reference page's own date ("Last updated ...").
    Dates are ISO "YYYY", "YYYY-MM" or "YYYY-MM-DD", as precise as the text.
    ``subject`` is what the fact is about when the text names it ("Norvania", "Standing
    Board"); ``dated_by`` says where its date came from: "text" (its own words),
    "page" (the page's date line, for a figure stated without a date) or "period"
    (the years the page or section covers, "The missions, 1968–1972").
    """

    kind: str
    text: str  # the words the fact was read from
    date: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    holder: str | None = None
    office: str | None = None
    measure: str | None = None
    value: float | None = None
    group: str | None = None
    passage_id: int | None = None
    document_id: int | None = None
    subject: str | None = None
    ordinal: int | None = None
    status: str | None = None
    dated_by: str | None = None


# --- a document's date and cross-document conflicts --------------------------


@dataclass(frozen=True)
class InferredEvidence:
    """When an undated article was probably written, and the passages that say so."""

    date: str
    reason: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Conflict:
    """Claims of different articles about the same fact that disagree."""

    reason: str
    claims: tuple[tuple[str, StoredClaim, str | None], ...]  # (source, claim, as of)


# --- the reference library ------------------------------------------------------------


@dataclass(frozen=True)
class LibraryEntry:
    """One reference source of the library (`verify refs list`), at its latest version."""

    id: int
    source: str
    document_id: int
    version: int
    url: str | None
    title: str | None
    sha256: str
    fetched_at: str
    added_at: str
    refreshed_at: str | None
    tags: tuple[str, ...]
    passages: int
    facts: int


# --- reviewers' decisions ------------------------------------------------------


class Rating(StrEnum):
    """A reviewer's rating of a claim, in the words fact-checkers publish, truest first."""

    TRUE = "true"
    MOSTLY_TRUE = "mostly-true"
    MISLEADING = "misleading"
    FALSE = "false"
    UNPROVEN = "unproven"

    @property
    def label(self) -> str:
        """The rating as a reader sees it: "Mostly true"."""
        return self.value.replace("-", " ").capitalize()


# A decision that rates nothing yet: the claim needs another look.
NEEDS_WORK = "needs-work"
# The first review words, kept as aliases of ratings. They describe the claim, not
# the tool's verdict: "confirmed" is "the claim is true", whatever the tool said.
RATING_ALIASES = {"confirmed": Rating.TRUE, "rejected": Rating.FALSE}
