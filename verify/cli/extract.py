"""`verify extract`: what verify reads in a page, without storing it."""

from __future__ import annotations

import json

import click

from verify.cli.common import echo_problems, json_option
from verify.cli.conventions import nl_option
from verify.config import FetchLimits
from verify.errors import ExtractError, VerifyError
from verify.extract import extract
from verify.fetch import expand_sources, load, make_client
from verify.records import Extracted, Fetched


@click.command(name="extract")
@click.argument("sources", nargs=-1, required=True)
@json_option
@nl_option
def extract_command(sources: tuple[str, ...], as_json: bool, as_lines: bool) -> None:
    """Show the main text, passages and metadata verify reads in each SOURCE.

    SOURCE is an http(s) URL, a file, or a directory, as for ingest; nothing
    is stored. --json prints one JSON object per line (JSON Lines), one per
    source; --nl is the same.

    Exit status: 0 all read, 1 some failed, 2 none could be (or usage errors).

    Example:

        verify extract https://example.org/story.html --json
    """
    paths, errors = expand_sources(sources)
    problems: list[VerifyError] = list(errors)
    read = 0
    machine = as_json or as_lines
    limits = FetchLimits()
    with make_client(limits) as client:
        for path in paths:
            try:
                fetched = load(path, limits, client=client)
                extracted = _extracted(fetched)
            except VerifyError as exc:
                problems.append(exc)
                continue
            read += 1
            item = as_record(fetched, extracted)
            click.echo(json.dumps(item, ensure_ascii=False) if machine else as_text(item))
    echo_problems([], problems)
    raise SystemExit(0 if not problems else 1 if read else 2)


def _extracted(fetched: Fetched) -> Extracted:
    try:
        return extract(fetched)
    except ExtractError as exc:
        raise ExtractError(f"{fetched.source}: {exc}") from exc


def as_record(fetched: Fetched, extracted: Extracted) -> dict[str, object]:
    """The JSON Lines contract of ``verify extract --json`` (documented in the README)."""
    metadata = extracted.metadata
    return {
        "source": fetched.source,
        "url": fetched.url,
        "title": metadata.title,
        "author": metadata.author,
        "publisher": metadata.publisher,
        "published": metadata.published,
        "published_source": metadata.published_source,
        "text": extracted.text,
        "passages": [
            {"kind": p.kind, "start": p.start, "end": p.end, "text": p.text}
            for p in extracted.passages
        ],
        "warnings": list(fetched.warnings),
    }


def as_text(item: dict[str, object]) -> str:
    published = item["published"]
    if published:
        published = f"{published} (from {item['published_source']})"
    lines = [
        str(item["source"]),
        f"  title:     {item['title'] or '-'}",
        f"  author:    {item['author'] or '-'}",
        f"  publisher: {item['publisher'] or '-'}",
        f"  published: {published or '- (the page gives no date)'}",
    ]
    passages = item["passages"]
    assert isinstance(passages, list)
    lines += [f"  [{p['kind']}] {p['text']}" for p in passages]
    return "\n".join(lines)
