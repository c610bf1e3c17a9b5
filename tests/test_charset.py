"""Decoding bytes to text: BOM, declared charset, <meta>, detection, damaged bytes."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from verify.fetch import decode, whatwg_name

FRENCH = (
    "Le café de la gare était fermé. Les élèves ont déjà mangé à midi, "
    "et le garçon a dû attendre l’été « très » longtemps."
)
RUSSIAN = (
    "Москва - столица России, крупнейший по численности населения город страны. "
    "Это главный политический центр."
)
TURKISH = "İstanbul'da güzel bir gün. Çocuklar şarkı söylüyor, ağaçlar yeşil ve ışık parlak."
CZECH = "Příliš žluťoučký kůň úpěl ďábelské ódy. Čeština je krásný jazyk, řekl učitel."


def html_with_meta(meta: str, body: str, encoding: str) -> bytes:
    page = (
        f"<!doctype html><html><head>{meta}<title>t</title></head><body><p>{body}</p></body></html>"
    )
    return page.encode(encoding)


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("ISO-8859-1", "windows-1252"),
        ("latin1", "windows-1252"),
        ("us-ascii", "windows-1252"),
        ("ascii", "windows-1252"),
        (" UTF8 ", "utf-8"),
        ('"utf-8"', "utf-8"),
        ("iso-8859-9", "windows-1254"),
        ("tis-620", "windows-874"),
        ("gb2312", "gbk"),
        ("x-sjis", "shift_jis"),
        ("ks_c_5601-1987", "euc-kr"),
        ("koi8-r", "koi8-r"),
        ("utf-7", None),
        ("bogus", None),
    ],
)
def test_labels_map_as_browsers_map_them(label: str, name: str | None) -> None:
    assert whatwg_name(label) == name


def test_header_charset_is_used() -> None:
    text, encoding, warnings = decode(FRENCH.encode("cp1252"), "windows-1252", "text/html")
    assert (text, encoding, warnings) == (FRENCH, "windows-1252", [])


def test_latin1_label_reads_windows_1252_punctuation() -> None:
    # Browsers read "iso-8859-1" as windows-1252, so 0x93/0x94 are curly quotes.
    text, encoding, _ = decode(b"\x93quoted\x94 \x96 dash", "iso-8859-1", "text/plain")
    assert text == "\u201cquoted\u201d \u2013 dash"
    assert encoding == "windows-1252"


def test_bom_beats_the_declared_charset() -> None:
    body = codecs.BOM_UTF8 + "naïve".encode()
    assert decode(body, "windows-1252", "text/html") == ("naïve", "utf-8", [])


def test_utf16_bom_is_honoured() -> None:
    body = codecs.BOM_UTF16_LE + "Zürich".encode("utf-16-le")
    assert decode(body, None, None) == ("Zürich", "utf-16le", [])
    body = codecs.BOM_UTF16_BE + "Zürich".encode("utf-16-be")
    assert decode(body, None, "text/plain") == ("Zürich", "utf-16be", [])


def test_header_beats_meta() -> None:
    body = html_with_meta('<meta charset="windows-1251">', FRENCH, "cp1252")
    text, encoding, _ = decode(body, "windows-1252", "text/html")
    assert encoding == "windows-1252"
    assert FRENCH in text


def test_meta_charset_is_used_for_html() -> None:
    body = html_with_meta('<meta charset="windows-1251">', RUSSIAN, "cp1251")
    text, encoding, warnings = decode(body, None, "text/html")
    assert (encoding, warnings) == ("windows-1251", [])
    assert RUSSIAN in text


def test_meta_http_equiv_is_used_for_html() -> None:
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
    text, encoding, _ = decode(
        html_with_meta(meta, "caf\u00e9 \u201cok\u201d", "cp1252"), None, "text/html"
    )
    assert encoding == "windows-1252"
    assert "café “ok”" in text


def test_meta_inside_a_comment_is_ignored() -> None:
    body = html_with_meta('<!-- <meta charset="koi8-r"> -->', "naïve café", "utf-8")
    text, encoding, _ = decode(body, None, "text/html")
    assert encoding == "utf-8"
    assert "naïve café" in text


def test_meta_is_not_read_for_plain_text() -> None:
    body = ('<meta charset="koi8-r"> ' + "naïve café déjà").encode()
    assert decode(body, None, "text/plain")[1] == "utf-8"


def test_meta_claiming_utf16_means_utf8() -> None:
    body = html_with_meta('<meta charset="utf-16">', "naïve", "utf-8")
    text, encoding, _ = decode(body, None, "text/html")
    assert encoding == "utf-8"
    assert "naïve" in text


def test_xml_declaration_is_used_for_xhtml() -> None:
    body = ('<?xml version="1.0" encoding="ISO-8859-15"?><html><p>' + "prix 5 €</p></html>").encode(
        "iso8859-15"
    )
    text, encoding, _ = decode(body, None, "application/xhtml+xml")
    assert encoding == "iso-8859-15"
    assert "prix 5 €" in text


def test_unknown_declared_charset_falls_back_to_detection() -> None:
    text, encoding, warnings = decode(RUSSIAN.encode("cp1251"), "x-klingon", "text/plain")
    assert (text, encoding) == (RUSSIAN, "windows-1251")
    assert warnings == ["unknown charset 'x-klingon' in the Content-Type header ignored"]


def test_unknown_meta_charset_falls_back_to_detection_with_warning() -> None:
    body = html_with_meta('<meta charset="utf-7">', "naïve café", "utf-8")
    text, encoding, warnings = decode(body, None, "text/html")
    assert encoding == "utf-8"
    assert warnings == ["unknown charset 'utf-7' in the page's markup ignored"]


@pytest.mark.parametrize(
    ("sample", "codec", "name"),
    [
        (FRENCH, "cp1252", "windows-1252"),
        (RUSSIAN, "cp1251", "windows-1251"),
        (RUSSIAN, "koi8-r", "koi8-r"),
        (TURKISH, "cp1254", "windows-1254"),
        (CZECH, "cp1250", "windows-1250"),
        ("東京は日本の首都であり、世界最大級の都市圏を形成している。", "cp932", "shift_jis"),
        ("naïve café, déjà vu — “quoted”", "utf-8", "utf-8"),
        ("plain ascii only", "ascii", "utf-8"),
    ],
)
def test_undeclared_text_is_detected(sample: str, codec: str, name: str) -> None:
    text, encoding, warnings = decode(sample.encode(codec), None, "text/plain")
    assert (text, encoding, warnings) == (sample, name, [])


def test_invalid_bytes_are_replaced_and_counted() -> None:
    # 0x81 and 0x8d have no character in windows-1252.
    text, encoding, warnings = decode(b"a\x81b\x8dc\x81", "windows-1252", "text/plain")
    assert (text, encoding) == ("a\ufffdb\ufffdc\ufffd", "windows-1252")
    assert warnings == ["3 bytes invalid in windows-1252 replaced"]


def test_utf8_with_a_few_bad_bytes_stays_utf8_when_declared() -> None:
    body = "naïve café ".encode() + b"\xff" + "déjà vu".encode()
    text, encoding, warnings = decode(body, "utf-8", "text/html")
    assert (text, encoding) == ("naïve café \ufffddéjà vu", "utf-8")
    assert warnings == ["1 byte invalid in utf-8 replaced"]


def test_utf8_with_a_few_bad_bytes_stays_utf8_when_undeclared() -> None:
    good = "Über die Brücke gingen Bürger, während die Straße ruhig blieb. " * 3
    body = good.encode() + b"\xc3\x28 \xff\xfe" + good.encode()
    text, encoding, warnings = decode(body, None, "text/plain")
    assert encoding == "utf-8"
    assert text == good + "\ufffd( \ufffd\ufffd" + good
    assert warnings == ["3 bytes invalid in utf-8 replaced"]


def test_truncated_multibyte_sequence_counts_all_its_bytes() -> None:
    text, _, warnings = decode("ok €".encode()[:-1], "utf-8", "text/plain")
    assert text == "ok \ufffd"
    assert warnings == ["2 bytes invalid in utf-8 replaced"]


def test_empty_body_decodes_to_empty_text() -> None:
    assert decode(b"", None, None) == ("", "utf-8", [])


@given(st.binary(max_size=300), st.sampled_from([None, "utf-8", "shift_jis", "bogus", "utf-16"]))
def test_decode_never_raises(body: bytes, declared: str | None) -> None:
    text, encoding, warnings = decode(body, declared, "text/html")
    assert isinstance(text, str)
    assert encoding
    assert not any("\udc00" <= char <= "\udcff" for char in text)
    assert all("\n" not in warning for warning in warnings)
