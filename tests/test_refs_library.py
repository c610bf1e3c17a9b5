"""The reference library (`verify refs add|list|refresh|remove`, `verify check` without
--ref) through click's CliRunner, on real files, a real HTTP server on 127.0.0.1 and
real SQLite databases."""

from __future__ import annotations

import json
from pathlib import Path

import sqlite_utils
from click.testing import CliRunner
from werkzeug import Request, Response

from verify.cli import cli

# An invented office and its holders, in the shape of a register page.
REGISTER = """<html><head><title>Wardens of the Ostmere Lighthouse Board</title></head><body>
<h1>Wardens of the Ostmere Lighthouse Board</h1>
<p>The Warden of the Ostmere Lighthouse Board chairs the board that keeps the coast lit.</p>
<table><tr><th>Office</th><th>Holder</th><th>Took office</th><th>Left office</th></tr>
<tr><td>Warden of the Ostmere Lighthouse Board</td><td>Halvard Pique</td>
<td>3 May 2001</td><td>9 June 2012</td></tr>
<tr><td>Warden of the Ostmere Lighthouse Board</td><td>Renske Amalo</td>
<td>9 June 2012</td><td>Incumbent</td></tr></table></body></html>"""
REGISTER_V2 = REGISTER.replace("Renske Amalo", "Teodor Vinsk")
# An invented article.
ARTICLE = """<html><head><title>Storm shuts the northern light</title>
<meta property="article:published_time" content="2015-03-02T08:00:00Z"></head><body><article>
<h1>Storm shuts the northern light</h1>
<p>The Ostmere Lighthouse Board closed the northern light on Monday after the storm
cracked its lantern glass, the board's 14 keepers said.</p></article></body></html>"""


def run(*args: str, stdin: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args), input=stdin)


def table(db_path: Path, name: str) -> list[dict]:  # type: ignore[type-arg]
    return list(sqlite_utils.Database(db_path)[name].rows)


def listed(db_path: Path, *args: str) -> list[dict]:  # type: ignore[type-arg]
    result = run("refs", "list", "--json", "--db", str(db_path), *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_refs_add_reads_passages_and_facts_but_no_claims(fixtures_dir: Path, db_path: Path) -> None:
    result = run("refs", "add", str(fixtures_dir / "references"), "--tag", "alliance")
    assert result.exit_code == 0, result.output
    references = sorted((fixtures_dir / "references").iterdir())
    assert result.stdout.count("added ") == len(references)
    assert "office-holders.html: document 5 (version 1), 9 facts" in result.stdout
    assert table(db_path, "claims") == []
    assert all(row["facts_read_at"] for row in table(db_path, "documents"))
    entries = listed(db_path)
    assert [e["source"] for e in entries] == [str(p) for p in references]
    assert set(entries[0]) == {
        "id", "source", "document_id", "version", "url", "title", "sha256", "fetched_at",
        "added_at", "refreshed_at", "tags", "passages", "facts",
    }  # fmt: skip
    assert all(e["tags"] == ["alliance"] and e["passages"] for e in entries)
    lines = run("refs", "list", "--nl").stdout.splitlines()
    assert [json.loads(line)["id"] for line in lines] == [e["id"] for e in entries]


def test_adding_the_same_bytes_again_reads_nothing_again(fixtures_dir: Path, db_path: Path) -> None:
    run("refs", "add", str(fixtures_dir / "references"))
    before = {name: table(db_path, name) for name in ("documents", "passages", "facts")}
    again = run("refs", "add", str(fixtures_dir / "references"), "--tag", "later")
    assert again.exit_code == 0
    assert again.stdout.count("unchanged ") == len(before["documents"])
    # Same rows, same ids, same time of reading: nothing was extracted or analysed.
    assert {name: table(db_path, name) for name in before} == before
    assert all(e["tags"] == ["later"] for e in listed(db_path))


def test_check_without_ref_uses_the_library_and_judges_as_with_ref(
    fixtures_dir: Path, tmp_path: Path
) -> None:
    library, direct = tmp_path / "library.db", tmp_path / "direct.db"
    articles, references = str(fixtures_dir / "articles"), str(fixtures_dir / "references")
    run("refs", "add", references, "--db", str(library))
    from_library = run("check", articles, "--db", str(library), "--format", "json")
    with_ref = run("check", articles, "--ref", references, "--db", str(direct), "--format", "json")
    assert from_library.exit_code == with_ref.exit_code == 1  # the fixtures hold a contradiction

    def verdicts(output: str) -> list[tuple[str, str, list[str]]]:
        report = json.loads(output)
        return [
            (c["text"], c["verdict"], c["reasons"])
            for d in report["documents"]
            for c in d["claims"]
        ]

    assert verdicts(from_library.stdout) == verdicts(with_ref.stdout)
    (run_row,) = table(library, "runs")
    assert run_row["references"] == len(list((fixtures_dir / "references").iterdir()))


def test_check_with_tag_uses_only_the_tagged_references(fixtures_dir: Path, db_path: Path) -> None:
    references = sorted((fixtures_dir / "references").iterdir())
    holders = fixtures_dir / "references" / "office-holders.html"
    assert run("refs", "add", str(holders), "--tag", "holders").exit_code == 0
    others = [str(p) for p in references if p != holders]
    assert run("refs", "add", *others, "--tag", "other").exit_code == 0
    article = str(fixtures_dir / "articles" / "002_4d51db6b0b5c6aac.txt")

    def office_verdicts(tag: str) -> set[str]:
        result = run("check", article, "--tag", tag, "--as-of", "2021-11-20", "--format", "json")
        claims = json.loads(result.stdout)["documents"][0]["claims"]
        return {f["verdict"] for c in claims for f in c["findings"] if f["check"] == "office"}

    # The register alone says who held the office in November 2021.
    assert "contradicted" in office_verdicts("holders")
    office_verdicts("other")
    rows = table(db_path, "run_documents")
    for run_id, tag in ((1, "holders"), (2, "other")):
        used = {
            r["document_id"] for r in rows if r["role"] == "reference" and r["run_id"] == run_id
        }
        assert used == {e["document_id"] for e in listed(db_path, "--tag", tag)}
    assert len(used) == len(others)


def test_check_with_an_empty_library_stores_nothing(tmp_path: Path, db_path: Path) -> None:
    article = tmp_path / "storm.html"
    article.write_text(ARTICLE, encoding="utf-8")
    result = run("check", str(article))
    assert result.exit_code == 2
    assert (
        result.stderr == "error: no usable reference: nothing was checked and no run was recorded\n"
    )
    assert table(db_path, "documents") == [] and table(db_path, "runs") == []


def conditional_page(bodies: list[str], seen: list[dict[str, str]]):  # type: ignore[no-untyped-def]
    """A handler answering 304 to a request whose validators match the current body
    (the last of ``bodies``), recording each request's conditional headers."""

    def handle(request: Request) -> Response:
        body = bodies[-1]
        tag = f'"v{len(bodies)}"'
        modified = f"Mon, 0{len(bodies)} Jan 2024 00:00:00 GMT"
        seen.append({k: v for k, v in request.headers.items() if k.startswith("If-")})
        if request.headers.get("If-None-Match") == tag:
            return Response(status=304, headers={"ETag": tag})
        headers = {"ETag": tag, "Last-Modified": modified}
        return Response(body, content_type="text/html; charset=utf-8", headers=headers)

    return handle


def test_refresh_sends_the_validators_and_adds_a_version_only_when_changed(
    httpserver, db_path: Path
) -> None:  # type: ignore[no-untyped-def]
    bodies, seen = [REGISTER], []
    httpserver.expect_request("/wardens").respond_with_handler(conditional_page(bodies, seen))
    url = httpserver.url_for("/wardens")
    assert run("refs", "add", url).exit_code == 0
    assert seen == [{}]

    unchanged = run("refs", "refresh")
    assert unchanged.exit_code == 0, unchanged.output
    assert unchanged.stdout == f"unchanged {url}: document 1 (version 1)\n"
    assert seen[1] == {
        "If-None-Match": '"v1"',
        "If-Modified-Since": "Mon, 01 Jan 2024 00:00:00 GMT",
    }
    assert len(table(db_path, "documents")) == 1 and listed(db_path)[0]["refreshed_at"]

    bodies.append(REGISTER_V2)
    changed = run("refs", "refresh", "--json")
    assert changed.exit_code == 0, changed.output
    (stored,) = json.loads(changed.stdout)["stored"]
    assert (stored["version"], stored["created"]) == (2, True)
    (entry,) = listed(db_path)
    assert (entry["version"], entry["document_id"]) == (2, stored["document_id"])
    holders = {r["holder"] for r in table(db_path, "facts") if r["document_id"] == 2}
    assert "Teodor Vinsk" in holders
    assert len(seen) == 3


def test_refresh_of_a_file_compares_its_bytes(tmp_path: Path, db_path: Path) -> None:
    page = tmp_path / "register.html"
    page.write_text(REGISTER, encoding="utf-8")
    run("refs", "add", str(page))
    assert run("refs", "refresh").stdout.startswith("unchanged ")
    page.write_text(REGISTER_V2, encoding="utf-8")
    result = run("refs", "refresh")
    assert result.stdout.startswith(f"updated {page}: document 2 (version 2), ")
    # Back to the first text: its version is stored, and the library points at it again.
    page.write_text(REGISTER, encoding="utf-8")
    assert run("refs", "refresh").stdout == f"unchanged {page}: document 1 (version 1)\n"
    assert listed(db_path)[0]["document_id"] == 1
    assert run("refs", "refresh", "--tag", "none").stderr == "no references to refresh\n"


def test_remove_takes_sources_out_but_keeps_their_documents(
    fixtures_dir: Path, db_path: Path
) -> None:
    run("refs", "add", str(fixtures_dir / "references"))
    entries = listed(db_path)
    documents = table(db_path, "documents")
    refused = run("refs", "remove", str(entries[0]["id"]), "999")
    assert refused.exit_code == 2
    assert refused.stderr == "error: no reference 999 in the library (see 'verify refs list')\n"
    assert listed(db_path) == entries
    done = run("refs", "remove", str(entries[0]["id"]), str(entries[1]["id"]))
    assert done.exit_code == 0
    assert done.stdout.splitlines()[0] == f"removed {entries[0]['id']}: {entries[0]['source']}"
    assert listed(db_path) == entries[2:]
    assert table(db_path, "documents") == documents


def test_from_file_reads_one_source_a_line(
    tmp_path: Path, fixtures_dir: Path, db_path: Path
) -> None:
    pages = sorted(str(p) for p in (fixtures_dir / "references").iterdir())[:3]
    names = tmp_path / "list.txt"
    names.write_text(f"{pages[0]}\n\n  {pages[1]}  \n", encoding="utf-8")
    result = run("refs", "add", pages[2], "--from-file", str(names))
    assert result.exit_code == 0, result.output
    assert [e["source"] for e in listed(db_path)] == [pages[2], pages[0], pages[1]]
    article = tmp_path / "storm.html"
    article.write_text(ARTICLE, encoding="utf-8")
    stdin = run("ingest", "--from-file", "-", "--json", stdin=f"{article}\n")
    assert stdin.exit_code == 0, stdin.output
    assert [s["source"] for s in json.loads(stdin.stdout)["stored"]] == [str(article)]


def test_a_bad_source_list_is_one_line_and_changes_nothing(tmp_path: Path, db_path: Path) -> None:
    missing = run("refs", "add", "--from-file", str(tmp_path / "nope.txt"))
    assert missing.exit_code == 2 and missing.stderr.count("\n") == 1
    assert "nope.txt" in missing.stderr
    binary = tmp_path / "list.bin"
    binary.write_bytes(b"\xff\xfe\x00\x81page")
    result = run("check", "--from-file", str(binary))
    assert result.exit_code == 2
    assert result.stderr == f"error: {binary}: cannot read the list of sources (not UTF-8 text)\n"
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n", encoding="utf-8")
    result = run("refs", "add", "--from-file", str(empty))
    assert result.stderr == "error: no sources: give SOURCE arguments or --from-file\n"
    assert not db_path.exists()


def test_refs_list_needs_an_existing_database(tmp_path: Path) -> None:
    result = run("refs", "list", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 2
    assert not (tmp_path / "none.db").exists()
