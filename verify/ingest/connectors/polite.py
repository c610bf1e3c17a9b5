"""Asking public services politely: what Wikimedia and the Internet Archive ask of tools.

An httpx transport, so every request a connector makes (JSON API calls, pages,
captures) gets the same treatment without each connector remembering it:

- a User-Agent naming the tool and a contact (Wikimedia's User-Agent policy);
- one request at a time per host, with a pause between two;
- a 429 or 503 answer, or Wikimedia's maxlag answer (an ``X-Database-Lag`` header:
  the API's replicas lag more than the ``maxlag`` we sent), is tried again after
  the ``Retry-After`` the service gives (RFC 9110, section 10.2.3), a few times.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import httpx

from verify.config import Politeness
from verify.fetch import DeadlineTransport

RETRY_STATUSES = frozenset({429, 503})
LAG_HEADER = "x-database-lag"


class PoliteTransport(httpx.BaseTransport):
    """Sends each request through ``inner`` at the pace ``politeness`` sets."""

    def __init__(
        self,
        politeness: Politeness,
        user_agent: str,
        inner: httpx.BaseTransport | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.politeness = politeness
        self.user_agent = user_agent
        # The fetch deadline (``--timeout``) holds for connector requests too.
        self._inner = inner or DeadlineTransport()
        self._sleep = sleep
        self._clock = clock
        self._guard = threading.Lock()
        self._hosts: dict[str, threading.Lock] = {}
        self._last: dict[str, float] = {}

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.headers["User-Agent"] = self.user_agent
        host = request.url.netloc.decode("ascii")
        attempt = 0
        while True:
            response = self._send(host, request)
            wait = self._retry_wait(response)
            if wait is None or attempt >= self.politeness.retries:
                return response
            response.close()
            self._sleep(wait)
            attempt += 1

    def close(self) -> None:
        self._inner.close()

    def _send(self, host: str, request: httpx.Request) -> httpx.Response:
        with self._lock(host):
            last = self._last.get(host)
            if last is not None:
                wait = last + self.politeness.pause - self._clock()
                if wait > 0:
                    self._sleep(wait)
            try:
                return self._inner.handle_request(request)
            finally:
                self._last[host] = self._clock()

    def _lock(self, host: str) -> threading.Lock:
        with self._guard:
            return self._hosts.setdefault(host, threading.Lock())

    def _retry_wait(self, response: httpx.Response) -> float | None:
        """Seconds to wait before asking again, or None to take this answer."""
        lagging = LAG_HEADER in response.headers
        if response.status_code not in RETRY_STATUSES and not lagging:
            return None
        header = response.headers.get("retry-after")
        wait = retry_after(header) if header else self.politeness.retry_wait
        if wait is None or wait > self.politeness.max_retry_after:
            return None  # too long to wait: the answer stands, and says why
        return wait


def retry_after(value: str, now: datetime | None = None) -> float | None:
    """A Retry-After value in seconds: "120", or an HTTP date; None when unreadable."""
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())
