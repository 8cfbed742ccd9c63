"""The text layer's pipeline stages: clean, normalize, segment (sentences, tokens, clitics)."""

from __future__ import annotations

import re

from rasd.knowledge import Knowledge
from rasd.options import Options
from rasd.pipeline import Work
from rasd.text.clean import Cleaner, blank_spans
from rasd.text.clitics import CliticAnalyzer
from rasd.text.normalize import Normalizer
from rasd.text.sentences import split_sentences

#: Inside a whitespace-separated chunk that is not all letters and digits: numbers with decimal or
#: thousands separators, words, or single other characters.
TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)+|\w+|[^\w\s]")


def tokenize(text: str) -> list[str]:
    """Tokens of ``text``: whitespace-separated chunks, with punctuation split off.

    Every non-space character belongs to exactly one token and tokens appear in text order, so
    their spans can be recovered by scanning (see :attr:`rasd.pipeline.Work.tok_spans`).
    """
    out: list[str] = []
    append = out.append
    extend = out.extend
    findall = TOKEN_RE.findall
    for chunk in text.split():
        if chunk.isalnum():
            append(chunk)
        else:
            extend(findall(chunk))
    return out


class CleanStage:
    """Marks captions, repeated lines, widgets and footers as removed spans; blanks them in ``body``."""

    name = "clean"
    requires = frozenset({"text"})
    produces = frozenset({"removed", "body"})

    def __init__(self, knowledge: Knowledge, options: Options) -> None:
        self._cleaner = Cleaner(knowledge.tables("boilerplate"), options.clean, Normalizer("match"))

    def __call__(self, work: Work) -> None:
        text = work.doc.text
        removed = self._cleaner.find(text)
        work.doc.removed = removed
        work.body = blank_spans(text, removed)


class NormalizeStage:
    """Normalizes the body with the ``base`` profile, keeping a map back to original offsets."""

    name = "normalize"
    requires = frozenset({"text"})
    produces = frozenset({"norm"})

    def __init__(self, knowledge: Knowledge, options: Options) -> None:
        self._normalizer = Normalizer("base")

    def __call__(self, work: Work) -> None:
        result = self._normalizer.normalize(work.body or work.doc.text)
        work.norm = result.text
        work.offsets = result.offsets


class SegmentStage:
    """Sentences, tokens with spans, and clitic candidates for every word token.

    Tokens and their clitic analyses are computed here when ``segment.eager_tokens`` is set or the
    output includes tokens; otherwise on first use (no later built-in stage needs them)."""

    name = "segment"
    requires = frozenset({"norm"})
    produces = frozenset({"sentences", "tokens", "clitics"})

    def __init__(self, knowledge: Knowledge, options: Options) -> None:
        base = Normalizer("base")
        exceptions = [base(row["word"]) for row in knowledge.rows("clitic_exceptions")]
        self._clitics = CliticAnalyzer(exceptions, options.segment.clitic_cache_size)
        self._max_chars = options.segment.max_sentence_chars
        self._eager = options.segment.eager_tokens or options.output.tokens

    @property
    def clitics(self) -> CliticAnalyzer:
        """The stage's cached analyzer (others in the process may reuse its cache)."""
        return self._clitics

    def __call__(self, work: Work) -> None:
        norm = work.norm
        spans = split_sentences(norm, self._max_chars)
        work.sent_spans = spans
        work.clitics = self._clitics
        work.tokenizer = self._tokenize
        if self._eager:
            work.tok_words  # noqa: B018 (tokenizes now and analyzes every new word form)
        if work.title_in_text and spans:
            title_end = norm.find("\n")
            work.title_sentence = 0 if title_end == -1 or spans[0][1] <= title_end else None

    def _tokenize(self, work: Work) -> tuple[list[str], list[tuple[int, int]]]:
        norm = work.norm
        words: list[str] = []
        sent_tokens: list[tuple[int, int]] = []
        for start, end in work.sent_spans:
            first = len(words)
            words += tokenize(norm[start:end])
            sent_tokens.append((first, len(words)))
        self._clitics.prepare(words)
        return words, sent_tokens
