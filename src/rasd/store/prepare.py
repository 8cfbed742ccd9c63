"""From an analyzed document to the rows the store writes, computed where the analysis runs.

:class:`Preparer` is the ``encoder`` given to :func:`rasd.parallel.analyze_stream`: with
``--jobs N`` it runs in the worker processes, so search terms, the content hash and the MinHash
signature are computed in parallel and only plain tuples travel back to the writer.

Everything is read from ``Document.to_json()``, generically: actors, places and events are stored
with whatever the pipeline filled in (the lists are empty when their stages are not configured).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from rasd import __version__
from rasd.model import Document
from rasd.options import Options
from rasd.store.clusters import signature
from rasd.store.search import Terms
from rasd.text.clitics import CliticAnalyzer
from rasd.text.normalize import Normalizer

if TYPE_CHECKING:
    from rasd.pipeline import Analyzer


def analysis_version(options: Options) -> str:
    """What produced the derived rows: rasd's version and the configured stages."""
    return f"{__version__}:{'+'.join(options.pipeline.stages)}"


def content_hash(text: str, normalizer: Normalizer) -> str:
    """SHA-256 (32 hex digits) of the ``match``-normalized text with whitespace collapsed."""
    flat = " ".join(normalizer(text).split())
    return hashlib.sha256(flat.encode("utf-8", "surrogatepass")).hexdigest()[:32]


@dataclass(slots=True)
class Prepared:
    """One article, ready to write."""

    id: str
    content_hash: str
    origin: str
    article: dict[str, Any]  # the articles row (column -> value)
    removed: list[tuple[int, int, str]]
    sentences: list[tuple[int, int, int, bool]]  # idx, start, end, is_title
    actors: list[dict[str, Any]]
    places: list[dict[str, Any]]
    events: list[dict[str, Any]]
    title_terms: str
    body_terms: str
    signature: bytes
    warnings: list[str] = field(default_factory=list)


class Preparer:
    """Document → :class:`Prepared`. Picklable; builds its helpers on first use in each process."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self._terms: Terms | None = None
        self._match: Normalizer | None = None
        self._clitics: CliticAnalyzer | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {"options": self.options}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.options = state["options"]
        self._terms = None
        self._match = None
        self._clitics = None

    def bind(self, analyzer: Analyzer) -> None:
        """Reuse the analyzing process's clitic analyses (see :func:`rasd.parallel.analyze_stream`)."""
        self._clitics = analyzer.clitic_analyzer()
        self._terms = None

    @property
    def terms(self) -> Terms:
        if self._terms is None:
            self._terms = make_terms(self.options, self._clitics)
        return self._terms

    def hash_of(self, text: str) -> str:
        if self._match is None:
            self._match = Normalizer("match")
        return content_hash(text, self._match)

    def __call__(self, doc: Document) -> Prepared:
        data = doc.to_json()
        text: str = data["text"]
        body = _blank(text, [(r["start"], r["end"]) for r in data["removed"]])
        body_terms, words = self.terms.index_text(body)
        title_terms = self.terms.index_text(data["title"])[0] if data["title"] else ""
        opts = self.options.store
        origin = data.get("origin") or {}
        span = data.get("title_span")
        article = {
            "id": data["id"],
            "title": data["title"],
            "date": data["date"],
            "source": data["source"],
            "url": data["url"],
            "encoding": data["encoding"],
            "origin_path": origin.get("path", ""),
            "origin_line": origin.get("line"),
            "origin_record": origin.get("record"),
            "text": text,
            "title_start": span[0] if span else None,
            "title_end": span[1] if span else None,
            "warnings": "\n".join(data.get("warnings") or ()),
            "analysis_version": analysis_version(self.options),
        }
        return Prepared(
            id=data["id"],
            content_hash=self.hash_of(text),
            origin=str(doc.origin) if doc.origin else data["id"],
            article=article,
            removed=[(r["start"], r["end"], r["reason"]) for r in data["removed"]],
            sentences=[
                (k, s["start"], s["end"], bool(s.get("is_title")))
                for k, s in enumerate(data["sentences"])
            ],
            actors=list(data.get("actors") or ()),
            places=list(data.get("places") or ()),
            events=list(data.get("events") or ()),
            title_terms=title_terms,
            body_terms=body_terms,
            signature=signature(words, opts.shingle_words, opts.minhash_size),
            warnings=list(doc.warnings),
        )


def make_terms(options: Options, analyzer: CliticAnalyzer | None = None) -> Terms:
    if analyzer is not None:
        return Terms(analyzer=analyzer)
    from rasd.knowledge import Knowledge

    exceptions = [row["word"] for row in Knowledge(options).rows("clitic_exceptions")]
    return Terms(exceptions)


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    parts: list[str] = []
    pos = 0
    for start, end in sorted(spans):
        if start < pos:
            start = pos
        parts.append(text[pos:start])
        parts.append(" " * max(0, end - start))
        pos = max(pos, end)
    parts.append(text[pos:])
    return "".join(parts)
