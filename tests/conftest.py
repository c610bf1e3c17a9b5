"""Shared fixtures: a database per test, and the fixture files served over real HTTP."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
}


@pytest.fixture(autouse=True)
def db_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the default database at a fresh file so no test touches ./claims.db."""
    path = tmp_path / "claims.db"
    monkeypatch.setenv("VERIFY_DB", str(path))
    return path


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture
def fixture_site(httpserver):  # type: ignore[no-untyped-def]
    """Serve every file under fixtures/ at its relative path, bytes as stored.

    Pages that declare a legacy charset in a <meta> get no charset in the
    header, as old servers send them, so the page's own declaration is used.
    """
    for path in sorted(FIXTURES.rglob("*")):
        if path.suffix not in CONTENT_TYPES:
            continue
        body = path.read_bytes()
        content_type = CONTENT_TYPES[path.suffix]
        if b"windows-1252" in body[:2048].lower():
            content_type = content_type.split(";")[0]
        url = "/" + path.relative_to(FIXTURES).as_posix()
        httpserver.expect_request(url).respond_with_data(body, content_type=content_type)
    return httpserver


@pytest.fixture(scope="session")
def checked_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One check of the fixture articles against the references, made once."""
    from faults import checked_database

    return checked_database(tmp_path_factory.mktemp("checked"))


@pytest.fixture
def checked(checked_template: Path, tmp_path: Path) -> Path:
    """A database holding a check of the fixtures: this test's own copy."""
    from faults import copy_database

    return copy_database(checked_template, tmp_path)


@pytest.fixture(autouse=True)
def no_public_services(monkeypatch: pytest.MonkeyPatch) -> None:
    """Connectors reach nothing but the test's own servers: the services' bases point
    at a closed loopback port until a test serves them, and no pause is taken between
    two requests to the loopback server (tests of the pause set their own)."""
    for name in ("VERIFY_WIKIDATA_URL", "VERIFY_WIKIPEDIA_URL", "VERIFY_WAYBACK_URL"):
        monkeypatch.setenv(name, "http://127.0.0.1:9")
    monkeypatch.setenv("VERIFY_REQUEST_PAUSE", "0")
    monkeypatch.setenv("VERIFY_CONTACT", "factcheck-desk@newsroom.example")
