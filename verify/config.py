"""Named limits and defaults, in one place (no magic numbers in functions)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from verify import __version__

USER_AGENT = f"verify/{__version__} (+source verification tool)"
DEFAULT_DB = "claims.db"
DB_ENV_VAR = "VERIFY_DB"
# How long a write waits for another process's write to finish (SQLite's busy
# timeout, retried until then), so concurrent runs queue instead of failing.
DB_BUSY_TIMEOUT = 30.0  # seconds

# Sources fetched and analysed at once (--jobs): fetching is mostly waiting on the
# network; analysis runs in up to this many processes where there are cores for them.
DEFAULT_JOBS = 8
MAX_JOBS = 64
# Requests in flight to one host at most, whatever --jobs says, so a library of pages
# from one site does not hammer it.
PER_HOST_REQUESTS = 8
# Analysed documents are written in transactions of at most this many (or this many
# bytes of page), so memory stays bounded and a crash loses at most one batch.
WRITE_BATCH = 100
WRITE_BATCH_BYTES = 64 * 1024 * 1024
# A process pool pays for starting its workers: fewer sources are analysed in-process.
POOL_MIN_SOURCES = 16

# The version of the extraction rules, stored with every document (bumped when they
# change what a page's text or passages are). Here, not in verify.extract, so the
# stages that only compare it need not load the extractors (issue 14).
EXTRACTOR_VERSION = "3"

# What a directory source contributes, in sorted order.
ARTICLE_SUFFIXES = (".html", ".htm", ".txt")


@dataclass(frozen=True)
class FetchLimits:
    connect_timeout: float = 10.0  # seconds
    read_timeout: float = 30.0  # seconds between bytes, not for the whole body
    max_redirects: int = 10
    max_bytes: int = 10 * 1024 * 1024  # decoded body size, checked while streaming
    # The whole response (connect, headers, body, redirects) within this many seconds:
    # a server sending a byte every few seconds never trips the read timeout.
    deadline: float = 60.0
    # Reading one source's text and claims, so one slow page cannot starve the others
    # (a 10 MB page takes about a minute on a 2-core machine, see benchmarks/).
    analysis_timeout: float = 180.0


def _default_db_path() -> Path:
    return Path(os.environ.get(DB_ENV_VAR) or DEFAULT_DB)


# --- reference connectors (wikidata:, wikipedia:, wayback:) -------------------------

# Where each service is reached, so a mirror (or a test's loopback server) can stand in.
WIKIDATA_URL_VAR = "VERIFY_WIKIDATA_URL"
WIKIDATA_URL = "https://www.wikidata.org"
WIKIPEDIA_URL_VAR = "VERIFY_WIKIPEDIA_URL"
WIKIPEDIA_URL = "https://{lang}.wikipedia.org"  # {lang} is the reference's language
WAYBACK_URL_VAR = "VERIFY_WAYBACK_URL"
WAYBACK_URL = "https://web.archive.org"
# An email address or URL for the User-Agent: Wikimedia's policy asks every tool to
# name a way to reach whoever runs it.
CONTACT_VAR = "VERIFY_CONTACT"
PAUSE_VAR = "VERIFY_REQUEST_PAUSE"


@dataclass(frozen=True)
class Politeness:
    """How the connectors treat the services they ask: one request at a time per
    host, a pause between two, and retries when told to slow down (HTTP 429 or 503,
    or Wikimedia's maxlag answer), waiting as long as ``Retry-After`` says."""

    pause: float = 1.0  # seconds between two requests to one host
    retries: int = 3  # further tries after a 429, 503 or maxlag answer
    retry_wait: float = 5.0  # seconds to wait when the answer names no Retry-After
    max_retry_after: float = 120.0  # a longer Retry-After is an error, not a wait
    maxlag: int = 5  # seconds of replication lag Wikimedia's API may have (its maxlag)
