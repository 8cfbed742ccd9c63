"""What composition produces and needs: actor and place mentions, and the resources it reads.

Shared by :mod:`rasd.actors.compose` (which makes them), :mod:`rasd.actors.resolve` (which turns
them into the document's actors and places) and :mod:`rasd.events.coder` (which codes events
between them).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rasd.actors.lexicon import Lexicon, PersonInfo, PlaceInfo


@dataclass(frozen=True, slots=True)
class Resources:
    """Everything the composer needs, built once per configuration."""

    lexicon: Lexicon
    locative: frozenset[str]
    name_stop: frozenset[str]
    weak: frozenset[str]  # keys that count only in composition
    implied_country: dict[str, str]  # key -> ISO3 (قوات الاحتلال -> ISR)
    needs_locative: frozenset[str]  # place keys that are also common words (تدمر، الصعيد)
    prepositions: frozenset[str] = frozenset()  # words after which a capital is a location
    body_locative: frozenset[str] = frozenset()  # قرب مجلس الشورى: a body as a place
    non_actor_head: frozenset[str] = frozenset()  # ميثاق الأمم المتحدة: a modifier, not an actor
    ignored: frozenset[str] = frozenset()  # forms that are never actors (الشعب المصري)
    common_words: frozenset[str] = frozenset()  # frequent words (match form): not in unknown names
    place_nouns: frozenset[str] = frozenset()  # في مدينة حلب: still a location after the noun
    in_place: frozenset[str] = frozenset()  # locative words that say where (في), not whence (من)
    venue_nouns: frozenset[str] = (
        frozenset()
    )  # المفاوضات في فيينا: a meeting's place, not a group's
    skip_sectors: frozenset[str] = frozenset({"MED"})  # media are sources, not actors
    named_after: frozenset[str] = frozenset()  # كأس ولي العهد: a title naming a thing
    name_links: frozenset[str] = frozenset()  # بن، آل، أبو: link the parts of a name
    former: frozenset[str] = frozenset()  # السابق، الأسبق: after a title, a former holder
    given_names: frozenset[str] = frozenset()  # فيصل، وليد: names, though ف/و + a common word
    club_words: frozenset[str] = frozenset()  # ريال مدريد: a city in a club's name
    in_place_words: frozenset[str] = frozenset()  # في، مدينة …: before an automatic place name
    office_only_in: dict[str, frozenset[str]] = field(default_factory=dict)  # الأمير: QAT KWT


@dataclass(slots=True)
class ActorMention:
    start: int  # norm coordinates
    end: int
    country: str
    sector: str
    name: str = ""
    office: str = ""
    kind: str = ""  # person | org | body | country | role
    how: str = "dictionary"
    title_head: str = ""  # first word of the title (وزير، رئيس) for anaphora
    person: PersonInfo | None = None
    sentence: int = 0
    key: tuple[str, ...] = ()
    listed: bool = True  # False: a party for events, listed as an actor only if it takes part


@dataclass(slots=True)
class PlaceMention:
    start: int
    end: int
    info: PlaceInfo
    sentence: int = 0
    auto: bool = False  # from an automatic list (GeoNames)


@dataclass(slots=True)
class Composition:
    actors: list[ActorMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    main_country: str = ""
