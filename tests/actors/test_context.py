"""A group noun without a country takes the one country its sentence places it in."""

from __future__ import annotations

import rasd


def codes(text: str) -> set[tuple[str, str]]:
    doc = rasd.analyze(text, title="", date="2016-05-01")
    return {(a.country, a.sector) for a in doc.actors}


def test_group_in_a_city_takes_its_country() -> None:
    # no country named: before, the protesters had no country at all
    assert ("EGY", "CVL") in codes("تظاهر المحتجون في القاهرة أمس احتجاجا على ارتفاع الأسعار.")


def test_location_before_the_noun_and_after_a_conjunction() -> None:
    found = codes(
        "أعلنت الحكومة المصرية خطة جديدة. وفي طهران، قال نائب إن البرلمان يريد الاطلاع على الاتفاق."
    )
    assert ("IRN", "LEG") in found and ("EGY", "LEG") not in found


def test_place_noun_between_preposition_and_city() -> None:
    found = codes("أعلنت وزارة الخارجية السعودية موقفها. وخرج آلاف المتظاهرين في شوارع بغداد.")
    assert ("IRQ", "CVL") in found and ("SAU", "CVL") not in found


def test_another_country_in_the_sentence_blocks_the_rule() -> None:
    found = codes(
        "وترفض الحكومة التركية اتهامات من المعارضة بأنها دعمت المتشددين الذين ينشطون في سوريا."
    )
    assert ("SYR", "OPP") not in found and ("TUR", "OPP") in found


def test_a_place_one_comes_from_does_not_place_the_group() -> None:
    found = codes(
        "قصفت طائرات التحالف مواقع في اليمن. وقالت مصادر من المقاتلين إن فريقا من الإمارات وصل."
    )
    assert ("ARE", "REB") not in found


def test_indefinite_group_noun_is_an_actor() -> None:
    # مسلحين was only the construct form of المسلحين, which needs a complement
    assert ("LBY", "REB") in codes("اشتبكت قوات الجيش الليبي مع مسلحين في مدينة درنة أمس.")


def test_weak_group_noun_placed_by_its_sentence() -> None:
    assert ("SDN", "EDU") in codes("تظاهر آلاف الطلاب في الخرطوم للمطالبة بخفض الرسوم.")
    assert not any(s == "EDU" for _, s in codes("قال الوزير إن الطلاب سيعودون قريبا."))


def test_organization_spelling_variants() -> None:
    found = codes("سيطرت قوات سوريا الديموقراطية على الرقة بعد معارك مع داعش.")
    assert ("SYR", "REB") in found


def test_a_meeting_place_does_not_place_the_group() -> None:
    # the talks were in Vienna; the deputies are Iran's (the article's country), not Austria's
    found = codes(
        "أعلنت الحكومة الإيرانية موقفها. وقال النواب إن المفاوضات في فيينا تعثرت بسبب الخلافات."
    )
    assert ("IRN", "LEG") in found and ("AUT", "LEG") not in found
    assert ("SAU", "CVL") not in codes("وقال المحتجون إن القمة في الرياض لم تحقق شيئا.")
