"""`verify extract`: the JSON Lines contract and the text view, on the fixture pages
served over real HTTP on 127.0.0.1 and on files, with bad sources as in ingest."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from click.testing import CliRunner

from verify.cli import cli

FIELDS = {
    "source", "url", "title", "author", "publisher", "published", "published_source",
    "text", "passages", "warnings",
}  # fmt: skip
STORY = (
    "<p>Der Verein hat seit 1999 dreißig Mitglieder, sagte die Sekretärin am Montag "
    "nach der Versammlung im Rathaus.</p><p>Zwölf Mitglieder stimmten für den neuen "
    "Vorstand und drei dagegen, so das Protokoll der Sitzung.</p>"
)


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args))


def records(output: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.splitlines()]


def test_json_lines_one_object_per_source(fixture_site) -> None:  # type: ignore[no-untyped-def]
    a = fixture_site.url_for("/pages/article-a.html")
    holders = fixture_site.url_for("/references/office-holders.html")
    result = run("extract", a, holders, "--json")
    assert result.exit_code == 0, result.output
    first, second = records(result.output)
    for item in (first, second):
        assert set(item) == FIELDS
        text = item["text"]
        assert isinstance(text, str) and isinstance(item["passages"], list)
        for passage in item["passages"]:
            assert text[passage["start"] : passage["end"]] == passage["text"]
    assert (first["source"], first["url"]) == (a, a)
    assert first["author"] == "Marcus Ellery"
    assert first["publisher"] == "The Beltway Dispatch"
    assert (first["published"], first["published_source"]) == ("2022-02-24", "json-ld")
    assert "Cookie" not in first["text"] and "invoked six times" in first["text"]
    # A table row keeps its column headers; the page's "Last reviewed" is an update date.
    row = second["passages"][2]
    assert row["kind"] == "table_row"
    assert row["text"] == (
        "Office: President of Lithuania; Holder: Dalia Grybauskaitė; "
        "Took office: 12 July 2009; Left office: 12 July 2019"
    )
    assert second["published_source"] == "dateline modified"


def test_text_view_and_an_undated_page(fixtures_dir: Path) -> None:
    page = fixtures_dir / "pages" / "article-b.html"
    result = run("extract", str(page))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == str(page)
    assert "  published: - (the page gives no date)" in lines
    assert "  author:    -" in lines
    assert any(line.startswith("  [paragraph] ") for line in lines)
    [item] = records(run("extract", str(page), "--json").output)
    assert item["published"] is None and item["published_source"] is None
    assert item["url"] is None


def extract_dated_page(tmp_path: Path, date_text: str) -> dict[str, object]:
    """A German page whose only date is in a "date" box, as htmldate reads them."""
    page = tmp_path / "verein.html"
    page.write_text(
        "<html><body><article><h1>Neuer Vorstand gewählt</h1>"
        f"<div class='date'>{date_text}</div>{STORY}</article></body></html>",
        encoding="utf-8",
    )
    [item] = records(run("extract", str(page), "--json").output)
    return item


def test_a_date_only_htmldate_reads(tmp_path: Path) -> None:
    item = extract_dated_page(tmp_path, "12/03/2019")  # day/month/year: our rules read it not
    assert (item["published"], item["published_source"]) == ("2019-03-12", "htmldate")


def test_never_todays_date_from_a_search_of_the_page(tmp_path: Path) -> None:
    today = datetime.now(UTC).date()
    # Day/month/year: only htmldate reads it, and today is a clock, not a date.
    item = extract_dated_page(tmp_path, today.strftime("%d/%m/%Y"))
    assert item["published"] is None and item["published_source"] is None


def test_bad_sources_one_line_each_and_others_still_read(  # type: ignore[no-untyped-def]
    httpserver, fixtures_dir: Path, tmp_path: Path
) -> None:
    httpserver.expect_request("/404").respond_with_data("gone", status=404)
    missing = str(tmp_path / "missing.html")
    gone = httpserver.url_for("/404")
    good = str(fixtures_dir / "articles")
    result = run("extract", missing, gone, good, "--json")
    assert result.exit_code == 1
    assert len(records(result.stdout)) == 2  # the two plain-text articles
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 2
    assert any(missing in e and "no such file" in e for e in errors)
    assert any(gone in e and "404" in e for e in errors)
    assert run("extract", missing, gone).exit_code == 2
