"""Hand-run benchmark of claim retrieval (SQLite FTS5) and matching (rapidfuzz) at corpus scale.

Generates, from a fixed seed, a synthetic reference corpus of news- and encyclopedia-like
passages and a set of claims (most of them altered copies of corpus sentences, some
invented), loads the corpus into a fresh database made by ``verify.store.open_db``, then
checks every claim the way ``verify.judge.find_evidence`` does (``ReferenceSet.claim_search``)
and, for comparison, the first claims through the full BM25 OR query (``ReferenceSet.search``)
and a sample by all-pairs rapidfuzz over a 100,000-passage subset.

    .venv/bin/python benchmarks/bench_check.py [--passages N] [--claims M] [--db PATH]

Nothing it generates is committed; see benchmarks/README.md for the figures.
"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing
import os
import random
import re
import resource
import string
import tempfile
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils
from rapidfuzz import fuzz, process

from verify.claims import content_stems, fold
from verify.judge import find_evidence
from verify.records import Claim as ClaimRecord
from verify.records import ReferencePassage, Sentence, StoredClaim
from verify.search import DEFAULT_CANDIDATES, MIN_EVIDENCE_SCORE, PASSAGE_SQL, ReferenceSet, align
from verify.store import open_db

SEED = 20240917
TARGET_INDEX_S = 90.0  # for 1,000,000 passages
TARGET_CLAIMS_S = 10.0  # for 1,000 claims
TARGET_PEAK_MB = 1024.0
INVENTED_SHARE = 0.15
BATCH_DOCUMENTS = 200
PAIRWISE_SUBSET = 100_000

FIRST = """Anna Boris Carla Dmitri Elena Farid Greta Hugo Ines Jonas Katrin Luis Mara Nikolai
Olga Pavel Rosa Stefan Tariq Ursula Viktor Wanda Yusuf Zofia Ahmed Beatriz Chen Daniela Emil
Fatima Giorgos Hana Ivan Julia Kenji Leila Marco Nadia Omar Petra Rafael Sara Tomas Vera
Amira Bruno Celine David Eva Felix Ingrid Jakob Lena Miguel Nora Oscar Priya Ruth Simon""".split()
SYLLABLES = """ka lo mi ra ten vor sa di bel ar no us ke ri tan mo el vi gor da pe lin ost
ha ze ru bo ni ter an ska dor mel fa ju cor bri""".split()
SURNAME_ENDS = ["", "son", "ova", "ski", "ez", "ini", "berg", "escu", "idis", "ović"]
PLACE_ENDS = ["burg", "ville", "grad", "polis", "ford", "ton", "stad", "mouth", "abad", ""]
COUNTRIES = """Albania Argentina Austria Belgium Bolivia Brazil Bulgaria Canada Chile Croatia
Cyprus Denmark Ecuador Egypt Estonia Finland France Georgia Germany Ghana Greece Hungary Iceland
India Indonesia Ireland Italy Japan Jordan Kenya Latvia Laos Malaysia Mexico Moldova
Morocco Nepal Netherlands Nigeria Norway Pakistan Panama Peru Poland Portugal Romania Senegal
Serbia Slovakia Slovenia Spain Sweden Switzerland Tanzania Thailand Tunisia Mongolia Uganda
Armenia Uruguay Vietnam Zambia""".split()
ROLES = """foreign minister|defence minister|finance minister|prime minister|president|
chief executive|spokesperson|central bank governor|health minister|interior minister|
mayor|ambassador|secretary general|chief economist|trade commissioner|energy minister|
chair|deputy director|chief prosecutor|party leader|army chief|labour minister""".replace(
    "\n", ""
).split("|")
ORG_ADJ = """National Northern Southern Eastern Western Central Federal Royal United Independent
International Regional Continental Atlantic Baltic Pacific Alpine Coastal Rural Urban""".split()
ORG_NOUN = """Grain Energy Rail Shipping Health Water Mining Steel Textile Fisheries Aviation
Housing Pension Media Research Trade Farmers Workers Tourism Banking Forestry Insurance
Telecom Defence Space Chemical Auto Port Dairy Wine Solar Wind Nuclear Transit""".split()
ORG_KIND = """Council Authority Agency Association Union Institute Commission Board Federation
Company Group Bank Foundation Corporation Office Alliance""".split()
TOPICS = """pipeline tariff vaccine reservoir railway pension housing drought wildfire election
budget subsidy refinery harbour motorway broadband census inflation minimum-wage fishing
mining climate emissions border customs immigration asylum literacy hospital school tax
privacy cybersecurity satellite ferry airport bridge dam forestry wheat coffee copper lithium
gas oil coal hydrogen battery tourism textile shipbuilding spectrum water sanitation""".split()
COMMODITIES = """wheat coffee copper lithium natural-gas crude-oil coal cocoa cotton timber
salmon olive-oil wine steel aluminium rice sugar tea nickel""".split()
SUBJECTS = "law medicine physics economics history engineering chemistry philosophy".split()
PLURALS = """road-accidents burglaries measles-cases new-businesses bankruptcies strikes
earthquakes floods arrests births""".split()
SEAS = "Baltic Sea|Black Sea|Adriatic|North Sea|Atlantic|Mediterranean|Caspian Sea".split("|")
MONTHS = """January February March April May June July August September October November
December""".split()
ORDINALS = "second third fourth fifth sixth seventh".split()
# A word a template uses, and a paraphrase a claim may use instead.
VERBS = dict(
    pair.split(":")
    for pair in """announced:unveiled|approved:backed|rejected:denied|founded:established|
headquarters:head office|employed:had|reported:posted|cost:require|rose:increased|
signed:concluded|dismissed:laid off|attended:joined|largest:biggest|about:roughly|
recorded:registered|flows:runs|studied:read|succeeded:replaced|told reporters:said|
budget:spending""".replace("\n", "").split("|")
)
TEMPLATES = [
    "{person}, the {role} of {country}, {announced} a {money} {topic} programme on {date}.",
    "In {year}, the {org} employed {number} people in {city} and reported revenue of {money}.",
    "{city} is the {ordinal} largest city in {country}, with a population of about {number}.",
    "The {org} was founded in {year} by {person} and has its headquarters in {city}.",
    "On {date}, {person} {announced} that the {org} would cut its {topic} budget by {percent}.",
    "{person} served as {role} of {country} from {year} to {year2} and was succeeded by {person2}.",
    "According to the {org}, {number} {plural} were recorded in {country} during {month} {year}.",
    "The {topic} agreement between {country} and {country2} was signed in {city} on {date}.",
    "{person} told reporters in {city} the {topic} plan would cost {money} over {small} years.",
    "Exports of {commodity} from {country} rose by {percent} to {money} in {year}, the {org} said.",
    "The {surname} River flows for {number} kilometres through {country} to the {sea}.",
    "{person} was born in {city} on {date} and studied {subject} at the University of {city2}.",
    "Voters in {country} {approved} the {topic} referendum on {date} with {percent} of the vote.",
    "The {org} said it had dismissed {small} senior staff after a review of its {topic} accounts.",
    "{person}, {role} at the {org}, {rejected} claims that {country} had missed its {topic} goal.",
    "A {topic} summit in {city} on {date} was attended by delegations from {small} countries.",
]


def _names(rng: random.Random, count: int, ends: list[str]) -> list[str]:
    names: dict[str, None] = {}
    while len(names) < count:
        parts = rng.choices(SYLLABLES, k=rng.choice((2, 2, 3)))
        names.setdefault(("".join(parts) + rng.choice(ends)).capitalize(), None)
    return list(names)


@dataclass
class Writer:
    """Fills sentence templates; rare names and numbers give BM25 its long tail, as in news."""

    rng: random.Random
    surnames: list[str] = field(default_factory=list)
    cities: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.surnames = _names(self.rng, 30_000, SURNAME_ENDS)
        self.cities = _names(self.rng, 4_000, PLACE_ENDS)
        self.fields = _fields(self)

    def sentence(self) -> str:
        template = self.rng.choice(TEMPLATES)
        names = [name for _, name, _, _ in string.Formatter().parse(template) if name]
        return template.format(**{n: self.fields[n.rstrip("2")]() for n in names})

    def passage(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.choice((1, 1, 2, 2, 3))))


def _fields(w: Writer) -> dict[str, Callable[[], str]]:
    r = w.rng

    def pick(words: list[str]) -> Callable[[], str]:
        return lambda: r.choice(words).replace("-", " ")

    def money() -> str:
        unit = r.choice(("million", "billion"))
        return f"{r.choice('$€£')}{r.randint(1, 950)}.{r.randint(1, 9)} {unit}"

    return {
        "person": lambda: f"{r.choice(FIRST)} {r.choice(w.surnames)}",
        "surname": pick(w.surnames),
        "city": pick(w.cities),
        "country": pick(COUNTRIES),
        "role": pick(ROLES),
        "org": lambda: f"{r.choice(ORG_ADJ)} {r.choice(ORG_NOUN)} {r.choice(ORG_KIND)}",
        "topic": pick(TOPICS),
        "commodity": pick(COMMODITIES),
        "subject": pick(SUBJECTS),
        "plural": pick(PLURALS),
        "sea": pick(SEAS),
        "month": pick(MONTHS),
        "ordinal": pick(ORDINALS),
        "year": lambda: str(r.randint(1950, 2024)),
        "date": lambda: f"{r.randint(1, 28)} {r.choice(MONTHS)} {r.randint(1950, 2024)}",
        "number": lambda: f"{r.randint(1_000, 5_000_000):,}",
        "small": lambda: str(r.randint(2, 40)),
        "percent": lambda: f"{r.randint(1, 60)}.{r.randint(0, 9)} per cent",
        "money": money,
        **{verb: (lambda v=verb: v) for verb in ("announced", "approved", "rejected")},
    }


# -- the corpus ---------------------------------------------------------------------------


@dataclass
class Corpus:
    passages: int
    documents: int
    sources: dict[int, str]  # passage id -> text, for the passages claims are made from
    generate_s: float = 0.0


def _document(writer: Writer, doc_id: int, first_id: int, count: int) -> tuple[tuple, list]:
    texts = [writer.passage() for _ in range(count)]
    rows, offset = [], 0
    for seq, text in enumerate(texts):
        rows.append((first_id + seq, doc_id, seq, "paragraph", offset, offset + len(text), text))
        offset += len(text) + 2
    body = "\n\n".join(texts)
    raw = f"<html><body><p>{body}</p></body></html>".encode()
    url = f"https://reference.example/doc/{doc_id}"
    document = (doc_id, "reference", url, 1, url, 200, "text/html", "utf-8",
                "2024-09-17T00:00:00Z", hashlib.sha256(raw).hexdigest(), len(raw),
                zlib.compress(raw, 6), texts[0][:80], "Reference Example", body)  # fmt: skip
    return document, rows


INSERT_DOCUMENT = """insert into documents (id, kind, source, version, url, status, content_type,
    encoding, fetched_at, sha256, size, raw, title, publisher, text)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""
INSERT_PASSAGE = """insert into passages (id, document_id, seq, kind, start, "end", text)
    values (?, ?, ?, ?, ?, ?, ?)"""


def batches(corpus: Corpus, rng: random.Random) -> Iterator[tuple[list, list]]:
    """Documents and passages in batches; documents vary in length like real pages."""
    began = time.perf_counter()
    writer = Writer(rng)
    cuts = [0, *sorted(rng.sample(range(1, corpus.passages), corpus.documents - 1))]
    cuts.append(corpus.passages)
    corpus.generate_s += time.perf_counter() - began
    for start in range(0, corpus.documents, BATCH_DOCUMENTS):
        began = time.perf_counter()
        documents, passages = [], []
        for doc in range(start, min(start + BATCH_DOCUMENTS, corpus.documents)):
            document, rows = _document(writer, doc + 1, cuts[doc] + 1, cuts[doc + 1] - cuts[doc])
            documents.append(document)
            passages += rows
        corpus.sources.update((row[0], row[6]) for row in passages if row[0] in corpus.sources)
        corpus.generate_s += time.perf_counter() - began
        yield documents, passages


def insert(db: sqlite_utils.Database, corpus: Corpus, rng: random.Random) -> float:
    """Insert time, generation excluded."""
    began = time.perf_counter()
    with db.atomic():
        for documents, passages in batches(corpus, rng):
            db.conn.executemany(INSERT_DOCUMENT, documents)
            db.conn.executemany(INSERT_PASSAGE, passages)
    return time.perf_counter() - began - corpus.generate_s


def bulk_load(db: sqlite_utils.Database, corpus: Corpus, rng: random.Random) -> dict[str, float]:
    """Insert with the FTS triggers dropped, then rebuild the FTS index from the table and
    put the triggers back: the index and schema end up as the app's."""
    triggers = db.execute(
        "select name, sql from sqlite_master where type = 'trigger' and tbl_name = 'passages'"
    ).fetchall()
    for name, _ in triggers:
        db.execute(f'drop trigger "{name}"')
    insert_s = insert(db, corpus, rng)
    began = time.perf_counter()
    with db.atomic():
        db.execute("insert into passages_fts(passages_fts) values('rebuild')")
        for _, sql in triggers:
            db.execute(sql)
    fts_s = time.perf_counter() - began
    db.execute("pragma wal_checkpoint(truncate)")  # so the size below is the database's
    return {"insert": insert_s, "fts": fts_s, "checkpoint": time.perf_counter() - began - fts_s}


def trigger_load(passages: int) -> float:
    """Insert time through the app's FTS triggers, on a fresh database."""
    with tempfile.TemporaryDirectory(prefix="bench_check_") as directory:
        db = open_db(Path(directory) / "triggers.db")
        corpus = Corpus(passages, max(1, passages // 100), {})
        seconds = insert(db, corpus, random.Random(SEED))
        db.close()
    return seconds


# -- claims -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Claim:
    text: str
    source: int | None  # the passage it was made from; None when invented


def paraphrase(rng: random.Random, text: str) -> str:
    present = [word for word in VERBS if word in text]
    for word in rng.sample(present, min(len(present), rng.randint(1, 3))):
        text = text.replace(word, VERBS[word], 1)
    return text


def alter(rng: random.Random, text: str) -> str:
    """Reword, and sometimes change a number, reframe the attribution or cut a clause."""
    text = paraphrase(rng, text) if rng.random() < 0.8 else text
    change = rng.choice(("number", "reframe", "cut", "none"))
    numbers = list(re.finditer(r"\d+", text))
    if change == "number" and numbers:
        found = rng.choice(numbers)
        text = (
            text[: found.start()]
            + str(int(found.group()) + rng.randint(1, 9))
            + text[found.end() :]
        )
    elif change == "reframe":
        text = f"Officials said that {text[0].lower()}{text[1:]}"
    elif change == "cut" and text.count(",") and len(text.split(",")[0].split()) >= 6:
        text = text.split(",")[0] + "."
    return text


def pick_sources(rng: random.Random, passages: int, claims: int) -> list[int]:
    altered = claims - round(claims * INVENTED_SHARE)
    return rng.sample(range(1, passages + 1), altered)


def make_claims(rng: random.Random, corpus: Corpus, order: list[int], count: int) -> list[Claim]:
    claims = []
    for source in order:
        sentence = rng.choice(re.split(r"(?<=\.) (?=[A-Z])", corpus.sources[source]))
        claims.append(Claim(alter(rng, sentence), source))
    writer = Writer(random.Random(SEED + 2))
    claims += [Claim(alter(rng, writer.sentence()), None) for _ in range(count - len(order))]
    rng.shuffle(claims)
    return claims


# -- measurements -------------------------------------------------------------------------


@dataclass
class Checked:
    latencies: list[float] = field(default_factory=list)  # seconds per claim
    retrieve_s: float = 0.0
    found: int = 0  # altered claims whose source is among the candidates
    found_each: list[bool] = field(default_factory=list)  # per claim, in order
    top_each: list[bool] = field(default_factory=list)
    top: int = 0  # altered claims whose best evidence is their source


@dataclass
class TimedReferences(ReferenceSet):
    """The app's reference set, timing its claim searches and keeping what they found;
    with ``full``, a claim search is the full BM25 OR query of ``search`` instead, as it
    was before claim searches read only the rare words' passages."""

    full: bool = False
    seconds: float = 0.0
    found: list[ReferencePassage] = field(default_factory=list)

    def claim_search(self, text: str, limit: int = DEFAULT_CANDIDATES) -> list[ReferencePassage]:
        began = time.perf_counter()
        search = self.search if self.full else super().claim_search
        self.found = search(text, limit)
        self.seconds += time.perf_counter() - began
        return self.found


def stored(number: int, text: str) -> StoredClaim:
    sentence = Sentence(0, len(text), text)
    return StoredClaim(number, 0, "bench", None, ClaimRecord(sentence, 0, len(text), text))


def check_claims(
    db: sqlite_utils.Database, claims: list[Claim], documents: int, full: bool = False
) -> Checked:
    """Each claim through ``verify.judge.find_evidence`` (candidates, each aligned),
    against every reference document, as a check run does it."""
    refs = TimedReferences(db, tuple(range(1, documents + 1)), full=full)
    result = Checked()
    for number, claim in enumerate(claims, 1):
        began = time.perf_counter()
        _, shown = find_evidence(stored(number, claim.text), refs)
        result.latencies.append(time.perf_counter() - began)
        found = any(p.id == claim.source for p in refs.found)
        result.found += found
        result.found_each.append(found)
        top = bool(shown) and shown[0].passage.id == claim.source
        result.top += top
        result.top_each.append(top)
    result.retrieve_s = refs.seconds
    return result


# What the all-pairs workers share: each passage folded, and its content stems.
_CHOICES: list[str] = []
_STEMS: list[set[str]] = []


def _pairwise_best(claim: str) -> tuple[int, float]:
    """The best passage and its score by ``verify.search.align``'s measure, the mean of
    partial ratio and content-stem coverage, computed over every passage."""
    wanted = content_stems(claim)
    partials = process.extract(fold(claim), _CHOICES, scorer=fuzz.partial_ratio, limit=None)
    best, score = -1, -1.0
    for _, partial, index in partials:
        covered = len(wanted & _STEMS[index]) / len(wanted) if wanted else 0.0
        value = (partial + 100 * covered) / 2
        if value > score:
            best, score = index, value
    return best, score


def _texts(db: sqlite_utils.Database, ids: list[int]) -> dict[int, str]:
    texts = {}
    for start in range(0, len(ids), 900):  # under SQLite's bound-parameter limit
        chunk = ids[start : start + 900]
        marks = ",".join("?" * len(chunk))
        texts.update(db.execute(f"select id, text from passages where id in ({marks})", chunk))
    return texts


def pairwise(db: sqlite_utils.Database, claims: list[Claim], passages: int) -> dict[str, float]:
    """All-pairs rapidfuzz over a subset holding the claims' sources, one process per core.

    (``process.cdist`` has ``workers=-1`` but needs numpy, which the project does not use;
    a process pool gives the same parallelism over ``process.extract``.)
    """
    wanted = {c.source for c in claims if c.source}
    fill = random.Random(SEED + 3).sample(range(1, passages + 1), min(passages, PAIRWISE_SUBSET))
    chosen = dict.fromkeys(wanted)
    for passage_id in fill:
        if len(chosen) >= PAIRWISE_SUBSET:
            break
        chosen.setdefault(passage_id)
    ids = sorted(chosen)
    texts = _texts(db, ids)
    _CHOICES[:] = [fold(texts[i]) for i in ids]
    _STEMS[:] = [content_stems(texts[i]) for i in ids]
    began = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(os.cpu_count()) as pool:
        best = pool.map(_pairwise_best, [c.text for c in claims], chunksize=1)
    seconds = time.perf_counter() - began
    _CHOICES.clear()
    _STEMS.clear()
    _same_scorer(db, claims[0].text, ids[best[0][0]], best[0][1])
    altered = [(b, c) for b, c in zip(best, claims, strict=True) if c.source]
    hits = sum(ids[b] == c.source and score >= MIN_EVIDENCE_SCORE for (b, score), c in altered)
    return {
        "seconds": seconds,
        "claims": len(claims),
        "subset": len(ids),
        "top": hits / max(len(altered), 1),
    }


def _same_scorer(db: sqlite_utils.Database, text: str, passage_id: int, score: float) -> None:
    """Warn when the all-pairs score has drifted from ``verify.search.align``."""
    row = db.execute(f"{PASSAGE_SQL} where passages.id = ?", [passage_id]).fetchone()
    passage = ReferencePassage(*row)
    if abs(align(text, passage).score - round(score, 1)) > 0.11:
        print("  warning: the all-pairs score no longer mirrors verify.search.align")


def peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kilobytes on Linux


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def verdict(value: float, target: float, unit: str) -> str:
    goal = f"target < {target:,.1f}".removesuffix(".0") + f" {unit}"
    if value <= target:
        return f"{goal}: met"
    return f"{goal}: MISSED by {value - target:,.1f} {unit} ({value / target:.1f}x)"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--passages", type=int, default=1_000_000)
    parser.add_argument("--claims", type=int, default=1_000)
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--db", type=Path, help="keep the database here (must not exist)")
    parser.add_argument(
        "--trigger-passages",
        type=int,
        default=100_000,
        help="passages inserted through the FTS triggers, for comparison (0: skip)",
    )
    parser.add_argument(
        "--pairwise-claims",
        type=int,
        default=100,
        help="claims also checked by all-pairs rapidfuzz (0: skip)",
    )
    parser.add_argument(
        "--full-claims",
        type=int,
        default=200,
        help="of the claims, this many also through the full BM25 OR query (0: skip)",
    )
    return parser.parse_args()


def report_index(corpus: Corpus, times: dict[str, float], path: Path, triggers: int) -> None:
    total = times["insert"] + times["fts"] + times["checkpoint"]
    size = sum(p.stat().st_size for p in path.parent.glob(path.name + "*")) / 2**20
    print(f"corpus: {corpus.passages:,} passages in {corpus.documents:,} documents")
    print(f"  generated in {corpus.generate_s:.1f} s (not counted); database {size:,.0f} MB")
    print("index (triggers dropped, bulk insert, FTS5 'rebuild', triggers restored):")
    print(
        f"  insert {times['insert']:.1f} s + FTS rebuild {times['fts']:.1f} s"
        f" + WAL checkpoint {times['checkpoint']:.1f} s = {total:.1f} s"
    )
    print(f"  {verdict(total, TARGET_INDEX_S * corpus.passages / 1e6, 's')}")
    if triggers:
        per_corpus = times["triggers"] * corpus.passages / triggers
        print(f"  through the FTS triggers instead: {triggers:,} passages in")
        print(f"  {times['triggers']:.1f} s, so ~{per_corpus:.0f} s for this corpus if linear")


def report_claims(claims: list[Claim], checked: Checked, title: str) -> None:
    total = sum(checked.latencies)
    altered = sum(1 for c in claims if c.source)
    print(title)
    p50, p95 = (percentile(checked.latencies, share) * 1000 for share in (0.5, 0.95))
    print(f"  latency p50 {p50:.1f} ms, p95 {p95:.1f} ms")
    print(
        f"  retrieval {checked.retrieve_s:.1f} s + matching {total - checked.retrieve_s:.1f} s"
        f" = {total:.1f} s, {len(claims) / total:,.1f} claims/s"
    )
    print(f"  {verdict(total, TARGET_CLAIMS_S * len(claims) / 1000, 's')}")
    print(
        f"  recall@{DEFAULT_CANDIDATES} {checked.found / max(altered, 1):.1%}; "
        f"the source is the best evidence for {checked.top / max(altered, 1):.1%}"
    )


def report_full_query(
    db: sqlite_utils.Database, claims: list[Claim], checked: Checked, documents: int
) -> None:
    """The first claims again through the full OR query, which claim searches ran
    before: what reading only the rare words' passages costs in recall."""
    full = check_claims(db, claims, documents, full=True)
    title = f"the first {len(claims):,} claims through the full BM25 OR query (search()):"
    report_claims(claims, full, title)
    pairs = list(zip(checked.found_each, full.found_each, strict=False))
    tops = list(zip(checked.top_each, full.top_each, strict=False))
    altered = sum(1 for c in claims if c.source)
    print(
        f"  on these claims the app's claim search finds {sum(f for f, _ in pairs)} of"
        f" {altered} sources, the full query {full.found}; found by the full query only:"
        f" {sum(g and not f for f, g in pairs)}, by the claim search only:"
        f" {sum(f and not g for f, g in pairs)}"
    )
    print(
        f"  the source is the best evidence for {sum(f for f, _ in tops)} of them through the"
        f" claim search, {full.top} through the full query"
    )


def report_pairwise(figures: dict[str, float]) -> None:
    rate = figures["claims"] / figures["seconds"]
    print(
        f"all-pairs rapidfuzz, {figures['claims']:.0f} of the claims x "
        f"{figures['subset']:,.0f} passages, {os.cpu_count()} processes:"
    )
    print(f"  {figures['seconds']:.1f} s, {rate:.2f} claims/s (~{1000 / rate:,.0f} s per 1,000)")
    print(f"  source is the best match for {figures['top']:.1%} of altered claims")
    print(f"  peak memory per worker {peak_mb(resource.RUSAGE_CHILDREN):,.0f} MB")


def run(args: argparse.Namespace, path: Path) -> None:
    documents = min(args.documents, args.passages)
    order = pick_sources(random.Random(SEED + 1), args.passages, args.claims)
    corpus = Corpus(args.passages, documents, dict.fromkeys(order, ""))
    db = open_db(path)
    times = bulk_load(db, corpus, random.Random(SEED))
    triggers = min(args.trigger_passages, args.passages)
    if triggers:
        times["triggers"] = trigger_load(triggers)
    report_index(corpus, times, path, triggers)
    claims = make_claims(random.Random(SEED + 1), corpus, order, args.claims)
    altered = sum(1 for c in claims if c.source)
    title = f"claims: {len(claims):,} ({altered:,} altered from a passage, the rest invented)"
    checked = check_claims(db, claims, documents)
    report_claims(claims, checked, title)
    peak = peak_mb()
    print(f"peak memory (RSS high-water): {peak:,.0f} MB, {verdict(peak, TARGET_PEAK_MB, 'MB')}")
    if args.full_claims:
        report_full_query(db, claims[: args.full_claims], checked, documents)
    if args.pairwise_claims:
        report_pairwise(pairwise(db, claims[: args.pairwise_claims], args.passages))
    db.close()


def main() -> None:
    args = parse_args()
    if args.db:
        if args.db.exists():
            raise SystemExit(f"{args.db}: already exists; give a new path")
        run(args, args.db)
        return
    with tempfile.TemporaryDirectory(prefix="bench_check_") as directory:
        run(args, Path(directory) / "bench.db")


if __name__ == "__main__":
    main()
