"""How a protest or violence word is used in its sentence: the event filter's usage features."""

from __future__ import annotations

from functools import cache

import pytest

from rasd.events.coder import load_event_lexicon
from rasd.events.report_features import _aspect, _Words
from rasd.events.training import candidate_features
from rasd.model import Origin
from rasd.options import Options
from rasd.pipeline import Analyzer
from rasd.readers.records import Record


@cache
def _analyzer() -> Analyzer:
    return Analyzer(Options.load(overrides={"events": {"filter_model": False}}))


def features(text: str, event_type: str) -> dict[str, float]:
    analyzer = _analyzer()
    lex = load_event_lexicon(analyzer.knowledge)
    record = Record(text=text, origin=Origin("<test>"), id="t", date="2015-07-23")
    work = analyzer.analyze_work(record)
    found = [f for _, t, f in candidate_features(lex, work, (event_type,)) if t == event_type]
    assert found, f"no {event_type} trigger in {text}"
    return found[0]


def test_word_gaps_and_aspect() -> None:
    text = "خرج الطلاب أمس في مسيرة"
    words = _Words(text, (0, len(text)))
    assert words.index(text.index("أمس")) == 2
    assert words.gap((0, 3), (text.index("مسيرة"), len(text))) == 3
    assert _aspect("تظاهروا", "تظاهر") == "perf"
    assert _aspect("يتظاهرون", "تظاهر") == "impf"


def test_counted_participants_and_crowd_verbs_report_a_protest() -> None:
    f = features("خرج آلاف المتظاهرين أمس في شوارع القاهرة احتجاجا على رفع الأسعار.", "PROTEST")
    assert f["part:counted"] == 1.0
    assert f["near:crowd"] == 1.0
    assert f["near:purpose"] == 1.0
    assert "only:participant" not in f or "part:def" not in f


def test_the_demonstrators_alone_are_a_detail_of_a_reported_protest() -> None:
    f = features("وقال المتظاهرون إنهم لن يغادروا الساحة قبل تحقيق مطالبهم.", "PROTEST")
    assert f["part:def"] == 1.0
    assert f["only:participant"] == 1.0
    assert "part:counted" not in f


def test_a_protest_noun_governed_by_a_frame_noun_is_a_kind_of_act() -> None:
    f = features("وطالبت المنظمة الحكومة باحترام حق التظاهر السلمي للمواطنين.", "PROTEST")
    assert f["prev:frame"] == 1.0


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("تظاهر طلاب الجامعة أمس أمام وزارة التعليم.", "form:v-perf"),
        ("يتظاهر طلاب الجامعة كل أسبوع أمام وزارة التعليم.", "form:v-impf"),
    ],
)
def test_verb_aspect(text: str, form: str) -> None:
    assert features(text, "PROTEST")[form] == 1.0


def test_attackers_named_near_an_attack() -> None:
    f = features("وقتل مسلحون مجهولون ثلاثة جنود عند حاجز للجيش شمال المدينة.", "ASSAULT")
    assert f["near:attacker"] == 1.0
    assert f["form:v-perf"] == 1.0


def test_a_condemned_attack_named_again_is_not_a_new_report() -> None:
    f = features("وأدانت الخارجية الهجوم بأشد العبارات.", "ASSAULT")
    assert f["only:def-noun"] == 1.0
    assert f["after:ACCUSE"] == 1.0


def test_place_first_date_and_numbers_near_an_explosion() -> None:
    f = features("وفي بغداد، انفجرت سيارة مفخخة أمس مما أسفر عن مقتل 5 أشخاص.", "ASSAULT")
    assert f["place:first"] == 1.0
    assert f["near:date"] == 1.0
    assert f["near:number"] == 1.0
