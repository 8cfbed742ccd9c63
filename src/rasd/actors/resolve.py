"""In-article resolution: one actor for all forms of the same person or body; one place per
gazetteer entry; the article's main location.

Identity keys: a named person or organization is itself (``person:<name>``, ``org:<name>``);
an unnamed role is its country, sector and office (USA GOV foreign_minister) unless a person in the
article is known to hold that office, who then absorbs it (دانيال كوتس … رئيس جهاز الاستخبارات
الوطنية الأمريكي); a body is its country, sector and name; a country is its ISO code.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rasd.actors.guards import most_common_key
from rasd.actors.mentions import ActorMention, Composition, PlaceMention
from rasd.model import Actor, Mention, Place
from rasd.text.normalize import OffsetMap

_SLUG_RE = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=65536)
def _slug(text: str) -> str:
    return _SLUG_RE.sub("-", text.lower()).strip("-")


def actor_key(m: ActorMention) -> tuple[str, ...]:
    if m.name and m.kind in ("person", "org"):
        return (m.kind, m.name)
    if m.kind == "role":
        return ("role", m.country, m.sector, m.office or m.title_head)
    if m.kind == "body":
        return ("body", m.country, m.sector, m.name)
    return ("country", m.country)


def actor_id(key: tuple[str, ...]) -> str:
    """A stable id, the same for the same actor in every article: person:abdel-fattah-el-sisi,
    org:arab-league, role:usa-gov-foreign-minister, body:egy-cop, country:egy."""
    kind, *rest = key
    return f"{kind}:" + "-".join(_slug(part) for part in rest if part)


def build_actors(
    comp: Composition, text: str, offsets: OffsetMap, list_countries: bool = False
) -> tuple[list[Actor], dict[int, str], dict[str, Actor]]:
    """Actors to list, the actor id of each composed mention (by index), and every actor by id
    (also those not listed, which events may still refer to)."""
    persons_by_role: dict[tuple[str, str], tuple[str, ...]] = {}
    for m in comp.actors:
        if m.kind == "person" and m.person is not None:
            for office in m.person.offices:
                persons_by_role.setdefault((office.office, office.country), actor_key(m))
    actors: dict[tuple[str, ...], Actor] = {}
    ids: dict[int, str] = {}
    for index, m in enumerate(comp.actors):
        key = actor_key(m)
        if m.kind == "role" and (m.office, m.country) in persons_by_role:
            key = persons_by_role[(m.office, m.country)]
        actor = actors.get(key)
        if actor is None:
            if key[0] == "person" and m.kind != "person":
                source = next(a for a in comp.actors if actor_key(a) == key)
                name, country, sector = source.name, source.country, source.sector
            else:
                name, country, sector = m.name, m.country, m.sector
            actor = Actor(actor_id(key), country, sector, name, kind=key[0])
            actors[key] = actor
        start, end = offsets.span_to_orig(m.start, m.end)
        actor.mentions.append(Mention(start, end, text[start:end], m.how))
        ids[index] = actor.id
    # A country on its own is listed when it takes part in a state-to-state event (the events
    # stage adds it). Without an events stage, when nothing more specific of it is there.
    listed = {actor_key(m) for m in comp.actors if m.listed}
    specific = {a.country for a in actors.values() if a.sector} if list_countries else set()
    kept = [
        a
        for key, a in actors.items()
        if key in listed and (a.sector or a.name or (list_countries and a.country not in specific))
    ]
    return kept, ids, {a.id: a for a in actors.values()}


def build_places(comp: Composition, text: str, offsets: OffsetMap) -> list[Place]:
    places: dict[tuple[str, str], Place] = {}
    counts: dict[tuple[str, str], int] = {}
    first_sentence: dict[tuple[str, str], int] = {}
    for m in comp.places:
        info = m.info
        key = (info.name, info.country)
        place = places.get(key)
        if place is None:
            pid = f"place:{_slug(info.name)}" + (f":{info.country.lower()}" if info.country else "")
            place = Place(pid, info.name, info.country, info.lat, info.lon, kind=info.kind)
            places[key] = place
            first_sentence[key] = m.sentence
        start, end = offsets.span_to_orig(m.start, m.end)
        place.mentions.append(Mention(start, end, text[start:end]))
        counts[key] = counts.get(key, 0) + 1
    if places:
        main = choose_main_place(comp.places, counts, first_sentence)
        if main is not None:
            places[main].main = True
    return list(places.values())


_LOCAL_KINDS = frozenset(
    [
        "capital",
        "city",
        "town",
        "village",
        "camp",
        "district",
        "landmark",
        "governorate",
        "province",
    ]
)


def choose_main_place(
    mentions: list[PlaceMention],
    counts: dict[tuple[str, str], int],
    first_sentence: dict[tuple[str, str], int],
) -> tuple[str, str] | None:
    """The article's main location: a city-level place of the first two sentences (the dateline
    and lead), else the most mentioned city-level place, else the most mentioned place."""
    local = [m for m in mentions if m.info.kind in _LOCAL_KINDS]
    lead = [m for m in local if m.sentence <= 1]
    if lead:
        return (lead[0].info.name, lead[0].info.country)
    if local:
        best = max(
            local,
            key=lambda m: (
                counts[(m.info.name, m.info.country)],
                -first_sentence[(m.info.name, m.info.country)],
            ),
        )
        return (best.info.name, best.info.country)
    most: tuple[str, str] = most_common_key(counts)
    return most
