"""The fetch stage against a real HTTP server on 127.0.0.1, and local files."""

from __future__ import annotations

import codecs
import gzip
import hashlib
import re
import shutil
import socket
import ssl
import struct
import subprocess
import time
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from verify.config import FetchLimits
from verify.errors import ExtractError, FetchError, SourceError
from verify.fetch import binary_type as media_of_binary
from verify.fetch import fetch_url, load, looks_binary, make_client, read_file, sniff_content_type

PAGE = (
    b"<!doctype html><html><head><meta charset='utf-8'><title>Allies meet</title></head>"
    b"<body><p>Eight member states asked for consultations on Thursday.</p></body></html>"
)
FRENCH = (
    "Le café de la gare était fermé. Les élèves ont déjà mangé à midi, "
    "et le garçon a dû attendre l’été « très » longtemps."
)
TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


def png_bytes() -> bytes:
    """A real 1x1 PNG: signature, IHDR, IDAT, IEND."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def pdf_bytes() -> bytes:
    stream = zlib.compress(bytes(range(256)) * 8)
    head = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Filter /FlateDecode >>\nstream\n"
    return head + stream + b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(server: HTTPServer, path: str, body: bytes, content_type: str, **headers: str) -> str:
    server.expect_request(path).respond_with_data(body, content_type=content_type, headers=headers)
    return server.url_for(path)


def fetch_error(url: str, limits: FetchLimits | None = None) -> str:
    with pytest.raises(FetchError) as caught:
        fetch_url(url, limits or FetchLimits())
    message = str(caught.value)
    assert "\n" not in message
    return message


# --- HTTP: success ------------------------------------------------------------


def test_good_html_page(httpserver: HTTPServer) -> None:
    url = serve(httpserver, "/article", PAGE, "text/html; charset=utf-8")
    before = datetime.now(UTC).replace(microsecond=0)
    fetched = fetch_url(url)
    assert fetched.source == url
    assert fetched.url == url
    assert fetched.status == 200
    assert fetched.content_type == "text/html"
    assert fetched.body == PAGE
    assert fetched.sha256 == hashlib.sha256(PAGE).hexdigest()
    assert fetched.encoding == "utf-8"
    assert "Eight member states" in fetched.text
    assert fetched.warnings == ()
    assert TIMESTAMP.fullmatch(fetched.fetched_at)
    stamp = datetime.strptime(fetched.fetched_at, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    assert before <= stamp <= before + timedelta(seconds=5)
    request, _ = httpserver.log[-1]
    assert "verify/" in request.headers["User-Agent"]
    assert request.headers["Accept"].startswith("text/html")


def test_redirect_is_followed_and_final_url_recorded(httpserver: HTTPServer) -> None:
    final = serve(httpserver, "/new", PAGE, "text/html")
    httpserver.expect_request("/old").respond_with_response(
        Response(status=301, headers={"Location": "/new"})
    )
    fetched = fetch_url(httpserver.url_for("/old"))
    assert fetched.source == httpserver.url_for("/old")
    assert fetched.url == final
    assert fetched.status == 200


def test_redirect_loop(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/loop").respond_with_response(
        Response(status=302, headers={"Location": "/loop"})
    )
    url = httpserver.url_for("/loop")
    assert (
        fetch_error(url, FetchLimits(max_redirects=3)) == f"{url}: too many redirects (more than 3)"
    )


@pytest.mark.parametrize(
    ("status", "phrase"), [(404, "Not Found"), (500, "Internal Server Error"), (403, "Forbidden")]
)
def test_error_status(httpserver: HTTPServer, status: int, phrase: str) -> None:
    httpserver.expect_request("/page").respond_with_data(b"oops", status=status)
    url = httpserver.url_for("/page")
    assert fetch_error(url) == f"{url}: HTTP {status} {phrase}"


def test_error_status_after_redirect_names_where(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/gone").respond_with_data(b"gone", status=410)
    httpserver.expect_request("/moved").respond_with_response(
        Response(status=302, headers={"Location": "/gone"})
    )
    url = httpserver.url_for("/moved")
    assert fetch_error(url) == f"{url}: HTTP 410 Gone at {httpserver.url_for('/gone')}"


@pytest.mark.parametrize(
    ("body", "content_type", "media"),
    [
        (png_bytes(), "image/png", "image/png"),
        (b"{}", "Application/JSON; charset=utf-8", "application/json"),
    ],
)
def test_unsupported_content_type(
    httpserver: HTTPServer, body: bytes, content_type: str, media: str
) -> None:
    url = serve(httpserver, "/file", body, content_type)
    assert fetch_error(url) == (
        f"{url}: unsupported content type {media} (expected HTML, plain text or PDF)"
    )


def test_xhtml_and_plain_text_are_accepted(httpserver: HTTPServer) -> None:
    xhtml = serve(httpserver, "/x", PAGE, "application/xhtml+xml")
    plain = serve(httpserver, "/t", b"Just words.\n", "text/plain")
    assert fetch_url(xhtml).content_type == "application/xhtml+xml"
    assert fetch_url(plain).text == "Just words.\n"


# --- HTTP: limits -------------------------------------------------------------


def test_body_over_limit_refused_from_content_length(httpserver: HTTPServer) -> None:
    url = serve(httpserver, "/big", b"a" * 5000, "text/plain")
    assert (
        fetch_error(url, FetchLimits(max_bytes=1000)) == f"{url}: body larger than 1000 bytes limit"
    )


def test_body_over_limit_refused_while_streaming(httpserver: HTTPServer) -> None:
    def endless_chunks(_: Request) -> Response:
        # A generator body is sent chunked, with no Content-Length to check first.
        chunks = (b"x" * 1024 for _ in range(200))
        return Response(chunks, content_type="text/plain")

    httpserver.expect_request("/stream").respond_with_handler(endless_chunks)
    url = httpserver.url_for("/stream")
    assert fetch_error(url, FetchLimits(max_bytes=64 * 1024)) == (
        f"{url}: body larger than 64 KB limit"
    )


def test_gzip_bomb_is_caught_by_the_decoded_count(httpserver: HTTPServer) -> None:
    limit = 100_000
    compressed = gzip.compress(b" " * 5_000_000)
    assert len(compressed) < limit // 10
    url = serve(httpserver, "/bomb", compressed, "text/html", **{"Content-Encoding": "gzip"})
    assert fetch_error(url, FetchLimits(max_bytes=limit)) == (
        f"{url}: body larger than {limit} bytes limit"
    )


def test_gzip_body_within_limit_is_stored_decoded(httpserver: HTTPServer) -> None:
    url = serve(httpserver, "/gz", gzip.compress(PAGE), "text/html", **{"Content-Encoding": "gzip"})
    fetched = fetch_url(url, FetchLimits(max_bytes=len(PAGE)))
    assert fetched.body == PAGE
    assert fetched.sha256 == hashlib.sha256(PAGE).hexdigest()


def test_corrupt_gzip_body(httpserver: HTTPServer) -> None:
    url = serve(
        httpserver, "/badgz", b"not gzip at all", "text/html", **{"Content-Encoding": "gzip"}
    )
    assert fetch_error(url).startswith(f"{url}: cannot decode the compressed body (")


def test_unreachable_host() -> None:
    url = f"http://127.0.0.1:{closed_port()}/x"
    assert fetch_error(url) == f"{url}: cannot connect (connection refused)"


def test_read_timeout(httpserver: HTTPServer) -> None:
    def slow(_: Request) -> Response:
        time.sleep(0.5)
        return Response(PAGE, content_type="text/html")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    url = httpserver.url_for("/slow")
    started = time.monotonic()
    message = fetch_error(url, FetchLimits(read_timeout=0.1))
    assert time.monotonic() - started < 0.45
    assert message == f"{url}: timed out (no data for 0.1 s)"


def test_invalid_url_is_a_fetch_error() -> None:
    assert fetch_error("http://[::1/").startswith("http://[::1/: invalid URL (")


# --- HTTP: bodies -------------------------------------------------------------


@pytest.mark.parametrize("body", [b"", b"  \r\n\t "])
def test_empty_body(httpserver: HTTPServer, body: bytes) -> None:
    url = serve(httpserver, "/empty", body, "text/html")
    assert fetch_error(url) == f"{url}: empty response body"


def test_binary_body_with_text_type_is_refused(httpserver: HTTPServer) -> None:
    url = serve(httpserver, "/fake.html", bytes(range(256)) * 8, "text/html")
    with pytest.raises(ExtractError, match=re.escape(f"{url}: binary content, not text")):
        fetch_url(url)


@pytest.mark.parametrize(("body", "media"), [(png_bytes(), "image/png")])
def test_a_known_binary_format_under_a_text_type_is_named(
    httpserver: HTTPServer, body: bytes, media: str
) -> None:
    url = serve(httpserver, "/fake.txt", body, "text/plain")
    message = f"{url}: unsupported content type {media} (expected HTML, plain text or PDF)"
    with pytest.raises(FetchError, match=re.escape(message)):
        fetch_url(url)


def test_missing_content_type_is_sniffed(httpserver: HTTPServer) -> None:
    def untyped(request: Request) -> Response:
        body = PAGE if request.path == "/page" else b"Plain words, no markup."
        response = Response(body)
        del response.headers["Content-Type"]
        return response

    httpserver.expect_request("/page").respond_with_handler(untyped)
    httpserver.expect_request("/words").respond_with_handler(untyped)
    assert fetch_url(httpserver.url_for("/page")).content_type == "text/html"
    assert fetch_url(httpserver.url_for("/words")).content_type == "text/plain"


def test_charset_declared_in_header(httpserver: HTTPServer) -> None:
    body = f"<p>{FRENCH} \u201cquoted\u201d</p>".encode("cp1252")
    url = serve(httpserver, "/w", body, "text/html; charset=windows-1252")
    fetched = fetch_url(url)
    assert fetched.encoding == "windows-1252"
    assert f"{FRENCH} \u201cquoted\u201d" in fetched.text
    assert fetched.content_type == "text/html"


def test_charset_declared_only_in_meta(httpserver: HTTPServer) -> None:
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
    body = f"<html><head>{meta}</head><body><p>{FRENCH}</p></body></html>".encode("cp1252")
    fetched = fetch_url(serve(httpserver, "/m", body, "text/html"))
    assert fetched.encoding == "windows-1252"
    assert FRENCH in fetched.text


def test_charset_not_declared_is_detected(httpserver: HTTPServer) -> None:
    fetched = fetch_url(serve(httpserver, "/d", FRENCH.encode("cp1252"), "text/plain"))
    assert fetched.encoding == "windows-1252"
    assert fetched.text == FRENCH
    assert fetched.warnings == ()


def test_utf8_page_with_invalid_bytes_is_decoded_with_a_warning(httpserver: HTTPServer) -> None:
    body = PAGE.replace(b"Eight", b"Ei\xffght\xfe\xfd")
    fetched = fetch_url(serve(httpserver, "/bad", body, "text/html; charset=utf-8"))
    assert fetched.encoding == "utf-8"
    assert "Ei\ufffdght\ufffd\ufffd member states" in fetched.text
    assert fetched.warnings == ("3 bytes invalid in utf-8 replaced",)
    assert fetched.body == body


def test_shared_client_is_reused(httpserver: HTTPServer) -> None:
    first = serve(httpserver, "/1", PAGE, "text/html")
    second = serve(httpserver, "/2", b"Second page.", "text/plain")
    with make_client() as client:
        assert fetch_url(first, client=client).status == 200
        assert load(second, client=client).text == "Second page."
    assert all("verify/" in request.headers["User-Agent"] for request, _ in httpserver.log)


# --- files --------------------------------------------------------------------


@pytest.fixture
def files(tmp_path: Path) -> Iterator[Path]:
    (tmp_path / "article.txt").write_text("A plain article.\n\nWith two paragraphs.\n")
    (tmp_path / "page.html").write_bytes(PAGE)
    (tmp_path / "old.htm").write_bytes(f"<p>{FRENCH}</p>".encode("cp1252"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.html").write_bytes(b" \n\n\t ")
    (tmp_path / "image.txt").write_bytes(png_bytes())
    (tmp_path / "report.txt").write_bytes(pdf_bytes())
    (tmp_path / "noise.txt").write_bytes(bytes(range(256)) * 8)
    yield tmp_path


def test_read_text_file(files: Path) -> None:
    path = str(files / "article.txt")
    fetched = read_file(path)
    assert (fetched.source, fetched.url, fetched.status) == (path, None, None)
    assert fetched.content_type == "text/plain"
    assert fetched.text == "A plain article.\n\nWith two paragraphs.\n"
    assert fetched.encoding == "utf-8"
    assert fetched.sha256 == hashlib.sha256((files / "article.txt").read_bytes()).hexdigest()
    assert TIMESTAMP.fullmatch(fetched.fetched_at)


def test_read_html_files(files: Path) -> None:
    page = read_file(str(files / "page.html"))
    assert page.content_type == "text/html"
    assert "Eight member states" in page.text
    old = load(str(files / "old.htm"))
    assert old.content_type == "text/html"
    assert (old.encoding, old.url) == ("windows-1252", None)
    assert FRENCH in old.text


def test_file_with_other_suffix_is_sniffed(tmp_path: Path) -> None:
    (tmp_path / "saved.page").write_bytes(PAGE)
    assert read_file(str(tmp_path / "saved.page")).content_type == "text/html"


@pytest.mark.parametrize("name", ["empty.txt", "blank.html"])
def test_empty_file(files: Path, name: str) -> None:
    path = str(files / name)
    with pytest.raises(ExtractError) as caught:
        read_file(path)
    assert str(caught.value) == f"{path}: empty file"


@pytest.mark.parametrize(
    ("name", "error", "cause"),
    [
        (
            "image.txt",
            FetchError,
            "unsupported content type image/png (expected HTML, plain text or PDF)",
        ),
        ("noise.txt", ExtractError, "binary content, not text"),
    ],
)
def test_binary_file(files: Path, name: str, error: type[Exception], cause: str) -> None:
    path = str(files / name)
    with pytest.raises(error) as caught:
        load(path)
    assert str(caught.value) == f"{path}: {cause}"


def test_a_pdf_is_kept_as_bytes_whatever_its_name(files: Path) -> None:
    path = str(files / "report.txt")
    fetched = load(path)
    assert (fetched.content_type, fetched.encoding, fetched.text) == (
        "application/pdf",
        "binary",
        "",
    )
    assert fetched.body == (files / "report.txt").read_bytes()


def test_missing_file(tmp_path: Path) -> None:
    path = str(tmp_path / "nope.txt")
    with pytest.raises(SourceError) as caught:
        read_file(path)
    assert str(caught.value) == f"{path}: no such file or directory"


def test_directory_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="not a regular file"):
        read_file(str(tmp_path))


def test_file_over_limit(files: Path) -> None:
    path = str(files / "article.txt")
    with pytest.raises(FetchError) as caught:
        read_file(path, FetchLimits(max_bytes=10))
    assert str(caught.value) == f"{path}: file larger than 10 bytes limit"


# --- helpers ------------------------------------------------------------------


def test_looks_binary() -> None:
    assert looks_binary(png_bytes())
    assert media_of_binary(pdf_bytes()) == "application/pdf"  # named, whatever its bytes
    assert looks_binary(bytes(range(1, 32)) * 10)  # control bytes, no NUL
    assert looks_binary(bytes(range(256)) * 4)
    # Two stray NULs are read as text wherever they are (and removed with a warning).
    assert not looks_binary(b"Plain text\x00 with two NUL\x00 bytes. " + b"More words. " * 200)
    assert not looks_binary(FRENCH.encode("cp1252"))
    assert not looks_binary(b"text\twith\ftabs\r\nand \x1b$B escapes")
    assert not looks_binary(b"\xff\xfe" + "UTF-16 text".encode("utf-16-le"))


@pytest.mark.parametrize(
    ("body", "media"),
    [
        (b"<!DOCTYPE html><html>", "text/html"),
        (b"\xef\xbb\xbf\n  <html lang='en'>", "text/html"),
        (b"<p>A paragraph</p>", "text/html"),
        (b"<!-- saved page -->\n<div>", "text/html"),
        (b"Plain words with <b>some</b> markup later", "text/plain"),
        (b"<paragraph>not html", "text/plain"),
    ],
)
def test_sniff_content_type(body: bytes, media: str) -> None:
    assert sniff_content_type(body) == media


# --- more failure causes ------------------------------------------------------


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[HTTPServer]:
    """An HTTPS server on 127.0.0.1 with a self-signed certificate nobody trusts."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server = HTTPServer(host="127.0.0.1", port=0, ssl_context=context)
    server.start()
    yield server
    server.clear()
    server.stop()


def test_untrusted_certificate_is_refused(tls_server: HTTPServer) -> None:
    tls_server.expect_request("/").respond_with_data(PAGE, content_type="text/html")
    url = tls_server.url_for("/")
    assert url.startswith("https://")
    # OpenSSL 1.1 says "self signed", 3.x "self-signed".
    pattern = rf"{re.escape(url)}: cannot connect \(TLS certificate not trusted: self.signed .*\)"
    assert re.fullmatch(pattern, fetch_error(url))


def test_redirect_to_another_scheme(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/ftp").respond_with_response(
        Response(status=302, headers={"Location": "ftp://127.0.0.1/file.txt"})
    )
    url = httpserver.url_for("/ftp")
    assert fetch_error(url).startswith(f"{url}: unsupported URL (")


def test_bom_only_is_empty(httpserver: HTTPServer, tmp_path: Path) -> None:
    url = serve(httpserver, "/bom", codecs.BOM_UTF8 + b"  ", "text/plain")
    assert fetch_error(url) == f"{url}: empty response body"
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + " \n".encode("utf-16-le"))
    with pytest.raises(ExtractError, match="bom.txt: empty file"):
        read_file(str(path))


def test_path_through_a_file_cannot_be_read(files: Path) -> None:
    path = str(files / "article.txt" / "inside.txt")
    with pytest.raises(SourceError) as caught:
        read_file(path)
    assert str(caught.value) == f"{path}: cannot read (not a directory)"


def test_undeclared_english_with_curly_quotes_is_windows_1252(httpserver: HTTPServer) -> None:
    # The most common legacy page: English with typographic quotes and dashes.
    text = (
        "The minister said \u201cwe will not wait\u201d \u2013 and the talks, which began on "
        "Monday, were \u2018constructive\u2019 according to officials. " * 4
    )
    fetched = fetch_url(serve(httpserver, "/en", text.encode("cp1252"), "text/plain"))
    assert (fetched.text, fetched.encoding, fetched.warnings) == (text, "windows-1252", ())
