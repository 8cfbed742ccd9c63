"""Find event triggers in an article's match text: single words from the automaton, multiword
phrases checked word by word on what follows (clitics allowed, a few words in between)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from rasd.events.lexicon import VERB_PHRASE_REACH, EventLexicon, Trigger
from rasd.text.scan import NOUN_PROCLITICS, Hit, scan

#: Proclitics a verb form can carry (وقال، فأكد، سيزور، وسيزور، ليبحث).
VERB_PREFIXES = frozenset(["", "و", "ف", "س", "وس", "فس", "ل", "ول", "فل"])
#: Proclitics a noun can carry (الزيارة، بالهجوم، للاعتقال، وبالمظاهرات), or none.
NOUN_PREFIXES = NOUN_PROCLITICS | {""}
_STRIPPABLE = (
    "وبال",
    "فبال",
    "وكال",
    "وال",
    "فال",
    "بال",
    "كال",
    "ولل",
    "فلل",
    "لل",
    "ال",
    "وب",
    "ول",
    "وك",
    "فب",
    "فل",
    "و",
    "ف",
    "ب",
    "ل",
    "ك",
)


@dataclass(slots=True)
class TriggerHit:
    start: int  # match-text positions (= Work.norm positions); start is the word's start
    end: int
    head_end: int  # end of the first word
    trigger: Trigger
    prefix: str
    parts: tuple[tuple[int, int], ...] = ()  # the matched words (a phrase's gaps excluded)
    pronoun: bool = False  # a noun with a possessive pronoun: استقباله (his receiving)

    @property
    def future(self) -> bool:
        return "س" in self.prefix


def word_variants(word: str) -> set[str]:
    """A word and what it is without its proclitics (بزيارة → زيارة; للمملكة → المملكة)."""
    out = {word}
    for p in _STRIPPABLE:
        if word.startswith(p) and len(word) - len(p) >= 2:
            rest = word[len(p) :]
            out.add(rest)
            if p.endswith("لل"):
                out.add("ال" + rest)
    return out


#: The proclitic stacks some trigger accepts (the scan skips the other hits: مد in محمد).
ANY_PREFIX = VERB_PREFIXES | NOUN_PREFIXES
#: Which of a head's ``readings`` a proclitic stack allows: 0 any, 1 a verb's only, 2 a noun's only.
_READING = {
    p: 0 if p in VERB_PREFIXES and p in NOUN_PREFIXES else (1 if p in VERB_PREFIXES else 2)
    for p in ANY_PREFIX
}
#: The (at most) two words after a position (phrases other than verb phrases continue there).
_NEXT_TWO_WORDS_RE = re.compile(r"(?: +[^ ]+){1,2}")
#: How many words after a phrase head its other words are looked for in, and how many
#: characters are read for them.
FOLLOWING_WORDS = 12
_WINDOW = 16 * FOLLOWING_WORDS


class _Following:
    """The words after a phrase head (up to FOLLOWING_WORDS) with their clitic variants; their
    spans are found only for the words a phrase uses."""

    __slots__ = ("forms", "pos", "spans", "text", "window", "words")

    def __init__(self, text: str, pos: int, end: int, variants: dict[str, frozenset[str]]) -> None:
        limit = min(end, pos + _WINDOW)
        words = text[pos:limit].split(None, FOLLOWING_WORDS)
        if len(words) > FOLLOWING_WORDS:
            del words[FOLLOWING_WORDS:]
        elif words and limit < end and text[limit] != " ":
            words.pop()  # cut in the middle of a word
        forms: list[frozenset[str]] = []
        for word in words:
            found = variants.get(word)
            if found is None:
                found = variants[word] = frozenset(word_variants(word))
            forms.append(found)
        self.text = text
        self.pos = pos
        self.words = words
        self.forms = forms
        self.spans: list[tuple[int, int]] = []
        self.window: frozenset[str] = frozenset().union(*forms[:9])

    def near(self, options: frozenset[str]) -> bool:
        """Whether one of the next nine words is one of ``options``."""
        return not options.isdisjoint(self.window)

    def span(self, i: int) -> tuple[int, int]:
        spans = self.spans
        while len(spans) <= i:
            word = self.words[len(spans)]
            at = self.text.find(word, spans[-1][1] if spans else self.pos)
            spans.append((at, at + len(word)))
        return spans[i]


def _match_rest(following: _Following, trigger: Trigger) -> list[tuple[int, int]] | None:
    """Spans of the phrase's remaining words if they come next (with allowed gaps)."""
    index = 0
    parts: list[tuple[int, int]] = []
    for position, options in enumerate(trigger.rest):
        gap = (VERB_PHRASE_REACH - 1 if trigger.pos == "v" else 1) if position == 0 else 1
        found = None
        forms = following.forms
        for i in range(index, min(index + gap + 1, len(forms))):
            if not forms[i].isdisjoint(options):
                found = i
                parts.append(following.span(i))
                break
        if found is None:
            return None
        index = found + 1
    return parts


def find_triggers(lex: EventLexicon, text: str, sentence: tuple[int, int]) -> list[TriggerHit]:
    """Trigger hits inside one sentence (match-text positions), longest first, no overlaps."""
    return find_all_triggers(lex, text, [sentence])[0]


def find_all_triggers(
    lex: EventLexicon,
    text: str,
    sentences: list[tuple[int, int]],
    norm: str = "",
    scanned: Iterable[Hit] | None = None,
) -> list[list[TriggerHit]]:
    """Trigger hits of every sentence, from one scan of the whole text. With ``norm`` (the
    base-normalized text, which keeps ة where the match text has ه), a word written with ة is never
    read as a verb with the pronoun ه (طالبة is a student, not طالب + ه). ``scanned``: the
    lexicon's hits in ``text`` if a joint scan found them already."""
    per_sentence: list[list[TriggerHit]] = [[] for _ in sentences]
    if not sentences:
        return per_sentence
    starts = [s for s, _ in sentences]
    variants = lex.variants
    if len(variants) > 200_000:
        variants.clear()
    protected = lex.protected
    pronominal = lex.pronominal
    lo = hi = end = 0  # word starts in [lo, hi) are in the current sentence, which ends at end
    hits: list[TriggerHit] = []
    if scanned is None:
        scanned = scan(lex.automaton, text, ANY_PREFIX)
    for _s, e, (key, _, second, second_re, readings, reach), prefix, word_start in scanned:
        if not lo <= word_start < hi:
            k = bisect_right(starts, word_start) - 1
            if k < 0:
                continue
            lo = starts[k]
            hi = starts[k + 1] if k + 1 < len(starts) else len(text) + 1
            end = sentences[k][1]
            hits = per_sentence[k]
        if e > end:
            continue
        if prefix and text[word_start:e] in protected:
            continue  # وزارة is a word, not و + زارة
        singles, phrases = readings[_READING[prefix]]
        head_only = ((word_start, e),)
        preposed: bool | None = None
        noun_ending = bool(norm) and norm[e - 1] == "ة"
        for trigger in singles:
            if trigger.pos == "v":
                if noun_ending:
                    continue
                if preposed is None:
                    preposed = _after_preposition(text, word_start)
                if preposed:
                    trigger = _as_noun(trigger)  # في دعم الاستقرار: a verbal noun, not a verb
            hits.append(
                TriggerHit(
                    word_start,
                    e,
                    e,
                    trigger,
                    prefix,
                    head_only,
                    trigger.pos == "n" and key in pronominal,
                )
            )
        # phrases (their order among the single words does not matter: _longest_first puts a
        # phrase before any single word) only when one of their second words follows
        if not phrases:
            continue
        limit = min(end, e + _WINDOW)
        if reach < VERB_PHRASE_REACH:  # the next word is one of the next two: look there only
            near = _NEXT_TWO_WORDS_RE.match(text, e, limit)
            limit = near.end() if near is not None else e
        if second_re.search(text, e, limit) is None:
            continue
        following = _Following(text, e, end, variants)
        if not following.near(second):
            continue
        for trigger in phrases:
            if not following.near(trigger.rest[0]):
                continue
            rest = _match_rest(following, trigger)
            if rest is None:
                continue
            parts = ((word_start, e), *rest)
            hits.append(
                TriggerHit(
                    word_start,
                    parts[-1][1],
                    e,
                    trigger,
                    prefix,
                    parts,
                    trigger.pos == "n" and key in pronominal,
                )
            )
    return [_longest_first(hits) if len(hits) > 1 else hits for hits in per_sentence]


_PREPOSITIONS = frozenset(
    [
        "في",
        "من",
        "علي",
        "الي",
        "عن",
        "مع",
        "حول",
        "بعد",
        "قبل",
        "خلال",
        "عبر",
        "بشان",
        "اجل",
        "لاجل",
        "بهدف",
        "ضروره",
    ]
)


@lru_cache(maxsize=4096)
def _as_noun(trigger: Trigger) -> Trigger:
    return replace(trigger, pos="n")


def _after_preposition(text: str, word_start: int) -> bool:
    words = text[max(0, word_start - 12) : word_start].split()
    return bool(words) and words[-1] in _PREPOSITIONS


def _longest_first(hits: list[TriggerHit]) -> list[TriggerHit]:
    """Phrases before single words, longer before shorter; a hit whose words overlap the words
    of a hit already taken is dropped. A word read with a conjunction (و + دعا) is preferred to
    the same word read whole (ودّع + ا): the conjunction is by far the more frequent reading."""
    conj_ends = {(h.start, h.head_end) for h in hits if h.prefix in ("و", "ف")}
    if conj_ends:
        hits = [
            h for h in hits if h.prefix or (h.start, h.head_end) not in conj_ends or h.trigger.rest
        ]
    hits = sorted(hits, key=lambda h: (-len(h.parts), -(h.head_end - h.start), h.start))
    taken: list[TriggerHit] = []
    occupied: list[tuple[int, int]] = []
    for hit in hits:
        if any(a < e and s < b for a, b in hit.parts for s, e in occupied):
            continue
        taken.append(hit)
        occupied.extend(hit.parts)
    taken.sort(key=lambda h: h.start)
    return taken
