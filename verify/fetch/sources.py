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


def is_url(arg: str) -> bool:
    """True for an http or https URL with a host."""
    parts = urlsplit(arg)
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
    if is_url(arg):
        return [arg]
    path = Path(arg)
    if path.is_dir():
        return _articles_in(arg, path)
    if path.is_file():
        return [arg]
    if path.exists():
        raise SourceError(f"{arg}: not a regular file or directory")
    scheme = _foreign_scheme(arg)
    if scheme in URL_SCHEMES:
        raise SourceError(f"{arg}: URL has no host")
    if scheme is not None:
        raise SourceError(f"{arg}: unsupported URL scheme {scheme!r} (only http and https)")
    raise SourceError(f"{arg}: no such file or directory{url_hint(arg)}")


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
        raise SourceError(f"{arg}: cannot read directory ({_reason(exc)})") from exc
    found = [
        str(entry)
        for entry in entries
        if entry.suffix.lower() in ARTICLE_SUFFIXES and entry.is_file()
    ]
    if not found:
        raise SourceError(f"{arg}: directory holds no .html, .htm or .txt files")
    return found


def _reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()
