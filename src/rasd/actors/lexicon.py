"""The actor and place lexicon: every dictionary entry, compiled for matching.

All Arabic forms from the ``countries``, ``demonyms``, ``places``, ``organizations``, ``sectors``,
``titles`` and ``people`` tables are normalized with :func:`match_key` (the ``match`` profile,
punctuation to spaces) and loaded into one Aho–Corasick automaton. A key can stand for several
entries (عمان is Oman and Amman); choosing between them is the resolver's job.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rasd.dicts.tsv import split_values
from rasd.knowledge import Knowledge
from rasd.text.normalize import Normalizer
from rasd.text.scan import add_key

_NON_WORD_RE = re.compile(r"[^\w]+")
#: Regular inflections of a nationality adjective (nisba): feminine, plurals, duals.
NISBA_SUFFIXES = ("", "ة", "ون", "ين", "ات", "ان", "تان", "تين")

# entry kinds
COUNTRY, DEMONYM, PLACE, ORG, SECTOR, TITLE, PERSON = (
    "country",
    "demonym",
    "place",
    "org",
    "sector",
    "title",
    "person",
)


@dataclass(frozen=True, slots=True)
class PlaceInfo:
    name: str
    country: str
    kind: str
    lat: float | None
    lon: float | None
    metonym: str = ""


@dataclass(frozen=True, slots=True)
class Office:
    office: str
    country: str
    sector: str
    start: str  # YYYY-MM-DD (partial dates widened)
    end: str


@dataclass(frozen=True, slots=True)
class PersonInfo:
    name: str
    country: str
    sector: str
    offices: tuple[Office, ...]

    def office_at(self, date: str) -> Office | None:
        """The office held at ``date`` (the most senior when several), or None."""
        held = [o for o in self.offices if date and o.start <= date <= o.end]
        if not held:
            return None
        return min(held, key=lambda o: OFFICE_RANK.get(o.office, 99))

    def main_office(self) -> Office | None:
        if not self.offices:
            return None
        return min(self.offices, key=lambda o: (OFFICE_RANK.get(o.office, 99), o.start))


OFFICE_RANK = {
    "head_of_state": 0,
    "supreme_leader": 0,
    "head_of_government": 1,
    "crown_prince": 2,
    "un_secretary_general": 2,
    "vice_president": 3,
    "deputy_crown_prince": 3,
    "foreign_minister": 4,
    "defence_minister": 5,
    "interior_minister": 6,
    "igo_head": 6,
    "deputy_prime_minister": 7,
    "group_leader": 7,
    "intelligence_chief": 8,
    "army_chief": 8,
    "finance_minister": 9,
    "speaker": 10,
    "un_envoy": 11,
}


@dataclass(frozen=True, slots=True)
class Entry:
    """What a dictionary key means. ``kind`` is one of the kinds above."""

    kind: str
    id: str  # stable identifier: country:EGY, place:Cairo, org:Arab League, person:..., ...
    country: str = ""
    sector: str = ""
    name: str = ""
    office: str = ""
    construct: bool = (
        False  # a title or sector noun in construct form: must be followed by a country
    )
    auto: bool = False  # from an automatically built list (e.g. GeoNames): matched more strictly
    place: PlaceInfo | None = None
    person: PersonInfo | None = None


@dataclass(slots=True)
class Lexicon:
    """Normalized key → entries, the automaton over the keys, and lookup tables."""

    entries: dict[str, list[Entry]] = field(default_factory=dict)
    offices: dict[tuple[str, str], list[tuple[str, str, PersonInfo]]] = field(default_factory=dict)
    countries: dict[str, Entry] = field(default_factory=dict)  # iso3 -> country entry
    country_places: dict[str, PlaceInfo] = field(default_factory=dict)  # iso3 -> as a place
    automaton: Any = None

    def add(self, form: str, entry: Entry, key_of: Any) -> None:
        key = key_of(form)
        if not key:
            return
        bucket = self.entries.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)

    def holders(self, office: str, country: str, date: str) -> list[PersonInfo]:
        """People holding ``office`` for ``country`` on ``date`` (empty without a date)."""
        if not date:
            return []
        return [
            p for start, end, p in self.offices.get((office, country), ()) if start <= date <= end
        ]


def match_key(normalizer: Normalizer, text: str) -> str:
    """The matching form of a dictionary phrase or of text: match profile, words only, one space."""
    return " ".join(_NON_WORD_RE.sub(" ", normalizer(text)).split())


def _date_floor(value: str) -> str:
    if not value:
        return "0000-00-00"
    return value + "-01-01"[len(value) - 4 :] if len(value) < 10 else value


def _date_ceiling(value: str) -> str:
    if not value:
        return "9999-12-31"
    if len(value) == 4:
        return value + "-12-31"
    if len(value) == 7:
        return value + "-31"
    return value


def _float(value: str) -> float | None:
    try:
        return float(value) if value else None
    except ValueError:
        return None


def nisba_forms(masc: str) -> list[str]:
    """Regular forms of a nationality adjective: مصري → مصرية، مصريون، مصريين، مصريات ..."""
    if " " in masc:
        return [masc]
    return [masc + suffix for suffix in NISBA_SUFFIXES]


def construct_form(phrase: str) -> str | None:
    """The construct (idafa) form of a definite phrase: وزير الخارجية → وزير خارجية; الشرطة → شرطة."""
    words = phrase.split()
    if not words or not words[-1].startswith("ال") or len(words[-1]) < 4:
        return None
    return " ".join([*words[:-1], words[-1][2:]])


def build_lexicon(knowledge: Knowledge) -> Lexicon:
    import ahocorasick

    normalizer = Normalizer("match")

    def key_of(form: str) -> str:
        return match_key(normalizer, form)

    lex = Lexicon()
    for row in knowledge.rows("countries"):
        iso3 = row["iso3"]
        entry = Entry(COUNTRY, f"country:{iso3}", country=iso3, name=row["name"])
        lex.countries[iso3] = entry
        lex.country_places[iso3] = PlaceInfo(
            row["name"], iso3, "country", _float(row["lat"]), _float(row["lon"])
        )
        for form in split_values(row["ar"]):
            lex.add(form, entry, key_of)
    for row in knowledge.rows("demonyms"):
        entry = Entry(DEMONYM, f"country:{row['iso3']}", country=row["iso3"])
        for masc in split_values(row["masc"]):
            for form in nisba_forms(masc):
                lex.add(form, entry, key_of)
        for form in split_values(row["irregular"]):
            lex.add(form, entry, key_of)
    for table in knowledge.tables("places"):
        auto = "geonames" in table.path.rsplit("/", 1)[-1]
        for row in table.rows:
            info = PlaceInfo(
                row["name"],
                row["country"],
                row["kind"],
                _float(row["lat"]),
                _float(row["lon"]),
                row["metonym"],
            )
            entry = Entry(
                PLACE,
                f"place:{row['name']}:{row['country']}",
                country=row["country"],
                name=row["name"],
                place=info,
                auto=auto,
            )
            for form in split_values(row["ar"]):
                lex.add(form, entry, key_of)
    for row in knowledge.rows("organizations"):
        entry = Entry(
            ORG,
            f"org:{row['name']}",
            country=row["country"],
            sector=row["sector"],
            name=row["name"],
        )
        for form in split_values(row["ar"]):
            lex.add(form, entry, key_of)
    for row in knowledge.rows("sectors"):
        entry = Entry(
            SECTOR, f"sector:{row['sector']}:{row['name']}", sector=row["sector"], name=row["name"]
        )
        _add_with_construct(lex, row["ar"], entry, key_of)
    for row in knowledge.rows("titles"):
        entry = Entry(
            TITLE,
            f"title:{row['office'] or row['sector']}",
            country=row["country"],
            sector=row["sector"],
            office=row["office"],
        )
        _add_with_construct(lex, row["ar"], entry, key_of)
    _add_people(lex, knowledge.rows("people"), key_of)
    automaton = ahocorasick.Automaton()
    for key, bucket in lex.entries.items():
        add_key(automaton, key, (key, tuple(bucket)))
    automaton.make_automaton()
    lex.automaton = automaton
    return lex


def _add_with_construct(lex: Lexicon, forms: str, entry: Entry, key_of: Any) -> None:
    for form in split_values(forms):
        lex.add(form, entry, key_of)
        construct = construct_form(form)
        if construct and " " in form:
            # only multiword phrases: a one-word construct (شرطة، جيش) is added as its own form
            lex.add(construct, _replace(entry, construct=True), key_of)
        elif construct:
            lex.add(construct, _replace(entry, construct=True), key_of)


def _replace(entry: Entry, **changes: Any) -> Entry:
    import dataclasses

    return dataclasses.replace(entry, **changes)


def _add_people(lex: Lexicon, rows: Iterable[dict[str, str]], key_of: Any) -> None:
    by_name: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        by_name.setdefault(row["name"], []).append(row)
    for name, person_rows in by_name.items():
        offices = tuple(
            Office(
                r["office"],
                r["country"],
                r["sector"],
                _date_floor(r["start"]),
                _date_ceiling(r["end"]),
            )
            for r in person_rows
        )
        first = min(person_rows, key=lambda r: OFFICE_RANK.get(r["office"], 99))
        info = PersonInfo(name, first["country"], first["sector"], offices)
        entry = Entry(
            PERSON,
            f"person:{name}",
            country=info.country,
            sector=info.sector,
            name=name,
            person=info,
        )
        forms: dict[str, None] = {}
        for r in person_rows:
            forms.update(dict.fromkeys(split_values(r["ar"])))
        for form in forms:
            lex.add(form, entry, key_of)
        for office in offices:
            if office.office:
                lex.offices.setdefault((office.office, office.country), []).append(
                    (office.start, office.end, info)
                )
