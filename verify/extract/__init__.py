"""Stage 2, extract: ``Fetched`` in, ``Extracted`` out.

The page's main text without furniture, cut into passages (paragraphs, headings,
list items, table rows) with their offsets, and its metadata: title, byline,
publisher and publication date, each from the first place that gives it. A PDF's
text is read page by page, and its passages keep their page.
"""

from verify.config import EXTRACTOR_VERSION
from verify.extract.documents import extract
from verify.extract.metadata import html_metadata, strip_site_name, text_metadata
from verify.extract.page import (
    extract_html,
    extract_text,
    parse_html,
)
from verify.extract.pdf import extract_pdf
from verify.extract.publication_dates import FoundDate, parse_date, parse_dateline

__all__ = [
    "extract",
    "extract_html",
    "extract_pdf",
    "extract_text",
    "EXTRACTOR_VERSION",
    "FoundDate",
    "html_metadata",
    "parse_date",
    "parse_dateline",
    "parse_html",
    "strip_site_name",
    "text_metadata",
]
