"""What fills the object slot of a statement: an actor, or a noun that is not one.

A statement's addressee sits in its object slot: the direct object (طالب الرئيس الحوثيين), or the
noun after one of its prepositions (رحب بـ، تضامن مع، دعا إلى). When that slot holds a noun that is
not an actor (تضامن مصر مع أشقائها العرب، دعت المجتمع الدولي، اعترفوا بتلقي دورات), the statement is
addressed to that noun, so no other country may be guessed as its recipient; but when the noun is
owned by an actor named in a relative clause right after it (رحب بالهدنة التي دعت إليها المملكة),
that actor is the one the statement is about.
"""

from __future__ import annotations

from dataclasses import dataclass

from rasd.events.roles import MARKERS, RELATIVES, Party
from rasd.events.triggers import TriggerHit

SLOT_WORDS = 4  # how many words after the trigger (or its subject) the slot is looked for in
OWNER_WORDS = 6
#: Prepositions that introduce the addressee of any statement (تضامن مع، دعا إلى، حث على).
STATEMENT_MARKS = frozenset(
    ["مع", "الي", "علي", "ل"]
)  # how far after the relative pronoun the owner of the noun may be


@dataclass(frozen=True, slots=True)
class Slot:
    """A noun that is not an actor in the object slot, where it ends, and the actor owning it."""

    end: int
    owner: Party | None = None


def _next_words(text: str, at: int, n: int) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    pos = at
    while len(out) < n:
        while pos < len(text) and text[pos] == " ":
            pos += 1
        if pos >= len(text):
            break
        end = text.find(" ", pos)
        end = len(text) if end < 0 else end
        out.append((pos, end, text[pos:end]))
        pos = end
    return out


def object_slot(
    hit: TriggerHit, text: str, at: int, parties: list[Party], skip: frozenset[str]
) -> Slot | None:
    """The slot after ``at`` (the trigger's end, or its subject's in verb–subject–object order)
    when a noun that is not an actor fills it; None when the slot is empty, unknown or an actor.
    ``skip``: adverbs and time words that may stand before the slot (بشدة، أمس)."""
    marks = {m.replace("إ", "ا").replace("ى", "ي") for m in hit.trigger.recipient}
    if "self" in marks:
        return Slot(hit.end)  # دعا المجتمع الدولي: the phrase names its addressee
    if not marks:
        return None
    marks |= STATEMENT_MARKS
    words = _next_words(text, at, SLOT_WORDS)
    while words and words[0][2] in skip:
        words = words[1:]
    if not words:
        return None
    genitive = next((p for p in parties if p.token_start == words[0][0] and not p.marker), None)
    if genitive is not None:
        # تضامن مصر مع …: the noun's own agent comes first, then the slot
        last = genitive.group[-1] if genitive.group else genitive
        words = _next_words(text, last.end, SLOT_WORDS)
        if not words:
            return None
    _s, _e, first = words[0]
    if first in MARKERS:
        if first not in marks or len(words) < 2:
            return None
        noun = words[1]  # تضامن مع أشقائها، دعا إلى …
    elif first[:1] in ("ب", "ل") and first[:1] in marks and len(first) > 3:
        noun = words[0]  # رحب بالهدنة، اعترفوا بتلقي
    elif "obj" in marks and first.startswith("ال"):
        noun = words[0]  # دعت المجتمع الدولي
    else:
        return None
    start, end, _w = noun
    if any(p.token_start <= start < p.end or start <= p.start < end for p in parties):
        return None  # the slot holds an actor: the ordinary recipient rules apply
    return Slot(end, _relative_owner(text, end, parties))


def _relative_owner(text: str, end: int, parties: list[Party]) -> Party | None:
    """X التي/الذي <verb> <actor>: the actor named in a relative clause right after the noun (an
    adjective may stand between: الهدنة الإنسانية التي أعلنتها المملكة)."""
    words = _next_words(text, end, 2)
    at = next((e for _s, e, w in words if w in RELATIVES), None)
    if at is None:
        return None
    for p in parties:
        if p.start >= at and not p.marker and len(text[at : p.token_start].split()) <= OWNER_WORDS:
            return p
    return None


def thing_arrives(hit: TriggerHit, text: str, parties: list[Party], skip: frozenset[str]) -> bool:
    """وصلت صباح أمس سفينة، الذي وصلت إليه الأوضاع: the noun right after an arrival verb (past
    time words and a preposition with a pronoun, إليه) is its subject; when it is no actor, what
    arrived is a thing, not a visitor."""
    for start, _end, word in _next_words(text, hit.head_end, SLOT_WORDS):
        if word in skip or (word[:3] in _PRONOUN_PREPOSITIONS and len(word) <= 6):
            continue
        if word in MARKERS or word[:1] in ("ب", "ل"):
            return False  # وصل إلى الرياض: a place or a party follows, not the subject
        return not any(p.token_start <= start < p.end for p in parties)
    return False


_PRONOUN_PREPOSITIONS = ("الي", "الى", "علي", "عليه", "فيه", "منه")
