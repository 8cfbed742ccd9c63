"""Who did an attack or an arrest: agent phrases, passive victims, reported clauses."""

from __future__ import annotations

import rasd
from rasd.events.agency import (
    is_agent,
    no_object_after,
    plural_form,
    refers_back,
    reported_start,
    speaker_own,
)
from rasd.model import Event

DATE = "2024-05-02"
AGENT = frozenset(["يد", "قبل", "برصاص", "بنيران"])
COUNT = frozenset(["عشره", "خمسه"])


def _events(text: str, event_type: str) -> list[Event]:
    doc = rasd.analyze(text, title="", date=DATE)
    return [e for e in doc.events if e.event_type == event_type]


def _codes(event: Event) -> tuple[str, str, str, str]:
    actor, recipient = event.actor, event.recipient
    return (
        actor.country if actor else "",
        actor.sector if actor else "",
        recipient.country if recipient else "",
        recipient.sector if recipient else "",
    )


# agent phrases: على يد، من قبل، برصاص name the doer, never the victim


def test_the_party_after_ala_yad_is_the_kidnapper() -> None:
    events = _events("اختطف مهندس تركي على يد مسلحين في شمال العراق أمس.", "ASSAULT")
    assert events
    assert all(_codes(e)[1] == "REB" and _codes(e)[3] != "REB" for e in events)
    assert any(_codes(e)[2] == "TUR" for e in events)


def test_the_party_after_birasas_shot_the_policeman() -> None:
    events = _events("قتل شرطي مصري برصاص مسلحين في مدينة العريش.", "ASSAULT")
    assert [_codes(e)[1::2] for e in events] == [("REB", "COP")]


def test_min_qibal_names_who_arrested() -> None:
    events = _events("اعتقل خمسة صحفيين من قبل الشرطة الإيرانية في طهران.", "COERCE")
    assert events and all(_codes(e)[:2] == ("IRN", "COP") for e in events)


def test_a_number_may_stand_between_the_agent_word_and_the_doer() -> None:
    text = "خطف موظف من منزله على يد عشره مسلحين"
    at = text.index("مسلحين")
    assert is_agent(text, at, at, AGENT, COUNT)
    assert not is_agent(text, at, at, AGENT)  # without knowing عشره is a number


def test_qabla_alone_means_before_not_by() -> None:
    text = "اعتقل الناشط قبل الشرطه"
    at = text.index("الشرطه")
    assert not is_agent(text, at, at, AGENT)
    text = "اعتقل الناشط من قبل الشرطه"
    at = text.index("الشرطه")
    assert is_agent(text, at, at, AGENT)


# the topicalized passive: victims before a plural verb with no object


def test_soldiers_before_a_passive_verb_were_killed() -> None:
    events = _events(
        "وقالت وزارة الداخلية العراقية إن أربعة جنود أمريكيين قتلوا في هجوم انتحاري قرب الفلوجة.",
        "ASSAULT",
    )
    assert events
    assert all(_codes(e)[0] != "USA" for e in events)
    assert any(_codes(e)[2:] == ("USA", "MIL") for e in events)


def test_the_blast_that_killed_them_is_not_theirs() -> None:
    # قتلا بانفجار عبوة: neither the verb nor the noun after it makes the victims the doers
    events = _events(
        "وذكر مسؤول عراقي أن جنديين أمريكيين قتلا بانفجار عبوة ناسفة في بغداد.", "ASSAULT"
    )
    assert events and all(_codes(e)[0] != "USA" for e in events)
    assert any(_codes(e)[2] == "USA" for e in events)


def test_a_subject_before_a_verb_with_an_object_still_acts() -> None:
    events = _events("الشرطة المصرية اعتقلت أمس عشرين متظاهرا في القاهرة.", "COERCE")
    assert events and all(_codes(e)[:2] == ("EGY", "COP") for e in events)


def test_a_passive_number_after_an_adverb() -> None:
    events = _events(
        "قتل أمس سبعة من عناصر الشرطة الأفغانية في هجوم انتحاري غرب البلاد.", "ASSAULT"
    )
    assert events
    assert all(_codes(e)[1] != "COP" for e in events)
    assert any(_codes(e)[2:] == ("AFG", "COP") for e in events)


def test_what_follows_a_verb() -> None:
    markers = frozenset(["في", "علي"])
    skip = frozenset(["امس"])
    assert no_object_after("جنود قتلوا امس في هجوم", 10, markers, skip, AGENT)
    assert no_object_after("جنود قتلوا وأصيب اخرون", 10, markers, skip, AGENT)
    assert no_object_after("جنود قتلوا", 10, markers, skip, AGENT)  # end of the text
    assert not no_object_after("مسلحون قتلوا خمسه جنود", 12, markers, skip, AGENT)
    # إثر، جراء (function_words.tsv, role continuation) may follow instead of an object
    assert no_object_after("جنود قتلوا اثر هجوم", 10, markers, skip, AGENT, frozenset({"اثر"}))
    assert not no_object_after("جنود قتلوا اثر هجوم", 10, markers, skip, AGENT)
    assert plural_form("قتلوا") and plural_form("قتلا")
    assert not plural_form("قتل") and not plural_form("قتلها") and not plural_form("اعتقلنا")


# reported clauses: who reports an attack is not its doer, unless its own men did it


def test_the_police_reporting_deaths_did_not_kill() -> None:
    events = _events(
        "أعلنت الشرطة الأفغانية أن عشرين مدنيا قتلوا أمس في هجوم انتحاري بإقليم هلمند.",
        "ASSAULT",
    )
    assert events and all(_codes(e)[1] != "COP" for e in events)


def test_the_army_whose_forces_arrested_is_the_actor() -> None:
    events = _events(
        "قال الجيش الإسرائيلي إن قواته اعتقلت خمسة فلسطينيين في الضفة الغربية.", "COERCE"
    )
    assert [_codes(e)[::2] for e in events] == [("ISR", "PSE")]


def test_a_named_doer_in_the_reported_clause_acts() -> None:
    events = _events("قال مصدر أمني إن الجيش اللبناني اعتقل ثلاثة مسلحين قرب الحدود.", "COERCE")
    assert events and all(_codes(e)[:2] == ("LBN", "MIL") for e in events)


def test_reported_clause_positions() -> None:
    text = "قالت الشرطه ان عشرين مدنيا قتلوا"
    assert reported_start(text, 0, text.index("قتلوا")) == text.index(" ان ") + 3
    text = "قال الجيش ان قواته اعتقلت"
    assert reported_start(text, 0, text.index("اعتقلت")) == -1
    assert speaker_own(text, 0, text.index("اعتقلت")) == text.index(" ان ")
    assert refers_back("قواته") and not refers_back("الشرطه")


def test_odd_input_gives_no_traceback() -> None:
    assert reported_start("", 0, 0) == -1
    assert speaker_own("", 0, 0) == -1
    assert not is_agent("", 0, 0, AGENT)
    assert no_object_after("", 0, frozenset(), frozenset(), AGENT)
    for text in ["قتلوا", "على يد", "ان", " برصاص "]:
        rasd.analyze(text, title="", date=DATE)


# a verb written with ب after و (وبحث، وبادل) does not put the party after it under ب


def test_the_subject_after_wa_bahatha_is_the_actor() -> None:
    for verb in ("وبحث", "وبحثت"):
        text = f"{verb} وزارة الخارجية الأردنية مع وزير الخارجية الفرنسي تطورات الأزمة في غزة."
        events = _events(text, "CONSULT")
        assert {_codes(e)[0] for e in events} >= {"JOR"}, (verb, [_codes(e) for e in events])


def test_a_ba_phrase_before_a_party_still_marks_it() -> None:
    # بدور الأردن: the party belongs to a phrase governed by ب, so it is not the subject
    events = _events("أشاد بدور الأردن وزير الخارجية الفرنسي خلال زيارته.", "SUPPORT")
    assert all(_codes(e)[0] != "JOR" for e in events), [_codes(e) for e in events]
