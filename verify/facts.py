"""Dated facts read out of reference passages, so a claim can be checked as of its date.

A 2022 article's "six requests so far" is right even if a 2025 page says nine, so the
checker needs what a reference says *when*: who held an office from when to when
(``term``), what a measure was as of a date (``value``), what happened on which day
(``event``) and the page's own date (``page_date``). They are read from the shapes
reference pages use for them, by column header and cell content, never by topic:

- table rows ``Header: value; Header: value`` with a person, an office and start/end
  columns (terms), or one date column and numeric columns (values) or none (events);
- infobox rows ``Label: value``: "Members: 32 (as of 7 March 2024)", "Chair: Jane Roe
  (since 2020)";
- list items that open with a date ("10 February 2003 – ...");
- prose: "X's president since 2019 is Jane Roe"; counts on a dated page ("invoked
  seven times" is a count as of the page's date, or of "up to 24 February 2022").

Dates are never invented: "June 2012" stays "2012-06". Pure functions, no database.

Groups: events (and table values) of one list or table share ``group``, the heading
they sit under, or ``NO_HEADING``. A heading is unique only within its document, so a
series is identified by ``(document_id, group)``; ``event_series`` groups that way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from verify.records import DateRef, Extracted, Fact, Passage
from verify.segment import split_sentences
from verify.slots.dates import FIRST_YEAR, LAST_YEAR, find_dates
from verify.slots.numbers import find_quantities
from verify.slots.people import NAME, find_people
from verify.slots.roles import (
    DEMONYMS,
    ROLE,
    ROLE_HEADS,
    STOPWORDS,
    UPPER,
    is_plausible_name,
    normalise_role,
)

Found = tuple[int, Fact]  # (index of the passage the fact was read from, the fact)
NO_HEADING = "(no heading)"
MAX_PAGE_DATE_LINE = 80  # a page's date stands on a short line of its own


@dataclass(frozen=True)
class _Page:
    title: str | None  # the first heading: what the page is about
    as_of: str | None  # the page's date, for counts that carry no date of their own


# --- entry points ----------------------------------------------------------------------


def document_facts(extracted: Extracted) -> list[Found]:
    """The facts of one extracted document; its metadata date stands in for a page
    date line the extractor dropped as a dateline."""
    passages = extracted.passages
    return extract_facts(passages, nearest_headings(passages), extracted.metadata.published)


def nearest_headings(passages: Sequence[Passage]) -> list[str | None]:
    """For each passage, the text of the nearest heading before it (None if none)."""
    headings: list[str | None] = []
    current = None
    for passage in passages:
        headings.append(current)
        if passage.kind == "heading":
            current = passage.text
    return headings


def extract_facts(
    passages: Sequence[Passage], headings: Sequence[str | None], page_date: str | None = None
) -> list[Found]:
    """Every dated fact in ``passages``, with the index of the passage it came from.

    ``headings[i]`` is the heading passage ``i`` sits under. ``page_date`` is a
    fallback for the page's date when no passage states it ("Last updated: ...").
    """
    line = _page_date_line(passages)
    title = next((p.text for p in passages if p.kind == "heading"), None)
    page = _Page(title, line[1] if line else page_date)
    found: list[Found] = []
    if line:
        found.append((line[0], Fact("page_date", passages[line[0]].text, date=line[1])))
    for index, passage in enumerate(passages):
        heading = headings[index] if index < len(headings) else None
        found.extend((index, fact) for fact in _passage_facts(passage, heading, page))
    return found


def page_date(passages: Sequence[Passage]) -> str | None:
    """The page's own date from a line like "Last updated: 12 July 2023", as ISO."""
    line = _page_date_line(passages)
    return line[1] if line else None


def event_series(facts: Iterable[Fact]) -> dict[tuple[int | None, str | None], list[Fact]]:
    """Events by (document, group), each series in date order."""
    series: dict[tuple[int | None, str | None], list[Fact]] = {}
    for fact in facts:
        if fact.kind == "event":
            series.setdefault((fact.document_id, fact.group), []).append(fact)
    return {key: sorted(events, key=lambda f: f.date or "") for key, events in series.items()}


def _passage_facts(passage: Passage, heading: str | None, page: _Page) -> list[Fact]:
    if passage.kind == "heading":
        return []
    if passage.kind == "table_row":
        return _row_facts(passage.text, heading, page)
    if passage.kind == "list_item":
        event = _list_event(passage.text, heading)
        if event is not None:
            return [event]
    return _prose_facts(passage, page)


# --- dates -----------------------------------------------------------------------------

_PAGE_DATE = re.compile(
    r"^\W*(?:this\s+(?:page|article|entry)\s+was\s+)?(?:(?:last|page|content)\s+)?"
    r"(?:updated|reviewed|modified|revised|edited|checked)(?:\s+(?:on|at))?\s*:?\s*(?P<rest>.+)$"
    r"|^\W*(?:correct\s+|accurate\s+)?as\s+(?:of|at)\s*:?\s*(?P<asof>.+)$",
    re.IGNORECASE,
)
_AFTER_DATE = re.compile(r"[\s.,;)\]]*(?:(?:at\s+)?\d{1,2}[:.]\d\d\b.*)?$")
_BARE_YEAR = re.compile(r"(?<![\w.,£$€])(?P<year>\d{4})(?![\w%]|[.,]\d)")
_OPEN_END = re.compile(
    r"^\W*(?:incumbent|present|current|now|to date|in office|ongoing)?\W*$", re.I
)
_RANGE = re.compile(r"\s*(?:[–—]|\s-\s|(?<=\d{4})-(?=\d{4}|present)|\bto\b|\buntil\b)\s*", re.I)


def _page_date_line(passages: Sequence[Passage]) -> tuple[int, str] | None:
    """(index, date) of the latest page-level date line."""
    best: tuple[int, str] | None = None
    for index, passage in enumerate(passages):
        if passage.kind == "table_row" or len(passage.text) > MAX_PAGE_DATE_LINE:
            continue
        match = _PAGE_DATE.match(passage.text.strip())
        value = _leading_date(match.group("rest") or match.group("asof")) if match else None
        if value and (best is None or value > best[1]):
            best = (index, value)
    return best


def _leading_date(text: str) -> str | None:
    """The date ``text`` consists of, allowing a time or full stop after it."""
    refs = [ref for ref in find_dates(text) if ref.value]
    if refs and refs[0].start == 0 and _AFTER_DATE.match(text, refs[0].end):
        return refs[0].value
    return None


def _whole_date(text: str) -> str | None:
    """The date a cell holds when the cell is nothing but a date ("4 April 1949", "2015")."""
    text = re.sub(r"\[[^\]]*\]", "", text).strip(" .,;*")
    refs = [ref for ref in find_dates(text) if ref.value]
    if len(refs) == 1 and refs[0].start == 0 and refs[0].end == len(text):
        return refs[0].value
    bare = _BARE_YEAR.fullmatch(text)
    return _year(bare.group("year")) if bare else None


def _year(text: str) -> str | None:
    return text if FIRST_YEAR <= int(text) <= LAST_YEAR else None


def _cell_date(text: str) -> str | None:
    """The first date in a start or end cell; "Incumbent", "present" or "–" is None."""
    if _OPEN_END.match(text):
        return None
    refs = [ref for ref in find_dates(text) if ref.value]
    if refs:
        return refs[0].value
    bare = _BARE_YEAR.search(text)  # a bare year in a date column is a year
    return _year(bare.group("year")) if bare else None


def _range_dates(text: str) -> tuple[str | None, str | None]:
    """(start, end) of "12 July 2009 – 12 July 2019", "2009–present", "2001 to 2005"."""
    parts = _RANGE.split(text, maxsplit=1)
    end = _cell_date(parts[1]) if len(parts) == 2 else None
    return _cell_date(parts[0]), end


def _span_from_refs(refs: Sequence[DateRef], verb: str | None) -> tuple[str | None, str | None]:
    """(start, end) of a term from its dates: "since"/"from" start it, "until" ends it;
    a date without a relation word follows ``verb`` ("became ... on"), and a second
    plain date after a start ends the term ("from 2001 and 2005", "2009 – 2019")."""
    start = end = None
    for ref in refs:
        if ref.relation in ("since", "from") and start is None:
            start = ref.value
        elif ref.relation == "until" and end is None:
            end = ref.value
        elif ref.relation in ("", "in", "on"):
            if start is not None and end is None and ref.relation == "":
                end = ref.value
            elif verb == "start" and start is None:
                start = ref.value
            elif verb == "end" and end is None:
                end = ref.value
    return start, end


# --- table rows ------------------------------------------------------------------------

_CELL_BREAK = re.compile(r";\s+(?=[^;:]{1,60}:\s)")
_COLUMNS = {
    "person": "holder, name, person, incumbent, officeholder, office holder, office-holder, "
    "leader, member, officer, name of holder",
    "office": "office, position, title, role, post, portfolio, office held, seat",
    "start": "took office, assumed office, entered office, from, start, since, term start, "
    "term began, start date, began, in office from, appointed, sworn in, inaugurated, "
    "start of term",
    "end": "left office, to, until, end, term end, term ended, end date, ended, "
    "in office until, left, end of term",
    "range": "term, term of office, in office, tenure, years, period, years in office, served, "
    "dates",
}
_COLUMN_NAMES = {
    kind: frozenset(name.strip() for name in names.split(",")) for kind, names in _COLUMNS.items()
}
_DATE_HEADERS = frozenset("date year as of when day month".split())
_ID_HEADERS = frozenset("no number # rank id code ref seq order".split())
_NUMBER_CELL = re.compile(
    r"^[~≈]?\s*(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*"
    r"(?P<scale>thousand|million|billion|trillion|bn|m|k)?\s*(?:%|per\s?cent|percent)?\s*"
    r"(?:\([^)]*\))?\s*(?:\[[^\]]*\])?\s*$",
    re.IGNORECASE,
)
_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9}


def row_cells(text: str) -> list[tuple[str, str]]:
    """(header, value) cells of a table row passage; header "" when unlabelled."""
    cells = []
    for segment in _CELL_BREAK.split(text):
        label, sep, value = segment.partition(": ")
        if sep and len(label) <= 60:
            cells.append((label.strip(), value.strip()))
        else:
            cells.append(("", segment.strip()))
    return cells


def _header_key(header: str) -> str:
    return " ".join(re.sub(r"\[[^\]]*\]|[^\w\s#-]", " ", header.lower()).split())


def _column_kind(header: str) -> str | None:
    key = _header_key(header)
    for kind, names in _COLUMN_NAMES.items():
        if key in names:
            return kind
    return None


def _row_facts(text: str, heading: str | None, page: _Page) -> list[Fact]:
    cells = row_cells(text)
    if len(cells) == 1 and cells[0][0]:
        return _infobox_facts(cells[0][0], cells[0][1], text, heading, page)
    term = _row_term(cells, text, heading)
    return [term] if term else _row_series(cells, text, heading)


def _row_term(cells: list[tuple[str, str]], text: str, heading: str | None) -> Fact | None:
    columns: dict[str, tuple[str, str]] = {}
    for header, value in cells:
        kind = _column_kind(header)
        if kind and kind not in columns:
            columns[kind] = (header, value)
    person = columns.get("person") or _role_named_column(cells)
    holder = _holder(person[1]) if person else None
    if person is None or holder is None:
        return None
    start = _cell_date(columns["start"][1]) if "start" in columns else None
    end = _cell_date(columns["end"][1]) if "end" in columns else None
    if start is None and end is None and "range" in columns:
        start, end = _range_dates(columns["range"][1])
    office = columns["office"][1] if "office" in columns else _office_from_heading(heading)
    office = office or (person[0] if _is_role(person[0]) else None)
    if (start is None and end is None) or not office:
        return None
    return Fact("term", text, start_date=start, end_date=end, holder=holder, office=office)


def _role_named_column(cells: list[tuple[str, str]]) -> tuple[str, str] | None:
    """A column headed by an office ("President") that holds a name."""
    for header, value in cells:
        if _is_role(header) and _holder(value):
            return header, value
    return None


def _is_role(text: str) -> bool:
    return bool(text) and re.fullmatch(ROLE, text.strip()) is not None


def _holder(value: str) -> str | None:
    name = re.sub(r"\([^)]*\)|\[[^\]]*\]", "", value).strip(" ,;*")
    if re.fullmatch(NAME, name) and is_plausible_name(name):
        return name
    return None


def _singular(word: str) -> str:
    lowered = word.lower()
    for suffix, replacement in (("ies", "y"), ("es", ""), ("s", "")):
        if lowered.endswith(suffix) and lowered[: -len(suffix)] + replacement in ROLE_HEADS:
            return word[: -len(suffix)] + replacement
    return word


def _office_from_heading(heading: str | None) -> str | None:
    """ "Presidents of Ruritania" over a table of names -> "President of Ruritania"."""
    if not heading:
        return None
    text = re.sub(r"^(?:list|table|timeline)\s+of\s+", "", heading.strip(), flags=re.I)
    head, sep, rest = text.partition(" of ")
    head = " ".join(_singular(word) for word in head.split())
    return head + sep + rest if _is_role(head) else None


def _row_series(cells: list[tuple[str, str]], text: str, heading: str | None) -> list[Fact]:
    """A row of a dated series: numeric columns make values, none makes an event."""
    dated = [(header, date) for header, value in cells if (date := _column_date(header, value))]
    spans = any(_column_kind(header) in ("start", "end", "range") for header, _ in cells)
    if len(dated) != 1 or spans:  # a row with a start or end is a term, not a moment
        return []
    date_header, date = dated[0]
    group = heading or NO_HEADING
    values = [
        Fact("value", text, date=date, measure=_header_key(header), value=number, group=group)
        for header, value in cells
        if header and header != date_header and _header_key(header) not in _ID_HEADERS
        if (number := _cell_number(value)) is not None
    ]
    return values or [Fact("event", text, date=date, group=group)]


def _column_date(header: str, value: str) -> str | None:
    if _header_key(header) in _DATE_HEADERS or "date" in _header_key(header).split():
        return _cell_date(value)
    return _whole_date(value)


def _cell_number(value: str) -> float | None:
    match = _NUMBER_CELL.match(value.strip())
    if match is None:
        return None
    scale = _SCALES.get((match.group("scale") or "").lower(), 1.0)
    return float(match.group("n").replace(",", "")) * scale


# --- infobox rows ----------------------------------------------------------------------


def _infobox_facts(
    label: str, value: str, text: str, heading: str | None, page: _Page
) -> list[Fact]:
    term = _infobox_term(label, value, text, heading, page)
    if term is not None:
        return [term]
    date = _whole_date(value)
    if date:
        return [Fact("event", text, date=date, group=heading or NO_HEADING)]
    number = _cell_number(value)
    own = [ref.value for ref in find_dates(value) if ref.value]
    as_of = own[0] if own else page.as_of
    if number is None or as_of is None:
        return []
    return [Fact("value", text, date=as_of, measure=_header_key(label), value=number)]


def _infobox_term(
    label: str, value: str, text: str, heading: str | None, page: _Page
) -> Fact | None:
    """ "Secretary General: Jane Roe (since 1 October 2024)" on a page about a body."""
    name, _, rest = value.partition("(")
    holder = _holder(name)
    if not _is_role(label) or holder is None:
        return None
    if _RANGE.search(rest):
        start, end = _range_dates(rest.rstrip(") "))
    else:
        start, end = _span_from_refs([r for r in find_dates(rest) if r.value], "start")
    if start is None and end is None:
        return None
    body = _page_subject(heading, page.title)
    office = label if " of " in label or not body else f"{label} of {body}"
    return Fact("term", text, start_date=start, end_date=end, holder=holder, office=office)


def _page_subject(heading: str | None, title: str | None) -> str | None:
    """The page's subject; an infobox caption that extends it ("X (XO)") says more."""
    if heading and title and heading.lower().startswith(title.lower()):
        return heading
    return title


# --- list items --------------------------------------------------------------------------

_SEPARATOR = re.compile(r"\s*(?:[–—:|]|-\s|,)\s*\S")
_LEADING_YEAR = re.compile(r"(?P<year>\d{4})(?=\s*(?:[–—:|]|-\s|,)\s*\S)")


def _list_event(text: str, heading: str | None) -> Fact | None:
    """ "10 February 2003 – X requested ...", "June 2012: ...", "2015 — ..."."""
    refs = [ref for ref in find_dates(text) if ref.value]
    date = None
    if refs and refs[0].start == 0 and refs[0].relation in ("", "in", "on"):
        date = refs[0].value if _SEPARATOR.match(text, refs[0].end) else None
    elif match := _LEADING_YEAR.match(text):
        date = _year(match.group("year"))
    return Fact("event", text, date=date, group=heading or NO_HEADING) if date else None


# --- prose -------------------------------------------------------------------------------

_ORG_GUARD = "|".join(sorted((re.escape(w) for w in STOPWORDS), key=len, reverse=True))
_ORG = rf"(?!(?i:{_ORG_GUARD})(?![\w'’-])){UPPER}(?:[\w&.-]|['’](?!s\b))*"
_ROLE_PHRASE = re.compile(
    rf"(?:(?P<org>{_ORG}(?:\s+{_ORG}){{0,2}})(?P<poss>['’]s)?\s+)?(?P<role>{ROLE})"
    rf"(?:\s+(?:of|for)\s+(?:the\s+)?(?P<org2>{_ORG}(?:\s+(?:of\s+|and\s+)?{_ORG}){{0,4}}))?"
)
_NAME_RE = re.compile(NAME)
_LINK_WORDS = frozenset(
    "is was has have had been be being served serves serving as the a an current currently "
    "incumbent who became becomes become remained remains named appointed elected re-elected "
    "sworn in took takes assumed office entered".split()
)
_START_VERBS = re.compile(
    r"\b(?:became|becomes|took\s+office|took\s+over|assumed|sworn\s+in|inaugurated|"
    r"(?:was|were)\s+(?:re-?)?(?:elected|appointed|named))\b",
    re.IGNORECASE,
)
_END_VERBS = re.compile(
    r"\b(?:left\s+office|stepped\s+down|resigned|retired|(?:was|were)\s+(?:replaced|ousted))\b",
    re.IGNORECASE,
)
_AS_OF_BEFORE = re.compile(r"\bas\s+(?:of|at)\s*$", re.IGNORECASE)
_Person = tuple[str, str, int, int]  # holder, office, span start, span end


def _prose_facts(passage: Passage, page: _Page) -> list[Fact]:
    whole = [Passage(passage.kind, 0, len(passage.text), passage.text)]
    facts: list[Fact] = []
    for sentence in split_sentences(passage.text, whole):
        term = _prose_term(sentence.text)
        facts.extend([term] if term else [])
        facts.extend(_prose_values(sentence.text, page.as_of))
    return facts


def _prose_values(sentence: str, page_as_of: str | None) -> list[Fact]:
    """Counts as of a date: the clause's own "up to"/"by"/"as of" date, or, when its
    only dates open the count ("since 1949"), the page's date."""
    facts = []
    for clause in sentence.split(";"):
        as_of = _clause_as_of(clause, page_as_of)
        for quantity in find_quantities(clause) if as_of else ():
            if quantity.counted:
                measure = quantity.counted.lower()
                facts.append(
                    Fact("value", sentence, date=as_of, measure=measure, value=quantity.value)
                )
    return facts


def _clause_as_of(clause: str, page_as_of: str | None) -> str | None:
    refs = [ref for ref in find_dates(clause) if ref.value]
    stated = [
        ref.value
        for ref in refs
        if ref.relation in ("until", "by")
        or _AS_OF_BEFORE.search(clause[max(0, ref.start - 12) : ref.start])
    ]
    if stated:
        return stated[-1]
    if all(ref.relation in ("since", "from") for ref in refs):
        return page_as_of
    return None  # "on 4 April 1949, twelve states signed": a count of that day


def _prose_term(sentence: str) -> Fact | None:
    """ "Ruritania's president since 2019 is Jane Roe", "Jane Roe has been mayor of
    Springfield since March 2020", "John Doe served as governor from 2001 to 2005"."""
    refs = [ref for ref in find_dates(sentence) if ref.value]
    person = _one_person(sentence) if refs else None
    if person is None:
        return None
    holder, office, start, end = person
    attached = _attached(sentence, start, end, refs)
    starts, ends = _START_VERBS.search(sentence), _END_VERBS.search(sentence)
    verb = None if starts and ends else "start" if starts else "end" if ends else None
    start_date, end_date = _span_from_refs(attached, verb)
    if start_date is None and end_date is None:
        return None
    return Fact(
        "term", sentence, start_date=start_date, end_date=end_date, holder=holder, office=office
    )


def _one_person(sentence: str) -> _Person | None:
    """The one person with an office the sentence names, or None."""
    roles = list(_ROLE_PHRASE.finditer(sentence))
    taken = [m.span() for m in roles]
    names = [
        m
        for m in _NAME_RE.finditer(sentence)
        if is_plausible_name(m.group()) and not any(a <= m.start() < b for a, b in taken)
    ]
    if len(roles) == 1 and len(names) == 1:
        role, name = roles[0], names[0]
        first, second = sorted((role.span(), name.span()))
        if not _links(sentence, first[1], second[0], find_dates(sentence)):
            return None
        org = role.group("org2") or role.group("org")
        return name.group(), _office(normalise_role(role.group("role")), org), first[0], second[1]
    # Several names or offices: the people finder's shapes tell whose office is whose.
    people = [p for p in find_people(sentence) if p.role]
    if len(people) != 1:
        return None
    person = people[0]
    office = _office(person.role or "", person.organisation)
    return person.name, office, person.start, person.end


def _office(role: str, organisation: str | None) -> str:
    if not organisation:
        return role
    if organisation.lower() in DEMONYMS:
        return f"{organisation} {role}"
    return f"{role} of {organisation}"


def _links(sentence: str, start: int, end: int, refs: Sequence[DateRef], extra: str = "") -> bool:
    """Whether only linking words ("has been", "is", "took office") and dates lie
    between ``start`` and ``end``."""
    gap = list(sentence[start:end])
    for ref in refs:
        for i in range(max(ref.start, start), min(ref.end, end)):
            gap[i - start] = " "
    text = "".join(gap)
    if re.search(r"[;:.!?\"“”()]", text):
        return False
    allowed = _LINK_WORDS | set(extra.split())
    return all(word.lower() in allowed for word in re.findall(r"[\w'’-]+", text))


def _attached(sentence: str, start: int, end: int, refs: Sequence[DateRef]) -> list[DateRef]:
    """The dates inside the person's span or joined to it by linking words."""
    inside = [ref for ref in refs if start <= ref.start and ref.end <= end]
    after = [ref for ref in refs if ref.start >= end]
    before = [ref for ref in refs if ref.end <= start]
    for ref in after:
        if not _links(sentence, end, ref.start, refs, "and"):
            break
        inside.append(ref)
        end = ref.end
    for ref in reversed(before):
        if not _links(sentence, ref.end, start, refs, "and"):
            break
        inside.insert(0, ref)
        start = ref.start
    return sorted(inside, key=lambda ref: ref.start)
