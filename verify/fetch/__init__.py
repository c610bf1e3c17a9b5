"""Stage 1, fetch: a source as given (URL, file or directory) in, ``Fetched`` out.

The bytes exactly as read, with the final URL, status, media type, fetch time
and the charset the text was decoded with. Nothing here looks inside a page.
"""

from verify.fetch.charset import decode, whatwg_name
from verify.fetch.deadline import DeadlineTransport, deadline
from verify.fetch.loader import (
    NotModified,
    binary_type,
    fetch_url,
    load,
    looks_binary,
    make_client,
    read_file,
    revalidate,
    sniff_content_type,
)
from verify.fetch.pdf import PDF_TYPE, is_pdf
from verify.fetch.pool import FetchPool
from verify.fetch.sources import expand_sources, is_url, redact_url, shown

__all__ = [
    "DeadlineTransport",
    "deadline",
    "binary_type",
    "decode",
    "expand_sources",
    "fetch_url",
    "FetchPool",
    "is_pdf",
    "is_url",
    "load",
    "looks_binary",
    "make_client",
    "NotModified",
    "PDF_TYPE",
    "read_file",
    "redact_url",
    "revalidate",
    "shown",
    "sniff_content_type",
    "whatwg_name",
]
