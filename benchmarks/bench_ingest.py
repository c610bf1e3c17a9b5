"""How fast `verify ingest` reads a large text page: MB/s at 1 MB and 10 MB.

Generates pages from the fixture articles' sentences with a fixed seed, in two shapes:
`paragraphs` (each paragraph distinct, separated by blank lines, so the page has
thousands of passages) and `oneline` (the same text on one line, no paragraph breaks),
then times one `verify ingest` process per page on a fresh database, as a user runs it.

    .venv/bin/python benchmarks/bench_ingest.py                     # 1 and 10 MB, both shapes
    .venv/bin/python benchmarks/bench_ingest.py --sizes 1 --shapes oneline
    PYTHONPATH=/tmp/old .venv/bin/python benchmarks/bench_ingest.py  # another checkout's code

Sizes are in MiB of UTF-8, kept under the 10 MB fetch limit.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MIB = 1024 * 1024
# The 10 MB limit counts bytes; a few multi-byte characters must still fit.
LIMIT_MARGIN = 64 * 1024


def sentences() -> list[str]:
    text = " ".join(
        p.read_text(encoding="utf-8")
        for p in sorted((ROOT / "fixtures" / "articles").glob("*.txt"))
    )
    return [s.strip() + "." for s in " ".join(text.split()).split(". ") if len(s) > 40]


def page(size: int, shape: str, seed: int = 7) -> str:
    rng = random.Random(seed)
    pool = sentences()
    paragraphs, total, n = [], 0, 0
    while total < size:
        body = " ".join(rng.choice(pool) for _ in range(3))
        paragraph = f"{body} Report {n} counted {rng.randint(2, 900)} delegates in Town{n}."
        paragraphs.append(paragraph)
        total += len(paragraph.encode("utf-8")) + 2
        n += 1
    text = ("\n\n" if shape == "paragraphs" else " ").join(paragraphs)
    return text.encode("utf-8")[:size].decode("utf-8", errors="ignore")


def _help() -> str:
    command = [sys.executable, "-m", "verify", "ingest", "--help"]
    return subprocess.run(command, capture_output=True, text=True).stdout


def time_ingest(path: Path, db: Path, timeout: float) -> tuple[float, str]:
    command = [sys.executable, "-m", "verify", "ingest", str(path), "--db", str(db)]
    if "--analysis-timeout" in _help():  # versions before issue 12 have no such limit
        command += ["--analysis-timeout", str(timeout)]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=os.environ.copy())
    elapsed = time.perf_counter() - started
    line = (
        (done.stdout or done.stderr).strip().splitlines()[-1]
        if (done.stdout or done.stderr)
        else ""
    )
    return elapsed, line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,10", help="page sizes in MiB (default 1,10)")
    parser.add_argument("--shapes", default="paragraphs,oneline")
    parser.add_argument("--timeout", type=float, default=3600, help="--analysis-timeout to pass")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for shape in args.shapes.split(","):
            for size_mib in (float(s) for s in args.sizes.split(",")):
                size = min(int(size_mib * MIB), 10 * MIB - LIMIT_MARGIN)
                path = Path(tmp) / f"{shape}-{size_mib:g}.txt"
                path.write_text(page(size, shape), encoding="utf-8")
                elapsed, line = time_ingest(path, Path(tmp) / f"{path.stem}.db", args.timeout)
                megabytes = path.stat().st_size / MIB
                print(
                    f"{shape:10} {megabytes:5.2f} MiB  {elapsed:7.1f} s  "
                    f"{megabytes / elapsed:6.3f} MiB/s  {line[:90]}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
