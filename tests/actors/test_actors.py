"""Actors and places: matching, composition, dated roles, in-article resolution, on real Arabic."""

from __future__ import annotations

import pytest

import rasd
from rasd.model import Document

from ..conftest import shared_file


def pairs(doc: Document) -> set[tuple[str, str, str]]:
    return {(a.country, a.sector, a.name) for a in doc.actors}


def spans_ok(doc: Document) -> None:
    for a in doc.actors:
        for m in a.mentions:
            assert doc.text[m.start : m.end] == m.text
    for p in doc.places:
        for m in p.mentions:
            assert doc.text[m.start : m.end] == m.text


def test_seed_actors_and_places() -> None:
    text = shared_file("data/seed/egypt-usa-security-cooperation.txt").read_text(encoding="utf-8")
    doc = rasd.analyze(text)
    found = pairs(doc)
    for expected in [
        ("EGY", "GOV", "Abdel Fattah el-Sisi"),
        ("USA", "GOV", "Donald Trump"),
        ("USA", "SPY", "Dan Coats"),
        ("USA", "GOV", ""),
    ]:
        assert expected in found
    countries = {(a.country, a.sector) for a in doc.actors}
    assert {("EGY", ""), ("USA", "")} <= countries  # the two countries, as event participants
    names = {p.name for p in doc.places}
    assert {"Cairo", "Syria", "Libya", "Middle East"} <= names
    cairo = next(p for p in doc.places if p.name == "Cairo")
    assert cairo.country == "EGY" and cairo.lat and [m.text for m in cairo.mentions] == ["القاهرة"]
    sisi = next(a for a in doc.actors if a.name == "Abdel Fattah el-Sisi")
    assert "الرئيس عبدالفتاح السيسى" in [m.text for m in sisi.mentions]
    coats = next(a for a in doc.actors if a.name == "Dan Coats")
    assert any(
        "الاستخبارات الوطنية" in m.text for m in coats.mentions
    )  # apposition and later mention
    spans_ok(doc)


@pytest.mark.parametrize(
    ("date", "name"), [("2015-08-01", "John Kerry"), ("2019-01-10", "Mike Pompeo"), ("", "")]
)
def test_dated_roles(date: str, name: str) -> None:
    doc = rasd.analyze("وصل وزير الخارجية الأمريكي إلى القاهرة.", title="", date=date or None)
    (actor,) = [a for a in doc.actors if a.country == "USA"]
    assert (actor.sector, actor.name) == ("GOV", name)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أعلنت الشرطة المصرية القبض على المتهمين.", ("EGY", "COP")),
        ("قصف الجيش الإسرائيلي مواقع في غزة.", ("ISR", "MIL")),
        ("التقى رئيس وزراء العراق بالسفير.", ("IRQ", "GOV")),
        ("اقتحمت قوات الاحتلال المسجد الأقصى.", ("ISR", "MIL")),
        ("تظاهر المحتجون الفلسطينيون أمام السفارة.", ("PSE", "CVL")),
        ("أكد وزير خارجية مصر دعم بلاده.", ("EGY", "GOV")),
        ("وصل وفد من جامعة الدول العربية.", ("", "IGO")),
        ("أعلن تنظيم داعش مسؤوليته عن الهجوم.", ("", "REB")),
        ("هاجم الحوثيون مواقع الجيش.", ("YEM", "REB")),
    ],
)
def test_compositional_coding(text: str, expected: tuple[str, str]) -> None:
    doc = rasd.analyze(text, title="")
    assert expected in {(a.country, a.sector) for a in doc.actors}
    spans_ok(doc)


def test_clitic_aware_matching_and_places() -> None:
    doc = rasd.analyze("وصل الوفد بالقاهرة وللسعودية والمصريين وبمصر في الرياض.", title="")
    names = {p.name for p in doc.places}
    assert {"Cairo", "Riyadh", "Egypt", "Saudi Arabia"} <= names
    texts = {m.text for p in doc.places for m in p.mentions}
    assert "القاهرة" in texts and "مصر" in texts  # spans exclude the proclitics


def test_words_that_contain_names_are_not_matched() -> None:
    doc = rasd.analyze("صرح مسؤول في المصرف المركزي بأن الاستثمارات كبيرا.", title="")
    assert not [p for p in doc.places if p.name in ("Egypt", "Beira")]


def test_counterpart_and_anaphora() -> None:
    text = (
        "استقبل وزير الخارجية السعودي عادل الجبير نظيره الأمريكي في الرياض. "
        "وأشاد الوزير الأمريكي بدور المملكة."
    )
    doc = rasd.analyze(text, title="", date="2015-07-20")
    names = {a.name for a in doc.actors}
    assert {"Adel al-Jubeir", "John Kerry"} <= names
    kerry = next(a for a in doc.actors if a.name == "John Kerry")
    assert len(kerry.mentions) == 2  # نظيره الأمريكي and الوزير الأمريكي


def test_unknown_name_after_title_is_transliterated() -> None:
    doc = rasd.analyze("قال الرئيس البوروندي بيير نكورونزيزا إن الانتخابات ستجري.", title="")
    person = next(a for a in doc.actors if a.country == "BDI" and a.sector == "GOV")
    assert person.name and person.name.isascii()


def test_main_place_is_the_dateline_city() -> None:
    doc = rasd.analyze(
        "المنامة: استدعت الخارجية البحرينية القائم بالأعمال الإيراني. ويذكر أن طهران ...", title=""
    )
    assert next(p for p in doc.places if p.main).name == "Manama"


def test_user_dictionary_extends_the_defaults(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "mine.tsv").write_text(
        "# kind: places\n# source: test\n# licence: CC0\n# version: 1\n"
        "name\tcountry\tkind\tlat\tlon\tar\tmetonym\tsource\n"
        "Wadi Zabadi\tJOR\tvillage\t31.1\t35.9\tوادي زبدي\t\ttest\n",
        encoding="utf-8",
    )
    options = rasd.Options.load().replace("dictionaries", dirs=(str(tmp_path),))
    doc = rasd.analyze("وقع الحادث في وادي زبدي أمس.", title="", options=options)
    assert "Wadi Zabadi" in {p.name for p in doc.places}
    plain = rasd.analyze("وقع الحادث في وادي زبدي أمس.", title="")
    assert "Wadi Zabadi" not in {p.name for p in plain.places}


def test_dev_gold_scores_meet_the_floors() -> None:
    from rasd.evaluate.gold import Report, read_gold, score_article
    from rasd.pipeline import Analyzer

    path = shared_file("data/gold/gold-dev.jsonl")
    analyzer = Analyzer()
    report = Report()
    for gold in read_gold(path):
        doc = analyzer.analyze_text(gold["text"], title=gold["title"], date=gold["date"] or None)
        score_article(gold, doc.to_json(), report)
    assert report.totals["places"].f1 >= 0.90
    assert report.totals["actors"].f1 >= 0.85
