"""Hand-run benchmark of extraction on the peers' own test pages, side by side.

    python benchmarks/bench_extract.py --htmldate-repo GITDIR --trafilatura-repo GITDIR
        [--limit N] [--only dates|text] [--set default|mediacloud|both] [--detail]
        [--dump FILE]

GITDIR is a git directory (a bare snapshot of github:adbar/htmldate or
github:adbar/trafilatura) or a work tree of one; nothing of them is copied into
this project. From htmldate it reads ``tests/eval_default.json`` and
``tests/eval_mediacloud_2020.json`` with their pages (``tests/test_set``,
``tests/cache``, ``tests/eval``); from trafilatura ``tests/evaldata.json`` with its
pages (``tests/cache``, ``tests/eval``).

Dates are scored per dated page: right, wrong (another date) or none, and pages
without a date that got one. Text is scored as trafilatura's ``tests/eval_common.py``
scores itself: per page, each "with" snippet found in the whitespace-normalised
output is a true positive, each "without" snippet found a false positive; precision,
recall and F1 over the summed counts. Each tool gets its input as its own evaluation
gives it: htmldate a string (UTF-8, else the detected charset), trafilatura the bytes,
verify the bytes decoded by its fetch stage. Time is the tool's call alone, per page:
wall-clock ("ms/page") and this process's CPU time ("cpu"), which other work on the
machine does not add to.
A page verify refuses (ExtractError) or fails on (any other exception) counts as no
date and no text.
"""

from __future__ import annotations

import argparse
import io
import json
import logging
import re
import subprocess
import tarfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any

import htmldate
import trafilatura
from charset_normalizer import from_bytes

from verify.errors import ExtractError
from verify.extract import extract
from verify.fetch import decode
from verify.records import Extracted, Fetched

HTMLDATE_SETS = {
    "mediacloud": ("tests/eval_mediacloud_2020.json",),
    "default": ("tests/eval_default.json",),
    "both": ("tests/eval_mediacloud_2020.json", "tests/eval_default.json"),
}
HTMLDATE_DIRS = ("tests/test_set", "tests/cache", "tests/eval")
TRAFILATURA_SET = "tests/evaldata.json"
TRAFILATURA_DIRS = ("tests/cache", "tests/eval")
TOOLS = ("verify", "htmldate extensive", "htmldate fast", "trafilatura", "trafilatura fast")
TRAFILATURA_OPTS = {"include_comments": False, "include_tables": True, "include_formatting": False}


# --- reading the peers' snapshots ---------------------------------------------------


class Snapshot:
    """Files under ``tests/`` of a git directory or a work tree, read once."""

    def __init__(self, repo: Path) -> None:
        self.files: dict[str, bytes] = {}
        if (repo / "tests").is_dir():
            for path in (repo / "tests").rglob("*"):
                if path.is_file():
                    self.files[path.relative_to(repo).as_posix()] = path.read_bytes()
            return
        archive = subprocess.run(
            ["git", "--git-dir", str(repo), "archive", "--format=tar", "HEAD", "tests"],
            capture_output=True,
            check=True,
        ).stdout
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            for member in tar:
                handle = tar.extractfile(member) if member.isfile() else None
                if handle is not None:
                    self.files[member.name] = handle.read()

    def json(self, path: str) -> dict[str, Any]:
        return json.loads(self.files[path])

    def page(self, name: str, folders: tuple[str, ...]) -> bytes | None:
        for folder in folders:
            body = self.files.get(f"{folder}/{name}")
            if body is not None:
                return body
        return None


def htmldate_string(body: bytes) -> str:
    """The page as htmldate's own evaluation reads it: UTF-8, else the detected charset."""
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        best = from_bytes(body).best()
        return str(best) if best is not None else body.decode("latin-1")


# --- running a tool on a page ------------------------------------------------------------


@dataclass
class Tally:
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # this process's CPU time: what other load on the machine adds not
    pages: int = 0
    refused: int = 0
    failed: int = 0
    first_problem: str = ""
    right: int = 0
    wrong: int = 0
    none: int = 0
    undated_given: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    no_text: int = 0
    by_source: Counter[tuple[str, str]] = field(default_factory=Counter)

    def timed(self, call: Callable[[], Any]) -> Any:
        start, cpu_start = time.perf_counter(), time.process_time()
        try:
            return call()
        except ExtractError as exc:
            self.refused += 1
            self.first_problem = self.first_problem or f"refused: {exc}"
        except Exception as exc:  # noqa: BLE001 - a tool's crash is a figure, not a stop
            self.failed += 1
            self.first_problem = self.first_problem or f"failed: {type(exc).__name__}: {exc}"
        finally:
            self.seconds += time.perf_counter() - start
            self.cpu_seconds += time.process_time() - cpu_start
            self.pages += 1
        return None

    def date(self, found: str | None, expected: str | None, source: str = "") -> None:
        if expected is None:
            self.undated_given += found is not None
            return
        outcome = "none" if not found else "right" if found == expected else "wrong"
        setattr(self, outcome, getattr(self, outcome) + 1)
        self.by_source[(source or "-", outcome)] += 1

    def text(self, result: str | None, item: dict[str, Any]) -> None:
        """trafilatura's count_item: whitespace-normalised substring matching."""
        output = _norm(result) if isinstance(result, str) else None
        tp = sum(1 for w in item["with"] if output is not None and _norm(w) in output)
        fp = sum(1 for w in item["without"] if output is not None and _norm(w) in output)
        self.tp, self.fp, self.fn = self.tp + tp, self.fp + fp, self.fn + len(item["with"]) - tp
        self.no_text += tp == 0


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def verify_extract(body: bytes) -> Extracted:
    text, encoding, warnings = decode(body, None, "text/html")
    fetched = Fetched("page.html", None, None, "text/html", "", body, encoding, text)
    return extract(fetched)


def verify_date(extracted: Extracted | None) -> tuple[str | None, str]:
    if extracted is None:
        return None, ""
    metadata = extracted.metadata
    return metadata.published, getattr(metadata, "published_source", None) or ""


def trafilatura_date(body: bytes, fast: bool) -> str | None:
    document = trafilatura.bare_extraction(body, fast=fast, with_metadata=True, **TRAFILATURA_OPTS)
    return document.date if document is not None else None


# --- the two sets -------------------------------------------------------------------------


def run_dates(
    snapshot: Snapshot, limit: int | None, only: set[str], sets: str, dump: Path | None
) -> dict[str, Tally]:
    """``sets`` names htmldate's sets to read: "default" is the one to look at while
    developing, "mediacloud" the held-out check that a change is no fit to those pages.
    ``dump`` gets one JSON line a page with every tool's date, for reading failures."""
    pages: dict[str, dict[str, Any]] = {}
    for name in HTMLDATE_SETS[sets]:
        pages.update(snapshot.json(name))
    tools: dict[str, Callable[[bytes, str], tuple[str | None, str]]] = {
        "verify": lambda body, _: verify_date(verify_extract(body)),
        "htmldate extensive": lambda _, html: (
            htmldate.find_date(html, original_date=True, extensive_search=True),
            "",
        ),
        "htmldate fast": lambda _, html: (
            htmldate.find_date(html, original_date=True, extensive_search=False),
            "",
        ),
        "trafilatura": lambda body, _: (trafilatura_date(body, fast=False), ""),
    }
    tallies = {name: Tally() for name in tools if name in only}
    lines = []
    for url, item in list(pages.items())[:limit]:
        body = snapshot.page(item["file"], HTMLDATE_DIRS)
        if body is None:
            continue
        html = htmldate_string(body)
        # An undated page is written NaN in one of the files.
        expected = item["date"] if isinstance(item["date"], str) else None
        line: dict[str, Any] = {"url": url, "file": item["file"], "expected": expected}
        for name, tally in tallies.items():
            tool = tools[name]
            found = tally.timed(lambda tool=tool, body=body, html=html: tool(body, html))
            date, source = found if found is not None else (None, "")
            tally.date(date, expected, source)
            line[name] = [date, source]
        lines.append(json.dumps(line))
    if dump is not None:
        dump.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    return tallies


def run_text(snapshot: Snapshot, limit: int | None, only: set[str]) -> dict[str, Tally]:
    pages = snapshot.json(TRAFILATURA_SET)
    tools: dict[str, Callable[[bytes], str | None]] = {
        "verify": lambda body: verify_extract(body).text,
        "trafilatura": lambda body: trafilatura.extract(body, **TRAFILATURA_OPTS),
        "trafilatura fast": lambda body: trafilatura.extract(body, fast=True, **TRAFILATURA_OPTS),
    }
    tallies = {name: Tally() for name in tools if name in only}
    for item in list(pages.values())[:limit]:
        body = snapshot.page(item["file"], TRAFILATURA_DIRS)
        if body is None:
            continue
        for name, tally in tallies.items():
            tool = tools[name]
            tally.text(tally.timed(lambda tool=tool, body=body: tool(body)), item)
    return tallies


# --- printing -----------------------------------------------------------------------------


def _ms(tally: Tally) -> str:
    """Wall-clock and CPU milliseconds a page: the two differ by the time the call
    waited for a core other work on the machine held."""
    pages = max(tally.pages, 1)
    return f"{1000 * tally.seconds / pages:7.1f} {1000 * tally.cpu_seconds / pages:6.1f}"


def print_dates(tallies: dict[str, Tally], detail: bool) -> None:
    first = next(iter(tallies.values()))
    dated = first.right + first.wrong + first.none
    print(f"\ndates: htmldate's sets, {dated} dated pages of {first.pages}")
    print(f"{'tool':<20} {'right':>6} {'wrong':>6} {'none':>6} {'undated→date':>13}"
          f" {'refused':>8} {'failed':>7} {'ms/page':>7} {'cpu':>6}")  # fmt: skip
    for name, t in tallies.items():
        print(
            f"{name:<20} {t.right / dated:6.3f} {t.wrong / dated:6.3f} {t.none / dated:6.3f}"
            f" {t.undated_given:13d} {t.refused:8d} {t.failed:7d} {_ms(t)}"
        )
    _print_problems(tallies)
    if detail and "verify" in tallies:
        print("\nverify by where the date was found (right / wrong / none):")
        sources = sorted({source for source, _ in tallies["verify"].by_source})
        for source in sources:
            counts = [tallies["verify"].by_source[(source, o)] for o in ("right", "wrong", "none")]
            print(f"  {source:<16} {counts[0]:5d} {counts[1]:5d} {counts[2]:5d}")


def print_text(tallies: dict[str, Tally]) -> None:
    pages = next(iter(tallies.values())).pages
    print(f"\ntext: trafilatura's set, {pages} pages, scored as trafilatura scores itself")
    print(f"{'tool':<20} {'precision':>9} {'recall':>7} {'F1':>6} {'none of it':>10}"
          f" {'refused':>8} {'failed':>7} {'ms/page':>7} {'cpu':>6}")  # fmt: skip
    for name, t in tallies.items():
        precision = t.tp / (t.tp + t.fp) if t.tp + t.fp else 0.0
        recall = t.tp / (t.tp + t.fn) if t.tp + t.fn else 0.0
        f1 = 2 * t.tp / (2 * t.tp + t.fp + t.fn) if t.tp + t.fp + t.fn else 0.0
        print(
            f"{name:<20} {precision:9.3f} {recall:7.3f} {f1:6.3f} {t.no_text:10d}"
            f" {t.refused:8d} {t.failed:7d} {_ms(t)}"
        )
    _print_problems(tallies)


def _print_problems(tallies: dict[str, Tally]) -> None:
    for name, tally in tallies.items():
        if tally.first_problem:
            print(f"  {name}, first problem: {tally.first_problem[:150]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--htmldate-repo", type=Path, required=True)
    parser.add_argument("--trafilatura-repo", type=Path, required=True)
    parser.add_argument("--limit", type=int, help="only the first N pages of each set")
    parser.add_argument("--only", choices=("dates", "text"))
    parser.add_argument("--detail", action="store_true", help="verify's dates by source")
    parser.add_argument(
        "--set", default="both", choices=tuple(HTMLDATE_SETS), help="htmldate's sets to read"
    )
    parser.add_argument("--dump", type=Path, help="write each dated page's results, JSON Lines")
    parser.add_argument(
        "--tools", nargs="+", default=list(TOOLS), choices=TOOLS, help="default: all of them"
    )
    args = parser.parse_args()
    for name in ("trafilatura", "htmldate"):  # their per-page warnings are not figures
        logging.getLogger(name).setLevel(logging.CRITICAL)
    print(
        f"versions: verify {version('verify-claims')}, htmldate {version('htmldate')},"
        f" trafilatura {version('trafilatura')}"
    )
    if args.only != "text":
        snapshot = Snapshot(args.htmldate_repo)
        dates = run_dates(snapshot, args.limit, set(args.tools), args.set, args.dump)
        print_dates(dates, args.detail)
    if args.only != "dates":
        print_text(run_text(Snapshot(args.trafilatura_repo), args.limit, set(args.tools)))


if __name__ == "__main__":
    main()
