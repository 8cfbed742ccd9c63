"""Who did what to whom: recipients."""

from __future__ import annotations

import rasd


def test_a_body_named_inside_the_phrase_is_not_its_recipient() -> None:
    # أحال … إلى النيابة العامة: the prosecution is where the accused are sent, not the accused
    doc = rasd.analyze(
        "أحالت وزارة الداخلية الكويتية المتهمين إلى النيابة العامة.", title="", date="2015-07-23"
    )
    accusations = [e for e in doc.events if e.event_type == "ACCUSE"]
    assert accusations and all(e.recipient is None for e in accusations)


def test_representatives_of_two_sides_meeting_with_nobody_else_meet_each_other() -> None:
    # ممثلون عن X وY: the representatives act for X and Y, who meet among themselves
    doc = rasd.analyze(
        "اجتمع ممثلون عن الحكومة اليمنية والمعارضة في الرياض.", title="", date="2015-07-23"
    )
    meetings = {
        (e.actor.id, e.recipient.id)
        for e in doc.events
        if e.event_type == "CONSULT" and e.actor and e.recipient
    }
    assert ("body:yem-gov", "body:yem-opp") in meetings
