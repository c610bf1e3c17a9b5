"""PDF files and responses: kept as bytes, their text read page by page at extraction.

A PDF is not text in any charset, so the loader's text checks do not apply to it:
it is recognised by its signature and passed on whole (``verify.extract`` reads it).
"""

from __future__ import annotations

from verify.records import Fetched, utc_now

PDF_TYPE = "application/pdf"
# The PDF header may follow a little junk; readers look this far for it (ISO 32000-1,
# annex H.3, note 3).
HEADER_WINDOW = 1024


def is_pdf(body: bytes) -> bool:
    """Whether ``body`` is a PDF file, by its "%PDF-" header."""
    return b"%PDF-" in body[:HEADER_WINDOW]


def pdf_fetched(
    source: str, body: bytes, url: str | None = None, status: int | None = None
) -> Fetched:
    """The record of a PDF read from a file (no ``url``) or a response."""
    # No charset and no decoded text: the extract stage reads the pages' text.
    return Fetched(source, url, status, PDF_TYPE, utc_now(), body, "binary", "")
