"""How a protest or violence word is used in its sentence: features of the event filter
(:mod:`rasd.events.filter`) that tell a report of an act from a mere mention of it.

A report usually has the trigger as the head of its clause (تظاهر الآلاف، خرجت مظاهرة), a verb in
the perfect, participants or victims counted near it (مئات المتظاهرين، قتل خمسة), the doers named
next to it, a place and a day (في بغداد أمس). A mention has it as the complement of another noun
(حق التظاهر، قانون التظاهر، ثقافة العنف), in a future, modal or negated clause, or far from any
participant. All words come from ``cues.tsv`` (kinds ``frame``, ``participant``, ``quantity`` …)
and ``dates.tsv``; this module only measures where they are relative to the trigger.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Any

from rasd.events.attributes import SentenceCues, clause_start_at
from rasd.events.triggers import TriggerHit

NEAR_WORDS = 4  # words between a trigger and a cue, number or party that is "near" it
#: Proclitic letters that are prepositions (بالمظاهرة، للاحتجاج، كالهجوم).
_PREP_CLITICS = frozenset("بلك")
#: Prepositions before a noun trigger that make it an adjunct or a target (في مظاهرة، على المتظاهرين).
_PREPOSITIONS = frozenset(
    ["في", "خلال", "إثر", "اثر", "على", "ضد", "من", "بين", "مع", "إلى", "الى", "عن", "حول", "أمام"]
)
_IMPERFECT_LETTERS = frozenset("يتن")
_WORD_RE = re.compile(r"\S+")


def _aspect(stem: str, lemma: str) -> str:
    """ "perf" for a perfect form (تظاهر، تظاهروا), "impf" for an imperfect (يتظاهر، تتظاهر)."""
    if stem[:2] == lemma[:2] or stem[:1] not in _IMPERFECT_LETTERS:
        return "perf"
    return "impf"


class _Words:
    """The sentence's word starts, to count words between two positions by bisection."""

    __slots__ = ("starts",)

    def __init__(self, text: str, span: tuple[int, int]) -> None:
        self.starts = [m.start() for m in _WORD_RE.finditer(text, span[0], span[1])]

    def index(self, pos: int) -> int:
        """The number of the word holding ``pos`` (0 = the sentence's first word)."""
        return max(bisect_right(self.starts, pos) - 1, 0)

    def gap(self, a: tuple[int, int], b: tuple[int, int]) -> int:
        """Words strictly between the spans ``a`` and ``b`` (in either order)."""
        if a[0] > b[0]:
            a, b = b, a
        return max(bisect_left(self.starts, b[0]) - self.index(a[1] - 1) - 1, 0)


def usage_features(
    event_type: str,
    judged: list[tuple[TriggerHit, str]],
    cues: SentenceCues,
    text: str,
    span: tuple[int, int],
    parties: list[Any],
    place_starts: list[int],
) -> dict[str, float]:
    """Features of how the ``event_type`` triggers of one sentence are used (see the module)."""
    own = [h for h, _ in judged if h.trigger.event_type == event_type]
    f: dict[str, float] = {}
    if not own:
        return f
    words = _Words(text, span)
    spans = [(h.start, h.end) for h in own]
    forms: set[str] = set()
    for h in own:
        word = text[h.start : h.head_end]
        stem = word[len(h.prefix) :]
        index = words.index(h.start)
        previous = text[words.starts[index - 1] : h.start].strip() if index else ""
        if h.trigger.pos == "v":
            form = "form:v-" + _aspect(stem, h.trigger.lemma)
        elif h.prefix.lstrip("وف")[:1] in _PREP_CLITICS or previous.lstrip("و") in _PREPOSITIONS:
            form = "form:n-prep"  # في مظاهرة، بالهجوم: an adjunct of another predicate
        elif "ال" in word[:5] or h.prefix.endswith("لل") or h.pronoun:
            form = "form:n-def"
        else:
            form = "form:n-indef"
        f[form] = 1.0
        forms.add(form)
        if index == 0 or (index <= 2 and h.prefix.startswith("و")):
            f["trig:first"] = 1.0
        if clause_start_at(cues.breaks, span[0], h.start) == span[0]:
            f["trig:main-clause"] = 1.0
    for s, e, cue, _scope in cues.cues:
        gaps = [words.gap((s, e), t) for t in spans]
        nearest = min(gaps)
        if nearest <= NEAR_WORDS:
            f["near:" + cue] = 1.0
        if any(e <= t[0] and g == 0 for g, t in zip(gaps, spans, strict=True)):
            f["prev:" + cue] = 1.0  # حق التظاهر، ذكرى الهجوم: the word right before the trigger
    _participants(f, cues, text, words, spans)
    if forms == {"form:n-def"}:
        f["only:def-noun"] = 1.0  # وقال إن الهجوم …: an act reported before, referred to again
    for s, e, _kind, _value in cues.date_words:
        if min(words.gap((s, e), t) for t in spans) <= 2 * NEAR_WORDS:
            f["near:date"] = 1.0
            break
    for p in parties:
        gap = min(words.gap((p.start, p.end), t) for t in spans)
        if gap <= NEAR_WORDS:
            f["near:party-marked" if p.marker else "near:party"] = 1.0
    others = [(h.start, h.end, h.trigger.event_type) for h, _ in judged]
    for t in spans:
        for s, e, other in others:
            if other not in (event_type, "-") and e <= t[0] and words.gap((s, e), t) <= 1:
                f["after:" + other] = 1.0  # فرقت الشرطة المتظاهرين، أدان الهجوم: what it acts on
    if any(words.index(start) <= 2 for start in place_starts):
        f["place:first"] = 1.0  # وفي بغداد، …: a report opening on its place
    for start in place_starts:
        if min(words.gap((start, start + 1), t) for t in spans) <= 2 * NEAR_WORDS:
            f["near:place"] = 1.0
            break
    for t in spans:
        lo = words.starts[max(words.index(t[0]) - NEAR_WORDS, 0)]
        k = min(words.index(t[1] - 1) + NEAR_WORDS + 1, len(words.starts))
        hi = words.starts[k] if k < len(words.starts) else span[1]
        if any(map(str.isdigit, text[lo:hi])):
            f["near:number"] = 1.0
            break
    return f


def _participants(
    f: dict[str, float],
    cues: SentenceCues,
    text: str,
    words: _Words,
    spans: list[tuple[int, int]],
) -> None:
    """How the participants are named: counted (مئات المتظاهرين، 40 متظاهرا) or bare indefinite
    (متظاهرون) in a new report, definite and uncounted (المتظاهرون) in a detail of one already
    reported. ``only:participant``: the sentence's triggers are all participant nouns."""
    counts = [(s, e) for s, e, cue, _ in cues.cues if cue == "quantity"]
    covered = 0
    for s, e, cue, _scope in cues.cues:
        if cue != "participant":
            continue
        covered += sum(1 for t in spans if s <= t[0] < e)
        index = words.index(s)
        before = text[words.starts[max(index - 2, 0)] : s] if index else ""
        if any(map(str.isdigit, before)) or any(
            words.gap(q, (s, e)) <= 1 and q[1] <= s for q in counts
        ):
            f["part:counted"] = 1.0
        elif "ال" in text[s : min(e, s + 4)]:
            f["part:def"] = 1.0
        else:
            f["part:indef"] = 1.0
    if covered == len(spans):
        f["only:participant"] = 1.0
