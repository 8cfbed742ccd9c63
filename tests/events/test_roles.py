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


def test_a_ship_that_arrives_is_no_visit() -> None:
    doc = rasd.analyze(
        "إنفاذا لتوجيهات الملك سلمان بن عبدالعزيز بتقديم المساعدات للأشقاء في اليمن، "
        "وصلت صباح أمس سفينة الخير إلى ميناء عدن.",
        title="",
        date="2015-07-23",
    )
    assert not [e for e in doc.events if e.event_type == "CONSULT"]


def test_a_minister_who_arrives_is_a_visit() -> None:
    doc = rasd.analyze(
        "وصل وزير الخارجية الأمريكي جون كيري إلى القاهرة أمس في زيارة رسمية.",
        title="",
        date="2015-07-23",
    )
    visits = [e for e in doc.events if e.event_type == "CONSULT"]
    assert visits and visits[0].actor and visits[0].actor.country == "USA"


def test_a_statement_governs_a_noun_of_its_own_clause_only() -> None:
    # the call after the quotation has its own agent: the president who made it
    doc = rasd.analyze(
        'وقال البرلمان العراقي في بيان "ندين بشدة هذه الهجمات" وعبر الرئيس العراقي فؤاد معصوم '
        "في اتصال هاتفي مع الرئيس التركي رجب طيب أردوغان عن قلقه.",
        title="",
        date="2015-07-23",
    )
    calls = [e for e in doc.events if e.event_type == "CONSULT"]
    assert {
        (e.actor.country if e.actor else "", e.recipient.country if e.recipient else "")
        for e in calls
    } & {
        ("IRQ", "TUR"),
        ("TUR", "IRQ"),
    }


def test_coordinated_signatories_sign_with_each_other() -> None:
    doc = rasd.analyze(
        "وقعت مصر والأردن اتفاقية للتعاون في مجال الطاقة.", title="", date="2016-05-01"
    )
    pairs = {
        (
            e.event_type,
            e.actor.country if e.actor else "",
            e.recipient.country if e.recipient else "",
        )
        for e in doc.events
    }
    assert ("SUPPORT", "EGY", "JOR") in pairs and ("SUPPORT", "JOR", "EGY") in pairs
