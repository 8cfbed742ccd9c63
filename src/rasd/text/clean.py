"""Mark scraping artifacts (captions, repeated lines, widgets, footers) without losing anything.

The cleaner never edits the text: it returns :class:`~rasd.model.RemovedSpan` records (span and
reason) for lines that are not article content. The analyzed body is the text with those spans
blanked out (same length, so offsets do not move). The patterns are data:
``rasd/data/text/boilerplate.tsv``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rasd.dicts.tsv import Table
from rasd.errors import DictionaryError
from rasd.model import RemovedSpan
from rasd.options import CleanOptions
from rasd.text.normalize import Normalizer

MAX_CAPTION_WORDS = 25
_SPACE_RE = re.compile(r"\s+")
_LINE_RE = re.compile(r"[^\n]*\n?")


@dataclass(frozen=True, slots=True)
class _Rules:
    lines: dict[str, str]  # normalized whole line -> reason
    prefixes: tuple[tuple[str, str], ...]  # normalized prefix -> reason
    regexes: tuple[tuple[re.Pattern[str], str], ...]


class Cleaner:
    """Finds removable lines. Build once (from the boilerplate tables) and call per article."""

    def __init__(
        self, tables: Iterable[Table], options: CleanOptions, normalizer: Normalizer
    ) -> None:
        self.options = options
        self._norm = normalizer
        lines: dict[str, str] = {}
        prefixes: list[tuple[str, str]] = []
        regexes: list[tuple[re.Pattern[str], str]] = []
        for table in tables:
            for row, lineno in zip(table.rows, table.lines, strict=True):
                pattern, how, reason = row["pattern"], row["match"], row["reason"]
                if how == "line":
                    lines[self._key(pattern)] = reason
                elif how == "prefix":
                    prefixes.append((self._key(pattern), reason))
                elif how == "regex":
                    try:
                        regexes.append((re.compile(pattern), reason))
                    except re.error as exc:
                        raise DictionaryError(
                            f"bad regex: {exc}", where=f"{table.path}:{lineno}"
                        ) from None
                else:
                    raise DictionaryError(
                        f"match must be line, prefix or regex, not {how!r}",
                        where=f"{table.path}:{lineno}",
                    )
        self._rules = _Rules(lines, tuple(prefixes), tuple(regexes))

    def _key(self, line: str) -> str:
        return _SPACE_RE.sub(" ", self._norm(line)).strip(" :：-–—|.،,")

    def find(self, text: str) -> list[RemovedSpan]:
        """Spans of lines that are not content, in text order."""
        rules = self._rules
        max_words = self.options.max_widget_words
        min_dup = self.options.min_duplicate_chars
        seen: set[str] = set()
        removed: list[RemovedSpan] = []
        pos = 0
        for raw in _LINE_RE.findall(text):
            if not raw:
                break
            start = pos
            pos += len(raw)
            line = raw.strip()
            if not line:
                continue
            lead = len(raw) - len(raw.lstrip())
            span_start = start + lead
            span_end = span_start + len(line)
            words = line.count(" ") + 1
            key = self._key(line) if words <= MAX_CAPTION_WORDS else ""
            reason = ""
            if key and len(key) >= min_dup and key in seen:
                reason = "duplicate-line"
            elif words <= max_words and key in rules.lines:
                reason = rules.lines[key]
            elif words <= max_words and key and any(key.startswith(p) for p, _ in rules.prefixes):
                reason = next(r for p, r in rules.prefixes if key.startswith(p))
            elif words <= MAX_CAPTION_WORDS:
                for regex, why in rules.regexes:
                    if regex.search(line):
                        reason = why
                        break
            if key:
                seen.add(key)
            if reason:
                removed.append(RemovedSpan(span_start, span_end, reason))
        return removed


def blank_spans(text: str, spans: Iterable[RemovedSpan]) -> str:
    """``text`` with each span's characters (except newlines) replaced by spaces."""
    spans = list(spans)
    if not spans:
        return text
    parts: list[str] = []
    pos = 0
    for span in spans:
        parts.append(text[pos : span.start])
        chunk = text[span.start : span.end]
        parts.append("".join("\n" if c == "\n" else " " for c in chunk))
        pos = span.end
    parts.append(text[pos:])
    return "".join(parts)
