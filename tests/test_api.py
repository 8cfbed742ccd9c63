"""The Python API."""

from __future__ import annotations

import pytest

import rasd
from rasd.errors import RecordError

ARTICLE = "استقبل الرئيس السيسي في القاهرة وزير الخارجية الأمريكي.\nوبحث الجانبان التعاون الثنائي."


def test_analyze_returns_a_document_with_spans() -> None:
    doc = rasd.analyze(ARTICLE, title="", date="2019-01-10")
    assert doc.date == "2019-01-10" and doc.text == ARTICLE
    assert [doc.text[s.start : s.end] for s in doc.sentences] == ARTICLE.split("\n")


def test_analyze_takes_a_short_first_line_as_title() -> None:
    doc = rasd.analyze("عنوان قصير\n" + ARTICLE)
    assert doc.title == "عنوان قصير" and doc.title_span == (0, 10)
    assert doc.sentences[0].is_title


def test_analyze_many_streams_texts_and_mappings() -> None:
    items = [ARTICLE, {"id": "a", "content": ARTICLE, "date": "2015-07-21"}]
    docs = rasd.analyze_many(iter(items))
    first = next(docs)
    second = next(docs)
    assert first.id and second.id == "a" and second.date == "2015-07-21"
    with pytest.raises(RecordError, match=r"<items>\[0\]"):
        list(rasd.analyze_many([{"headline": "no text"}]))


def test_options_change_behaviour() -> None:
    options = rasd.Options.load().replace("output", tokens=True)
    doc = rasd.analyze(ARTICLE, options=options)
    assert doc.sentences[0].tokens is not None
    assert doc.sentences[0].tokens[0].text == "استقبل"
