"""Word-bounded dictionary scanning, alone, merged, and shared by the stages (one joint scan)."""

from __future__ import annotations

import ahocorasick

from rasd.options import Options
from rasd.pipeline import Analyzer
from rasd.text.normalize import Normalizer
from rasd.text.scan import (
    JOINT_SCAN_EXTRA,
    NOUN_PROCLITICS,
    JointScan,
    add_key,
    match_text,
    merge_automata,
    scan,
)

TEXT = (
    "وقال وزير الخارجية السعودي إن المملكة تدعم الحل السياسي في سوريا، "
    "واستقبل الرئيس المصري بالقاهرة وفدا من الولايات المتحدة. ومحمد ليس مدا."
)


def _automaton(*keys: str) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for key in keys:
        add_key(automaton, key, key)
    automaton.make_automaton()
    return automaton


def _text() -> str:
    return match_text(Normalizer("base").normalize(TEXT).text)


def test_scan_finds_keys_at_word_starts_and_after_proclitics_only() -> None:
    text = _text()
    automaton = _automaton("القاهره", "الولايات المتحده", "مد", "سوريا")
    found = [(text[s:e], prefix) for s, e, _, prefix, _ in scan(automaton, text, NOUN_PROCLITICS)]
    # بالقاهرة: ب before the article key; مد inside محمد and مدا is no hit
    assert found == [("سوريا", ""), ("القاهره", "ب"), ("الولايات المتحده", "")]


def test_joint_scan_gives_each_automaton_what_its_own_scan_gives() -> None:
    text = _text()
    first = _automaton("وزير الخارجيه", "المملكه", "سوري", "القاهره")
    second = _automaton("قال", "دعم", "استقبل", "الحل")
    prefixes = (NOUN_PROCLITICS, frozenset({"و", "ت", "وت", "ب", "ال"}))
    joint = JointScan(merge_automata(first, second), prefixes)
    extras: dict[str, object] = {}
    for index, automaton in enumerate((first, second)):
        assert joint.hits(extras, text, index) == list(scan(automaton, text, prefixes[index]))
    assert joint.hits(extras, text, 1)  # the second stage reads the same pass's hits
    assert extras[JOINT_SCAN_EXTRA][0] is text


def test_pipeline_joins_the_scans_of_actors_and_events_only_when_both_run() -> None:
    both = Analyzer(Options.load())
    joints = {s.name: getattr(s, "joint", None) for s in both.pipeline.stages}
    assert joints["actors"] is not None and joints["events"] is not None
    assert joints["actors"][0] is joints["events"][0]
    stages = ["clean", "normalize", "segment", "actors"]
    alone = Analyzer(Options.load(overrides={"pipeline": {"stages": stages}}))
    assert all(getattr(s, "joint", None) is None for s in alone.pipeline.stages)
