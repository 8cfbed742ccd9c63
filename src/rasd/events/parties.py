"""Parties the sentence names without naming an actor: بلاده (the speaker's country) and البلدين
(both sides, the last two countries named); who acts with whom in a reading with coordinated or
reciprocal parties (:func:`actor_pairs`); the event actors the article's actor list lacks."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable

from rasd.events.roles import Party, mark
from rasd.model import Actor

SPECIAL_STEMS = ("بلاد", "دولت", "حكومت", "جانب", "بلد", "طرف")  # quick test before the word loop
SELF_COUNTRY_WORDS = frozenset(
    ["بلاده", "بلادها", "بلادهم", "بلادنا", "دولته", "حكومته", "حكومتها", "حكومتهم", "حكومتنا"]
)
BOTH_SIDES_WORDS = frozenset(
    [
        "الجانبين",
        "الجانبان",
        "البلدين",
        "البلدان",
        "الطرفين",
        "الطرفان",
        "الطرفين",
        "البلدين الشقيقين",
    ]
)


def stem_spans(text: str, end: int | None = None) -> list[tuple[int, int]]:
    """Where each of SPECIAL_STEMS occurs in ``text`` (before ``end``), in order: only a sentence
    holding one can name a party without naming an actor."""
    spans: list[tuple[int, int]] = []
    reach = len(text) if end is None else end
    for stem in SPECIAL_STEMS:
        at = text.find(stem, 0, reach)
        while at >= 0:
            spans.append((at, at + len(stem)))
            at = text.find(stem, at + 1, reach)
    spans.sort()
    return spans


def _stem_words(
    text: str, start: int, end: int, stems: list[tuple[int, int]]
) -> list[tuple[int, str]]:
    """(start, word) of the words of ``text[start:end]`` that hold a stem, in order: the only
    words that can be one of SELF_COUNTRY_WORDS or BOTH_SIDES_WORDS."""
    words: list[tuple[int, str]] = []
    i = bisect_left(stems, (start, start))
    while i < len(stems) and stems[i][0] < end:
        stem_start, stem_end = stems[i]
        i += 1
        if stem_end > end:
            continue  # not wholly inside the sentence
        at = max(text.rfind(" ", start, stem_start) + 1, start)
        if words and words[-1][0] == at:
            continue  # a second stem in the same word
        stop = text.find(" ", stem_end, end)
        words.append((at, text[at : end if stop < 0 else stop]))
    return words


def extra_parties(
    text: str,
    span: tuple[int, int],
    parties: list[Party],
    history: list[Party],
    country_actor: Callable[[str], Actor],
    stems: list[tuple[int, int]] | None = None,
) -> list[Party]:
    """بلاده (the speaker's country) and البلدين (both sides) as parties. ``stems``: the text's
    :func:`stem_spans`, when the caller asks for many sentences of one text."""
    start, end = span
    extra: list[Party] = []
    if stems is None:
        stems = stem_spans(text)
    for at, word in _stem_words(text, start, end, stems):
        pos = at + len(word)
        stripped = word[1:] if word[:1] in "وفبل" and len(word) > 5 else word
        if stripped in SELF_COUNTRY_WORDS or word in SELF_COUNTRY_WORDS:
            speaker = next(
                (p for p in reversed([*history, *parties]) if p.start < at and not p.marker),
                None,
            )
            if speaker is not None and speaker.country:
                actor = country_actor(speaker.country)
                party = Party(at, pos, at, actor.id, speaker.country)
                mark(text, party, word[: len(word) - len(stripped)])
                extra.append(party)
        elif stripped in BOTH_SIDES_WORDS or word in BOTH_SIDES_WORDS:
            countries: list[str] = []
            for p in reversed([*history, *[q for q in parties if q.start < at]]):
                if p.country and p.country not in countries:
                    countries.append(p.country)
                if len(countries) == 2:
                    break
            if len(countries) == 2:
                first = Party(at, pos, at, country_actor(countries[1]).id, countries[1])
                second = Party(at, pos, at, country_actor(countries[0]).id, countries[0])
                mark(text, first, word[: len(word) - len(stripped)])
                first.group = [first, second]
                extra.append(first)
    return extra


def actor_pairs(
    subject: Party | None, recipient: Party | None, how: str
) -> list[tuple[Party | None, Party | None]]:
    """(actor, recipient) pairs: coordinated parties each take part; a reciprocal act between two
    parties (اتفق الرئيسان، التقى الجانبان) goes both ways."""
    if how.endswith("+reciprocal") or how == "between":
        return [(subject, recipient), (recipient, subject)]
    actors: list[Party | None] = (
        list(subject.group) if subject is not None and subject.group else [subject]
    )
    targets: list[Party | None] = (
        list(recipient.group) if recipient is not None and recipient.group else [recipient]
    )
    return [(a, r) for a in actors for r in targets]


def participants(
    listed: list[Actor], used: Iterable[Actor], named: set[str], inferred: set[str]
) -> list[Actor]:
    """Actors of events that belong in the article's actor list (``listed``) and are not in it:
    the actor stage may have kept only more specific forms (a country that acts, not only its
    president). A country only inferred (from an adjective, بلاده، البلدين) is not listed."""
    present = {a.id for a in listed}
    out: list[Actor] = []
    for actor in used:
        if not actor.sector and not actor.name and (actor.id not in named or actor.id in inferred):
            continue
        if actor.id not in present:
            out.append(actor)
            present.add(actor.id)
    return out
