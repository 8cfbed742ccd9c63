"""Where a group without a country belongs: the country its sentence places it in.

A sector noun with no nationality and no country of its own (المتظاهرون، المعارضة، البرلمان) takes
its country from the text, most specific first:

1. a nationality adjective or country right after it (composition, :mod:`rasd.actors.compose`);
2. ``X في C1 وC2``: the countries right after it (also composition);
3. the sentence's locations: when every place the sentence names after a locative word (في، إلى،
   ب…, not من or إلى) within a few words of the noun lies in one country, and the sentence names
   no other country (by name or adjective), that country (تظاهر المحتجون في القاهرة → EGY; وفي
   طهران، أعلن … أن البرلمان → IRN). Several countries, or none: no answer here;
4. the article's main country.

This module holds rules 2 and 3; they read the raw dictionary hits of the composer.
"""

from __future__ import annotations

from rasd.actors.lexicon import COUNTRY, DEMONYM, PERSON, PLACE
from rasd.actors.match import RawMention

# groups of people rather than institutions: a weak form of one (الطلاب) may still be placed by
# its sentence, while a weak institution (الأمن، الخارجية) needs a country named with it
GROUP_SECTORS = frozenset({"CVL", "OPP", "REB", "EDU", "LAB", "REF"})


def located_countries(
    raws: list[RawMention], sent: list[int], text: str, j: int, in_place: frozenset[str]
) -> list[str]:
    """``X [adjective] في C1 وC2`` (``raws[j]`` is C1): the countries of a body described by where
    it is. Not after من or إلى (المقاتلين … من الإمارات: where they come from)."""
    if j == 0 or j >= len(raws) or sent[j] != sent[j - 1]:
        return []
    first = raws[j]
    if COUNTRY not in first.kinds:
        return []
    word_start = first.token_start if first.token_start >= 0 else first.start
    words = text[max(0, word_start - 30) : word_start].split()
    if "ب" not in first.prefix and (not words or words[-1] not in in_place):
        return []
    if len(text[raws[j - 1].end : first.start].split()) > 3:
        return []
    out = [e.country for e in first.of_kind(COUNTRY)[:1]]
    k = j + 1
    while k < len(raws) and sent[k] == sent[j] and raws[k].prefix.startswith("و"):
        gap = text[raws[k - 1].end : raws[k].start].strip()
        if gap not in ("", "و") or COUNTRY not in raws[k].kinds:
            break
        out.extend(e.country for e in raws[k].of_kind(COUNTRY)[:1])
        k += 1
    return out


def _place_country(m: RawMention) -> str:
    """The one country a place or country hit stands in ('' when ambiguous or a region)."""
    countries = {e.country for e in m.entries if e.kind == COUNTRY and e.country}
    if not countries:
        countries = {
            e.place.country
            for e in m.entries
            if e.kind == PLACE and e.place is not None and e.place.country
        }
    return next(iter(countries)) if len(countries) == 1 else ""


def sentence_place_country(
    raws: list[RawMention],
    sent: list[int],
    i: int,
    text: str,
    locative: frozenset[str],
    needs_locative: frozenset[str],
    place_nouns: frozenset[str] = frozenset(),
    max_words: int = 6,
    venue_nouns: frozenset[str] = frozenset(),
) -> str:
    """The single country of the places that the sentence of ``raws[i]`` names as locations."""
    sentence = sent[i]
    lo = i
    while lo > 0 and sent[lo - 1] == sentence:
        lo -= 1
    found: set[str] = set()
    others: set[str] = set()  # countries the sentence names otherwise (الحكومة التركية، مصر)
    reach = _after_limit(text, raws[i].end, max_words)
    back = _before_limit(text, raws[i].start, max_words)
    chain = False  # the previous hit was a location, so a coordinated one (وبغداد) is one too
    prev_end = -1
    for k in range(lo, len(raws)):
        if sent[k] != sentence:
            break
        m = raws[k]
        if DEMONYM in m.kinds or PERSON in m.kinds:
            others.update(e.country for e in m.entries if e.kind in (DEMONYM, PERSON) and e.country)
        if not (COUNTRY in m.kinds or PLACE in m.kinds):
            chain = False
            continue
        word_start = m.token_start if m.token_start >= 0 else m.start
        # في القاهرة، وفي طهران، في شوارع بغداد، بمدينة حلب
        words = text[max(0, word_start - 40) : word_start].split()[-2:]
        coordinated = chain and m.prefix.startswith("و") and not text[prev_end:word_start].strip()
        is_location = (
            "ب" in m.prefix or _locative_before(words, locative, place_nouns) or coordinated
        ) and not _venue_before(words, locative, venue_nouns)
        if m.key in needs_locative and not is_location:
            chain = False
            continue
        chain = is_location
        prev_end = m.end
        country = _place_country(m)
        if not is_location:
            others.add(country)
        elif back <= m.start <= reach:
            if not country:
                return ""
            found.add(country)
    if len(found) != 1 or not others <= found:
        return ""
    return next(iter(found))


_PROCLITICS = ("", "و", "ف", "ب", "وب", "فب")


def _split(word: str, words: frozenset[str]) -> str | None:
    """The proclitics before one of ``words`` in ``word`` (وفي → و), or None."""
    for p in _PROCLITICS:
        if word.startswith(p) and word[len(p) :] in words:
            return p
    return None


def _locative_before(
    words: list[str], locative: frozenset[str], place_nouns: frozenset[str]
) -> bool:
    """في X، وفي X; or في/ب + a place noun + X (في شوارع بغداد، بمدينة حلب)."""
    if not words:
        return False
    if _split(words[-1], locative) is not None:
        return True
    prefix = _split(words[-1], place_nouns)
    if prefix is None:
        return False
    if "ب" in prefix:
        return True
    return len(words) == 2 and _split(words[0], locative) is not None


def _venue_before(words: list[str], locative: frozenset[str], venue_nouns: frozenset[str]) -> bool:
    """المفاوضات في فيينا، القمة في الرياض، الأوضاع في اليمن: the place is where a meeting was or
    what is talked about, not where the group is."""
    return (
        len(words) == 2
        and _split(words[1], locative) is not None
        and _split(words[0], venue_nouns) is not None
    )


def _before_limit(text: str, pos: int, max_words: int) -> int:
    """The position ``max_words`` words before ``pos``."""
    for _ in range(max_words):
        prev = text.rfind(" ", 0, pos - 1)
        if prev == -1:
            return 0
        pos = prev
    return pos


def _after_limit(text: str, pos: int, max_words: int) -> int:
    """The position ``max_words`` words after ``pos`` (a place further on is another clause's)."""
    for _ in range(max_words):
        nxt = text.find(" ", pos + 1)
        if nxt == -1:
            return len(text)
        pos = nxt
        while pos + 1 < len(text) and text[pos + 1] == " ":
            pos += 1
    return pos
