"""The fetch stage: read one source (URL or file) into a ``Fetched`` record.

Everything that can go wrong becomes a ``VerifyError`` with one line naming
the source and the cause, because why a fetch failed is worth telling the
user. Limits come from ``FetchLimits``: the body is read as a stream and
counted after content decoding, so neither a huge page nor a gzip bomb is
ever held in memory beyond the limit. No retries, and TLS is always verified.
"""

from __future__ import annotations

import codecs
import os
import re
import socket
import ssl
import stat
import time
from pathlib import Path

import httpx

from verify.config import USER_AGENT, FetchLimits
from verify.errors import ExtractError, FetchError, SourceError
from verify.fetch.charset import decode
from verify.fetch.deadline import DeadlineTransport, deadline, deadline_passed
from verify.fetch.pdf import PDF_TYPE, is_pdf, pdf_fetched
from verify.fetch.sources import is_url, redact_url, shown
from verify.records import Fetched, utc_now

ACCEPTED_TYPES = ("text/html", "application/xhtml+xml", "text/plain", PDF_TYPE)
# Ask for HTML first; "*/*" keeps servers that answer 406 to strict lists happy.
ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,application/pdf;q=0.5,*/*;q=0.1"
# FetchLimits is frozen, so one shared default instance is safe.
DEFAULT_LIMITS = FetchLimits()
SUFFIX_TYPES = {".html": "text/html", ".htm": "text/html", ".txt": "text/plain", ".pdf": PDF_TYPE}

# How much of a body is looked at to tell text from binary.
BINARY_SCAN_BYTES = 8192
# Random (compressed, image) bytes are about 10% C0 controls; text is ~0%.
BINARY_CONTROL_SHARE = 0.05
# C0 controls that text never uses; tab, newlines, VT, FF and ESC (ISO-2022) do occur.
_CONTROL_BYTES = bytes(set(range(0x20)) - set(b"\t\n\r\x0b\x0c\x1b")) + b"\x7f"
# Leading tags that mark a body as HTML when no content type is given; the list
# is the one in the WHATWG MIME Sniffing standard, section 7.1.
_HTML_START = re.compile(
    rb"\s*<(!doctype html|html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p"
    rb"|!--)[\s>]",
    re.IGNORECASE,
)
# Leading bytes of binary formats (WHATWG MIME Sniffing, section 7.1-7.3), named by
# media type in the error.
_SIGNATURES = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"PK\x03\x04", "application/zip"),
    (b"\x1f\x8b\x08", "application/gzip"),
    (b"%!PS-Adobe-", "application/postscript"),
)
_CHARSET_PARAM = re.compile(r";\s*charset\s*=\s*[\"']?([^\"';\s]+)", re.IGNORECASE)


def load(
    source: str, limits: FetchLimits = DEFAULT_LIMITS, *, client: httpx.Client | None = None
) -> Fetched:
    """Fetch a URL or read a file, whichever ``source`` is."""
    if is_url(source):
        return fetch_url(source, limits, client=client)
    return read_file(source, limits)


def make_client(limits: FetchLimits = DEFAULT_LIMITS) -> httpx.Client:
    """A client with the limits applied, for callers fetching many URLs."""
    return httpx.Client(
        timeout=_timeout(limits),
        follow_redirects=True,
        max_redirects=limits.max_redirects,
        headers={"User-Agent": USER_AGENT, "Accept": ACCEPT},
        transport=DeadlineTransport(),
    )


def fetch_url(
    url: str, limits: FetchLimits = DEFAULT_LIMITS, *, client: httpx.Client | None = None
) -> Fetched:
    """GET ``url`` following redirects. A given ``client`` keeps its own redirect limit."""
    if client is None:
        with make_client(limits) as own_client:
            return _fetch(url, limits, own_client)
    return _fetch(url, limits, client)


class NotModified(Exception):
    """A conditional GET answered 304: the copy stored is current."""


def revalidate(
    url: str,
    etag: str | None,
    last_modified: str | None,
    limits: FetchLimits,
    client: httpx.Client,
) -> Fetched:
    """GET ``url`` only if it changed since the response that gave these validators;
    raises ``NotModified`` when the server says it did not. Both validators are
    sent: a server that understands If-None-Match ignores If-Modified-Since
    (RFC 9110 section 13.2.2), and one that keeps no ETags still answers the date."""
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return _fetch(url, limits, client, headers)


def read_file(path: str, limits: FetchLimits = DEFAULT_LIMITS) -> Fetched:
    """Read a local article file."""
    body = _read_bytes(path, limits.max_bytes)
    if not body.strip():
        raise ExtractError(f"{shown(path)}: empty file")
    if is_pdf(body):
        return pdf_fetched(path, body)
    _refuse_binary(shown(path), body)
    content_type = SUFFIX_TYPES.get(Path(path).suffix.lower()) or sniff_content_type(body)
    text, encoding, warnings = decode(body, None, content_type)
    if not text.strip():
        raise ExtractError(f"{shown(path)}: empty file")
    return Fetched(
        source=path,
        url=None,
        status=None,
        content_type=content_type,
        fetched_at=utc_now(),
        body=body,
        encoding=encoding,
        text=text,
        warnings=tuple(warnings),
    )


def looks_binary(body: bytes) -> bool:
    """True for bytes that are not text in any encoding we read (images, PDFs, archives).

    Judged by the share of control bytes (NUL among them) at the start, so a few
    stray NULs anywhere are read as text and removed with a warning (``decode``),
    the same wherever they are.
    """
    if body.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False  # UTF-16 text is full of NUL bytes
    sample = body[:BINARY_SCAN_BYTES]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > len(sample) * BINARY_CONTROL_SHARE


def binary_type(body: bytes) -> str | None:
    """The media type of a body that starts like a binary format (PDF, image, archive)."""
    return next((media for magic, media in _SIGNATURES if body.startswith(magic)), None)


def _refuse_binary(name: str, body: bytes) -> None:
    media = binary_type(body)
    if media is not None:
        # An image or archive can pass the control-byte test (a PDF is read
        # before this: see is_pdf), and then gave 0 claims without a word.
        raise FetchError(f"{name}: {_unsupported(media)}")
    if looks_binary(body):
        raise ExtractError(f"{name}: binary content, not text")


def _unsupported(media: str) -> str:
    return f"unsupported content type {media} (expected HTML, plain text or PDF)"


def sniff_content_type(body: bytes) -> str:
    """text/html when the body starts like a web page, else text/plain."""
    start = body[:1024].removeprefix(codecs.BOM_UTF8)
    return "text/html" if _HTML_START.match(start) else "text/plain"


# --- HTTP ------------------------------------------------------------------


def _timeout(limits: FetchLimits) -> httpx.Timeout:
    return httpx.Timeout(
        connect=limits.connect_timeout,
        read=limits.read_timeout,
        write=limits.read_timeout,
        pool=limits.connect_timeout,
    )


def _fetch(
    url: str, limits: FetchLimits, client: httpx.Client, conditions: dict[str, str] | None = None
) -> Fetched:
    """GET ``url``; the request may use credentials in it, nothing else keeps them."""
    headers = {"User-Agent": USER_AGENT, "Accept": ACCEPT, **(conditions or {})}
    name = shown(url)
    started = time.monotonic()
    try:
        with (
            deadline(limits.deadline),
            client.stream(
                "GET", url, headers=headers, timeout=_timeout(limits), follow_redirects=True
            ) as response,
        ):
            if conditions and response.status_code == httpx.codes.NOT_MODIFIED:
                raise NotModified(url)
            _check_response(url, response, limits.max_bytes)
            body = _read_body(name, response, limits)
    except httpx.TimeoutException as exc:
        expired = time.monotonic() - started >= limits.deadline
        cause = _deadline_message(limits) if expired else _describe(exc, limits, client)
        raise FetchError(f"{name}: {cause}") from exc
    except httpx.HTTPError as exc:
        raise FetchError(f"{name}: {_describe(exc, limits, client)}") from exc
    except (httpx.InvalidURL, UnicodeError) as exc:  # UnicodeError: a host IDNA cannot read
        raise FetchError(f"{name}: invalid URL ({shown(_one_line(str(exc)))})") from exc
    return _fetched_from_response(url, response, body)


def _check_response(url: str, response: httpx.Response, max_bytes: int) -> None:
    """Refuse before reading the body: error status, wrong type, announced size."""
    status = response.status_code
    name = shown(url)
    if not 200 <= status < 300:
        where = "" if str(response.url) == url else f" at {shown(str(response.url))}"
        phrase = httpx.codes.get_reason_phrase(status) or response.reason_phrase
        raise FetchError(f"{name}: HTTP {status} {phrase}".rstrip() + where)
    media = _media_type(response.headers.get("content-type"))
    if media is not None and media not in ACCEPTED_TYPES:
        raise FetchError(f"{name}: {_unsupported(media)}")
    # With a content encoding the length is the compressed size; the count
    # while streaming catches those.
    encoded = response.headers.get("content-encoding", "identity").strip().lower()
    length = response.headers.get("content-length", "").strip()
    if encoded in ("", "identity") and length.isdigit() and int(length) > max_bytes:
        raise FetchError(f"{name}: body larger than {_size(max_bytes)} limit")


def _read_body(name: str, response: httpx.Response, limits: FetchLimits) -> bytes:
    chunks: list[bytes] = []
    total = 0
    for chunk in response.iter_bytes():  # decompressed, so a gzip bomb counts in full
        total += len(chunk)
        if total > limits.max_bytes:
            raise FetchError(f"{name}: body larger than {_size(limits.max_bytes)} limit")
        if deadline_passed():  # a client without the deadline transport
            raise FetchError(f"{name}: {_deadline_message(limits)}")
        chunks.append(chunk)
    return b"".join(chunks)


def _fetched_from_response(url: str, response: httpx.Response, body: bytes) -> Fetched:
    name = shown(url)
    if not body.strip():
        raise FetchError(f"{name}: empty response body")
    if is_pdf(body):
        return pdf_fetched(
            redact_url(url), body, redact_url(str(response.url)), response.status_code
        )
    _refuse_binary(name, body)
    header = response.headers.get("content-type")
    content_type = _media_type(header) or sniff_content_type(body)
    text, encoding, warnings = decode(body, _charset(header), content_type)
    if not text.strip():
        raise FetchError(f"{name}: empty response body")
    return Fetched(
        source=redact_url(url),
        url=redact_url(str(response.url)),
        status=response.status_code,
        content_type=content_type,
        fetched_at=utc_now(),
        body=body,
        encoding=encoding,
        text=text,
        warnings=tuple(warnings),
        etag=response.headers.get("etag"),
        last_modified=response.headers.get("last-modified"),
    )


def _media_type(header: str | None) -> str | None:
    """ "text/html; charset=utf-8" -> "text/html"; None when absent or blank."""
    media = (header or "").split(";", 1)[0].strip().lower()
    return media or None


def _charset(header: str | None) -> str | None:
    match = _CHARSET_PARAM.search(header or "")
    return match.group(1) if match else None


def _describe(exc: httpx.HTTPError, limits: FetchLimits, client: httpx.Client) -> str:
    """One line saying why a request failed, for a person to act on."""
    if isinstance(exc, httpx.TooManyRedirects):
        return f"too many redirects (more than {client.max_redirects})"
    if isinstance(exc, httpx.ConnectTimeout):
        return f"timed out (no connection within {limits.connect_timeout:g} s)"
    if isinstance(exc, httpx.ReadTimeout):
        return f"timed out (no data for {limits.read_timeout:g} s)"
    if isinstance(exc, httpx.TimeoutException):
        return "timed out"
    if isinstance(exc, httpx.ConnectError):
        return _describe_connect(exc)
    if isinstance(exc, httpx.DecodingError):
        return f"cannot decode the compressed body ({_one_line(str(exc))})"
    if isinstance(exc, httpx.UnsupportedProtocol):
        return f"unsupported URL ({_one_line(str(exc))})"
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"connection broken ({_one_line(str(exc))})"
    return f"request failed ({type(exc).__name__}: {_one_line(str(exc))})"


def _deadline_message(limits: FetchLimits) -> str:
    return f"timed out (no complete response within {limits.deadline:g} s; see --timeout)"


def _describe_connect(exc: httpx.ConnectError) -> str:
    cause = _os_error_behind(exc)
    if isinstance(cause, ssl.SSLCertVerificationError):
        return f"cannot connect (TLS certificate not trusted: {cause.verify_message})"
    if isinstance(cause, socket.gaierror):
        return f"cannot resolve host ({_os_reason(cause)})"
    if cause is not None:
        return f"cannot connect ({_os_reason(cause)})"
    return f"cannot connect ({_one_line(str(exc)) or type(exc).__name__})"


def _os_error_behind(exc: BaseException) -> OSError | None:
    """The socket-level error httpx and httpcore wrapped, if any."""
    cause = exc.__cause__ or exc.__context__
    while cause is not None and not isinstance(cause, OSError):
        cause = cause.__cause__ or cause.__context__
    return cause


def _os_reason(exc: OSError) -> str:
    if exc.strerror:
        return exc.strerror.lower()
    if exc.errno:
        return os.strerror(exc.errno).lower()
    return _one_line(str(exc)) or type(exc).__name__


# --- files -----------------------------------------------------------------


def _read_bytes(path: str, max_bytes: int) -> bytes:
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise SourceError(f"{shown(path)}: not a regular file")
        if info.st_size > max_bytes:
            raise FetchError(f"{shown(path)}: file larger than {_size(max_bytes)} limit")
        with open(path, "rb") as handle:
            body = handle.read(max_bytes + 1)  # the file may have grown since stat
    except FileNotFoundError as exc:
        raise SourceError(f"{shown(path)}: no such file or directory") from exc
    except OSError as exc:
        raise SourceError(f"{shown(path)}: cannot read ({_os_reason(exc)})") from exc
    if len(body) > max_bytes:
        raise FetchError(f"{shown(path)}: file larger than {_size(max_bytes)} limit")
    return body


# --- small helpers -----------------------------------------------------------


def _size(n_bytes: int) -> str:
    """10485760 -> "10 MB"; sizes that aren't whole units stay in bytes."""
    for unit, factor in (("MB", 1024 * 1024), ("KB", 1024)):
        if n_bytes >= factor and n_bytes % factor == 0:
            return f"{n_bytes // factor} {unit}"
    return f"{n_bytes} bytes"


def _one_line(message: str) -> str:
    return " ".join(message.split())
