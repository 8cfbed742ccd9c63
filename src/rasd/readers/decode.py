"""Detect and decode the encodings Arabic news arrives in.

UTF-8 (with or without BOM), UTF-16 with BOM, and the two legacy Arabic code pages still served by
older sites: Windows-1256 and ISO-8859-6. Detection is deterministic: a BOM wins; then a declared
charset (HTML ``<meta charset>``) if it decodes cleanly; then UTF-8 if the bytes are valid UTF-8;
then, if the bytes look like broken UTF-8 (mostly valid multi-byte sequences), a decode error with
the byte position; otherwise the legacy code page whose decoding looks most like Arabic text.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from rasd.errors import BinaryInputError, DecodeError, EmptyInputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_ALIASES = {
    "utf8": "utf-8",
    "utf-8": "utf-8",
    "windows-1256": "cp1256",
    "cp1256": "cp1256",
    "iso-8859-6": "iso-8859-6",
    "iso8859-6": "iso-8859-6",
    "arabic": "iso-8859-6",
    "asmo-708": "iso-8859-6",
    "utf-16": "utf-16",
    "us-ascii": "utf-8",
    "ascii": "utf-8",
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "windows-1252": "cp1252",
}
# Multi-byte UTF-8 sequences (valid) and bytes >= 0x80 that are not part of one.
_UTF8_SEQ_RE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_HIGH_BYTE_RE = re.compile(rb"[\x80-\xff]")
_ARABIC_LETTER_RE = re.compile("[\u0621-\u064a]")
_SUSPECT_RE = re.compile("[\u00c0-\u00ff\u0080-\u009f\ufffd]")


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # canonical name reported in the output: utf-8, utf-8-sig, utf-16, cp1256, ...


def looks_binary(data: bytes) -> bool:
    """True for data that is not text: NUL bytes outside UTF-16, or a known binary signature."""
    head = data[:4096]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    signatures = (
        b"\x89PNG",
        b"GIF8",
        b"\xff\xd8\xff",
        b"%PDF",
        b"PK\x03\x04",
        b"\x1f\x8b",
        b"\x7fELF",
    )
    return head.startswith(signatures) or b"\x00" in head


def decode_bytes(
    data: bytes, *, errors: str = "strict", where: str | None = None, declared: str | None = None
) -> Decoded:
    """Decode article bytes, detecting the encoding. Raises :class:`DecodeError` with a byte position."""
    if not data.strip():
        raise EmptyInputError("empty input: no text to analyze", where=where)
    if looks_binary(data):
        raise BinaryInputError("binary data, not text (e.g. an image or archive)", where=where)
    for bom, name in _BOMS:
        if data.startswith(bom):
            return Decoded(
                _decode(data, name, errors, where), "utf-16" if name == "utf-16" else name
            )
    if declared is None:
        match = _META_CHARSET_RE.search(data[:4096])
        declared = match.group(1).decode("ascii").lower() if match else None
    if declared:
        codec = _ALIASES.get(declared.lower())
        if codec is not None:
            try:
                return Decoded(data.decode(codec), codec)
            except UnicodeDecodeError:
                pass  # a wrong declaration is common: fall through to detection
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    valid = sum(len(m.group()) for m in _UTF8_SEQ_RE.finditer(data))
    high = len(_HIGH_BYTE_RE.findall(data))
    if high and valid / high >= 0.8:
        if errors == "replace":
            return Decoded(data.decode("utf-8", errors="replace"), "utf-8")
        raise DecodeError(
            f"invalid UTF-8 at byte {first_bad} (the rest of the file is UTF-8); "
            "use --encoding-errors replace to analyze it anyway",
            where=where,
        )
    codec = _best_legacy_codec(data)
    return Decoded(_decode(data, codec, errors, where), codec)


def _decode(data: bytes, codec: str, errors: str, where: str | None) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        if errors == "replace":
            return data.decode(codec, errors="replace")
        raise DecodeError(f"invalid {codec} at byte {exc.start}", where=where) from None


def _legacy_score(text: str) -> float:
    letters = len(_ARABIC_LETTER_RE.findall(text))
    suspects = len(_SUSPECT_RE.findall(text))
    return letters - 5 * suspects


def _best_legacy_codec(data: bytes) -> str:
    """The legacy Arabic code page whose decoding has most Arabic letters and fewest oddities."""
    scored = [
        (_legacy_score(data.decode(c, errors="replace")), c) for c in ("cp1256", "iso-8859-6")
    ]
    return max(scored)[1]
