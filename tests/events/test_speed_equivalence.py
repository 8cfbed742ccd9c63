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


def test_sentence_words_from_the_joint_scan_are_those_of_the_wanted_runs(analyzer) -> None:  # type: ignore[no-untyped-def]
    from itertools import product

    from rasd.events.attributes import SENTENCE_WORD_PREFIXES, all_sentence_cues, clause_breaks
    from rasd.events.coder import load_event_lexicon
    from rasd.text.normalize import Normalizer
    from rasd.text.scan import match_text, merge_automata, scan_merged

    lex = load_event_lexicon(analyzer.knowledge)
    sentences = [
        "لم يزر الوزير القاهرة أمس، ولن يلتقي نظيره اليوم",
        "وقال إن الرئيس سيزور الرياض الأسبوع المقبل لبحث الإرهاب",
        "وأكد في يوم الخميس الماضي أن الأمن والطاقة على جدول الأعمال",
        "هل تعقد القمة في 2015؟ موعدها كانون",  # a date of two words across two sentences
        "الثاني المقبل حسب المصادر",
    ]
    normalizer = Normalizer("base")
    normalized = [normalizer.normalize(sentence).text for sentence in sentences]
    norm = " ".join(normalized)
    text = match_text(norm)
    spans, at = [], 0
    for sentence in normalized:
        spans.append((at, at + len(sentence)))
        at += len(sentence) + 1
    merged = merge_automata(*lex.sentence_automata)
    whole = tuple(scan_merged(merged, text, SENTENCE_WORD_PREFIXES))
    assert all(whole)  # cues, contexts and dates are all found
    breaks = clause_breaks(norm)
    for wanted in product([False, True], repeat=len(spans)):
        ranged = all_sentence_cues(lex, text, norm, spans, list(wanted), breaks)
        joint = all_sentence_cues(lex, text, norm, spans, list(wanted), breaks, whole)
        assert joint == ranged, wanted
