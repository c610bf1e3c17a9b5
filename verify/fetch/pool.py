"""Fetch many sources at once: one shared client, a bounded pool of threads, and a
limit per host so one site is never sent more than a few requests at a time.

Fetching is waiting on the network, so threads suffice (each thread's deadline is
its own, see ``deadline.py``); one client keeps connections alive between pages
of a site instead of opening one per URL.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType
from urllib.parse import urlsplit

import httpx

from verify.config import PER_HOST_REQUESTS, FetchLimits
from verify.fetch.loader import load, make_client, revalidate
from verify.fetch.sources import is_url
from verify.records import Fetched


class FetchPool:
    """``submit`` a source (with the validators of its stored copy, to refresh it)
    and get a future of its ``Fetched``; errors are the loader's ``VerifyError`` and
    ``NotModified``. Use as a context manager: leaving it closes the client."""

    def __init__(
        self,
        limits: FetchLimits,
        jobs: int,
        *,
        client: httpx.Client | None = None,
        connector: Callable[[str], Fetched | None] | None = None,
    ) -> None:
        self.limits = limits
        # Fetches a source the loader cannot (``wikidata:Q42``), or answers None.
        self._connector = connector
        self._own = client is None
        self.client = client or make_client(limits)
        self._threads = ThreadPoolExecutor(max_workers=max(1, jobs), thread_name_prefix="fetch")
        self._hosts: dict[str, threading.BoundedSemaphore] = {}
        self._lock = threading.Lock()

    def submit(
        self, source: str, etag: str | None = None, last_modified: str | None = None
    ) -> Future[Fetched]:
        return self._threads.submit(self._get, source, etag, last_modified)

    def _get(self, source: str, etag: str | None, last_modified: str | None) -> Fetched:
        fetched = self._connector(source) if self._connector else None
        if fetched is not None:
            return fetched
        if not is_url(source):
            return load(source, self.limits)
        with self._host(source):
            if etag or last_modified:
                return revalidate(source, etag, last_modified, self.limits, self.client)
            return load(source, self.limits, client=self.client)

    def _host(self, url: str) -> threading.BoundedSemaphore:
        try:
            host = (urlsplit(url).hostname or "").lower()
        except ValueError:
            host = ""
        with self._lock:
            if host not in self._hosts:
                self._hosts[host] = threading.BoundedSemaphore(PER_HOST_REQUESTS)
            return self._hosts[host]

    def close(self, *, interrupted: bool = False) -> None:
        """Drop the fetches not yet started. After Ctrl-C or an error, closing the
        client first ends those in flight at once instead of waiting them out."""
        if interrupted and self._own:
            self.client.close()
        self._threads.shutdown(wait=True, cancel_futures=True)
        if self._own:
            self.client.close()

    def __enter__(self) -> FetchPool:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close(interrupted=value is not None)
