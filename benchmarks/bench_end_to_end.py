"""End to end: build a reference library, then check articles against it, as a user would.

    .venv/bin/python benchmarks/bench_end_to_end.py                  # 2,000 refs, 50 articles
    .venv/bin/python benchmarks/bench_end_to_end.py --articles 50,500 --fetch 200
    .venv/bin/python benchmarks/bench_end_to_end.py --refs 20000 --steps add   # memory at scale
    PYTHONPATH=/tmp/old .venv/bin/python benchmarks/bench_end_to_end.py  # another checkout

Generates reference pages and dated articles about invented states (``corpus.py``),
serves the pages from a loopback HTTP server (127.0.0.1) that waits ``--latency``
seconds before each answer and honours ETag / If-None-Match, then runs one ``verify``
process per step and reports, for each, wall time, CPU time (user + system, from
``wait4`` and ``RUSAGE_CHILDREN``, worker processes included), the peak RSS of the
largest process and the database's size. The steps:

- ``help``: ``verify --help``, the median of five;
- ``fetch``: ``--fetch`` pages by URL into a fresh database; with the library, the same
  URLs again (stored already: fetching alone) and a ``refs refresh`` (304s);
- ``add``: the ``--refs`` local pages into a fresh database;
- ``check``: the ``--articles`` articles against the library, twice (a first and a
  second run on the same database).

With a ``verify`` that has the ``refs`` command (the library), ``fetch`` and ``add`` are
``verify refs add`` and ``check`` uses the stored references. Without it (before issue
14), ``fetch`` and ``add`` are ``verify ingest`` (no facts are read then), and each
``check`` is ``verify check ARTICLES --ref REFS`` on a fresh database that then keeps
them, which is how a library was used before. The machine is shared: the load average
is printed before and after, and CPU time beside wall time.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import functools
import hashlib
import http.server
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_articles, write_references  # noqa: E402

VERIFY = [sys.executable, "-m", "verify"]


@dataclass
class Step:
    name: str
    wall: float
    cpu: float
    rss_mb: float
    status: int
    db_mb: float = 0.0
    items: int = 0  # pages or claims, for the rate
    unit: str = ""

    def line(self) -> str:
        rate = ""
        if self.items and self.unit == "pages":
            rate = f", {self.items / self.wall:.1f} pages/s"
        elif self.items and self.unit == "claims":
            per_wall, per_cpu = (1000 * t / self.items for t in (self.wall, self.cpu))
            rate = f", {per_wall:.0f} ms wall / {per_cpu:.0f} ms CPU per claim"
        return (
            f"{self.name:<28} {self.wall:8.2f} s wall {self.cpu:8.2f} s CPU "
            f"{self.rss_mb:7.0f} MB peak RSS  db {self.db_mb:6.1f} MB  exit {self.status}{rate}"
        )


class _Handler(http.server.SimpleHTTPRequestHandler):
    latency = 0.0

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def do_GET(self) -> None:
        time.sleep(self.latency)
        path = Path(self.translate_path(self.path))
        if not path.is_file():
            self.send_error(404)
            return
        body = path.read_bytes()
        tag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == tag:
            self.send_response(304)
            self.send_header("ETag", tag)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", tag)
        self.end_headers()
        self.wfile.write(body)


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128


def serve(folder: Path, latency: float) -> tuple[Server, str]:
    handler = type("Handler", (_Handler,), {"latency": latency})
    server = Server(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def become_subreaper() -> None:
    """Adopt the orphans of the processes started here (Linux prctl
    PR_SET_CHILD_SUBREAPER), so the CPU time of verify's worker processes, whose
    parent (a fork server) may outlive verify, is counted too."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)


def _reap_all() -> None:
    while True:
        try:
            os.wait4(-1, 0)
        except ChildProcessError:
            return


def run(name: str, args: list[str], db: Path | None, timeout: float) -> Step:
    """One verify process: wall time, the CPU time of it and every process it started
    (user + system), and the peak RSS of the largest of them (not this process's server)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    with open(os.devnull, "wb") as quiet:
        process = subprocess.Popen([*VERIFY, *args], stdout=quiet, stderr=subprocess.PIPE)
        timer = threading.Timer(timeout, process.kill)
        timer.start()
        stderr = process.stderr.read() if process.stderr else b""
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        timer.cancel()
    _reap_all()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    code = os.waitstatus_to_exitcode(status)
    process.returncode = code
    if code not in (0, 1):
        print(f"  {name}: exit {code}: {stderr.decode(errors='replace')[-400:]}", file=sys.stderr)
    cpu = sum(getattr(after, f) - getattr(before, f) for f in ("ru_utime", "ru_stime"))
    return Step(
        name,
        wall,
        cpu,
        max(usage.ru_maxrss, after.ru_maxrss if after.ru_maxrss > before.ru_maxrss else 0) / 1024,
        code,
        _size_mb(db) if db else 0.0,
    )


def _size_mb(db: Path) -> float:
    files = [db, db.with_name(db.name + "-wal")]
    return sum(f.stat().st_size for f in files if f.exists()) / 1e6


def has_library() -> bool:
    done = subprocess.run([*VERIFY, "refs", "--help"], capture_output=True)
    return done.returncode == 0


def help_step() -> Step:
    steps = [run("verify --help", ["--help"], None, 60) for _ in range(5)]
    steps.sort(key=lambda s: s.wall)
    return steps[len(steps) // 2]


def claims_in(report: Path) -> int:
    if not report.exists():
        return 0
    data = json.loads(report.read_text(encoding="utf-8"))
    return sum(len(d["claims"]) for d in data["documents"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--refs", type=int, default=2000, help="reference pages (2000)")
    parser.add_argument("--articles", default="50", help="article counts, comma-separated")
    parser.add_argument("--fetch", type=int, default=200, help="pages fetched by URL (200)")
    parser.add_argument("--latency", type=float, default=0.1, help="seconds per request")
    parser.add_argument("--jobs", type=int, default=0, help="--jobs for verify (its default)")
    parser.add_argument("--steps", default="help,fetch,add,check", help="which steps")
    parser.add_argument("--timeout", type=float, default=3600.0, help="per step, seconds")
    parser.add_argument("--work", type=Path, help="keep the corpus and databases here")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    become_subreaper()
    work = args.work or Path(tempfile.mkdtemp(prefix="verify-e2e-"))
    work.mkdir(parents=True, exist_ok=True)
    steps = set(args.steps.split(","))
    counts = [int(n) for n in args.articles.split(",") if n]
    library = has_library()
    jobs = ["--jobs", str(args.jobs)] if args.jobs and library else []
    print(f"verify {'with' if library else 'without'} the refs library; work in {work}")
    print(f"load average before: {os.getloadavg()}; {os.cpu_count()} cores")

    began = time.perf_counter()
    refs_dir = work / f"refs{args.refs}"
    if not refs_dir.exists():
        write_references(refs_dir, args.refs)
    for count in counts:
        if not (work / f"articles{count}").exists():
            write_articles(work / f"articles{count}", count, args.refs)
    print(f"generated in {time.perf_counter() - began:.1f} s (not counted)")
    results: list[Step] = []

    def record(step: Step) -> None:
        results.append(step)
        print(step.line(), flush=True)

    if "help" in steps:
        record(help_step())
    if "fetch" in steps and args.fetch:
        server, base = serve(refs_dir, args.latency)
        names = sorted(p.name for p in refs_dir.iterdir())[: args.fetch]
        urls = work / "urls.txt"
        urls.write_text("".join(f"{base}/{n}\n" for n in names), encoding="utf-8")
        db = work / "fetch.db"
        db.unlink(missing_ok=True)
        if library:
            command = ["refs", "add", "--from-file", str(urls), "--db", str(db), *jobs]
        else:
            command = ["ingest", *[f"{base}/{n}" for n in names], "--db", str(db)]
        step = run(f"fetch {len(names)} @ {args.latency * 1000:.0f} ms", command, db, args.timeout)
        step.items, step.unit = len(names), "pages"
        record(step)
        if library:
            # Fetching alone: the same pages again (stored, so nothing is analysed),
            # then a refresh, whose conditional GETs the server answers 304.
            for label, again in (
                ("again", command),
                ("refresh", ["refs", "refresh", "--db", str(db), *jobs]),
            ):
                step = run(f"fetch {len(names)} {label}", again, db, args.timeout)
                step.items, step.unit = len(names), "pages"
                record(step)
        server.shutdown()
    library_db = work / "library.db"
    if "add" in steps:
        library_db.unlink(missing_ok=True)
        verb = ["refs", "add", *jobs] if library else ["ingest"]
        step = run(
            f"add {args.refs} local",
            [*verb, str(refs_dir), "--db", str(library_db)],
            library_db,
            args.timeout,
        )
        step.items, step.unit = args.refs, "pages"
        record(step)
    if "check" in steps:
        for count in counts:
            db = library_db if library else work / f"check{count}.db"
            if not library:
                db.unlink(missing_ok=True)
            refs = [] if library else ["--ref", str(refs_dir)]
            for attempt in ("first", "second"):
                report = work / f"report{count}-{attempt}.json"
                report.unlink(missing_ok=True)
                command = ["check", str(work / f"articles{count}"), *refs, "--db", str(db)]
                command += ["--format", "json", "--output", str(report), *jobs]
                step = run(f"check {count} x {args.refs}, {attempt}", command, db, args.timeout)
                step.items, step.unit = claims_in(report), "claims"
                record(step)
    print(f"load average after: {os.getloadavg()}")
    if args.json:
        figures = {
            "library": library,
            "load": os.getloadavg(),
            "steps": [asdict(s) for s in results],
        }
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
