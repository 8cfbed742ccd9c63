"""Trigger forms generated from the verb list."""

from __future__ import annotations

import rasd
from rasd.events.lexicon import imperfect_forms


def test_first_person_plural_forms_only_when_asked() -> None:
    assert {"ندين", "يدين", "تدين"} <= imperfect_forms("يدين")
    assert "نجلي" not in imperfect_forms("يجلي", first_person=False)
    assert "يجلون" in imperfect_forms("يجلي", first_person=False)


def test_his_two_sons_are_not_an_evacuation() -> None:
    # نجليه = his two sons, not نجلي (we evacuate) + ه
    doc = rasd.analyze(
        "وقضت محكمة مصرية بتغريم وزير الإسكان الأسبق ونجليه مليون جنيه.",
        title="",
        date="2015-07-23",
    )
    assert not [e for e in doc.events if e.event_type == "AID"]


def test_a_word_written_with_ta_marbuta_is_no_verb_with_a_pronoun() -> None:
    # طالبة (a student) and طالبه (he asked him) meet in the match text; only the second is a verb
    student = rasd.analyze(
        "وفازت طالبة سعودية بجائزة الابتكار في مسابقة دولية.", title="", date="2016-05-01"
    )
    assert not [e for e in student.events if e.event_type == "REQUEST"]
    demand = rasd.analyze(
        "وطالبت الحكومة المصرية إثيوبيا بوقف بناء السد.", title="", date="2016-05-01"
    )
    assert [e for e in demand.events if e.event_type == "REQUEST"]
