"""Sentence segmentation for Arabic news text.

Sentences end at ``. ! ? ؟ ؛`` and at line breaks, but not inside decimals (3.5), after
one-letter abbreviations (د. م. أ.د), inside quotes («...», "...", “...”) or parentheses. A closing
quote or bracket right after the final mark belongs to the sentence. Runs on normalized text (the
caller maps spans back to the original).
"""

from __future__ import annotations

import re

_TERMINALS = ".!?؟؛"
_OPENERS = {"«": "»", "(": ")", "[": "]", "“": "”", "{": "}"}
_CLOSERS = {v: k for k, v in _OPENERS.items()}
_MARK_RE = re.compile(r'[.!?؟؛\n«»()\[\]{}“”"]')
_SPACE = " \t\r\n\u00a0"


def split_sentences(text: str, max_chars: int = 1500) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` in ``text``, trimmed of surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    n = len(text)
    start = 0
    depth = 0
    in_ascii_quote = False
    for m in _MARK_RE.finditer(text):
        i = m.start()
        if i < start:
            continue  # already consumed (a run of terminals)
        ch = text[i]
        if ch == "\n":
            _add(spans, text, start, i, max_chars)
            start = i + 1
            depth = 0
            in_ascii_quote = False
            continue
        if ch in _OPENERS:
            depth += 1
            continue
        if ch == '"':
            in_ascii_quote = not in_ascii_quote
            continue
        if ch in _CLOSERS:
            if depth > 0:
                depth -= 1
                if depth == 0 and not in_ascii_quote and i > 0 and text[i - 1] in _TERMINALS:
                    _add(spans, text, start, i + 1, max_chars)
                    start = i + 1
            continue
        # a terminal mark
        if depth > 0 or in_ascii_quote:
            # the sentence may end right after the closing quote: «...انتهى.»
            continue
        if ch == "." and _is_abbreviation_or_number(text, i):
            continue
        end = i + 1
        while end < n and (text[end] in _TERMINALS or text[end] in _CLOSERS or text[end] == '"'):
            end += 1
        _add(spans, text, start, end, max_chars)
        start = end
    _add(spans, text, start, n, max_chars)
    return spans


def _is_abbreviation_or_number(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isdigit() and after.isdigit():
        return True  # 3.5, 1.000
    if after == "." or before == ".":
        return False  # an ellipsis "..." ends the sentence at its last dot
    if before.isalpha():
        prev = text[i - 2] if i > 1 else " "
        if not prev.isalpha():  # a one-letter word before the dot: د. م. أ.د
            return True
    return False


def _add(spans: list[tuple[int, int]], text: str, start: int, end: int, max_chars: int) -> None:
    while start < end and text[start] in _SPACE:
        start += 1
    while end > start and text[end - 1] in _SPACE:
        end -= 1
    if start >= end:
        return
    while end - start > max_chars:
        cut = _cut_point(text, start, start + max_chars)
        spans.append((start, cut))
        start = cut
        while start < end and text[start] in _SPACE:
            start += 1
    if start < end:
        spans.append((start, end))


def _cut_point(text: str, start: int, limit: int) -> int:
    for sep in ("،", ",", " "):
        cut = text.rfind(sep, start + 1, limit)
        if cut > start:
            return cut + 1 if sep != " " else cut
    return limit
