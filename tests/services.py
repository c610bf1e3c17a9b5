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
