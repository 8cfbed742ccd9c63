"""Readers: turn paths (files, directories, ``-``) into article records, streaming.

Every reader yields :class:`Record` (an article to analyze) or :class:`ReadFailure` (a file or a
record that could not be read, with its position). A failure never stops the stream: the caller
reports it and goes on.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any, BinaryIO

import orjson

from rasd.errors import (
    BinaryInputError,
    EmptyInputError,
    FileNotFoundInputError,
    InputError,
    InputTooLargeError,
    RecordError,
    UnsupportedInputError,
)
from rasd.model import Origin
from rasd.options import InputOptions
from rasd.readers.decode import decode_bytes, looks_binary

FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "_id", "doc_id", "article_id"),
    "title": ("title", "headline", "head_line"),
    "text": ("text", "content", "body", "article"),
    "date": ("date", "date_extracted", "published", "pubDate", "pubdate", "date_published"),
    "source": ("source", "site"),
    "url": ("url", "link"),
}
TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSON_SUFFIXES = (".json",)
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz", ".json.gz")
KNOWN_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSON_SUFFIXES + JSONL_SUFFIXES


@dataclass(slots=True)
class Record:
    """One article as read, before analysis."""

    text: str
    origin: Origin
    id: str = ""
    title: str = ""
    date: str = ""
    source: str = ""
    url: str = ""
    encoding: str = "utf-8"
    title_in_text: bool = False  # plain text files: the first line is the title, kept in the text
    warnings: tuple[str, ...] = ()

    def __reduce__(self) -> tuple[type[Record], tuple[Any, ...]]:
        # records travel to worker processes by the thousand: a plain tuple pickles faster than
        # the state dict @dataclass(slots=True) builds
        return Record, (
            self.text,
            self.origin,
            self.id,
            self.title,
            self.date,
            self.source,
            self.url,
            self.encoding,
            self.title_in_text,
            self.warnings,
        )


@dataclass(slots=True)
class ReadFailure:
    error: InputError


Item = Record | ReadFailure


def stable_id(text: str) -> str:
    """A stable article id from the content: the first 16 hex digits of SHA-256 of the text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def normalize_date(value: Any) -> str | None:
    """``YYYY-MM-DD`` from the date forms news feeds use, or None when it cannot be read."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return None
    value = value.strip()
    if not value:
        return ""
    head = value[:10]
    if len(head) == 10 and head[4] in "-/" and head[7] in "-/":
        y, m, d = head[:4], head[5:7], head[8:10]
        if y.isdigit() and m.isdigit() and d.isdigit() and 1 <= int(m) <= 12 and 1 <= int(d) <= 31:
            return f"{y}-{m}-{d}"
        return None
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def iter_records(
    paths: Iterable[str], options: InputOptions, *, input_format: str = "auto"
) -> Iterator[Item]:
    """Records from every path, in order; directories recursively (sorted); ``-`` is stdin."""
    for raw in paths:
        if raw == "-":
            yield from _read_stdin(options, input_format)
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(
                p for p in path.rglob("*") if p.is_file() and _suffix(p) in KNOWN_SUFFIXES
            )
            for file in files:
                yield from read_file(file, options, input_format="auto")
        elif path.exists():
            yield from read_file(path, options, input_format=input_format)
        else:
            yield ReadFailure(FileNotFoundInputError("no such file or directory", where=raw))


def _suffix(path: Path) -> str:
    name = path.name.lower()
    for suffix in sorted(KNOWN_SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix):
            return suffix
    return path.suffix.lower()


def _format_of(path: Path, input_format: str) -> str:
    if input_format != "auto":
        return input_format
    suffix = _suffix(path)
    if suffix in TEXT_SUFFIXES:
        return "txt"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSON_SUFFIXES:
        return "json"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    return "unknown"


def read_file(path: Path, options: InputOptions, *, input_format: str = "auto") -> Iterator[Item]:
    where = str(path)
    fmt = _format_of(path, input_format)
    try:
        if fmt == "jsonl":
            yield from _read_jsonl(path, options)
            return
        size = path.stat().st_size
        if size == 0:
            raise EmptyInputError("empty file", where=where)
        if size > options.max_article_bytes and fmt != "json":
            raise InputTooLargeError(
                f"file is {size / 1e6:.1f} MB; one article may be at most "
                f"{options.max_article_bytes / 1e6:.1f} MB (input.max_article_bytes). "
                "Split it, or give many articles as JSONL",
                where=where,
            )
        with open(path, "rb") as fh:
            head = fh.read(4096)
            if looks_binary(head):
                raise BinaryInputError(
                    "binary file (an image, archive or executable?), not text; not analyzed",
                    where=where,
                )
            data = head + fh.read()
        if fmt == "unknown":
            fmt = _sniff(data)
        yield from _read_bytes(data, fmt, Origin(where), options)
    except InputError as exc:
        yield ReadFailure(exc)
    except OSError as exc:
        yield ReadFailure(InputError(f"cannot read: {exc.strerror}", where=where))


def _sniff(data: bytes) -> str:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"{", b"[")):
        first_line = head.split(b"\n", 1)[0].strip()
        return "jsonl" if first_line.startswith(b"{") and first_line.endswith(b"}") else "json"
    if head[:200].lower().startswith((b"<!doctype html", b"<html")) or b"<body" in head.lower():
        return "html"
    return "txt"


def _read_stdin(options: InputOptions, input_format: str) -> Iterator[Item]:
    stream: BinaryIO = sys.stdin.buffer
    limit = max(options.max_article_bytes, options.max_record_bytes)
    data = stream.read(limit + 1)
    fmt = input_format if input_format != "auto" else _sniff(data)
    if fmt == "jsonl":
        rest = io.BufferedReader(_Chain(data, stream))
        yield from _iter_jsonl_lines(rest, "<stdin>", options)
        return
    if len(data) > limit:
        yield ReadFailure(
            InputTooLargeError(
                f"standard input is larger than {limit / 1e6:.1f} MB; give many articles as JSONL",
                where="<stdin>",
            )
        )
        return
    try:
        yield from _read_bytes(data, fmt, Origin("<stdin>"), options)
    except InputError as exc:
        yield ReadFailure(exc)


class _Chain(io.RawIOBase):
    """A readable stream made of some bytes already read followed by the rest of a stream."""

    def __init__(self, head: bytes, tail: BinaryIO) -> None:
        self._head = head
        self._tail = tail

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        chunk = self._tail.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


def _read_bytes(data: bytes, fmt: str, origin: Origin, options: InputOptions) -> Iterator[Item]:
    where = str(origin)
    if fmt == "txt":
        decoded = decode_bytes(data, errors=options.encoding_errors, where=where)
        yield _text_record(decoded.text, origin, decoded.encoding, options)
    elif fmt == "html":
        decoded = decode_bytes(data, errors=options.encoding_errors, where=where)
        from rasd.readers.html import html_record

        yield html_record(decoded.text, origin, decoded.encoding, options)
    elif fmt == "json":
        decoded = decode_bytes(data, errors=options.encoding_errors, where=where)
        yield from _json_records(decoded.text, origin, options)
    elif fmt == "jsonl":
        yield from _iter_jsonl_lines(io.BytesIO(data), where, options)
    else:
        raise UnsupportedInputError(f"unknown input format {fmt!r}", where=where)


def _text_record(text: str, origin: Origin, encoding: str, options: InputOptions) -> Record:
    if not text.strip():
        raise EmptyInputError("no text after decoding", where=str(origin))
    title, in_text = split_title(text)
    return Record(
        text=text,
        origin=origin,
        title=title,
        title_in_text=in_text,
        encoding=encoding,
        date=options.default_date,
        id=stable_id(text),
    )


def split_title(text: str) -> tuple[str, bool]:
    """A short first line followed by more text is the title (it stays part of the text)."""
    stripped = text.lstrip("\ufeff \t\r\n")
    first, sep, rest = stripped.partition("\n")
    first = first.strip()
    if not sep or not rest.strip() or not first:
        return "", False
    words = first.split()
    if len(first) > 200 or len(words) > 30 or first.endswith((".", "。")):
        return "", False
    return first, True


def _json_records(text: str, origin: Origin, options: InputOptions) -> Iterator[Item]:
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        raise RecordError(f"invalid JSON: {exc}", where=str(origin)) from None
    if isinstance(data, dict):
        yield _record_or_failure(data, Origin(origin.path), options)
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield _record_or_failure(item, Origin(origin.path, record=index), options)
    else:
        raise RecordError("JSON must be an object or an array of objects", where=str(origin))


def _read_jsonl(path: Path, options: InputOptions) -> Iterator[Item]:
    name = path.name.lower()
    if name.endswith(".gz"):
        with gzip.open(path, "rb") as fh:
            yield from _iter_jsonl_lines(fh, str(path), options)
    else:
        with open(path, "rb") as fh:
            yield from _iter_jsonl_lines(fh, str(path), options)


def _iter_jsonl_lines(fh: Any, where: str, options: InputOptions) -> Iterator[Item]:
    limit = options.max_record_bytes
    lineno = 0
    saw_any = False
    try:
        while True:
            line = fh.readline(limit + 1)
            if not line:
                break
            lineno += 1
            if len(line) > limit and not line.endswith(b"\n"):
                # skip the rest of this over-long line without holding it in memory
                while True:
                    more = fh.readline(1 << 20)
                    if not more or more.endswith(b"\n"):
                        break
                yield ReadFailure(
                    InputTooLargeError(
                        f"record is longer than {limit / 1e6:.1f} MB (input.max_record_bytes); skipped",
                        where=f"{where}:{lineno}",
                    )
                )
                continue
            if lineno == 1 and line.startswith(b"\xef\xbb\xbf"):
                line = line[3:]
            if not line.strip():
                continue
            saw_any = True
            origin = Origin(where, line=lineno)
            try:
                data = orjson.loads(line)
            except orjson.JSONDecodeError as exc:
                yield ReadFailure(RecordError(f"invalid JSON: {exc}", where=str(origin)))
                continue
            yield _record_or_failure(data, origin, options)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield ReadFailure(InputError(f"cannot read after line {lineno}: {exc}", where=where))
        return
    if not saw_any:
        yield ReadFailure(EmptyInputError("no records", where=where))


def _record_or_failure(data: Any, origin: Origin, options: InputOptions) -> Item:
    try:
        return record_from_mapping(data, origin, options)
    except InputError as exc:
        return ReadFailure(exc)


def _field(data: dict[str, Any], name: str) -> Any:
    for key in FIELD_ALIASES[name]:
        if key in data and data[key] is not None:
            return data[key]
    return None


def record_from_mapping(data: Any, origin: Origin, options: InputOptions) -> Record:
    """A record from a JSON object, with the field aliases of ``FIELD_ALIASES``."""
    where = str(origin)
    if not isinstance(data, dict):
        raise RecordError(f"expected a JSON object, got {type(data).__name__}", where=where)
    text = _field(data, "text")
    if text is None:
        names = "/".join(FIELD_ALIASES["text"])
        raise RecordError(f"record has no text field ({names})", where=where)
    if not isinstance(text, str):
        raise RecordError(f"text field is a {type(text).__name__}, not a string", where=where)
    warnings: list[str] = []
    title = _str(_field(data, "title"))
    title_in_text = False
    if not text.strip():
        if not title:
            raise RecordError("record has an empty text and no title", where=where)
        warnings.append("empty text: the title was analyzed instead")
        text, title_in_text = title, True
    raw_date = _field(data, "date")
    date = normalize_date(raw_date)
    if date is None:
        warnings.append(f"unreadable date {raw_date!r} ignored")
        date = ""
    rid = _field(data, "id")
    return Record(
        text=text,
        origin=origin,
        id=str(rid) if rid not in (None, "") else stable_id(text),
        title=title,
        title_in_text=title_in_text,
        date=date or options.default_date,
        source=_str(_field(data, "source")),
        url=_str(_field(data, "url")),
        encoding="utf-8",
        warnings=tuple(warnings),
    )


def _str(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ("" if value is None else str(value))


def expand_paths(paths: Iterable[str]) -> list[str]:
    """Paths as given, with ``~`` expanded (globs are the shell's job)."""
    return [p if p == "-" else os.path.expanduser(p) for p in paths]
