"""Titles that refer back: a bare title (الرئيس، الوزير) or a counterpart (نظيره) is the actor named
earlier with that office, else the main country's holder of it. Used by
:class:`rasd.actors.compose.Composer`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rasd.actors.guards import same_office
from rasd.actors.lexicon import Entry
from rasd.actors.mentions import ActorMention

if TYPE_CHECKING:
    from rasd.actors.compose import Composer


def antecedent_office(c: Composer, i: int) -> tuple[str, str]:
    """The office of the nearest earlier actor that has one (for نظيره: his counterpart)."""
    sentence = c.sent[i]
    for a in reversed(c.out.actors):
        if a.sentence < sentence - 1:
            break
        office = a.office
        if not office and a.person is not None:
            held = a.person.office_at(c.date) if c.date else a.person.main_office()
            office = held.office if held else ""
        if office:
            return office, a.title_head
    return "", ""


def same_title_earlier(c: Composer, country: str, head: str) -> ActorMention | None:
    """الوزير الأمريكي after وزير الخارجية الأمريكي: the earlier actor with that title."""
    for a in reversed(c.out.actors):
        if a.country == country and head and a.title_head == head:
            return a
    return None


def anaphoric_title(
    c: Composer, start: int, end: int, title: Entry, head: str, sentence: int, office: str
) -> None:
    """A bare title (الرئيس، الوزير): the latest actor with that title, else the main country's."""
    for a in reversed(c.out.actors):
        if same_office(a, office, head):
            c._refer(start, end, a, sentence, head)
            return
    country = c.out.main_country
    if office and country:
        holder = c._holder(office, country)
        c._actor(
            start,
            end,
            country,
            title.sector,
            name=holder.name if holder else "",
            office=office,
            kind="person" if holder else "role",
            how="title+main-country",
            person=holder,
            sentence=sentence,
            title_head=head,
        )
