"""Word-bounded Aho–Corasick scanning over a match text, clitic-aware on the left.

Keys are stored with a trailing space (so every hit ends at a word boundary) in a pyahocorasick
automaton whose values are ``(key_length, payload, lam)``. A hit is reported with the proclitic
letters that precede it inside its word (``prefix``); callers decide which prefixes they accept.
``lam`` keys are the ل-forms of article keys (للسعودية holds لسعودية): they are reported only right
after a ل, with that ل counted in the prefix.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

_NON_WORD_RE = re.compile(r"[^\w ]")  # spaces stay spaces (replacing them too is twice as slow)
_MATCH_ONLY = (("ة", "ه"), ("ۃ", "ه"), ("ؤ", "ء"), ("ئ", "ء"))
MAX_PREFIX = 4
#: One word-bounded hit as :func:`scan` reports it: ``(start, end, payload, prefix, word_start)``.
Hit = tuple[int, int, Any, str, int]
#: Proclitic stacks a noun can carry, the article among them (المصري، والمصريين، بالهجوم، للرئيس).
NOUN_PROCLITICS = frozenset(
    [
        "و",
        "ف",
        "ب",
        "ل",
        "ك",
        "وب",
        "ول",
        "وك",
        "فب",
        "فل",
        "فك",
        "ال",
        "وال",
        "فال",
        "بال",
        "كال",
        "وبال",
        "فبال",
        "وكال",
        "فكال",
        "لل",
        "ولل",
        "فلل",
    ]
)


def match_text(norm: str) -> str:
    """Same-length matching form of base-normalized text: ة → ه, ؤ ئ → ء, non-word → space."""
    for a, b in _MATCH_ONLY:
        if a in norm:
            norm = norm.replace(a, b)
    return _NON_WORD_RE.sub(" ", norm)


def add_key(automaton: Any, key: str, payload: Any, *, lam_form: bool = True) -> None:
    """Add ``key`` (and, for article keys, its ل-form) with ``payload``."""
    automaton.add_word(key + " ", (len(key), payload, False))
    if lam_form and key.startswith("ال") and len(key) > 3:
        automaton.add_word("ل" + key[2:] + " ", (len(key) - 1, payload, True))


def scan(
    automaton: Any, text: str, prefixes: frozenset[str] | None = None
) -> Iterator[tuple[int, int, Any, str, int]]:
    """``(start, end, payload, prefix, word_start)`` for every word-bounded hit in ``text``.

    With ``prefixes``, only hits whose prefix is one of them (or empty) are reported: a caller that
    accepts few proclitic stacks is spared the hits inside other words (مد in محمد).
    """
    padded = text + " "
    for end_index, (length, payload, lam) in automaton.iter(padded):
        start = end_index - length
        if not lam and (start == 0 or padded[start - 1] == " "):
            yield start, end_index, payload, "", start  # the key starts its word: the common case
            continue
        found = _prefix(padded, start, lam)
        if found is not None and (prefixes is None or found[0] in prefixes):
            yield start, end_index, payload, found[0], found[1]


def _prefix(padded: str, start: int, lam: bool) -> tuple[str, int] | None:
    """The proclitic letters before a key that starts inside its word, and where the word starts;
    None when more than MAX_PREFIX letters come first (or, for a ل-form, no ل does)."""
    reach = MAX_PREFIX + 1
    if lam:
        if start < 1 or padded[start - 1] != "ل":
            return None
        # the word holds at most MAX_PREFIX letters before this ل (more make no stack)
        space = padded.rfind(" ", start - 1 - reach if start > reach else 0, start - 1)
        word_start = space + 1 if space >= 0 or start <= reach else start - 1 - reach
        return padded[word_start:start] + "ل", word_start
    # the word must start at most MAX_PREFIX letters before the key
    space = padded.rfind(" ", start - reach if start > reach else 0, start)
    if space >= 0:
        return padded[space + 1 : start], space + 1
    if start <= MAX_PREFIX:
        return padded[:start], 0
    return None


def merge_automata(*automata: Any) -> Any:
    """One automaton holding the keys of several built with :func:`add_key`; a key's value is a
    tuple of ``(index, key_length, payload, lam)``, one for each automaton (by its index) that
    holds the key. :func:`scan_merged` reads it in one pass instead of one pass per automaton."""
    import ahocorasick

    merged = ahocorasick.Automaton()
    values: dict[str, list[tuple[int, int, Any, bool]]] = {}
    for index, automaton in enumerate(automata):
        if automaton is None or len(automaton) == 0:
            continue
        for key, (length, payload, lam) in automaton.items():
            values.setdefault(key, []).append((index, length, payload, lam))
    for key, entries in values.items():
        merged.add_word(key, tuple(entries))
    if values:
        merged.make_automaton()
    return merged


def scan_merged(
    automaton: Any,
    text: str,
    prefixes: tuple[frozenset[str], ...],
    ranges: list[tuple[int, int]] | None = None,
) -> list[list[Hit]]:
    """The word-bounded hits of a :func:`merge_automata` automaton, one list per automaton it
    merged: list ``index`` is what :func:`scan` of that automaton with ``prefixes[index]``
    reports, in the same order. With ``ranges`` (ordered ``(start, end)`` pairs that start at word
    starts), only the keys that lie inside one of them."""
    padded = text + " "
    per: list[list[Hit]] = [[] for _ in prefixes]
    for lo, hi in ranges if ranges is not None else [(0, len(padded))]:
        for end_index, entries in automaton.iter(padded, lo, min(hi + 1, len(padded))):
            for index, length, payload, lam in entries:
                start = end_index - length
                if not lam and (start == 0 or padded[start - 1] == " "):
                    per[index].append((start, end_index, payload, "", start))
                    continue
                found = _prefix(padded, start, lam)
                if found is not None and found[0] in prefixes[index]:
                    per[index].append((start, end_index, payload, found[0], found[1]))
    return per


#: Where :class:`JointScan` keeps the hits of the current text (in ``Work.extras``).
JOINT_SCAN_EXTRA = "joint_scan"


class JointScan:
    """One pass over an article's match text for the dictionaries of several stages.

    Each stage that scans declares ``scans = (automaton, prefixes)``; when more than one does,
    :class:`~rasd.pipeline.Pipeline` merges their automata (:func:`merge_automata`) and gives
    each stage this object and its index. The first stage to ask scans the text for all of them;
    every stage reads its own hits, exactly what :func:`scan` of its automaton would report.
    """

    def __init__(self, automaton: Any, prefixes: tuple[frozenset[str], ...]) -> None:
        self.automaton = automaton
        self.prefixes = prefixes

    def hits(self, extras: dict[str, Any], text: str, index: int) -> list[Hit]:
        cached = extras.get(JOINT_SCAN_EXTRA)
        if cached is None or cached[0] is not text:
            cached = extras[JOINT_SCAN_EXTRA] = (
                text,
                scan_merged(self.automaton, text, self.prefixes),
            )
        found: list[Hit] = cached[1][index]
        return found
