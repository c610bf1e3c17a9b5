"""Connectors as plugins, and the politeness every connector request gets (issue 15)."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner
from pytest_httpserver import HTTPServer
from services import article_file, check_report
from werkzeug import Response

from verify.cli import cli
from verify.config import Politeness
from verify.ingest.connectors import (
    Connector,
    PoliteTransport,
    Session,
    connector_for,
    hookimpl,
    plugins,
    retry_after,
)
from verify.records import Fetched

AGENT = "verify/test (tests; desk@newsroom.example)"
ARCHIVE_PAGE = b"""<html><head><title>Budget 2021 - Newsroom archive</title></head><body>
<article><h1>Budget 2021</h1><p>Published 2 March 2021</p>
<p>The council approved a budget of 40 million crowns for the harbour on 1 March 2021.</p>
</article></body></html>"""


class NewsroomArchive:
    """A newsroom's own archive: ``newsroom:ID`` is a page of its archive server."""

    def __init__(self, base: str) -> None:
        self.base = base

    def fetch(self, reference: str, session: Session) -> Fetched:
        page = session.fetch(f"{self.base}/archive/{reference.partition(':')[2]}")
        return replace(page, source=reference)

    @hookimpl
    def register_connectors(self, register: Any) -> None:
        register(Connector("newsroom", self.fetch, example="newsroom:budget-2021"))


@pytest.fixture
def archive(httpserver: HTTPServer) -> Iterator[HTTPServer]:
    httpserver.expect_request("/archive/budget-2021").respond_with_data(
        ARCHIVE_PAGE, content_type="text/html; charset=utf-8"
    )
    plugin = NewsroomArchive(httpserver.url_for("").rstrip("/"))
    plugins.register(plugin)
    yield httpserver
    plugins.unregister(plugin)


def test_a_plugin_registers_a_scheme_without_forking(archive: HTTPServer, tmp_path: Path) -> None:
    article = article_file(
        tmp_path,
        "Harbour budget passes",
        "3 March 2021",
        "The council approved a budget of 40 million crowns for the harbour on 1 March 2021.",
    )
    [claim] = check_report(article, "--ref", "newsroom:budget-2021")["documents"][0]["claims"]
    assert claim["verdict"] == "supported"
    assert claim["evidence"][0]["source"] == "newsroom:budget-2021"
    assert claim["evidence"][0]["url"] == archive.url_for("/archive/budget-2021")


def test_a_plugin_is_gone_once_unregistered(archive: HTTPServer) -> None:
    assert connector_for("newsroom:x") is not None
    assert connector_for("wikidata:Q1") is not None and connector_for("https://x.org/") is None


def test_an_unknown_scheme_says_which_are_known(db_path: Path) -> None:
    result = CliRunner().invoke(cli, ["ingest", "wikidta:Q42"])
    assert result.exit_code == 2
    assert result.stderr == (
        "error: wikidta:Q42: no such file, and no connector for wikidta: "
        "(known: wayback:, wikidata:, wikipedia:)\n"
    )


def test_a_bad_pause_setting_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VERIFY_REQUEST_PAUSE", "soon")
    result = CliRunner().invoke(cli, ["ingest", "wikidata:Q42"])
    assert result.exit_code == 2
    assert "VERIFY_REQUEST_PAUSE=soon: expected a number of seconds" in result.stderr


# --- politeness ------------------------------------------------------------------------


class Clock:
    """Time that passes only when slept through, so waits are exact and instant."""

    def __init__(self) -> None:
        self.now = 100.0
        self.slept: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.slept.append(round(seconds, 3))
        self.now += seconds

    def __call__(self) -> float:
        return self.now


def polite_client(clock: Clock, politeness: Politeness | None = None) -> httpx.Client:
    transport = PoliteTransport(
        politeness or Politeness(pause=1.0), AGENT, sleep=clock.sleep, clock=clock
    )
    return httpx.Client(transport=transport)


def test_a_pause_between_two_requests_to_one_host(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/a").respond_with_data("a")
    clock = Clock()
    with polite_client(clock) as client:
        for _ in range(3):
            client.get(httpserver.url_for("/a"))
    assert clock.slept == [1.0, 1.0]
    agents = {request.headers["User-Agent"] for request, _ in httpserver.log}
    assert agents == {AGENT}


def test_retries_after_429_and_503_as_long_as_retry_after_says(httpserver: HTTPServer) -> None:
    later = datetime.fromtimestamp(datetime.now(UTC).timestamp() // 1 + 30, UTC)
    answers = iter(
        [
            Response("slow down", 429, {"Retry-After": "7"}),
            Response("busy", 503, {"Retry-After": later.strftime("%a, %d %b %Y %H:%M:%S GMT")}),
            Response("at last", 200),
        ]
    )
    httpserver.expect_request("/busy").respond_with_handler(lambda request: next(answers))
    clock = Clock()
    with polite_client(clock, Politeness(pause=0)) as client:
        response = client.get(httpserver.url_for("/busy"))
    assert response.text == "at last"
    assert clock.slept[0] == 7.0 and 25 <= clock.slept[1] <= 31


def test_maxlag_answers_are_waited_out(httpserver: HTTPServer) -> None:
    lagging = {"error": {"code": "maxlag", "info": "Waiting for a database server: 6 s lagged"}}
    answers = iter(
        [
            Response(json.dumps(lagging), 200, {"Retry-After": "5", "X-Database-Lag": "6"}),
            Response(json.dumps({"entities": {}}), 200),
        ]
    )
    httpserver.expect_request("/w/api.php").respond_with_handler(lambda request: next(answers))
    clock = Clock()
    with polite_client(clock, Politeness(pause=0)) as client:
        response = client.get(httpserver.url_for("/w/api.php"))
    assert response.json() == {"entities": {}} and clock.slept == [5.0]


def test_gives_up_when_told_to_wait_too_long_or_too_often(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/never").respond_with_data("go away", 429, {"Retry-After": "3600"})
    httpserver.expect_request("/down").respond_with_data("down", 503)
    clock = Clock()
    with polite_client(clock, Politeness(pause=0, retries=2, retry_wait=4)) as client:
        assert client.get(httpserver.url_for("/never")).status_code == 429
        assert clock.slept == []
        assert client.get(httpserver.url_for("/down")).status_code == 503
    assert clock.slept == [4.0, 4.0]  # no Retry-After: the configured wait, twice


def test_the_session_waits_for_real(httpserver: HTTPServer, monkeypatch: Any) -> None:
    monkeypatch.setenv("VERIFY_REQUEST_PAUSE", "0.3")
    httpserver.expect_request("/j").respond_with_json({"ok": True})
    with Session() as session:
        started = time.monotonic()
        answers = [session.get_json(httpserver.url_for("/j")) for _ in range(2)]
        elapsed = time.monotonic() - started
    assert [a.data for a in answers] == [{"ok": True}] * 2 and elapsed >= 0.3
    for request, _ in httpserver.log:  # the contact comes from VERIFY_CONTACT
        assert request.headers["User-Agent"].endswith("; factcheck-desk@newsroom.example)")


def test_retry_after_reads_seconds_and_dates() -> None:
    now = datetime(2026, 1, 5, 10, 0, 0, tzinfo=UTC)
    assert retry_after("120") == 120.0
    assert retry_after("Mon, 05 Jan 2026 10:01:00 GMT", now) == 60.0
    assert retry_after("Mon, 05 Jan 2026 09:00:00 GMT", now) == 0.0
    assert retry_after("whenever") is None
