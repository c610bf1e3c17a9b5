"""Helpers of the fault suite (tests/test_fault_*.py): verify as a real process, servers
on loopback that misbehave, and fingerprints of a database file.

Every process and server here stops by itself within a bound: processes have a
timeout, servers send a bounded number of bytes and close.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
# No fault test may take longer than this, whatever happens.
PROCESS_TIMEOUT = 120


def checked_database(folder: Path) -> Path:
    """A database holding one check of the fixture articles against the references."""
    db = folder / "claims.db"
    articles, references = FIXTURES / "articles", FIXTURES / "references"
    done = run_verify("check", str(articles), "--ref", str(references), "--db", str(db))
    assert done.returncode in (0, 1), done.stderr  # 1: the fixtures hold a contradiction
    return db


def copy_database(db: Path, folder: Path) -> Path:
    """A copy of a database that no process has open (so its WAL is checkpointed)."""
    assert not db.with_name(db.name + "-wal").exists()
    copy = folder / db.name
    copy.write_bytes(db.read_bytes())
    return copy


def verify_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "verify", *args]


def run_verify(
    *args: str, env: dict[str, str] | None = None, timeout: float = PROCESS_TIMEOUT
) -> subprocess.CompletedProcess[str]:
    """One `verify` process, as a user runs it; its database must be given with --db."""
    return subprocess.run(
        verify_command(*args),
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
        stdin=subprocess.DEVNULL,
    )


def start_verify(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        verify_command(*args),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )


def interrupt_after(process: subprocess.Popen[str], seconds: float) -> tuple[int | None, str]:
    """Ctrl-C (SIGINT) after ``seconds``; the exit status (None when the process had
    finished before it) and stderr."""
    time.sleep(seconds)
    finished = process.poll() is not None
    if not finished:
        process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=PROCESS_TIMEOUT)
    return (None if finished else process.returncode), stderr


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.strip()]


def fingerprint(path: Path) -> str:
    """The sha256 of a file's bytes (and of its WAL, when there is one)."""
    digest = hashlib.sha256(path.read_bytes())
    wal = path.with_name(path.name + "-wal")
    if wal.exists():
        digest.update(wal.read_bytes())
    return digest.hexdigest()


def table_counts(path: Path) -> dict[str, int]:
    """Rows per table, read with plain sqlite3 (not the code under test)."""
    with contextlib.closing(sqlite3.connect(path)) as conn:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        names = [
            row[0]
            for row in conn.execute("select name from sqlite_master where type = 'table'")
            if not row[0].startswith(("passages_fts", "sqlite_"))
        ]
        return {
            name: conn.execute(f'select count(*) from "{name}"').fetchone()[0] for name in names
        }


class TrickleServer:
    """A server on 127.0.0.1 that sends a response one byte at a time.

    ``slow`` is "headers" (the status line and headers trickle) or "body" (the
    headers come at once, then the body trickles). It sends at most
    ``max_bytes`` trickled bytes, ``interval`` seconds apart, then closes: it
    stops by itself even if the client never gives up.
    """

    def __init__(self, slow: str, interval: float = 0.2, max_bytes: int = 400) -> None:
        self.slow = slow
        self.interval = interval
        self.max_bytes = max_bytes
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/slow.html"
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)

    def __enter__(self) -> TrickleServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        self.thread.join(timeout=10)
        self.sock.close()

    def _serve(self) -> None:
        while not self.stopping.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        body = b"<html><body><p>" + b"Slow words. " * 200 + b"</p></body></html>"
        head = (
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
            + f"Content-Length: {len(body)}\r\n\r\n".encode()
        )
        fast, trickled = (b"", head + body) if self.slow == "headers" else (head, body)
        with contextlib.suppress(OSError), conn:
            conn.recv(65536)
            conn.sendall(fast)
            for byte in trickled[: self.max_bytes]:
                if self.stopping.wait(self.interval):
                    return
                conn.sendall(bytes([byte]))


@contextlib.contextmanager
def serve_files(root: Path, *, credentials: tuple[str, str] | None = None) -> Iterator[str]:
    """Serve ``root`` over HTTP on 127.0.0.1; yields the base URL. With
    ``credentials``, every request must carry them as HTTP basic auth."""
    import base64
    import functools
    import http.server

    expected = None
    if credentials:
        expected = "Basic " + base64.b64encode(":".join(credentials).encode()).decode()

    class Handler(http.server.SimpleHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
            if expected and self.headers.get("Authorization") != expected:
                self.send_error(401)
                return
            super().do_GET()

        def log_message(self, *args: object) -> None:
            pass

    handler = functools.partial(Handler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def all_text(paths: Sequence[Path]) -> str:
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in paths)
