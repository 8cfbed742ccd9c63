"""The segment stage: tokens and clitic analyses, computed in the stage or on first use."""

from __future__ import annotations

from rasd.model import Origin
from rasd.options import Options
from rasd.pipeline import Analyzer
from rasd.readers.records import Record

TEXT = (
    "استقبل الرئيس المصري وزيرَ الخارجية بالقاهرة أمس.\nوأكد الجانبان دعمهما للحل السياسي في سوريا."
)


def _work(eager: bool) -> tuple[list[str], list[tuple[int, int]], list[tuple[int, int]]]:
    options = Options.load(overrides={"segment": {"eager_tokens": eager}})
    work = Analyzer(options).analyze_work(Record(id="a", text=TEXT, origin=Origin("t")))
    return work.tok_words, work.sent_tokens, work.tok_spans


def test_lazy_tokens_equal_eager_tokens() -> None:
    lazy = _work(eager=False)
    assert lazy == _work(eager=True)
    words, sent_tokens, spans = lazy
    assert words[:3] == ["استقبل", "الرئيس", "المصري"]
    assert sent_tokens[1][0] == words.index("واكد")
    norm_words = [TEXT[s:e] for s, e in spans[:2]]
    assert norm_words == ["استقبل", "الرئيس"]


def test_lazy_tokens_are_analyzed_for_clitics_on_first_use() -> None:
    analyzer = Analyzer(Options.load(overrides={"segment": {"eager_tokens": False}}))
    work = analyzer.analyze_work(Record(id="a", text=TEXT, origin=Origin("t")))
    clitics = analyzer.clitic_analyzer()
    assert clitics is not None and "بالقاهرة" not in clitics._cache
    assert "بالقاهرة" in work.tok_words
    assert any(a.prefix == "بال" and a.stem == "قاهرة" for a in clitics._cache["بالقاهرة"])


def test_output_tokens_carry_clitics_without_eager_tokens() -> None:
    options = Options.load(overrides={"output": {"tokens": True}})
    doc = Analyzer(options).analyze_record(Record(id="a", text=TEXT, origin=Origin("t")))
    token = next(t for s in doc.sentences for t in s.tokens if t.text == "بالقاهرة")
    assert TEXT[token.start : token.end] == "بالقاهرة"
    assert any(c.prefix == "بال" and c.stem == "قاهرة" for c in token.clitics)
