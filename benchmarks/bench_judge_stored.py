"""Judging alone, on a database a check already filled: the first N articles' stored
claims against every reference document in it, through the check run's own loop
(``verify.judge.run._judge_articles``: facts loaded, dates found, every claim judged),
with no fetching, analysing or writing. Works on this checkout and on the code before
issue 14 (``PYTHONPATH=/tmp/old``), so judging can be compared on the same data.

    .venv/bin/python benchmarks/bench_judge_stored.py /tmp/e2e/library.db 50
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

import sqlite_utils

from verify.ingest import IngestResult
from verify.judge.run import _judge_articles
from verify.search import ReferenceSet
from verify.store import Stored


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db", type=Path, help="a database holding articles and references")
    parser.add_argument("articles", type=int, nargs="?", default=50)
    args = parser.parse_args()
    db = sqlite_utils.Database(args.db)
    ids = [r[0] for r in db.execute("select id from documents where kind = 'article' order by id")]
    refs = tuple(
        r[0] for r in db.execute("select id from documents where kind = 'reference' order by id")
    )
    articles = IngestResult(
        stored=[Stored(i, f"article {i}", 1, False, 0) for i in ids[: args.articles]]
    )
    cpu, wall = time.process_time(), time.perf_counter()
    documents = _judge_articles(db, articles, ReferenceSet(db, refs), None, None)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    claims = sum(len(d.judgements) for d in documents)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{len(documents)} articles, {claims} claims against {len(refs)} references: "
        f"{wall:.2f} s wall, {cpu:.2f} s CPU, {1000 * cpu / max(claims, 1):.1f} ms CPU a claim, "
        f"peak RSS {peak:.0f} MB"
    )


if __name__ == "__main__":
    main()
