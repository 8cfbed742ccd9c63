"""Search terms for Arabic: one function for the index and for queries, and highlighted snippets.

Index side: the text is normalized with the ``base`` profile (so clitic analysis sees ة), cut into
words (``\\w+``), and every word contributes a *group* of terms, all normalized with the ``match``
profile (alef forms, ى/ي, ة/ه, hamza carriers, diacritics, tatweel): the word itself, every
candidate stem that :class:`~rasd.text.clitics.CliticAnalyzer` proposes (بمصر → مصر; حكومته →
حكومة), and, for stems that lost the article inside a clitic stack, the stem with the article
(بالرياض، للرياض → الرياض). A group is written ``term|term|term``; groups are separated by spaces,
so a group's position is its word's position (PostgreSQL keeps positions; SQLite's FTS5
``unicode61`` tokenizer reads ``|`` and spaces alike as separators).

Query side: each query word is normalized the same way (``match`` over ``base``) and looked up as
one term, not expanded: مصر finds بمصر، ومصر، لمصر because their groups contain مصر, while a
query for بمصر finds only that clitic form. Words are ANDed; ``OR`` between two words makes an
alternative (``السيسي OR مرسي``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rasd.errors import ConfigError
from rasd.text.clitics import CliticAnalyzer
from rasd.text.normalize import Normalizer

WORD_RE = re.compile(r"\w+")
_CACHE_LIMIT = 500_000


class Terms:
    """Index and query terms. Build one per process (it caches the terms of every word form)."""

    def __init__(
        self, clitic_exceptions: Iterable[str] = (), analyzer: CliticAnalyzer | None = None
    ) -> None:
        self._base = Normalizer("base")
        self._match = Normalizer("match")
        # the segment stage's analyzer when there is one (its cache already holds the article's
        # words); else our own: group() caches its results, so that one's cache can stay small
        self._clitics = analyzer or CliticAnalyzer(
            [self._base(w) for w in clitic_exceptions], cache_size=4096
        )
        self._groups: dict[str, str] = {}
        self._stem_table = _CharTable(self._match)

    def words(self, text: str) -> list[str]:
        """Words of ``text`` normalized with the ``base`` profile."""
        return WORD_RE.findall(self._base(text))

    def group(self, word: str) -> str:
        """The ``|``-joined term group of one ``base``-normalized word."""
        cached = self._groups.get(word)
        if cached is not None:
            return cached
        table = self._stem_table
        terms = {word.translate(table): None}
        if len(word) >= 3 and word.isalpha():
            for a in self._clitics(word):
                stem = a.stem.translate(table)
                terms.setdefault(stem, None)
                if a.prefix.endswith(("ال", "لل")):
                    terms.setdefault("ال" + stem, None)
        out = "|".join(terms)
        if len(self._groups) >= _CACHE_LIMIT:
            self._groups.clear()
        self._groups[word] = out
        return out

    def index_text(self, text: str) -> tuple[str, list[str]]:
        """The term groups of ``text`` (space-separated) and its ``match``-normalized words."""
        base = self._base(text)
        words = WORD_RE.findall(base)
        # match only maps letters to letters, so its words line up with the base words
        matched = WORD_RE.findall(self._match(base))
        if len(matched) != len(words):  # cannot happen with the shipped profiles; stay correct
            matched = [self._match(w) for w in words]
        cache = self._groups
        group = self.group
        groups = {w: cache.get(w) or group(w) for w in set(words)}
        return " ".join([groups[w] for w in words]), matched

    def query_term(self, word: str) -> list[str]:
        """The term(s) a query word stands for (several when it contains punctuation)."""
        return [self._match(w) for w in self.words(word)]


class _CharTable(dict[int, str]):
    """``str.translate`` table of a normalizer, filled lazily one character at a time.

    Exact because every normalizer is a character map (``rasd.text.normalize``): normalizing a
    word is normalizing each of its characters. Much cheaper than a call per short word.
    """

    def __init__(self, normalizer: Normalizer) -> None:
        super().__init__()
        self._normalizer = normalizer

    def __missing__(self, code: int) -> str:
        out = self._normalizer(chr(code))
        self[code] = out
        return out


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query: a conjunction of alternatives (``[[a], [b, c]]`` is a AND (b OR c))."""

    clauses: tuple[tuple[str, ...], ...]

    @property
    def terms(self) -> frozenset[str]:
        return frozenset(t for clause in self.clauses for t in clause)

    def fts5(self) -> str:
        """SQLite FTS5 MATCH expression."""
        parts = []
        for clause in self.clauses:
            alts = " OR ".join(f'"{t}"' for t in clause)
            parts.append(f"({alts})" if len(clause) > 1 else alts)
        return " AND ".join(parts)

    def tsquery(self) -> str:
        """PostgreSQL tsquery literal (lexemes quoted, so no text-search configuration applies)."""
        parts = []
        for clause in self.clauses:
            alts = " | ".join(_ts_quote(t) for t in clause)
            parts.append(f"({alts})" if len(clause) > 1 else alts)
        return " & ".join(parts)


def _ts_quote(term: str) -> str:
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def parse_query(text: str, terms: Terms) -> Query:
    """Words ANDed; ``OR`` joins the words on either side into one alternative."""
    clauses: list[list[str]] = []
    pending_or = False
    for raw in text.split():
        if raw == "OR":
            pending_or = bool(clauses)
            continue
        words = terms.query_term(raw)
        for k, word in enumerate(words):
            if pending_or and k == 0:
                clauses[-1].append(word)
            else:
                clauses.append([word])
        if words:
            pending_or = False
    if not clauses:
        raise ConfigError(f"the search query has no words: {text!r}")
    return Query(tuple(tuple(dict.fromkeys(c)) for c in clauses))


def _core(term: str) -> str:
    """A part of ``term`` that every word form carrying it contains (a cheap pre-filter)."""
    if term.startswith("ال") and len(term) > 3:
        term = term[2:]
    if term.endswith("ه") and len(term) > 2:
        term = term[:-1]
    return term


@dataclass(frozen=True, slots=True)
class Snippet:
    text: str  # the excerpt with hits marked
    highlights: list[tuple[int, int]]  # hit spans in the article text (original offsets)


def snippet(
    text: str, query: Query, terms: Terms, *, width: int = 200, mark: tuple[str, str] = ("[", "]")
) -> Snippet:
    """The excerpt of ``text`` with the most hits in ``width`` characters, hits marked."""
    norm = terms._base.normalize(text)
    cores = {_core(t) for t in query.terms}
    wanted = query.terms
    match = terms._match
    hits: list[tuple[int, int]] = []
    for m in WORD_RE.finditer(norm.text):
        word = m.group()
        mw = match(word)
        if not any(c in mw for c in cores):
            continue
        if wanted.intersection(terms.group(word).split("|")):
            hits.append(norm.offsets.span_to_orig(m.start(), m.end()))
    if not hits:
        start, end = 0, min(len(text), width)
    else:
        best, best_count = 0, 0
        j = 0
        for i, (s, _e) in enumerate(hits):
            while j < len(hits) and hits[j][1] <= s + width:
                j += 1
            if j - i > best_count:
                best, best_count = i, j - i
        first = hits[best][0]
        start = max(0, first - width // 4)
        end = min(len(text), start + width)
    # widen to word boundaries
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    pieces: list[str] = ["…" if start > 0 else ""]
    pos = start
    for s, e in hits:
        if s < start or e > end:
            continue
        pieces += [text[pos:s], mark[0], text[s:e], mark[1]]
        pos = e
    pieces += [text[pos:end], "…" if end < len(text) else ""]
    excerpt = " ".join("".join(pieces).split())
    return Snippet(excerpt, hits)
