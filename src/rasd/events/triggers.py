"""Find event triggers in an article's match text: single words from the automaton, multiword
phrases checked word by word on what follows (clitics allowed, a few words in between)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from rasd.events.lexicon import EventLexicon, Trigger
from rasd.text.scan import scan

#: Proclitics a verb form can carry (وقال، فأكد، سيزور، وسيزور، ليبحث).
VERB_PREFIXES = frozenset(["", "و", "ف", "س", "وس", "فس", "ل", "ول", "فل"])
#: Proclitics a noun can carry (الزيارة، بالهجوم، للاعتقال، وبالمظاهرات).
NOUN_PREFIXES = frozenset(
    [
        "",
        "و",
        "ف",
        "ب",
        "ل",
        "ك",
        "وب",
        "ول",
        "وك",
        "فب",
        "فل",
        "فك",
        "ال",
        "وال",
        "فال",
        "بال",
        "كال",
        "وبال",
        "فبال",
        "وكال",
        "لل",
        "ولل",
        "فلل",
    ]
)
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


def _following(text: str, pos: int, limit: int, count: int) -> list[tuple[int, int, str]]:
    words: list[tuple[int, int, str]] = []
    n = min(len(text), limit)
    while len(words) < count and pos < n:
        while pos < n and text[pos] == " ":
            pos += 1
        if pos >= n:
            break
        end = text.find(" ", pos, n)
        end = n if end == -1 else end
        words.append((pos, end, text[pos:end]))
        pos = end
    return words


def _match_rest(text: str, pos: int, limit: int, trigger: Trigger) -> list[tuple[int, int]] | None:
    """Spans of the phrase's remaining words if they follow ``pos`` (with allowed gaps)."""
    end = pos
    parts: list[tuple[int, int]] = []
    for index, options in enumerate(trigger.rest):
        gap = (8 if trigger.pos == "v" else 1) if index == 0 else 1
        found = None
        for start, stop, word in _following(text, end, limit, gap + 1):
            if word_variants(word) & options:
                found = (start, stop)
                break
        if found is None:
            return None
        parts.append(found)
        end = found[1]
    return parts


def find_triggers(lex: EventLexicon, text: str, sentence: tuple[int, int]) -> list[TriggerHit]:
    """Trigger hits inside one sentence (match-text positions), longest first, no overlaps."""
    start, end = sentence
    hits: list[TriggerHit] = []
    segment = text[start:end]
    for _s, e, (key, triggers), prefix, word_start in scan(lex.automaton, segment):
        if prefix and segment[word_start:e] in lex.protected:
            continue  # وزارة is a word, not و + زارة
        verb_ok = prefix in VERB_PREFIXES
        noun_ok = prefix in NOUN_PREFIXES
        for trigger in triggers:
            if (trigger.pos == "v" and not verb_ok) or (trigger.pos == "n" and not noun_ok):
                continue
            parts = [(start + word_start, start + e)]
            if trigger.rest:
                rest = _match_rest(segment, e, len(segment), trigger)
                if rest is None:
                    continue
                parts += [(start + a, start + b) for a, b in rest]
            if trigger.pos == "v" and not trigger.rest and _after_preposition(segment, word_start):
                trigger = replace(trigger, pos="n")  # في دعم الاستقرار: a verbal noun, not a verb
            hits.append(
                TriggerHit(
                    start + word_start,
                    parts[-1][1],
                    start + e,
                    trigger,
                    prefix,
                    tuple(parts),
                    trigger.pos == "n" and key in lex.pronominal,
                )
            )
    return _longest_first(hits)


_PREPOSITIONS = frozenset(["في", "من", "علي", "الي", "عن", "مع", "حول", "بعد", "قبل", "خلال",
                           "عبر", "بشان", "اجل", "لاجل", "بهدف", "ضروره"])


def _after_preposition(text: str, word_start: int) -> bool:
    words = text[max(0, word_start - 12):word_start].split()
    return bool(words) and words[-1] in _PREPOSITIONS


def _longest_first(hits: list[TriggerHit]) -> list[TriggerHit]:
    """Phrases before single words, longer before shorter; a hit whose words overlap the words
    of a hit already taken is dropped. A word read with a conjunction (و + دعا) is preferred to
    the same word read whole (ودّع + ا): the conjunction is by far the more frequent reading."""
    conj_ends = {(h.start, h.head_end) for h in hits if h.prefix in ("و", "ف")}
    hits = [h for h in hits if h.prefix or (h.start, h.head_end) not in conj_ends
            or h.trigger.rest]
    hits.sort(key=lambda h: (-len(h.parts), -(h.head_end - h.start), h.start))
    taken: list[TriggerHit] = []
    occupied: list[tuple[int, int]] = []
    for hit in hits:
        if any(a < e and s < b for a, b in hit.parts for s, e in occupied):
            continue
        taken.append(hit)
        occupied.extend(hit.parts)
    taken.sort(key=lambda h: h.start)
    return taken
