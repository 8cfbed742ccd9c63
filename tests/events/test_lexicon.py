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
