"""Named limits and defaults, in one place (no magic numbers in functions)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from verify import __version__

USER_AGENT = f"verify/{__version__} (+source verification tool)"
DEFAULT_DB = "claims.db"
DB_ENV_VAR = "VERIFY_DB"

# What a directory source contributes, in sorted order.
ARTICLE_SUFFIXES = (".html", ".htm", ".txt")


@dataclass(frozen=True)
class FetchLimits:
    connect_timeout: float = 10.0  # seconds
    read_timeout: float = 30.0  # seconds between bytes, not for the whole body
    max_redirects: int = 10
    max_bytes: int = 10 * 1024 * 1024  # decoded body size, checked while streaming


def _default_db_path() -> Path:
    return Path(os.environ.get(DB_ENV_VAR) or DEFAULT_DB)
