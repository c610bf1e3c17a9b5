"""Fault suite, network (issue 12): a server that answers wrongly in any of many ways
costs one line naming the source, never a traceback, and the other sources land."""

from __future__ import annotations

import contextlib
import gzip
import socket
import threading
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from faults import FIXTURES, error_lines, run_verify, table_counts

PAGE = b"<html><body><p>On 3 May 2021 the council counted 12 votes.</p></body></html>"


def response(head: str, body: bytes = b"") -> bytes:
    return head.replace("\n", "\r\n").encode() + b"\r\n" + body


# Each path's raw bytes (None: close without a word) and what its error line says.
ANSWERS: dict[str, tuple[bytes | None, str]] = {
    "/close": (None, "connection broken"),
    "/garbage": (b"NONSENSE\r\n\r\n", "connection broken"),
    "/truncated": (
        response("HTTP/1.1 200 OK\nContent-Type: text/html\nContent-Length: 5000\n", PAGE),
        "connection broken",
    ),
    "/bad-chunks": (
        response(
            "HTTP/1.1 200 OK\nContent-Type: text/html\nTransfer-Encoding: chunked\n",
            b"zz\r\nnot hex\r\n",
        ),
        "connection broken",
    ),
    "/bad-gzip": (
        response(
            "HTTP/1.1 200 OK\nContent-Type: text/html\nContent-Encoding: gzip\n"
            "Content-Length: 20\n",
            b"not gzip at all!!!!!",
        ),
        "cannot decode the compressed body",
    ),
    "/deflate-bomb": (
        response(
            "HTTP/1.1 200 OK\nContent-Type: text/html\nContent-Encoding: deflate\n",
            zlib.compress(b"<p>" + b"a" * 3_000_000),
        ),
        "body larger than",
    ),
    "/gzip-bomb": (
        response(
            "HTTP/1.1 200 OK\nContent-Type: text/html\nContent-Encoding: gzip\n",
            gzip.compress(b"<p>" + b"a" * 3_000_000),
        ),
        "body larger than",
    ),
    "/to-ftp": (
        response("HTTP/1.1 302 Found\nLocation: ftp://127.0.0.1/x\nContent-Length: 0\n"),
        "unsupported URL",
    ),
    "/to-closed": (
        response("HTTP/1.1 302 Found\nLocation: http://127.0.0.1:9/x\nContent-Length: 0\n"),
        "cannot connect",
    ),
    "/huge-header": (
        response("HTTP/1.1 200 OK\nX-Big: " + "a" * 200_000 + "\nContent-Length: 0\n"),
        "connection broken",
    ),
    "/utf7": (
        response(
            "HTTP/1.1 200 OK\nContent-Type: text/html; charset=utf-7\nContent-Length: 18\n",
            b"<p>Plain words</p>",
        ),
        "",  # ingested: browsers refuse UTF-7, so the label is ignored with a warning
    ),
    "/json": (
        response("HTTP/1.1 200 OK\nContent-Type: application/json\nContent-Length: 2\n", b"{}"),
        "unsupported content type application/json",
    ),
    "/empty": (response("HTTP/1.1 200 OK\nContent-Type: text/html\nContent-Length: 0\n"), "empty"),
    "/401": (response("HTTP/1.1 401 Unauthorized\nContent-Length: 0\n"), "HTTP 401"),
    "/429": (
        response("HTTP/1.1 429 Too Many Requests\nRetry-After: 3600\nContent-Length: 0\n"),
        "HTTP 429",
    ),
    "/no-status-text": (response("HTTP/1.1 599\nContent-Length: 0\n"), "HTTP 599"),
    "/nul-body": (
        response("HTTP/1.1 200 OK\nContent-Type: text/plain\nContent-Length: 4000\n", bytes(4000)),
        "binary content",
    ),
    "/pdf-as-html": (
        response(
            "HTTP/1.1 200 OK\nContent-Type: text/html\nContent-Length: 40\n",
            b"%PDF-1.4\n" + b"x" * 31,
        ),
        "not a readable PDF",
    ),
    "/redirect-creds": (
        response(
            "HTTP/1.1 302 Found\nLocation: http://u:secret@127.0.0.1:9/x\nContent-Length: 0\n"
        ),
        "cannot connect",
    ),
}


@contextlib.contextmanager
def scripted_server() -> Iterator[str]:
    """Answers each request with the bytes ANSWERS gives its path, then closes."""
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.2)
    stop = threading.Event()

    def answer(conn: socket.socket) -> None:
        with contextlib.suppress(OSError), conn:
            request = conn.recv(65536).decode("latin-1")
            path = request.split(" ", 2)[1] if request.count(" ") >= 2 else "/"
            raw = ANSWERS.get(path, (None, ""))[0]
            if raw is not None:
                conn.sendall(raw)

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            threading.Thread(target=answer, args=(conn,), daemon=True).start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.getsockname()[1]}"
    finally:
        stop.set()
        thread.join(timeout=10)
        server.close()


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with scripted_server() as base:
        yield base


@pytest.mark.parametrize("path", sorted(ANSWERS))
def test_a_wrong_answer_costs_one_line_and_the_others_land(
    path: str, server: str, tmp_path: Path
) -> None:
    db = tmp_path / "claims.db"
    url = server + path
    good = FIXTURES / "pages" / "article-a.html"
    done = run_verify("ingest", url, str(good), "--max-bytes", "1000000", "--db", str(db))
    assert "Traceback" not in done.stderr and "secret" not in done.stderr
    errors = [line for line in error_lines(done.stderr) if line.startswith("error: ")]
    says = ANSWERS[path][1]
    if says:
        assert done.returncode == 1, done.stderr
        [line] = errors
        assert line.startswith(f"error: {url}: ") and says in line, line
        assert table_counts(db)["documents"] == 1  # the other source landed
    else:
        assert done.returncode == 0 and not errors, done.stderr
        assert table_counts(db)["documents"] == 2


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("http://[::1:80/x", "invalid URL"),
        ("http://xn--/", "invalid URL"),
        ("http://127.0.0.1:99999/", "cannot connect"),
        ("https://127.0.0.1:9/", "cannot connect"),
    ],
)
def test_an_unusable_url_is_one_line(url: str, says: str, tmp_path: Path) -> None:
    done = run_verify("ingest", url, "--db", str(tmp_path / "claims.db"))
    assert done.returncode == 2
    [line] = error_lines(done.stderr)
    assert line.startswith(f"error: {url}: ") and says in line, line
