"""`verify refs`: the reference library — add, list, refresh and remove references."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import click

from verify.cli.common import (
    MAX_ID,
    all_sources,
    db_option,
    echo_json,
    echo_problems,
    fail,
    fetch_limits,
    fetch_options,
    from_file_option,
    jobs_option,
    json_option,
    open_existing,
    open_or_fail,
    stored_data,
    tag_option,
    with_progress,
)
from verify.cli.conventions import echo_lines, nl_option
from verify.errors import VerifyError
from verify.ingest import IngestResult, Reading, add_references, refresh_references
from verify.records import LibraryEntry
from verify.store import (
    Stored,
    library_entries,
    origin,
    remove_from_library,
    unknown_library_ids,
    writing,
)


@click.group(name="refs")
def refs_group() -> None:
    """Keep a library of reference sources to check articles against.

    References are fetched and read for passages and dated facts once; `verify
    check` without --ref then checks against all of them (or those with --tag).

    Exit status: 0 with --help, 2 with no command or an unknown one; each command
    gives its own.

    Example:

        verify refs add fixtures/references --tag nato && verify check fixtures/articles
    """


def _describe(stored: Stored, verb: str) -> str:
    # The revision or capture read (wikipedia:, wayback:), as `verify ingest` names it.
    exactly = origin(stored.provenance)
    which = f" ({', '.join(exactly)})" if exactly else ""
    document = f"document {stored.document_id} (version {stored.version})"
    if stored.created:
        return f"{verb} {stored.source}: {document}, {stored.facts} facts{which}"
    return f"unchanged {stored.source}: {document}{which}"


def _finish(result: IngestResult, verb: str, as_json: bool) -> None:
    echo_problems(result.warnings, result.errors)
    if as_json:
        echo_json(stored_data(result))
    else:
        for stored in result.stored:
            click.echo(_describe(stored, verb))
    raise SystemExit(result.exit_code)


@refs_group.command(name="add")
@click.argument("sources", nargs=-1)
@from_file_option
@tag_option("Tag the references (repeat for several).")
@db_option
@jobs_option
@fetch_options
@json_option
def add_command(
    sources: tuple[str, ...],
    from_file: Any,
    tags: tuple[str, ...],
    db_path: Path,
    jobs: int,
    max_bytes: int,
    timeout: float,
    analysis_timeout: float,
    as_json: bool,
) -> None:
    """Fetch references and keep them in the library, read for passages and facts.

    SOURCE is an http(s) URL, a file, or a directory (its .html, .htm and .txt
    files). Bytes already stored are not read again. Exit status: 0 all added,
    1 some failed, 2 none could be, 130 interrupted.

    Example:

        verify refs add fixtures/references --tag nato
    """
    wanted = all_sources(sources, from_file)
    db = open_or_fail(db_path)
    reading = Reading(limits=fetch_limits(max_bytes, timeout, analysis_timeout), jobs=jobs)
    result = with_progress(
        "adding", lambda progress: add_references(db, wanted, reading, tags=tags, progress=progress)
    )
    _finish(result, "added", as_json)


def _entry_data(entry: LibraryEntry) -> dict[str, Any]:
    data = dataclasses.asdict(entry)
    data["tags"] = list(entry.tags)
    return data


def _entry_line(entry: LibraryEntry) -> str:
    tags = f" [{', '.join(entry.tags)}]" if entry.tags else ""
    title = f" — {entry.title}" if entry.title else ""
    return (
        f"{entry.id:>5}  {entry.source}{title} (v{entry.version}, {entry.passages} passages, "
        f"{entry.facts} facts, fetched {entry.fetched_at}){tags}"
    )


@refs_group.command(name="list")
@tag_option("Only references with this tag (repeat: any of them).")
@db_option
@json_option
@nl_option
def list_command(tags: tuple[str, ...], db_path: Path, as_json: bool, as_lines: bool) -> None:
    """List the references in the library, with their ids for `verify refs remove`.

    Exit status: 0 listed (none, when the library is empty), 2 no such database or
    usage errors.

    Example:

        verify refs list --tag nato --json
    """
    db = open_existing(db_path)
    try:
        entries = library_entries(db, tags)
    except VerifyError as exc:
        fail(str(exc))
    if as_lines:
        echo_lines(_entry_data(e) for e in entries)
    elif as_json:
        echo_json([_entry_data(e) for e in entries])
    else:
        for entry in entries:
            click.echo(_entry_line(entry))


@refs_group.command(name="refresh")
@tag_option("Only references with this tag (repeat: any of them).")
@db_option
@jobs_option
@fetch_options
@json_option
def refresh_command(
    tags: tuple[str, ...],
    db_path: Path,
    jobs: int,
    max_bytes: int,
    timeout: float,
    analysis_timeout: float,
    as_json: bool,
) -> None:
    """Fetch the library's references again; a changed one adds a version.

    A URL is asked for with the ETag and Last-Modified of the stored copy, so an
    unchanged page costs one request; a file is read again. Exit status: 0 all
    refreshed (or nothing to refresh), 1 some failed, 2 none could be, 130
    interrupted.

    Example:

        verify refs refresh --tag nato
    """
    db = open_or_fail(db_path)
    reading = Reading(limits=fetch_limits(max_bytes, timeout, analysis_timeout), jobs=jobs)
    result = with_progress(
        "refreshing", lambda progress: refresh_references(db, reading, tags=tags, progress=progress)
    )
    if not result.stored and not result.errors:
        click.echo("no references to refresh", err=True)
        raise SystemExit(0)
    _finish(result, "updated", as_json)


@refs_group.command(name="remove")
@click.argument("ids", nargs=-1, required=True, type=click.IntRange(min=1, max=MAX_ID))
@db_option
def remove_command(ids: tuple[int, ...], db_path: Path) -> None:
    """Take references out of the library (by the ids `verify refs list` shows).

    Their stored documents stay, for the recorded runs that cite them; checks no
    longer use them. An unknown id is an error and nothing is removed.

    Exit status: 0 removed, 2 an unknown id (nothing removed), no such database or
    usage errors.

    Example:

        verify refs remove 3 4
    """
    db = open_existing(db_path, read_only=False)
    try:
        unknown = unknown_library_ids(db, ids)
        if unknown:
            shown = ", ".join(map(str, unknown))
            fail(f"no reference {shown} in the library (see 'verify refs list')")
        with writing(db):
            removed = remove_from_library(db, list(dict.fromkeys(ids)))
    except VerifyError as exc:
        fail(str(exc))
    for library_id, source in zip(dict.fromkeys(ids), removed, strict=True):
        click.echo(f"removed {library_id}: {source}")
