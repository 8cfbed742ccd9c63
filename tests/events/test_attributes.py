"""Whether a trigger reports an event: the reach of cue words."""

from __future__ import annotations

import rasd


def types(text: str) -> set[tuple[str, str]]:
    doc = rasd.analyze(text, title="", date="2015-07-23")
    return {(e.event_type, e.actor.country if e.actor else "") for e in doc.events}


def test_a_history_cue_inside_a_complement_clause_does_not_reach_the_main_verb() -> None:
    # "in the past" is about the support the accusation is about, not about the refusal
    text = "وترفض الحكومة المصرية اتهامات المعارضة بأنها دعمت في السابق جماعات متطرفة."
    assert ("REJECT", "EGY") in types(text)


def test_a_short_cue_with_a_conjunction_keeps_its_short_reach() -> None:
    # وقد is قد: it reaches only the word right after it (تمت), not the referral after that
    text = (
        "أعلنت وزارة الداخلية الأردنية ضبط خلية إرهابية في عمان، "
        "وقد تمت إحالة أعضائها إلى النيابة العامة."
    )
    assert ("ACCUSE", "JOR") in types(text)


def test_striving_to_do_something_is_not_doing_it() -> None:
    text = (
        "وأكدت الهيئة أن هذه الاعتداءات من قوات الاحتلال تستدعي من العرب الوقوف مع الفلسطينيين، "
        "والسعي في منع اليهود من الاستمرار في عدوانهم على المسجد الأقصى."
    )
    assert "COERCE" not in {t for t, _ in types(text)}


def test_a_wish_about_what_others_should_do_is_not_a_report() -> None:
    text = "وقال وزير الخارجية اليمني: نأمل أن ينسحب الحوثيون من صنعاء."
    assert not {t for t, _ in types(text)} & {"RETREAT", "AGREE"}


def test_date_and_context_words_take_only_noun_proclitics() -> None:
    from rasd.events.attributes import sentence_cues
    from rasd.events.lexicon import build_event_lexicon
    from rasd.knowledge import Knowledge
    from rasd.options import Options
    from rasd.text.normalize import Normalizer
    from rasd.text.scan import match_text

    lex = build_event_lexicon(Knowledge(Options.load()))

    def date_words(sentence: str) -> list[str]:
        text = match_text(Normalizer("base")(sentence))
        return [
            text[s:e] for s, e, _, _ in sentence_cues(lex, text, text, (0, len(text))).date_words
        ]

    # آب (August) hides inside أسباب; the words before it are no proclitics
    assert date_words("وبحث الوزيران أسباب التوتر على الحدود.") == []
    assert date_words("وزار الوزير دمشق في آب.") == ["اب"]
