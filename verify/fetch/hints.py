"""A hint for a source that is neither a file nor a URL but reads like a web address
given without its scheme: "example.org/story" most likely meant https://example.org/story."""

from __future__ import annotations

import re

# A host name (labels of letters, digits and hyphens, ending in an alphabetic top-level
# label) or localhost, with an optional port.
_HOST = re.compile(
    r"^(?:localhost|(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63})(?::\d{1,5})?$",
    re.IGNORECASE,
)
# Endings a missing file has rather than a site: "notes.txt" is a typo for a file name.
FILE_ENDINGS = frozenset({"htm", "html", "txt", "pdf", "json", "xml", "csv", "md", "db"})


def url_hint(arg: str) -> str:
    """ " (did you mean https://…?)" when ``arg`` starts with a host name, else ""."""
    host, slash, _ = arg.partition("/")
    if not _HOST.match(host):
        return ""
    ending = host.split(":")[0].rsplit(".", 1)[-1].lower()
    if ending in FILE_ENDINGS and not slash:
        return ""
    return f" (did you mean https://{arg}?)"
