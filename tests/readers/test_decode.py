"""Encodings Arabic sites use: detected, decoded, reported."""

from __future__ import annotations

import codecs

import pytest

from rasd.errors import BinaryInputError, DecodeError, EmptyInputError
from rasd.readers.decode import decode_bytes

TEXT = "استقبل الرئيس المصري عبد الفتاح السيسي، اليوم، وزير الخارجية الأمريكي في القاهرة؛ وبحثا التعاون."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),  # with BOM (little-endian here)
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("cp1256"), "cp1256"),
        (TEXT.encode("iso-8859-6"), "iso-8859-6"),
    ],
)
def test_encodings_are_detected_and_decoded(data: bytes, encoding: str) -> None:
    decoded = decode_bytes(data)
    assert decoded.text == TEXT
    assert decoded.encoding == encoding


def test_html_meta_charset_is_used() -> None:
    html = '<html><head><meta charset="windows-1256"></head><body><p>مصر</p></body></html>'
    decoded = decode_bytes(html.encode("cp1256"))
    assert decoded.encoding == "cp1256" and "مصر" in decoded.text


def test_invalid_byte_in_utf8_names_the_position() -> None:
    data = TEXT.encode("utf-8")
    at = data.index(b" ", 30) + 1  # a character boundary
    broken = data[:at] + b"\xff" + data[at:]
    with pytest.raises(DecodeError, match=rf"invalid UTF-8 at byte {at}\b"):
        decode_bytes(broken, where="news.txt")
    replaced = decode_bytes(broken, errors="replace")
    assert "\ufffd" in replaced.text and replaced.encoding == "utf-8"


def test_binary_and_empty_data() -> None:
    with pytest.raises(BinaryInputError):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(EmptyInputError):
        decode_bytes(b"  \n\t ")
