"""Post-coding merges: one report read twice is one event, two statements are two."""

from __future__ import annotations

from rasd.events.merge import without_partial_duplicates
from rasd.model import Actor, Event, Evidence

SAUDI = Actor("body:sau-gov", "SAU", "GOV", "")
ISRAEL = Actor("country:isr", "ISR", "", "")


def event(event_type: str, recipient: Actor | None, sentence: int) -> Event:
    return Event(
        event_type,
        "",
        [],
        SAUDI,
        recipient,
        None,
        "2015-07-27",
        [Evidence(sentence, sentence + 50, 0, 0)],
    )


def test_a_statement_without_addressee_in_another_sentence_is_kept() -> None:
    with_target = event("REQUEST", ISRAEL, 0)
    other = event("REQUEST", None, 100)
    assert without_partial_duplicates([with_target, other]) == [with_target, other]


def test_the_same_report_read_without_its_object_is_dropped() -> None:
    with_target = event("REQUEST", ISRAEL, 0)
    same = event("REQUEST", None, 0)
    assert without_partial_duplicates([with_target, same]) == [with_target]


def test_a_meeting_told_again_later_without_the_guest_is_one_meeting() -> None:
    with_target = event("CONSULT", ISRAEL, 0)
    later = event("CONSULT", None, 100)
    assert without_partial_duplicates([with_target, later]) == [with_target]
