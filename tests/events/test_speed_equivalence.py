"""Shortcuts taken for speed give what the plain computation gives."""

from __future__ import annotations

import re

from rasd.events.lexicon import _trie_pattern
from rasd.events.parties import SPECIAL_STEMS, _stem_words, stem_spans


def test_trie_pattern_matches_the_same_words() -> None:
    needles = {"اتفاق", "اتفاقيه", "اتف", "زياره", "زيارات", "دعم"}
    trie = re.compile(_trie_pattern(needles))
    plain = re.compile("|".join(sorted(needles, key=len, reverse=True)))
    for text in ["وقع اتفاقيه", "في زيارات", "بدعم", "لا شيء هنا", "ات ف", "زيار"]:
        assert (trie.search(text) is None) == (plain.search(text) is None)
        assert {m.group() for m in trie.finditer(text)} <= needles


def test_stem_words_are_the_words_holding_a_stem() -> None:
    text = "قال بلاده  وحكومته ترحب بالجانبين والبلدين جانب الطرفين حكومتحكومت"
    stems = stem_spans(text)
    for start in range(0, len(text), 3):
        for end in range(start, len(text) + 1, 4):
            expected = []
            pos = start
            for word in text[start:end].split():
                at = text.find(word, pos, end)
                pos = at + len(word)
                if any(stem in word for stem in SPECIAL_STEMS):
                    expected.append((at, word))
            assert _stem_words(text, start, end, stems) == expected
