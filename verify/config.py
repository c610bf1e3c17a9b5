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
