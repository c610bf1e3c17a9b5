"""Expanding command-line source arguments into URLs and files."""

from __future__ import annotations

from pathlib import Path

import pytest

from verify.errors import SourceError
from verify.fetch import expand_sources, is_url


@pytest.fixture
def article_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in ("b.txt", "a.html", "c.htm", "Z.TXT", "d.pdf", "notes.md", "image.png"):
        (folder / name).write_text("x")
    (folder / "sub").mkdir()
    (folder / "sub" / "deeper.txt").write_text("not taken: the listing is not recursive")
    (folder / "folder.txt").mkdir()  # a directory with an article's suffix is not a file
    return folder


def messages(errors: list[SourceError]) -> list[str]:
    return [str(error) for error in errors]


@pytest.mark.parametrize(
    "arg",
    [
        "http://example.org/a",
        "https://example.org/a?b=c#d",
        "HTTPS://EXAMPLE.ORG/",
        "http://127.0.0.1:8000/",
    ],
)
def test_is_url_accepts_http_and_https(arg: str) -> None:
    assert is_url(arg)


@pytest.mark.parametrize(
    "arg",
    ["articles/a.txt", "/tmp/a.html", "ftp://example.org/a", "file:///tmp/a", "http://", "http:x"],
)
def test_is_url_rejects_paths_and_other_schemes(arg: str) -> None:
    assert not is_url(arg)


def test_urls_are_kept_as_given() -> None:
    urls = ["https://example.org/b", "http://example.org/a"]
    assert expand_sources(urls) == (urls, [])


def test_directory_gives_its_articles_sorted_and_filtered(article_dir: Path) -> None:
    sources, errors = expand_sources([str(article_dir)])
    assert errors == []
    assert [Path(source).name for source in sources] == ["Z.TXT", "a.html", "b.txt", "c.htm"]
    assert all(Path(source).parent == article_dir for source in sources)


def test_existing_file_is_kept_whatever_its_suffix(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("# a page")
    assert expand_sources([str(page)]) == ([str(page)], [])


def test_empty_directory_is_an_error(tmp_path: Path) -> None:
    sources, errors = expand_sources([str(tmp_path)])
    assert sources == []
    assert messages(errors) == [f"{tmp_path}: directory holds no .html, .htm or .txt files"]


def test_directory_without_articles_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.7")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("too deep")
    _, errors = expand_sources([str(tmp_path)])
    assert messages(errors) == [f"{tmp_path}: directory holds no .html, .htm or .txt files"]


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    assert messages(expand_sources([missing])[1]) == [f"{missing}: no such file or directory"]


@pytest.mark.parametrize(
    ("arg", "scheme"),
    [
        ("ftp://example.org/a.txt", "ftp"),
        ("file:///etc/passwd", "file"),
        ("FILE:/etc/passwd", "file"),
        ("data:text/html,<p>hi</p>", "data"),
        ("gopher://example.org/", "gopher"),
        ("javascript:alert(1)", "javascript"),
    ],
)
def test_other_url_schemes_are_errors(arg: str, scheme: str) -> None:
    sources, errors = expand_sources([arg])
    assert sources == []
    assert messages(errors) == [f"{arg}: unsupported URL scheme '{scheme}' (only http and https)"]


def test_http_url_without_host_is_an_error() -> None:
    assert messages(expand_sources(["http://"])[1]) == ["http://: URL has no host"]


def test_name_with_a_colon_is_a_path_not_a_scheme(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    assert messages(expand_sources(["notes:2022.txt"])[1]) == [
        "notes:2022.txt: no such file or directory"
    ]
    Path("notes:2022.txt").write_text("a note")
    assert expand_sources(["notes:2022.txt"]) == (["notes:2022.txt"], [])


def test_errors_do_not_stop_the_other_sources(article_dir: Path, tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.html")
    args = ["http://example.org/1", missing, str(article_dir / "b.txt"), "ftp://x/y"]
    sources, errors = expand_sources(args)
    assert sources == ["http://example.org/1", str(article_dir / "b.txt")]
    assert messages(errors) == [
        f"{missing}: no such file or directory",
        "ftp://x/y: unsupported URL scheme 'ftp' (only http and https)",
    ]


def test_special_file_is_an_error() -> None:
    assert messages(expand_sources(["/dev/null"])[1]) == [
        "/dev/null: not a regular file or directory"
    ]
