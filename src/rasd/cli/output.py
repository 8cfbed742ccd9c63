"""Writers for analyzed documents: pretty JSON (an array for several), JSONL, and a table for people."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, BinaryIO

import orjson

from rasd.model import Document

FORMATS = ("json", "jsonl", "table")


@dataclass(frozen=True, slots=True)
class Encoded:
    """A document already rendered in the output format (rendering happens in worker processes)."""

    body: bytes
    origin: str
    warnings: tuple[str, ...]


def encode_json(doc: Document) -> Encoded:
    return Encoded(
        orjson.dumps(doc.to_json(), option=orjson.OPT_INDENT_2),
        str(doc.origin),
        tuple(doc.warnings),
    )


def encode_jsonl(doc: Document) -> Encoded:
    return Encoded(orjson.dumps(doc.to_json()) + b"\n", str(doc.origin), tuple(doc.warnings))


def encode_table(doc: Document) -> Encoded:
    return Encoded(render_table(doc).encode("utf-8"), str(doc.origin), tuple(doc.warnings))


ENCODERS = {"json": encode_json, "jsonl": encode_jsonl, "table": encode_table}


class DocumentWriter:
    """Writes encoded documents one at a time, so output streams and memory stays bounded."""

    def __init__(self, stream: BinaryIO, fmt: str) -> None:
        self.stream = stream
        self.fmt = fmt
        self.count = 0
        self._pending: bytes | None = (
            None  # json: hold the first doc until we know if there are more
        )

    def write(self, item: Encoded) -> None:
        self.count += 1
        if self.fmt != "json":
            self.stream.write(item.body)
            return
        if self.count == 1:
            self._pending = item.body
            return
        if self._pending is not None:
            self.stream.write(b"[\n" + self._pending)
            self._pending = None
        self.stream.write(b",\n" + item.body)

    def close(self) -> None:
        if self.fmt == "json":
            if self._pending is not None:
                self.stream.write(self._pending + b"\n")
            elif self.count > 1:
                self.stream.write(b"\n]\n")
            else:
                self.stream.write(b"[]\n")
        self.stream.flush()


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def render_table(doc: Document) -> str:
    """A readable summary of one document."""
    text = doc.text
    n_tokens = sum(len(s.tokens or ()) for s in doc.sentences)
    lines = [
        "═" * 78,
        f"{doc.id}  {_cut(doc.title, 60)}",
        f"date {doc.date or '-'}  source {doc.source or '-'}  encoding {doc.encoding}  "
        f"origin {doc.origin or '-'}",
        f"{len(text):,} chars, {len(doc.sentences)} sentences"
        + (f", {n_tokens} tokens" if n_tokens else "")
        + f", {len(doc.removed)} removed spans",
    ]
    for r in doc.removed:
        lines.append(
            f"  removed {r.start}-{r.end} {r.reason:<15} {_cut(text[r.start : r.end], 45)}"
        )
    if doc.actors:
        lines.append("actors:")
        for a in doc.actors:
            first = a.mentions[0] if a.mentions else None
            seen = f"{first.start}-{first.end} {_cut(first.text, 28)}" if first else ""
            lines.append(
                f"  {a.country or '---':<4}{a.sector or '---':<4} {_cut(a.name or '-', 28):<28} "
                f"×{len(a.mentions):<3} {seen}"
            )
    if doc.places:
        lines.append("places:")
        for p in doc.places:
            where = f"{p.lat:.2f},{p.lon:.2f}" if p.lat is not None and p.lon is not None else "-"
            main = " (main)" if p.main else ""
            lines.append(
                f"  {_cut(p.name, 28):<28} {p.country or '---':<4} {where:<16} "
                f"×{len(p.mentions)}{main}"
            )
    if doc.events:
        lines.append("events:")
        for e in doc.events:
            lines.append("  " + _event_line(e.to_json(text)))
    if doc.warnings:
        lines.extend(f"warning: {w}" for w in doc.warnings)
    return "\n".join(lines) + "\n"


def _actor(ref: dict[str, Any] | None) -> str:
    if not ref:
        return "-"
    code = (ref.get("country") or "---") + (ref.get("sector") or "")
    return f"{code}" + (f" ({ref['name']})" if ref.get("name") else "")


def _event_line(e: dict[str, Any]) -> str:
    mode = f"/{e['mode']}" if e.get("mode") else ""
    where = f" @{e['location']}" if e.get("location") else ""
    when = f" {e['date']}" if e.get("date") else ""
    return (
        f"{e['event_type']}{mode}: {_actor(e['actor'])} → {_actor(e['recipient'])}{where}{when}"
        f"  «{_cut(e.get('evidence', ''), 50)}»"
    )
