"""Guards against common words read as names or places, and small reading helpers of the composer.

All pure functions over the match text (``rasd.actors.match``) and the word lists of
``actors/function_words.tsv``; ``docs/actors.md`` lists the guards with examples.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from typing import TYPE_CHECKING, Any

from rasd.actors.lexicon import COUNTRY, DEMONYM, PERSON, PersonInfo
from rasd.actors.match import RawMention
from rasd.actors.mentions import ActorMention, Composition, PlaceMention
from rasd.text.normalize import OffsetMap

if TYPE_CHECKING:
    from rasd.actors.compose import Composer

#: Proclitic stacks stripped from the word before a mention when it is looked up in a word list
#: (بمدينة، ولكأس، فبجائزة).
_PROCLITICS = ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل", "ك")
_PROCLITIC_FIRST = frozenset(p[0] for p in _PROCLITICS)

#: Tanween: a word that carries it is a common noun or adverb (باكرًا، تامًا), never a foreign name.
TANWEEN = frozenset("\u064b\u064c\u064d")
#: All Arabic diacritics (harakat, tanween, shadda, sukun, dagger alef).
DIACRITICS = frozenset(chr(c) for c in range(0x064B, 0x0653)) | {"\u0670"}


def in_list(word: str, words: Collection[str]) -> bool:
    """``word`` is in ``words``, alone or behind a proclitic stack (ولكأس، بمدينة)."""
    if word in words:
        return True
    if word[:1] not in _PROCLITIC_FIRST:
        return False  # most words (the article's ال among them) take the quick way out
    return any(word.startswith(p) and word[len(p) :] in words for p in _PROCLITICS)


def name_run(
    text: str,
    start: int,
    stop: int,
    taken: Collection[int],
    breaks: Callable[[str], bool],
    links: Collection[str],
    norm: str = "",
    max_words: int = 4,
) -> tuple[int, int] | None:
    """An unknown personal name right at ``start``: 2 words or more before ``stop``.

    A word for which ``breaks`` is true, one where a dictionary hit starts (``taken``), or
    punctuation between two words in ``norm`` (the text before the match text blanked it: خالد
    الفيصل، سيوجهها) ends the name. Linking words (بن، آل، أبو: ``links``) do not count toward
    the ``max_words`` names — فيصل بن خالد بن عبدالعزيز is three — and a name does not end with
    one (عبدالله بن …)."""
    pos = start
    words: list[tuple[int, int, bool]] = []
    counted = 0
    while counted <= max_words:
        while pos < stop and text[pos] == " ":
            if words and norm and not norm[pos].isspace():
                return _name_span(words, counted, max_words)
            pos += 1
        if pos >= stop or pos in taken:
            break
        end = text.find(" ", pos, stop)
        end = stop if end == -1 else end
        word = text[pos:end]
        if breaks(word):
            break
        link = word in links
        words.append((pos, end, link))
        counted += not link
        pos = end
    return _name_span(words, counted, max_words)


def _name_span(
    words: list[tuple[int, int, bool]], counted: int, max_words: int
) -> tuple[int, int] | None:
    while words and words[-1][2]:
        words.pop()
    if len(words) < 2 or counted > max_words:
        return None
    return words[0][0], words[-1][1]


def word_after(text: str, pos: int, words: Collection[str]) -> int:
    """Where the word right after ``pos`` ends if it is one of ``words`` (الرئيس الأسبق …), else -1."""
    start = pos
    while start < len(text) and text[start] == " ":
        start += 1
    end = text.find(" ", start)
    end = len(text) if end == -1 else end
    return end if start < end and text[start:end] in words else -1


def office_applies(key: str, country: str, only_in: dict[str, frozenset[str]]) -> bool:
    """Whether a title's office holds in ``country``: الأمير is the head of state only where an
    emir rules (Qatar, Kuwait); elsewhere it is a prince's rank (``actors/weak_forms.tsv``)."""
    allowed = only_in.get(key)
    return allowed is None or country in allowed


def same_office(a: ActorMention, office: str, head: str) -> bool:
    """A bare title with an office refers back to an actor with that office, one without to an
    actor with the same title word: ولي العهد does not refer to ولي ولي العهد (another office),
    nor رئيس الأركان to the president."""
    if office:
        return a.office == office
    return bool(head) and a.title_head == head


def person_country(p: PersonInfo, date: str) -> str:
    """The country of the office a person held at ``date``: none for an international official
    (a UN envoy is IGO, whatever his nationality); else the person's country."""
    held = p.office_at(date) if date else None
    if held is not None and held.sector == "IGO":
        return held.country
    return p.country


def keep_place(surface: str, auto: bool) -> bool:
    """A place name is not vocalized as a common word: no tanween (باكرًا is not Accra, تامًا not
    Tama), and no diacritic at all for names from the automatic list (رَبِّك is not Rabak)."""
    marks = DIACRITICS if auto else TANWEEN
    return not any(ch in marks for ch in surface)


def family_names(actors: Iterable[ActorMention], text: str) -> set[str]:
    """The last words of the named persons' mentions (برناردينو ليون → ليون): a later ليون alone is
    that person, not the city of Lyon."""
    names: set[str] = set()
    for a in actors:
        if a.kind == "person" and a.person is not None and a.how in ("dictionary", "title+name"):
            words = text[a.start : a.end].split()
            if len(words) >= 2:
                names.add(words[-1])
    return names


def drop_family_name_places(
    places: list[PlaceMention], actors: list[ActorMention], text: str
) -> list[PlaceMention]:
    """Places whose mention is only a family name of a person named in the article are that
    person (أكد ليون), so they are dropped."""
    names = family_names(actors, text)
    if not names:
        return places
    return [p for p in places if text[p.start : p.end].strip() not in names]


def clean_places(composition: Composition, match: str, text: str, offsets: OffsetMap) -> None:
    """Drop the places that are common words after all: vocalized ones (``keep_place``, read in
    the original ``text``) and family names of persons (``drop_family_name_places``)."""
    kept = []
    for p in composition.places:
        start, end = offsets.span_to_orig(p.start, p.end)
        if keep_place(text[start:end], p.auto):
            kept.append(p)
    composition.places = drop_family_name_places(kept, composition.actors, match)


def country_counts(raws: list[RawMention]) -> dict[str, int]:
    """How often each country is named (by name, nationality or a person of it), in the order
    first named (a plain dict: collections.Counter is not compiled)."""
    counts: dict[str, int] = {}
    for r in raws:
        for e in r.entries:
            if e.kind in (COUNTRY, DEMONYM, PERSON) and e.country:
                counts[e.country] = counts.get(e.country, 0) + 1
                break
    return counts


def most_common_key(counts: dict[Any, int]) -> Any:
    """The key with the highest count, the first named of equals (as Counter.most_common(1))."""
    return max(counts, key=counts.__getitem__)


def stands_for_government(c: Composer, m: RawMention) -> bool:
    """A capital as a subject or object (أن واشنطن تريد), not a dateline (واس - الرياض:) nor
    after a preposition (على صنعاء، في الرياض)."""
    word = c._word_before_token(m)
    preps = c.res.prepositions
    if word in preps or (word[:1] in "لبو" and word[1:] in preps):
        return False
    line_start = c.norm.rfind("\n", 0, m.start) + 1
    before = c.norm[line_start : m.start].rstrip()
    after = c.norm[m.end : m.end + 3].lstrip()
    return not (before.endswith(("-", "–", "—", "/")) or after.startswith((":", "-", "–", "(")))


def apposed_person(c: Composer, i: int, country: str) -> ActorMention | None:
    """``X، TITLE`` (or, without a nationality, ``X TITLE TITLE``: الأمير محمد بن نايف ولي العهد
    وزير الداخلية): the person just before this title, or before the titles apposed to him; without
    a comma only a person named in the text (not one read from a role: رئيس الصين وزير الثقافة)."""
    m = c.raws[i]
    if not c.out.actors:
        return None
    last = c.out.actors[-1]
    person, titles_end = c._apposed
    if person is not None and last.end == titles_end:
        last = person  # the mention of the title apposed last refers to him
    if last.kind != "person" or last.sentence != c.sent[i]:
        return None
    end = max(last.end, titles_end if person is last else -1)
    if c.text[end : m.start].strip() or m.start - end > 3:
        return None
    comma = end == last.end and any(ch in c.norm[end : m.start] for ch in "،,")
    named = last.how in ("dictionary", "title+name", "title+unknown-name")
    return last if comma or (named and not country) else None
