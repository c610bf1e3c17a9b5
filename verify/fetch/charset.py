"""Turn fetched bytes into text the way a browser would.

The order follows the WHATWG Encoding and HTML standards: a byte order mark
wins, then the charset in the HTTP Content-Type header, then a ``<meta>``
declaration near the top of an HTML page, and only then detection from the
bytes. Labels are mapped as browsers map them, so a page that says
"iso-8859-1" is read as windows-1252 (https://encoding.spec.whatwg.org/#names-and-labels).
Invalid bytes never raise: they become U+FFFD and are counted in a warning.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer
from charset_normalizer.models import CharsetMatch

# How far into an HTML page a <meta charset> is looked for; the HTML standard's
# prescan reads 1024 bytes, real pages sometimes put it a little later.
META_SCAN_BYTES = 4096
HTML_TYPES = ("text/html", "application/xhtml+xml")
# Windows-1252 is the web's default for undeclared legacy pages in most locales.
FALLBACK_ENCODING = "windows-1252"
# Languages written in windows-1252, as charset_normalizer names them; a cp1252
# reading that looks like one of these wins over a slightly "cleaner" look-alike.
WESTERN_LANGUAGES = frozenset(
    {
        "Danish",
        "Dutch",
        "English",
        "Finnish",
        "French",
        "German",
        "Indonesian",
        "Italian",
        "Norwegian",
        "Portuguese",
        "Spanish",
        "Swedish",
    }
)
# How much more "chaos" (charset_normalizer's 0..1 mess score) such a reading may show.
WESTERN_CHAOS_MARGIN = 0.1

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_BE, "utf-16be"),
    (codecs.BOM_UTF16_LE, "utf-16le"),
)

# WHATWG encoding name -> (Python codec, labels). Only encodings a browser
# decodes are listed; any other label is unknown (browsers refuse UTF-7, for
# one, because it smuggles markup past filters).
_ENCODINGS: dict[str, tuple[str, str]] = {
    "utf-8": ("utf-8", "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf8 x-unicode20utf8"),
    "ibm866": ("cp866", "866 cp866 csibm866"),
    "iso-8859-2": (
        "iso8859-2",
        "csisolatin2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 iso_8859-2:1987 l2 latin2",
    ),
    "iso-8859-3": (
        "iso8859-3",
        "csisolatin3 iso-ir-109 iso8859-3 iso88593 iso_8859-3 iso_8859-3:1988 l3 latin3",
    ),
    "iso-8859-4": (
        "iso8859-4",
        "csisolatin4 iso-ir-110 iso8859-4 iso88594 iso_8859-4 iso_8859-4:1988 l4 latin4",
    ),
    "iso-8859-5": (
        "iso8859-5",
        "csisolatincyrillic cyrillic iso-ir-144 iso8859-5 iso88595 iso_8859-5 iso_8859-5:1988",
    ),
    "iso-8859-6": (
        "iso8859-6",
        "arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 iso-8859-6-e "
        "iso-8859-6-i iso-ir-127 iso8859-6 iso88596 iso_8859-6 iso_8859-6:1987",
    ),
    "iso-8859-7": (
        "iso8859-7",
        "csisolatingreek ecma-118 elot_928 greek greek8 iso-ir-126 iso8859-7 iso88597 "
        "iso_8859-7 iso_8859-7:1987 sun_eu_greek",
    ),
    "iso-8859-8": (
        "iso8859-8",
        "csiso88598e csisolatinhebrew hebrew iso-8859-8-e iso-ir-138 iso8859-8 iso88598 "
        "iso_8859-8 iso_8859-8:1988 visual",
    ),
    "iso-8859-8-i": ("iso8859-8", "csiso88598i logical"),
    "iso-8859-10": ("iso8859-10", "csisolatin6 iso-ir-157 iso8859-10 iso885910 l6 latin6"),
    "iso-8859-13": ("iso8859-13", "iso8859-13 iso885913"),
    "iso-8859-14": ("iso8859-14", "iso8859-14 iso885914"),
    "iso-8859-15": ("iso8859-15", "csisolatin9 iso8859-15 iso885915 iso_8859-15 l9"),
    "iso-8859-16": ("iso8859-16", ""),
    "koi8-r": ("koi8-r", "cskoi8r koi koi8 koi8_r"),
    "koi8-u": ("koi8-u", "koi8-ru"),
    "macintosh": ("mac-roman", "csmacintosh mac x-mac-roman"),
    "windows-874": ("cp874", "dos-874 iso-8859-11 iso8859-11 iso885911 tis-620"),
    "windows-1250": ("cp1250", "cp1250 x-cp1250"),
    "windows-1251": ("cp1251", "cp1251 x-cp1251"),
    "windows-1252": (
        "cp1252",
        "ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso8859-1 "
        "iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 latin-1 us-ascii x-cp1252",
    ),
    "windows-1253": ("cp1253", "cp1253 x-cp1253"),
    "windows-1254": (
        "cp1254",
        "cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9 "
        "iso_8859-9:1989 l5 latin5 x-cp1254",
    ),
    "windows-1255": ("cp1255", "cp1255 x-cp1255"),
    "windows-1256": ("cp1256", "cp1256 x-cp1256"),
    "windows-1257": ("cp1257", "cp1257 x-cp1257"),
    "windows-1258": ("cp1258", "cp1258 x-cp1258"),
    "x-mac-cyrillic": ("mac-cyrillic", "x-mac-ukrainian"),
    # The WHATWG gbk decoder is the gb18030 decoder.
    "gbk": (
        "gb18030",
        "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 iso-ir-58 x-gbk",
    ),
    "gb18030": ("gb18030", ""),
    "big5": ("big5hkscs", "big5-hkscs cn-big5 csbig5 x-x-big5"),
    "euc-jp": ("euc_jp", "cseucpkdfmtjapanese x-euc-jp"),
    "iso-2022-jp": ("iso2022_jp", "csiso2022jp"),
    "shift_jis": ("cp932", "csshiftjis ms932 ms_kanji shift-jis sjis windows-31j x-sjis"),
    "euc-kr": (
        "cp949",
        "cseuckr csksc56011987 iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 ksc5601 "
        "ksc_5601 windows-949",
    ),
    "utf-16be": ("utf-16be", "unicodefffe"),
    "utf-16le": ("utf-16le", "csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16"),
}
_LABELS: dict[str, str] = {
    label: name
    for name, (_codec, labels) in _ENCODINGS.items()
    for label in (name, *labels.split())
}
# Detectors report Python codec names ("cp1252", "mac_roman"); map them back.
_BY_CODEC: dict[str, str] = {
    codecs.lookup(codec).name: name for name, (codec, _labels) in reversed(_ENCODINGS.items())
}

_META_RE = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([^\s\"'/>;]+)", re.IGNORECASE)
_XML_DECL_RE = re.compile(rb"^<\?xml[^>]*?encoding\s*=\s*[\"']([^\"']+)[\"']")
_COMMENT_RE = re.compile(rb"<!--.*?-->", re.DOTALL)

# The error handler marks each invalid sequence with lone surrogates, which no
# decoder listed above produces from valid input, so they can be counted and
# then turned into U+FFFD afterwards without any shared mutable state.
_ERRORS = "verify-mark-invalid"
_FIRST_BAD, _MORE_BAD = "\udc01", "\udc00"


def _mark_invalid(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    width = exc.end - exc.start
    return _FIRST_BAD + _MORE_BAD * (width - 1), exc.end


codecs.register_error(_ERRORS, _mark_invalid)


def decode(
    body: bytes, declared: str | None, content_type: str | None
) -> tuple[str, str, list[str]]:
    """Decode ``body``; return (text, encoding used, warnings)."""
    warnings: list[str] = []
    for bom, name in _BOMS:
        if body.startswith(bom):
            return _decode_as(body[len(bom) :], name, warnings)
    name = _from_header(declared, warnings)
    if name is None and (content_type is None or content_type in HTML_TYPES):
        name = _from_markup(body, warnings)
    if name is None:
        name = _detect(body, warnings)
    return _decode_as(body, name, warnings)


def whatwg_name(label: str) -> str | None:
    """The WHATWG encoding name for a charset label, or None if browsers don't know it."""
    return _LABELS.get(label.strip().strip("\"'").strip().lower())


def _from_header(declared: str | None, warnings: list[str]) -> str | None:
    if not declared:
        return None
    name = whatwg_name(declared)
    if name is None:
        warnings.append(f"unknown charset {declared!r} in the Content-Type header ignored")
    return name


def _from_markup(body: bytes, warnings: list[str]) -> str | None:
    head = _COMMENT_RE.sub(b"", body[:META_SCAN_BYTES])
    match = _XML_DECL_RE.match(head) or _META_RE.search(head)
    if match is None:
        return None
    label = match.group(1).decode("ascii", errors="replace")
    name = whatwg_name(label)
    if name is None:
        warnings.append(f"unknown charset {label!r} in the page's markup ignored")
    elif name.startswith("utf-16"):
        # A page that could be read as ASCII to find this is not UTF-16
        # (HTML standard, "prescan a byte stream": utf-16 becomes utf-8).
        name = "utf-8"
    return name


def _detect(body: bytes, warnings: list[str]) -> str:
    if _mostly_utf8(body):
        return "utf-8"
    matches = list(charset_normalizer.from_bytes(body))
    if not matches:
        warnings.append(f"encoding not detected; read as {FALLBACK_ENCODING}")
        return FALLBACK_ENCODING
    if _prefer_windows_1252(body, matches):
        return "windows-1252"
    return _name_for_codec(matches[0].encoding)


def _prefer_windows_1252(body: bytes, matches: list[CharsetMatch]) -> bool:
    """Keep the web's default Western charset unless the detector clearly beats it.

    On short texts the detector ranks look-alike Latin code pages (cp1250,
    cp1257) above cp1252 by tiny margins, turning French "très" into "trčs";
    browsers default to windows-1252 for such pages.
    """
    try:
        as_1252 = body.decode("cp1252")
    except UnicodeDecodeError:
        return False
    best = matches[0]
    if str(best) == as_1252:
        return True  # same text either way; name it as browsers would
    for match in matches:
        if codecs.lookup(match.encoding).name != "cp1252":
            continue
        close = match.chaos <= best.chaos + WESTERN_CHAOS_MARGIN
        return match.chaos <= best.chaos or (close and match.language in WESTERN_LANGUAGES)
    return False


def _mostly_utf8(body: bytes) -> bool:
    """True when the bytes are UTF-8, allowing a few damaged sequences.

    A page with a handful of bad bytes among many valid multi-byte characters
    is UTF-8 with damage; guessing another charset would garble all the rest.
    """
    text = body.decode("utf-8", errors=_ERRORS)
    bad = text.count(_FIRST_BAD) + text.count(_MORE_BAD)
    if bad == 0:
        return True
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    multibyte = non_ascii - bad
    return multibyte >= bad


def _name_for_codec(codec: str) -> str:
    try:
        python_name = codecs.lookup(codec).name
    except LookupError:
        return FALLBACK_ENCODING
    return _BY_CODEC.get(python_name) or whatwg_name(python_name) or python_name


def _decode_as(body: bytes, name: str, warnings: list[str]) -> tuple[str, str, list[str]]:
    codec = _ENCODINGS[name][0] if name in _ENCODINGS else name
    text = body.decode(codec, errors=_ERRORS)
    bad = text.count(_FIRST_BAD) + text.count(_MORE_BAD)
    if bad:
        text = text.replace(_MORE_BAD, "").replace(_FIRST_BAD, "\ufffd")
        noun = "byte" if bad == 1 else "bytes"
        warnings.append(f"{bad} {noun} invalid in {name} replaced")
    nuls = text.count("\x00")
    if nuls:
        # No text means a NUL; browsers drop them from what they show.
        text = text.replace("\x00", "")
        warnings.append(f"{nuls} NUL {'byte' if nuls == 1 else 'bytes'} removed")
    return text, name, warnings
