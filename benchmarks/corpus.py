"""A generated library of reference pages and news articles about invented places.

Used by ``bench_end_to_end.py``. Every name is made up from syllables with a fixed
seed, so runs are repeatable and nothing resembles a real page. Three kinds of
reference page, a few KB each, in the shapes real encyclopedia pages take:

- an office page: an introduction, a table of holders (No., Name, Took office,
  Left office) and a sentence naming the incumbent;
- an organisation page: its founding, a dated list of members joining, a figure
  "as of" a year and a table of summits;
- a country page: prose, a population table by year and a timeline list.

Articles are dated HTML pages whose sentences are drawn from those facts, some
true, some with a wrong holder, year or figure, with quotations and filler
around them, so every check of the judge has work to do.
"""

from __future__ import annotations

import html
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

SYLLABLES = (
    "val ter nor ost bri kan mel dor sav ril tam gor lin vek sor pan dur mis "
    "hal ber cas fen lom tru zan qui rov ulm yar eld"
).split()
FIRST_NAMES = (
    "Anso Bertil Cala Dorin Elka Faro Gisla Hanno Ivet Joral Kesta Lumo Mirel Nadia Orrin "
    "Pella Quino Rasmi Selda Tovin Ulla Varek Wenna Xaro Yselt Zorin"
).split()
OFFICES = ("President", "Prime Minister", "Foreign Minister", "Chief Justice")
MONTHS = (
    "January February March April May June July August September October November December"
).split()
ORG_KINDS = ("Compact", "Council", "Union", "Assembly", "League", "Accord")
ORG_TOPICS = ("Grain", "River", "Coastal", "Highland", "Rail", "Fisheries", "Salt", "Timber")


def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def _day(rng: random.Random, year: int) -> str:
    return f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {year}"


@dataclass
class Term:
    office: str
    holder: str
    start: int
    end: int | None


@dataclass
class Country:
    name: str
    capital: str
    terms: list[Term] = field(default_factory=list)
    population: list[tuple[int, float]] = field(default_factory=list)


@dataclass
class Organisation:
    name: str
    short: str
    founded: int
    members: list[tuple[int, str]] = field(default_factory=list)


SURNAME_ENDINGS = ("", "sen", "ova", "ek", "ari", "ston", "is", "elli")


class Names:
    """Unique invented names: a name once given is never given again."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def unique(self, make: Callable[[], str]) -> str:
        while True:
            name = make()
            if name not in self.used:
                self.used.add(name)
                return name

    def word(self, parts: int = 3) -> str:
        return self.unique(lambda: _word(self.rng, parts))

    def person(self) -> str:
        # Four syllable counts and eight endings: room for the 170,000 holders of
        # a 20,000-page library.
        return self.unique(
            lambda: (
                f"{self.rng.choice(FIRST_NAMES)} "
                f"{_word(self.rng, self.rng.randint(2, 4))}{self.rng.choice(SURNAME_ENDINGS)}"
            )
        )


def make_world(pages: int, seed: int = 14) -> tuple[list[Country], list[Organisation]]:
    """Enough countries and organisations for ``pages`` reference pages."""
    rng = random.Random(seed)
    names = Names(rng)
    countries = [_country(rng, names) for _ in range(pages // 3 + 1)]
    orgs = [_organisation(rng, names, countries) for _ in range(pages // 3 + 1)]
    return countries, orgs


def _country(rng: random.Random, names: Names) -> Country:
    country = Country(names.word(3), names.word(3))
    for office in OFFICES[: rng.randint(1, len(OFFICES))]:
        year = rng.randint(1950, 1975)
        while year < 2024:
            end = year + rng.randint(3, 9)
            holder = Term(f"{office} of {country.name}", names.person(), year, end)
            country.terms.append(holder)
            year = end
        country.terms[-1].end = None
    people = rng.uniform(0.5, 40.0)
    for year in range(1990, 2030, 10):
        country.population.append((year, round(people, 1)))
        people *= rng.uniform(0.95, 1.25)
    return country


def _organisation(rng: random.Random, names: Names, countries: list[Country]) -> Organisation:
    topic, kind = rng.choice(ORG_TOPICS), rng.choice(ORG_KINDS)
    name = names.unique(lambda: f"{_word(rng, 2)} {topic} {kind}")
    founded = rng.randint(1946, 1995)
    org = Organisation(name, kind, founded)
    chosen = rng.sample(countries, min(len(countries), rng.randint(6, 14)))
    for index, country in enumerate(chosen):
        year = founded if index < 4 else rng.randint(founded + 1, 2022)
        org.members.append((year, country.name))
    org.members.sort()
    return org


# --- reference pages ------------------------------------------------------------------------


HISTORY = (
    "In {year} the {place} archive was moved to a new building beside the harbour, and "
    "its catalogue was printed for the first time.",
    "Floods in {year} closed the roads to {place} for several weeks; the repairs were paid "
    "for by a levy on timber.",
    "A census taken in {year} counted the households of {place} street by street, and its "
    "ledgers are still kept in the reading room.",
    "The railway reached {place} in {year}, cutting the journey to the coast from three "
    "days to one.",
    "Writers who visited {place} around {year} described its markets, its bells and the "
    "long arguments of its councillors.",
    "The old customs house of {place} was restored in {year} and now holds a museum of "
    "weights and measures.",
)


def _history(rng: random.Random, place: str) -> str:
    """Two paragraphs of dated prose, as the history section of a real page has."""
    chosen = rng.sample(HISTORY, 4)
    paragraphs = [
        " ".join(t.format(year=rng.randint(1850, 2015), place=place) for t in chosen[i : i + 2])
        for i in (0, 2)
    ]
    return "<h2>History</h2>\n" + "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs)


def _page(title: str, body: str, updated: str) -> str:
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)} – Atlas of Invented States</title></head><body>\n"
        "<header><nav><a href='/'>Home</a> <a href='/countries'>Countries</a></nav></header>\n"
        f"<main><h1>{html.escape(title)}</h1>\n<p class='page-date'>Last updated: {updated}</p>\n"
        f"{body}</main>\n<footer><p>Atlas of Invented States. Text is free to reuse.</p>"
        "</footer></body></html>\n"
    )


def _table(headers: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>\n" for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>\n{body}</tbody></table>\n"


def office_page(rng: random.Random, country: Country) -> str:
    office = country.terms[0].office
    terms = [t for t in country.terms if t.office == office]
    rows = [
        [str(n), t.holder, _day(rng, t.start), _day(rng, t.end) if t.end else "Incumbent"]
        for n, t in enumerate(terms, 1)
    ]
    title = office.split(" of ")[0]
    body = (
        f"<p>The {office} is an office of the state of {country.name}, whose seat is in "
        f"{country.capital}. Holders are chosen for a fixed term and may serve again.</p>\n"
        f"<h2>List of holders</h2>\n"
        + _table(["No.", "Name", "Took office", "Left office"], rows)
        + f"<p>The current {title.lower()}, {terms[-1].holder}, took office in "
        f"{terms[-1].start}.</p>\n<p>The office was created in {terms[0].start}, when the "
        f"first holder, {terms[0].holder}, was sworn in at {country.capital}.</p>\n"
    )
    return _page(f"{office}", body + _history(rng, country.capital), _day(rng, 2025))


def organisation_page(rng: random.Random, org: Organisation) -> str:
    founders = [c for year, c in org.members if year == org.founded]
    joined = "".join(
        f"<li>{year} – {html.escape(country)} joined the {html.escape(org.short)}.</li>\n"
        for year, country in org.members
        if year != org.founded
    )
    summits = [
        [str(y), rng.choice(org.members)[1], str(rng.randint(40, 400))]
        for y in range(2010, 2024, 3)
    ]
    body = (
        f"<p>The {html.escape(org.name)} was founded on {_day(rng, org.founded)} by "
        f"{len(founders)} states: {html.escape(', '.join(founders[:-1]))} and "
        f"{html.escape(founders[-1])}. It meets once a year and keeps a small secretariat.</p>\n"
        f"<h2>Members</h2>\n<ul>\n{joined}</ul>\n"
        f"<p>As of 2023, the {html.escape(org.short)} had {len(org.members)} member states.</p>\n"
        f"<h2>Summits</h2>\n" + _table(["Year", "Host", "Delegates"], summits)
    )
    return _page(org.name, body + _history(rng, org.name), _day(rng, 2025))


def country_page(rng: random.Random, country: Country) -> str:
    rows = [[str(y), f"{p} million"] for y, p in country.population]
    events = "".join(
        f"<li>{_day(rng, t.start)} – {html.escape(t.holder)} became {html.escape(t.office)}.</li>\n"
        for t in country.terms[:6]
    )
    body = (
        f"<p>{country.name} is an invented state whose capital is {country.capital}. "
        f"Its parliament sits for four years and its courts follow a written code.</p>\n"
        f"<h2>Population</h2>\n"
        + _table(["Year", "Population"], rows)
        + f"<h2>Timeline</h2>\n<ul>\n{events}</ul>\n"
        f"<p>{country.name} has {len(OFFICES)} great offices of state, of which "
        f"{len({t.office for t in country.terms})} are listed here.</p>\n"
    )
    return _page(country.name, body + _history(rng, country.name), _day(rng, 2025))


def write_references(folder: Path, pages: int, seed: int = 14) -> list[Path]:
    """``pages`` reference pages in ``folder``; returns their paths in order."""
    folder.mkdir(parents=True, exist_ok=True)
    countries, orgs = make_world(pages, seed)
    rng = random.Random(seed + 1)
    paths = []
    for number in range(pages):
        kind, index = number % 3, number // 3
        if kind == 0:
            text = office_page(rng, countries[index])
        elif kind == 1:
            text = organisation_page(rng, orgs[index])
        else:
            text = country_page(rng, countries[index])
        path = folder / f"ref{number:05d}.html"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


# --- articles ----------------------------------------------------------------------------------


def _holder_at(terms: list[Term], year: int) -> Term | None:
    return next((t for t in terms if t.start <= year and (t.end is None or year < t.end)), None)


def _article_sentences(
    rng: random.Random, country: Country, org: Organisation, year: int
) -> list[str]:
    office = country.terms[0].office
    terms = [t for t in country.terms if t.office == office]
    held = _holder_at(terms, year) or terms[-1]
    wrong = rng.random() < 0.3
    named = rng.choice([t for t in terms if t is not held] or terms) if wrong else held
    title = office.split(" of ")[0].lower()
    joined_year, member = rng.choice(org.members)
    said_year = joined_year + (rng.choice((-2, 1, 3)) if rng.random() < 0.3 else 0)
    count = len(org.members) + (rng.choice((-2, 2)) if rng.random() < 0.3 else 0)
    people = country.population[-2][1]
    speaker = rng.choice(FIRST_NAMES) + " " + _word(rng, 3)
    return [
        f"{country.name}'s {title}, {named.holder}, opened talks in {country.capital} on Tuesday.",
        f"{member} joined the {org.name} in {said_year}, officials recalled.",
        f"The {org.short} now counts {count} member states.",
        f"{country.name} has a population of about {people} million people.",
        f'"We will keep the crossings open through the winter," said {speaker}, an adviser.',
        "Traders said the weather had slowed deliveries for a second week.",
        f"The first holder of the office, {terms[0].holder}, took office in {terms[0].start}.",
        "Local reporters counted several hundred people outside the hall.",
    ]


def write_articles(folder: Path, count: int, pages: int, seed: int = 14) -> list[Path]:
    """``count`` dated articles about the world of ``pages`` reference pages."""
    folder.mkdir(parents=True, exist_ok=True)
    countries, orgs = make_world(pages, seed)
    rng = random.Random(seed + 2)
    paths = []
    for number in range(count):
        country = countries[rng.randrange(len(countries) - 1)]
        org = orgs[rng.randrange(len(orgs) - 1)]
        year = rng.randint(2015, 2023)
        day = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        paragraphs = "".join(
            f"<p>{html.escape(s)}</p>\n" for s in _article_sentences(rng, country, org, year)
        )
        headline = f"Talks in {country.capital} as the {org.short} weighs new members"
        page = (
            "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
            f"<title>{html.escape(headline)}</title>"
            f"<meta property='article:published_time' content='{day}T09:00:00Z'>"
            "<meta name='author' content='Desk Reporter'></head><body><article>"
            f"<h1>{html.escape(headline)}</h1>\n{paragraphs}</article></body></html>\n"
        )
        path = folder / f"article{number:04d}.html"
        path.write_text(page, encoding="utf-8")
        paths.append(path)
    return paths
