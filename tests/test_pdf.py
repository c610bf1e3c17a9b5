"""PDF references and articles: text by page, passages that know their page, dates from
the document information when the text gives none (issue 15)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from pdf_files import make_pdf
from pytest_httpserver import HTTPServer

from verify.cli import cli
from verify.errors import ExtractError
from verify.extract import extract, extract_pdf
from verify.fetch import load

# An invented agency's annual report: a running head and page numbers on every page,
# prose wrapped at the page's width, a word hyphenated across two lines.
REPORT = [
    [
        "Halden Space Agency",
        "Annual Report 2021",
        "Launches",
        "The Halden Space Agency launched seven rockets in 2021, more than in any",
        "year since it was founded in 1987. The launch campaign was a joint under-",
        "taking with the Velmoran coast guard.",
        "1",
    ],
    [
        "Halden Space Agency",
        "The Administrator's address",
        '"We will reach the Moon before the decade is out," Administrator Jane Roe',
        "told the assembly of member states in Tromsa on 3 December 2021.",
        "Page 2 of 2",
    ],
]
INFO = {
    "Title": "HASA Annual Report 2021",
    "Author": "Halden Space Agency",
    "CreationDate": "D:20220115093000Z",
}
ARTICLE = """Halden agency promises Moon landing

20 January 2022

Administrator Jane Roe said the agency "will reach the Moon before the decade is out".
"""


def test_passages_know_their_page() -> None:
    extracted = extract_pdf(make_pdf(REPORT, INFO))
    pages = {p.text: p.page for p in extracted.passages}
    assert pages["Annual Report 2021"] == 1
    assert pages["The Administrator's address"] == 2
    quote = next(p for p in extracted.passages if p.text.startswith('"We will reach'))
    assert quote.page == 2 and quote.text.endswith("on 3 December 2021.")
    assert extracted.text[quote.start : quote.end] == quote.text


def test_lines_become_paragraphs_without_the_page_furniture() -> None:
    extracted = extract_pdf(make_pdf(REPORT, INFO))
    texts = [p.text for p in extracted.passages]
    assert "Halden Space Agency" not in texts  # the running head of every page
    assert not any(t in ("1", "Page 2 of 2") for t in texts)
    launches = next(t for t in texts if t.startswith("The Halden Space Agency launched"))
    assert "a joint undertaking with the Velmoran coast guard." in launches


def test_date_from_the_document_information_when_the_text_gives_none() -> None:
    metadata = extract_pdf(make_pdf(REPORT, INFO)).metadata
    assert (metadata.published, metadata.published_at) == ("2022-01-15", "2022-01-15T09:30:00Z")
    assert metadata.author == "Halden Space Agency"
    assert metadata.title == "Annual Report 2021"  # the text's own headline first


def test_the_texts_date_comes_before_the_document_information() -> None:
    dated = [["Budget statement", "Published 3 March 2021", "The budget was approved."]]
    metadata = extract_pdf(make_pdf(dated, INFO)).metadata
    assert metadata.published == "2021-03-03"


def test_a_pdf_without_information_has_no_date() -> None:
    metadata = extract_pdf(make_pdf([["Just a sentence of text."]])).metadata
    assert metadata.published is None and metadata.title is None


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"%PDF-1.4\n", "not a readable PDF"),
        (make_pdf([[]]), "no text in the PDF"),
    ],
)
def test_unreadable_pdfs_are_one_line_errors(body: bytes, message: str) -> None:
    with pytest.raises(ExtractError) as caught:
        extract_pdf(body)
    assert message in str(caught.value) and "\n" not in str(caught.value)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400))
def test_no_bytes_after_a_pdf_header_crash_the_reader(tail: bytes) -> None:
    try:
        extract_pdf(b"%PDF-1.4\n" + tail)
    except ExtractError:
        pass


def test_a_pdf_file_is_extracted_by_page(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(make_pdf(REPORT, INFO))
    fetched = load(str(path))
    assert fetched.content_type == "application/pdf"
    assert {p.page for p in extract(fetched).passages} == {1, 2}


def check(args: list[str]) -> dict[str, Any]:
    result = CliRunner().invoke(cli, ["check", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_a_pdf_reference_is_evidence_with_its_page(
    httpserver: HTTPServer, tmp_path: Path, db_path: Path
) -> None:
    httpserver.expect_request("/reports/2021.pdf").respond_with_data(
        make_pdf(REPORT, INFO), content_type="application/pdf"
    )
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    url = httpserver.url_for("/reports/2021.pdf")
    report = check([str(article), "--ref", url])
    [claim] = report["documents"][0]["claims"]
    assert claim["verdict"] == "supported"
    evidence = claim["evidence"][0]
    assert (evidence["source"], evidence["page"]) == (url, 2)
    assert evidence["matched"] == "will reach the Moon before the decade is out"
    text = CliRunner().invoke(cli, ["report"]).output
    assert f"from {url} (page 2, fetched" in text


def test_a_pdf_article_is_checked_like_any_other(tmp_path: Path, db_path: Path) -> None:
    article = tmp_path / "release.pdf"
    article.write_bytes(make_pdf([[line] for line in ARTICLE.splitlines() if line], INFO))
    reference = tmp_path / "report.pdf"
    reference.write_bytes(make_pdf(REPORT, INFO))
    report = check([str(article), "--ref", str(reference)])
    [document] = report["documents"]
    assert document["published"] == "2022-01-20"  # the text's date line
    [claim] = document["claims"]
    assert claim["verdict"] == "supported" and claim["evidence"][0]["page"] == 2
    page = CliRunner().invoke(cli, ["claims", "--json"]).output
    assert json.loads(page)[0]["text"].startswith("Administrator Jane Roe said")
