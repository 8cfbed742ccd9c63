"""Sentence splitting on Arabic punctuation, with the usual exceptions."""

from __future__ import annotations

from rasd.text.sentences import split_sentences


def sents(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_arabic_and_latin_terminals():
    text = "استقبل الرئيس الوفد. هل انتهى الاجتماع؟ نعم؛ وغادر الوفد! ثم عاد"
    assert sents(text) == [
        "استقبل الرئيس الوفد.",
        "هل انتهى الاجتماع؟",
        "نعم؛",
        "وغادر الوفد!",
        "ثم عاد",
    ]


def test_line_breaks_end_sentences():
    assert sents("العنوان هنا\n\nالفقرة الأولى\nالفقرة الثانية") == [
        "العنوان هنا",
        "الفقرة الأولى",
        "الفقرة الثانية",
    ]


def test_no_split_inside_decimals_and_abbreviations():
    assert sents("ارتفع النمو إلى 3.5 في المئة. وقال د. أحمد إن أ.د محمد حضر.") == [
        "ارتفع النمو إلى 3.5 في المئة.",
        "وقال د. أحمد إن أ.د محمد حضر.",
    ]


def test_no_split_inside_quotes_or_parentheses():
    text = "وقال الوزير «نحن نرفض ذلك. ولن نقبل به» ثم غادر. وأضاف (في بيان. رسمي) أمس."
    assert sents(text) == [
        "وقال الوزير «نحن نرفض ذلك. ولن نقبل به» ثم غادر.",
        "وأضاف (في بيان. رسمي) أمس.",
    ]


def test_quote_closing_after_the_final_mark_belongs_to_the_sentence():
    assert sents("قال: «انتهى الأمر.» وغادر القاعة.") == ["قال: «انتهى الأمر.»", "وغادر القاعة."]


def test_ellipsis_and_runs_of_marks():
    assert sents("انتظروا... ماذا حدث؟! لا شيء") == ["انتظروا...", "ماذا حدث؟!", "لا شيء"]


def test_very_long_sentence_is_cut_at_a_comma():
    text = "، ".join(["كلمة"] * 400)
    spans = split_sentences(text, max_chars=200)
    assert len(spans) > 1 and all(e - s <= 200 for s, e in spans)
    assert "".join(text[s:e] for s, e in spans).replace(" ", "") == text.replace(" ", "")
