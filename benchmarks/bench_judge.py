"""Hand-run benchmark of the whole judge (every check, not only retrieval and
matching) on a corpus built by ``bench_check.py``.

    python benchmarks/bench_check.py --db /tmp/big.db --pairwise-claims 0 --full-claims 0
    python benchmarks/bench_judge.py /tmp/big.db --claims 1000

Claims are the first sentences of passages picked from a fixed seed, with their
slots read as at ingest (quantities, dates, people, quotations, provisions), so
the quantity, date, provision, quotation and negation checks all run with their
own searches. Prints latency p50/p95, the time per 1,000 claims against the
10 s target, and peak memory.
"""

from __future__ import annotations

import argparse
import random
import resource
import time
from pathlib import Path

import sqlite_utils

from verify.claims import find_slots
from verify.judge import judge
from verify.records import Claim, Sentence, StoredClaim
from verify.search import ReferenceSet

TARGET_PER_1000 = 10.0


def sample_claims(db: sqlite_utils.Database, count: int, seed: int) -> list[StoredClaim]:
    rng = random.Random(seed)
    (highest,) = db.execute("select max(id) from passages").fetchone()
    claims = []
    for number in range(count):
        row = db.execute("select text from passages where id = ?", [rng.randint(1, highest)])
        text = row.fetchone()[0].split(". ")[0]
        sentence = Sentence(0, len(text), text)
        claim = Claim(sentence, 0, len(text), text, find_slots(text, 0, None))
        claims.append(StoredClaim(number, 0, "bench", None, claim))
    return claims


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db", type=Path, help="a database kept by bench_check.py --db")
    parser.add_argument("--claims", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    db = sqlite_utils.Database(args.db)
    refs = ReferenceSet(db, tuple(row[0] for row in db.execute("select id from documents")))
    claims = sample_claims(db, args.claims, args.seed)
    kinds = sum(bool(c.claim.slots.kinds()) for c in claims)
    latencies = []
    began, cpu_began = time.perf_counter(), time.process_time()
    for claim in claims:
        start = time.perf_counter()
        judge(claim, refs)
        latencies.append(time.perf_counter() - start)
    total = time.perf_counter() - began
    cpu = time.process_time() - cpu_began  # comparable when other work shares the machine
    latencies.sort()
    per_1000 = total / len(claims) * 1000
    verdict = "met" if per_1000 < TARGET_PER_1000 else "MISSED"
    print(
        f"claims: {len(claims):,} ({kinds:,} with slots) over {len(refs.document_ids):,} documents"
    )
    print(
        f"  latency p50 {latencies[len(latencies) // 2] * 1000:.1f} ms, "
        f"p95 {latencies[int(len(latencies) * 0.95)] * 1000:.1f} ms"
    )
    target = f"target < {TARGET_PER_1000:.0f} s: {verdict}"
    print(f"  {total:.1f} s, {per_1000:.1f} s per 1,000 claims; {target}")
    print(f"  CPU {cpu:.1f} s, {cpu / len(claims) * 1000:.1f} s per 1,000 claims")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (RSS high-water): {peak:.0f} MB")


if __name__ == "__main__":
    main()
