"""PDF files written for the tests: pages of text lines in Helvetica, and the document
information dictionary (Title, Author, CreationDate), with a correct cross-reference
table, so pypdf reads them as it reads any well-formed PDF."""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def _escape(text: str) -> str:
    """A PDF string literal's contents, in WinAnsiEncoding (cp1252)."""
    out = []
    for byte in text.encode("cp1252"):
        char = chr(byte)
        if char in "()\\":
            out.append("\\" + char)
        elif byte < 32 or byte > 126:
            out.append(f"\\{byte:03o}")
        else:
            out.append(char)
    return "".join(out)


def make_pdf(pages: Sequence[Sequence[str]], info: Mapping[str, str] | None = None) -> bytes:
    """A PDF with one page per item of ``pages``, each line of it on its own line."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    contents = []
    for lines in pages:
        ops = ["BT", "/F1 11 Tf", "14 TL", "72 740 Td"]
        ops += [f"({_escape(line)}) Tj T*" for line in lines]
        stream = "\n".join([*ops, "ET"]).encode("latin-1")
        contents.append(add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)))
    pages_id = len(objects) + len(contents) + 1
    kids = []
    for content in contents:
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (pages_id, content, font)
            )
        )
    refs = " ".join(f"{kid} 0 R" for kid in kids).encode()
    add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (refs, len(kids)))
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    trailer = b"<< /Size %d /Root %d 0 R" % (
        len(objects) + 2 if info else len(objects) + 1,
        catalog,
    )
    if info:
        entries = " ".join(f"/{key} ({_escape(value)})" for key, value in info.items())
        trailer += b" /Info %d 0 R" % add(f"<< {entries} >>".encode("latin-1"))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n%s >>\nstartxref\n%d\n%%%%EOF\n" % (trailer, xref)
    return bytes(out)
