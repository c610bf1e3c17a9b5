"""What a connector works with: a polite HTTP client, the settings, the date wanted.

One ``Session`` per ingest: its client (made on first use, so a run without
connector references opens none) carries ``PoliteTransport``, and its settings
come from the environment it was given (``VERIFY_WIKIDATA_URL``, ``VERIFY_CONTACT``
...), read when a connector asks, never from module globals.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import httpx

from verify import __version__
from verify.config import CONTACT_VAR, PAUSE_VAR, FetchLimits, Politeness
from verify.errors import FetchError, SourceError
from verify.fetch import deadline, fetch_url
from verify.ingest.connectors.polite import PoliteTransport
from verify.records import Fetched, utc_now

JSON_ACCEPT = "application/json"


@dataclass(frozen=True)
class Answer:
    """A JSON response, as received and decoded."""

    url: str  # final URL
    status: int
    body: bytes
    data: Any
    fetched_at: str

    def fetched(self, source: str) -> Fetched:
        """The response as a fetched document of ``source``."""
        return Fetched(
            source=source,
            url=self.url,
            status=self.status,
            content_type="application/json",
            fetched_at=self.fetched_at,
            body=self.body,
            encoding="utf-8",
            text=self.body.decode("utf-8", "replace"),
        )


@dataclass
class Session:
    """The connectors' access to the network for one ingest."""

    limits: FetchLimits = field(default_factory=FetchLimits)
    # The date a reference without one of its own is read as of (the article's
    # date when checking); None: the latest.
    as_of: str | None = None
    environ: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))
    _client: httpx.Client | None = None

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def setting(self, name: str, default: str) -> str:
        """An environment setting, or ``default`` when unset or blank."""
        return (self.environ.get(name) or "").strip() or default

    @property
    def contact(self) -> str | None:
        return self.setting(CONTACT_VAR, "") or None

    @property
    def user_agent(self) -> str:
        contact = f"; {self.contact}" if self.contact else ""
        return f"verify/{__version__} (source verification tool{contact})"

    def politeness(self) -> Politeness:
        pause = self.setting(PAUSE_VAR, "")
        if not pause:
            return Politeness()
        try:
            seconds = float(pause)
        except ValueError:
            seconds = -1.0
        if not 0 <= seconds < float("inf"):
            raise SourceError(f"{PAUSE_VAR}={pause}: expected a number of seconds, 0 or more")
        return replace(Politeness(), pause=seconds)

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            limits = self.limits
            transport = PoliteTransport(self.politeness(), self.user_agent)
            self._client = httpx.Client(
                transport=transport,
                follow_redirects=True,
                max_redirects=limits.max_redirects,
                timeout=httpx.Timeout(
                    limits.read_timeout, connect=limits.connect_timeout, pool=None
                ),
            )
        return self._client

    def fetch(self, url: str) -> Fetched:
        """A page, PDF or text, read as the loader reads any URL, politely."""
        return fetch_url(url, self.limits, client=self.client)

    def get_json(self, url: str, params: Mapping[str, str] | None = None) -> Answer:
        """A JSON API's answer; an error status, an oversized or non-JSON body, or an
        ``{"error": ...}`` answer (MediaWiki's) is a ``FetchError``."""
        request = self.client.build_request(
            "GET", url, params=params, headers={"Accept": JSON_ACCEPT}
        )
        shown = str(request.url)
        try:
            with deadline(self.limits.deadline):
                response = self.client.send(request, stream=True)
                try:
                    body = self._body(shown, response)
                finally:
                    response.close()
        except httpx.TimeoutException as exc:
            raise FetchError(f"{shown}: timed out") from exc
        except httpx.HTTPError as exc:
            raise FetchError(f"{shown}: request failed ({type(exc).__name__}: {exc})") from exc
        return Answer(str(response.url), response.status_code, body, _json(shown, body), utc_now())

    def _body(self, shown: str, response: httpx.Response) -> bytes:
        if not 200 <= response.status_code < 300:
            phrase = httpx.codes.get_reason_phrase(response.status_code)
            raise FetchError(f"{shown}: HTTP {response.status_code} {phrase}".rstrip())
        chunks, total = [], 0
        for chunk in response.iter_bytes():
            total += len(chunk)
            if total > self.limits.max_bytes:
                raise FetchError(f"{shown}: body larger than {self.limits.max_bytes} bytes")
            chunks.append(chunk)
        return b"".join(chunks)


def _json(shown: str, body: bytes) -> Any:
    try:
        data = json.loads(body)
    except ValueError as exc:
        raise FetchError(f"{shown}: not JSON ({exc})") from exc
    error = data.get("error") if isinstance(data, dict) else None
    if isinstance(error, dict):
        code, info = error.get("code", "error"), error.get("info", "")
        raise FetchError(f"{shown}: the service answered {code}: {info}".rstrip(": "))
    return data
