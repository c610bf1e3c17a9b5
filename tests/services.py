"""Wikidata, Wikipedia and the Wayback Machine served from loopback, in their real shapes.

The responses are written for the tests (``fixtures/wikidata``, ``fixtures/wikipedia``,
``fixtures/wayback``; invented item ids), served by pytest-httpserver at the paths the
real services use, so the connectors' own HTTP and parsing code runs unchanged.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from verify.cli import cli

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
WIKIDATA = FIXTURES / "wikidata"


def article_file(directory: Path, headline: str, date: str, *paragraphs: str) -> str:
    """A plain-text article: its headline, its date line, its paragraphs."""
    path = directory / "article.txt"
    path.write_text("\n\n".join([headline, date, *paragraphs]) + "\n", encoding="utf-8")
    return str(path)


def check_report(*args: str) -> dict[str, Any]:
    """``verify check ... --format json``, which must finish (0 or 1), as JSON."""
    result = CliRunner().invoke(cli, ["check", *args, "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def _json(data: Any, status: int = 200, **headers: str) -> Response:
    body = json.dumps(data, ensure_ascii=False)
    return Response(body, status, headers, content_type="application/json; charset=utf-8")


def wikidata_entities() -> dict[str, dict[str, Any]]:
    """Every entity the fixtures hold, items and the label-only records, by id."""
    entities: dict[str, dict[str, Any]] = {}
    for path in sorted(WIKIDATA.glob("*.json")):
        entities.update(json.loads(path.read_text(encoding="utf-8"))["entities"])
    return entities


def serve_wikidata(server: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> str:
    """Special:EntityData for the fixture items and wbgetentities for any fixture id."""
    entities = wikidata_entities()

    def entity_data(request: Request) -> Response:
        item = re.search(r"(Q\d+)\.json$", request.path)
        path = WIKIDATA / f"{item.group(1) if item else ''}.json"
        if not path.is_file():
            return Response("Not Found: no such entity", 404, content_type="text/plain")
        return Response(path.read_bytes(), content_type="application/json; charset=utf-8")

    def api(request: Request) -> Response:
        assert request.args.get("action") == "wbgetentities", request.args
        found = {}
        for entity_id in request.args["ids"].split("|"):
            entity = entities.get(entity_id)
            if entity is None:
                found[entity_id] = {"id": entity_id, "missing": ""}
                continue
            kept = ("type", "id", "labels", "aliases", "datatype")
            found[entity_id] = {k: v for k, v in entity.items() if k in kept}
        return _json({"entities": found, "success": 1})

    server.expect_request(re.compile(r"^/wiki/Special:EntityData/")).respond_with_handler(
        entity_data
    )
    server.expect_request("/w/api.php").respond_with_handler(api)
    base = server.url_for("/").rstrip("/")
    monkeypatch.setenv("VERIFY_WIKIDATA_URL", base)
    return base


def requests_to(server: HTTPServer, path: str) -> list[Request]:
    return [request for request, _ in server.log if request.path.startswith(path)]


WIKIPEDIA = FIXTURES / "wikipedia"


def serve_wikipedia(server: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> str:
    """The MediaWiki API's revision query over the fixture pages' histories, and
    ``index.php?oldid=...&action=render`` for each fixture revision."""

    def api(request: Request) -> Response:
        asked = request.args["titles"]
        title = asked.replace("_", " ")
        path = WIKIPEDIA / f"{title.replace(' ', '_')}.json"
        query: dict[str, Any] = {}
        if title != asked:
            query["normalized"] = [{"from": asked, "to": title}]
        if not path.is_file():
            query["pages"] = {"-1": {"ns": 0, "title": title, "missing": ""}}
            return _json({"batchcomplete": "", "query": query})
        history = json.loads(path.read_text(encoding="utf-8"))
        start = request.args.get("rvstart")  # newest first: the first at or before it
        older = [r for r in history["revisions"] if start is None or r["timestamp"] <= start]
        page = {k: history[k] for k in ("pageid", "ns", "title")}
        if older:
            page["revisions"] = older[: int(request.args.get("rvlimit", "1"))]
        query["pages"] = {str(history["pageid"]): page}
        answer: dict[str, Any] = {"batchcomplete": "", "query": query}
        if len(older) > 1:
            answer["continue"] = {"rvcontinue": f"20190104|{older[1]['revid']}", "continue": "||"}
        return _json(answer)

    def render(request: Request) -> Response:
        assert request.args["action"] == "render"
        path = WIKIPEDIA / f"{int(request.args['oldid'])}.html"
        if not path.is_file():
            return Response("nosuchrevid", 404, content_type="text/plain")
        return Response(path.read_bytes(), content_type="text/html; charset=UTF-8")

    server.expect_request("/w/api.php").respond_with_handler(api)
    server.expect_request("/w/index.php").respond_with_handler(render)
    base = server.url_for("/").rstrip("/")
    monkeypatch.setenv("VERIFY_WIKIPEDIA_URL", base)
    return base


WAYBACK = FIXTURES / "wayback"
CDX_FIELDS = ["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"]


def serve_wayback(server: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> str:
    """The CDX API over the fixture captures, and each capture raw (``id_``); a
    timestamp without a capture redirects to the nearest one, as the archive does."""
    archive = json.loads((WAYBACK / "captures.json").read_text(encoding="utf-8"))
    captures = archive["captures"]

    def cdx(request: Request) -> Response:
        assert request.args["output"] == "json" and request.args["limit"] == "-1"
        assert request.args["filter"] == "statuscode:200"
        wanted = request.args["url"].split("://")[-1]
        to = request.args.get("to", "9" * 14)
        rows = [
            [archive["urlkey"], *(c[f] for f in CDX_FIELDS[1:])]
            for c in captures
            if c["original"].split("://")[-1] == wanted and c["timestamp"][: len(to)] <= to
        ]
        return _json([CDX_FIELDS, *rows[-1:]] if rows else [])

    def replay(request: Request) -> Response:
        match = re.match(r"^/web/(\d{14})id_/(.+)$", request.path)
        assert match, request.path
        stamp, url = match.groups()
        by_time = {c["timestamp"]: c for c in captures}
        if stamp not in by_time:
            nearest = min(by_time, key=lambda t: abs(int(t) - int(stamp)))
            return Response("", 302, {"Location": f"/web/{nearest}id_/{url}"})
        body = (WAYBACK / by_time[stamp]["file"]).read_bytes()
        headers = {"X-Archive-Orig-Content-Type": "text/html; charset=utf-8"}
        return Response(body, 200, headers, content_type="text/html; charset=utf-8")

    server.expect_request("/cdx/search/cdx").respond_with_handler(cdx)
    server.expect_request(re.compile(r"^/web/")).respond_with_handler(replay)
    base = server.url_for("/").rstrip("/")
    monkeypatch.setenv("VERIFY_WAYBACK_URL", base)
    return base
