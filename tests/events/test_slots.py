"""The object slot of a statement: an actor, a noun that is not one, or a noun an actor owns."""

from __future__ import annotations

import rasd
from rasd.model import Document

from .helpers import triples


def code(text: str) -> Document:
    return rasd.analyze(text, title="", date="2015-07-23")


def test_solidarity_with_a_noun_that_is_no_actor_guesses_no_other_country() -> None:
    doc = code("أكد وزير الخارجية المصري تضامن مصر مع أشقائها العرب في مواجهة التدخلات الإيرانية.")
    assert triples(doc) == {("SUPPORT", "EGY", "")}


def test_a_call_on_the_international_community_has_no_country_recipient() -> None:
    doc = code(
        "ودعت وزارة الخارجية السعودية المجتمع الدولي إلى التحرك العاجل لوقف الانتهاكات الإسرائيلية."
    )
    assert triples(doc) == {("REQUEST", "SAU", "")}


def test_welcoming_a_truce_is_about_the_actor_who_declared_it() -> None:
    doc = code("رحب الأمين العام للجامعة العربية بالهدنة التي أعلنتها السعودية في اليمن.")
    assert ("SUPPORT", "", "SAU") in triples(doc)
