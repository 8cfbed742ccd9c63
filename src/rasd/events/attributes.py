"""What the words around a trigger say about it: reported or not (negation, future, conditions,
history, questions, metaphor), its contexts, and its date.

Cue words come from ``cues.tsv`` with a scope: ``before`` (a few words before the trigger, inside its
clause), ``after`` (right after it) or ``sentence`` (anywhere in the sentence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from rasd.events.lexicon import EventLexicon
from rasd.events.triggers import TriggerHit
from rasd.text.scan import scan

BEFORE_WINDOW = 4  # words before a trigger that a "before" cue may be
AFTER_WINDOW = 3
COOPERATIVE = frozenset(["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"])
VERBAL = frozenset(["REQUEST", "ACCUSE", "REJECT", "THREATEN", "AGREE", "SUPPORT", "CONCEDE"])
_YEAR_RE = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
_CUE_PREFIXES = frozenset(["", "و", "ف"])
SENTENCE_SCOPE_WORDS = 8  # a "sentence" cue counts within this many words of the trigger
_CLAUSE_BREAK = frozenset(["،", ",", "؛", ";", ":", "«", "»", '"', "(", ")", "-", "–"])


@dataclass(slots=True)
class SentenceCues:
    """Cue hits of one sentence: (start, end, cue, scope), contexts, and date words."""

    cues: list[tuple[int, int, str, str]] = field(default_factory=list)
    contexts: list[str] = field(default_factory=list)
    date_words: list[tuple[int, int, str, int]] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    question: bool = False


def sentence_cues(lex: EventLexicon, text: str, norm: str, span: tuple[int, int]) -> SentenceCues:
    start, end = span
    segment = text[start:end]
    out = SentenceCues()
    for _s, e, (_key, values), prefix, ws in scan(lex.cues, segment):
        if prefix not in _CUE_PREFIXES:
            continue  # كما is not ك + ما; أهل is not أ + هل
        for cue, scope in values:
            out.cues.append((start + ws, start + e, cue, scope))
    seen: dict[str, None] = {}
    for _s, _e, (_key, values), _prefix, _ws in scan(lex.contexts, segment):
        for context in values:
            seen.setdefault(context, None)
    out.contexts = list(seen)
    for _s, e, (key, _values), _prefix, ws in scan(lex.date_automaton, segment):
        kind, value = lex.dates[key]
        out.date_words.append((start + ws, start + e, kind, value))
    out.years = [int(y) for y in _YEAR_RE.findall(norm[start:end])]
    stripped = norm[start:end].rstrip()
    out.question = stripped.endswith(("؟", "?"))
    return out


def words_between(text: str, start: int, end: int) -> int:
    return len(text[start:end].split())


def status(
    hit: TriggerHit,
    cues: SentenceCues,
    text: str,
    norm: str,
    sentence_start: int,
    article_year: int | None,
) -> str:
    """ "event", "future" (an intention), or why it is not a reported event."""
    clause_start = _clause_start(norm, sentence_start, hit.start)
    for s, e, cue, scope in cues.cues:
        window = 1 if e - s <= 2 else BEFORE_WINDOW  # لا، ما، لم، لن: right before the trigger
        before = e <= hit.start and s >= clause_start and words_between(text, e, hit.start) < window
        after = s >= hit.end and words_between(text, hit.end, s) < AFTER_WINDOW
        if scope == "before":
            near = before
        elif scope == "after":
            near = after
        else:
            gap = words_between(text, e, hit.start) if e <= hit.start else words_between(text, hit.end, s)
            near = gap <= SENTENCE_SCOPE_WORDS
        if not near:
            continue
        if cue in (
            "negation",
            "conditional",
            "question",
            "generic",
            "modal",
            "history",
            "anniversary",
        ):
            return cue
        if cue in ("future", "intent"):
            return "future"
        if cue == "nonpolitical" and hit.trigger.event_type not in VERBAL:
            return "nonpolitical"
    if cues.question:
        return "question"
    if article_year and any(y < article_year - 1 for y in cues.years):
        return "history"
    if hit.future:
        return "future"
    return "event"


def _clause_start(norm: str, sentence_start: int, pos: int) -> int:
    for i in range(pos - 1, sentence_start - 1, -1):
        if norm[i] in _CLAUSE_BREAK:
            return i + 1
    return sentence_start


def event_date(article_date: str, cues: SentenceCues, hit: TriggerHit) -> str:
    """The article date moved by the sentence's relative expressions (أمس، الأربعاء الماضي ...)."""
    if not article_date:
        return ""
    try:
        today = date.fromisoformat(article_date)
    except ValueError:
        return ""
    offset = 0
    weekday: int | None = None
    past = False
    for _s, _e, kind, value in cues.date_words:
        if kind == "relative_day":
            offset = value if offset == 0 or value < offset else offset
        elif kind == "relative_week":
            offset = value
        elif kind == "weekday":
            weekday = value
        elif kind == "past_marker":
            past = True
    if weekday is not None:
        delta = (today.weekday() - weekday) % 7
        if delta == 0 and past:
            delta = 7
        return (today - timedelta(days=delta)).isoformat()
    return (today + timedelta(days=offset)).isoformat()
