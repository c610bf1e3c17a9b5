"""Turn command-line source arguments into a list of URLs and files.

Each argument is an http(s) URL, a file, or a directory whose articles are
taken in name order. A bad argument becomes an error in the returned list
rather than an exception, so one typo never stops the other sources.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlsplit

from verify.config import ARTICLE_SUFFIXES
from verify.errors import SourceError
from verify.fetch.hints import url_hint

URL_SCHEMES = ("http", "https")
# Schemes written without "//" that are still clearly URLs, not file names.
_OPAQUE_SCHEMES = frozenset({"about", "data", "file", "javascript", "mailto", "news", "tel"})
# RFC 3986 section 3.1; two characters at least, so "C:" is never taken for one.
_SCHEME_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+):")


# Messages name a source by at most this many characters: a 100 KB URL once filled
# the terminal with itself.
SHOWN_CHARS = 200
# "user:password@" in a URL's authority.
_USERINFO_RE = re.compile(r"(?<=//)[^/?#@\s]*@")


def redact_url(source: str) -> str:
    """``source`` without the user name and password a URL may carry.

    They may be needed to fetch the page, but are never stored, printed or
    exported: "http://user:pw@host/x" is kept as "http://host/x".
    """
    if "@" not in source:
        return source
    return _USERINFO_RE.sub("", source, count=1) if is_url(source) else source


def shown(source: str) -> str:
    """A source as messages name it: without credentials, long ones cut short."""
    text = _USERINFO_RE.sub("", source)
    if len(text) <= SHOWN_CHARS:
        return text
    return f"{text[: SHOWN_CHARS - 1]}… ({len(text):,} characters)"


def is_url(arg: str) -> bool:
    """True for an http or https URL with a host."""
    try:
        parts = urlsplit(arg)
    except ValueError:  # "http://[::1:80/": an address urlsplit cannot read
        return False
    return parts.scheme.lower() in URL_SCHEMES and bool(parts.netloc)


def expand_sources(args: Sequence[str]) -> tuple[list[str], list[SourceError]]:
    """Return (sources to load, in order; errors for the arguments that can't be used)."""
    sources: list[str] = []
    errors: list[SourceError] = []
    for arg in args:
        try:
            sources.extend(_expand_one(arg))
        except SourceError as exc:
            errors.append(exc)
    return sources, errors


def _expand_one(arg: str) -> list[str]:
    if not arg:
        # Path("") is the current directory, which is never what an empty argument meant.
        raise SourceError("'': empty source (give a URL, file or directory)")
    if is_url(arg):
        return [arg]
    if _foreign_scheme(arg) in URL_SCHEMES:
        try:
            urlsplit(arg)
        except ValueError as exc:
            raise SourceError(f"{shown(arg)}: invalid URL ({str(exc).lower()})") from exc
    path = Path(arg)
    try:
        if path.is_dir():
            return _articles_in(arg, path)
        if path.is_file():
            return [arg]
        if path.exists():
            raise SourceError(f"{shown(arg)}: not a regular file or directory")
    except OSError as exc:  # a name too long for the file system, for one
        raise SourceError(f"{shown(arg)}: cannot use as a path ({_reason(exc)})") from exc
    scheme = _foreign_scheme(arg)
    if scheme in URL_SCHEMES:
        raise SourceError(f"{shown(arg)}: URL has no host")
    if scheme is not None:
        raise SourceError(f"{shown(arg)}: unsupported URL scheme {scheme!r} (only http and https)")
    hint = url_hint(arg) if len(arg) <= SHOWN_CHARS else ""  # never repeat a huge one
    raise SourceError(f"{shown(arg)}: no such file or directory{hint}")


def _foreign_scheme(arg: str) -> str | None:
    """The scheme of a URL we don't fetch, or None when ``arg`` looks like a path."""
    match = _SCHEME_RE.match(arg)
    if match is None:
        return None
    scheme = match.group(1).lower()
    if arg[match.end() :].startswith("//") or scheme in _OPAQUE_SCHEMES:
        return scheme
    return None


def _articles_in(arg: str, path: Path) -> list[str]:
    try:
        entries = sorted(path.iterdir(), key=lambda entry: entry.name)
    except OSError as exc:
        raise SourceError(f"{shown(arg)}: cannot read directory ({_reason(exc)})") from exc
    found = [
        str(entry)
        for entry in entries
        if entry.suffix.lower() in ARTICLE_SUFFIXES and entry.is_file()
    ]
    if not found:
        raise SourceError(f"{shown(arg)}: directory holds no .html, .htm or .txt files")
    return found


def _reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()
