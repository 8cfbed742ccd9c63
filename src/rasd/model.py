"""The document model: typed records with one stable JSON form.

Every span is a pair of character offsets ``(start, end)`` into :attr:`Document.text`, the article's
text exactly as decoded, so ``text[start:end]`` is the surface form. The JSON form is published as a
JSON Schema in ``rasd/data/schemas/document.schema.json`` and documented in ``docs/data-model.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = "1.0"


@dataclass(slots=True)
class RemovedSpan:
    """A stretch of the original text left out of analysis, and why."""

    start: int
    end: int
    reason: str  # duplicate-line | caption | widget | url | hashtag | share-count | ...

    def to_json(self, text: str) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "reason": self.reason,
            "text": text[self.start : self.end],
        }


@dataclass(slots=True)
class CliticAnalysis:
    """One way to split a word: proclitics + stem + enclitic (normalized letters)."""

    prefix: str
    stem: str
    suffix: str

    def to_json(self) -> dict[str, str]:
        return {"prefix": self.prefix, "stem": self.stem, "suffix": self.suffix}


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    norm: str
    clitics: tuple[CliticAnalysis, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "norm": self.norm,
            "clitics": [c.to_json() for c in self.clitics],
        }


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    is_title: bool = False
    tokens: list[Token] | None = None

    def to_json(self, text: str) -> dict[str, Any]:
        out: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "text": text[self.start : self.end],
        }
        if self.is_title:
            out["is_title"] = True
        if self.tokens is not None:
            out["tokens"] = [t.to_json() for t in self.tokens]
        return out


@dataclass(slots=True)
class Mention:
    """A span of the original text that refers to an actor or a place."""

    start: int
    end: int
    text: str
    how: str = ""  # dictionary | composed | anaphora | ... (why this span was linked)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"start": self.start, "end": self.end, "text": self.text}
        if self.how:
            out["how"] = self.how
        return out


@dataclass(slots=True)
class Actor:
    id: str
    country: str
    sector: str
    name: str
    mentions: list[Mention] = field(default_factory=list)
    kind: str = ""  # person | organization | country | group | body

    def ref(self) -> dict[str, str]:
        """The short ``{country, sector, name}`` form used inside events."""
        return {"country": self.country, "sector": self.sector, "name": self.name, "id": self.id}

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "country": self.country,
            "sector": self.sector,
            "name": self.name,
            "kind": self.kind,
            "mentions": [m.to_json() for m in self.mentions],
        }


@dataclass(slots=True)
class Place:
    id: str
    name: str
    country: str
    lat: float | None
    lon: float | None
    kind: str = ""
    mentions: list[Mention] = field(default_factory=list)
    main: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "kind": self.kind,
            "main": self.main,
            "mentions": [m.to_json() for m in self.mentions],
        }


@dataclass(slots=True)
class Evidence:
    """Where an event was read: its sentence and its trigger, as spans of the original text."""

    start: int
    end: int
    trigger_start: int
    trigger_end: int

    def to_json(self, text: str) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": text[self.start : self.end],
            "trigger": {
                "start": self.trigger_start,
                "end": self.trigger_end,
                "text": text[self.trigger_start : self.trigger_end],
            },
        }


@dataclass(slots=True)
class Event:
    event_type: str
    mode: str
    context: list[str]
    actor: Actor | None
    recipient: Actor | None
    location: Place | None
    date: str
    evidence: list[Evidence]
    quad: str = ""
    score: float | None = None
    confidence: float = 0.0

    def to_json(self, text: str) -> dict[str, Any]:
        first = self.evidence[0] if self.evidence else None
        return {
            "event_type": self.event_type,
            "mode": self.mode,
            "context": list(self.context),
            "actor": self.actor.ref() if self.actor else None,
            "recipient": self.recipient.ref() if self.recipient else None,
            "location": self.location.name if self.location else "",
            "location_id": self.location.id if self.location else None,
            "date": self.date,
            "evidence": text[first.start : first.end] if first else "",
            "evidence_spans": [e.to_json(text) for e in self.evidence],
            "quad": self.quad,
            "score": self.score,
            "confidence": round(self.confidence, 3),
        }


@dataclass(slots=True)
class Origin:
    """Where an article came from: file path and line (JSONL) or record index (JSON array)."""

    path: str
    line: int | None = None
    record: int | None = None

    def __str__(self) -> str:
        if self.line is not None:
            return f"{self.path}:{self.line}"
        if self.record is not None:
            return f"{self.path}[{self.record}]"
        return self.path

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"path": self.path}
        if self.line is not None:
            out["line"] = self.line
        if self.record is not None:
            out["record"] = self.record
        return out


@dataclass(slots=True)
class Document:
    """An analyzed article: the article's fields, what was removed, and what was found."""

    id: str
    text: str
    title: str = ""
    date: str = ""
    source: str = ""
    url: str = ""
    encoding: str = "utf-8"
    origin: Origin | None = None
    title_span: tuple[int, int] | None = None
    removed: list[RemovedSpan] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        text = self.text
        return {
            "schema": SCHEMA_VERSION,
            "id": self.id,
            "title": self.title,
            "date": self.date,
            "source": self.source,
            "url": self.url,
            "encoding": self.encoding,
            "origin": self.origin.to_json() if self.origin else None,
            "text": text,
            "title_span": list(self.title_span) if self.title_span else None,
            "removed": [r.to_json(text) for r in self.removed],
            "sentences": [s.to_json(text) for s in self.sentences],
            "actors": [a.to_json() for a in self.actors],
            "places": [p.to_json() for p in self.places],
            "events": [e.to_json(text) for e in self.events],
            "warnings": list(self.warnings),
        }
