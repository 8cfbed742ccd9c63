"""Cleaning marks scraping artifacts as removed spans, without changing the text."""

from __future__ import annotations

import pytest

from rasd.dicts.tsv import load_kind
from rasd.options import CleanOptions
from rasd.text.clean import Cleaner, blank_spans
from rasd.text.normalize import Normalizer


@pytest.fixture(scope="module")
def cleaner() -> Cleaner:
    return Cleaner(load_kind("boilerplate"), CleanOptions(), Normalizer("match"))


def reasons(cleaner: Cleaner, text: str) -> list[tuple[str, str]]:
    return [(text[r.start : r.end], r.reason) for r in cleaner.find(text)]


def test_seed_caption_duplicate_and_footer(cleaner: Cleaner, seed_text: str) -> None:
    found = reasons(cleaner, seed_text)
    caption = "الرئيس السيسي ونظيره الأمريكي - أرشيفية"
    assert found == [(caption, "caption"), (caption, "duplicate-line"), ("ترشيحاتنا", "widget")]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("وزير الخارجية خلال الاجتماع (أرشيفية)", "caption"),
        ("صورة أرشيفية", "caption"),
        ("الصورة: وكالة الأنباء", "caption"),
        ("اقرأ أيضاً", "widget"),
        ("شارك", "widget"),
        ("تابعونا على تويتر", "widget"),
        ("المزيد", "widget"),
        ("https://example.com/news/123", "url"),
        ("#مصر #السعودية", "hashtag"),
        ("1,250 مشاركة", "share-count"),
        ("جميع الحقوق محفوظة لموقع المثال 2021", "footer"),
    ],
)
def test_artifact_lines(cleaner: Cleaner, line: str, reason: str) -> None:
    text = f"استقبل الرئيس وزير الخارجية في القاهرة.\n{line}\nوبحث الجانبان العلاقات الثنائية."
    assert reasons(cleaner, text) == [(line, reason)]


def test_content_lines_are_kept(cleaner: Cleaner) -> None:
    text = (
        "شارك آلاف المواطنين في مسيرة سلمية وسط العاصمة للمطالبة بالإصلاح.\n"
        "وقال المتحدث إن المزيد من المساعدات سيصل غدا.\n"
        "وقال المتحدث إن المزيد من المساعدات سيصل غدا.\n"  # a repeated sentence is a duplicate
    )
    found = reasons(cleaner, text)
    assert found == [("وقال المتحدث إن المزيد من المساعدات سيصل غدا.", "duplicate-line")]


def test_blank_spans_keeps_length_and_newlines(cleaner: Cleaner, seed_text: str) -> None:
    removed = cleaner.find(seed_text)
    body = blank_spans(seed_text, removed)
    assert len(body) == len(seed_text)
    assert body.count("\n") == seed_text.count("\n")
    assert "أرشيفية" not in body and "ترشيحاتنا" not in body
