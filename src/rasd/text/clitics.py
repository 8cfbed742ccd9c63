"""Clitic analysis: candidate (proclitics, stem, enclitic) splits of an Arabic word.

Works on words normalized with the ``base`` profile (alef forms unified, ى → ي, ة kept).
Proclitics: conjunctions و ف, prepositions ب ل ك, future س (only before an imperfect prefix), the
article ال (and ل + ال written لل), stacked in that order (وبال، فلل، وال، وس). Enclitic pronouns:
ه ها هم هما هن ك كم كن كما نا ني ي (never together with the article).

The unsplit word is always the first candidate. Splits must leave a plausible stem (at least two
letters after the article or a conjunction, three after a preposition), and words listed in the
``clitic_exceptions`` data (بلد، فلسطين، لبنان، كتاب ...) are never split at the front, so words
that merely start with clitic letters are not over-stripped. Which candidate is right is decided
downstream, against the dictionaries.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from rasd.model import CliticAnalysis

_CONJ = ("", "و", "ف")
_ENCLITICS = ("هما", "كما", "هم", "هن", "ها", "كم", "كن", "نا", "ني", "ه", "ك", "ي")
_IMPERFECT_PREFIXES = frozenset("يتنا")


def _stacks() -> tuple[tuple[str, str], ...]:
    """(written form, kind) of every proclitic stack, longest first. kind: art | prep | fut | conj."""
    out: dict[str, str] = {}
    for conj in _CONJ:
        out[conj + "ال"] = "art"
        out[conj + "لل"] = "art"
        for prep in ("ب", "ك"):
            out[conj + prep + "ال"] = "art"
        for prep in ("ب", "ل", "ك"):
            out.setdefault(conj + prep, "prep")
        out.setdefault(conj + "س", "fut")
        if conj:
            out.setdefault(conj, "conj")
    return tuple(sorted(out.items(), key=lambda kv: -len(kv[0])))


_STACKS = _stacks()
_STACK_KINDS: dict[str, str] = dict(_STACKS)
_ENCLITIC_SET = frozenset(_ENCLITICS)
_ENCLITIC_LAST = frozenset(e[-1] for e in _ENCLITICS)
_PROCLITIC_FIRST = frozenset(k[0] for k in _STACK_KINDS)


class CliticAnalyzer:
    """Splits words into clitic candidates; results are cached per word form."""

    def __init__(self, exceptions: Iterable[str] = (), cache_size: int = 300_000) -> None:
        self._protected = frozenset(exceptions)
        by_head: dict[str, list[str]] = {}
        for word in self._protected:
            if len(word) >= 4:
                by_head.setdefault(word[:4], []).append(word)
        self._protected_heads = {k: tuple(v) for k, v in by_head.items()}
        self._cache: dict[str, tuple[CliticAnalysis, ...]] = {}
        self._cache_size = cache_size

    def __call__(self, word: str) -> tuple[CliticAnalysis, ...]:
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        result = self._analyze(word)
        if len(self._cache) >= self._cache_size:
            self._cache.clear()
        self._cache[word] = result
        return result

    def _is_protected(self, word: str) -> bool:
        """A listed word, or a word that starts with a listed word of four letters or more."""
        if word in self._protected:
            return True
        heads = self._protected_heads.get(word[:4])
        return heads is not None and any(word.startswith(h) for h in heads)

    def prepare(self, words: Iterable[str]) -> None:
        """Analyze every word not analyzed yet (the hot path: one set difference in C)."""
        cache = self._cache
        new = set(words).difference(cache)
        if len(cache) + len(new) > self._cache_size:
            cache.clear()
        analyze = self._analyze
        for w in new:
            cache[w] = analyze(w)

    def stems(self, word: str) -> list[str]:
        """Distinct candidate stems, unsplit word first."""
        seen: dict[str, None] = {}
        for a in self(word):
            seen.setdefault(a.stem, None)
        return list(seen)

    def _analyze(self, word: str) -> tuple[CliticAnalysis, ...]:
        whole = CliticAnalysis("", word, "")
        n = len(word)
        if n < 3 or not word.isalpha() or word in self._protected:
            return (whole,)
        found: list[tuple[str, str, str]] = []
        # enclitic only: ...ه ...ها ...هم (never with the article)
        bases: list[tuple[str, str]] = [(word, "")]
        if word[-1] in _ENCLITIC_LAST:
            for size in _enclitic_sizes(word[-3:]):
                if n - size < 3:
                    continue
                rest = word[:-size]
                if _has_article(rest):
                    break
                enc = word[-size:]
                if rest[-1] == "ت":
                    found.append(("", rest[:-1] + "ة", enc))
                found.append(("", rest, enc))
                bases.append((rest, enc))
        # proclitics, on the word and on each enclitic-stripped base
        if word[0] in _PROCLITIC_FIRST:
            for base, enc in bases:
                if self._is_protected(base):
                    continue
                for size, kind in _proclitic_stacks(base[:4]):
                    stem = base[size:]
                    if not _plausible(stem, kind, enc):
                        continue
                    prefix = base[:size]
                    if enc and stem[-1] == "ت":
                        found.append((prefix, stem[:-1] + "ة", enc))
                    found.append((prefix, stem, enc))
        if not found:
            return (whole,)
        # a split whose stem is a listed word wins over splits that cut into it (و+لبنان, not ول+بنان)
        protected = [f for f in found if f[1] in self._protected]
        if protected:
            found = protected
        return (whole, *(CliticAnalysis(p, s, e) for p, s, e in dict.fromkeys(found)))


@lru_cache(maxsize=4096)
def _enclitic_sizes(tail: str) -> tuple[int, ...]:
    """Lengths of the enclitics ``tail`` (a word's last three letters) may end with, longest first."""
    return tuple(size for size in (3, 2, 1) if tail[-size:] in _ENCLITIC_SET)


@lru_cache(maxsize=65536)
def _proclitic_stacks(head: str) -> tuple[tuple[int, str], ...]:
    """``(length, kind)`` of the proclitic stacks ``head`` (a word's first four letters) may start
    with, longest first."""
    return tuple(
        (size, _STACK_KINDS[head[:size]]) for size in (4, 3, 2, 1) if head[:size] in _STACK_KINDS
    )


def _plausible(stem: str, kind: str, enclitic: str) -> bool:
    if stem.startswith("ال"):
        return False  # the article belongs to the stack (وال، بال): a shorter stack is wrong
    if kind == "art":
        return len(stem) >= 2 and not enclitic
    if kind == "prep":
        return len(stem) >= 3
    if kind == "fut":
        return len(stem) >= 3 and stem[0] in _IMPERFECT_PREFIXES and not enclitic
    return len(stem) >= 2  # conjunction


def _has_article(word: str) -> bool:
    """Whether ``word`` starts with a clitic stack ending in the article (ال، وال، بال، لل ...)."""
    n = len(word)
    return any(kind == "art" and n - size >= 2 for size, kind in _proclitic_stacks(word[:4]))
