"""Which reading a fetched document gets: by its media type, PDF or page.

Web pages and plain text are read by ``verify.extract.page``; PDFs by
``verify.extract.pdf``, which reads each page's text and then reads it the same way.
"""

from __future__ import annotations

from verify.extract import page
from verify.extract.pdf import extract_pdf
from verify.fetch import PDF_TYPE
from verify.records import Extracted, Fetched


def extract(fetched: Fetched) -> Extracted:
    """Main text, passages and metadata of any document the fetch stage returns."""
    if (fetched.content_type or "").lower() == PDF_TYPE:
        return extract_pdf(fetched.body)
    return page.extract(fetched)
