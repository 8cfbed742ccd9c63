"""What the words around a trigger say about it: reported or not (negation, future, conditions,
history, questions, metaphor), its contexts, and its date.

Cue words come from ``cues.tsv`` with a scope: ``before`` (a few words before the trigger, inside its
clause), ``after`` (right after it) or ``sentence`` (anywhere in the sentence).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta

from rasd.events.dates import explicit_dates
from rasd.events.lexicon import EventLexicon
from rasd.events.triggers import TriggerHit
from rasd.text.scan import NOUN_PROCLITICS, scan_merged

BEFORE_WINDOW = 4  # words before a trigger that a "before" cue may be
AFTER_WINDOW = 3
COOPERATIVE = frozenset(["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"])
VERBAL = frozenset(["REQUEST", "ACCUSE", "REJECT", "THREATEN", "AGREE", "SUPPORT", "CONCEDE"])
_YEAR_RE = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
_YEAR_LIKE_RE = re.compile(r"(?:1[89]|20)\d\d")
_CUE_PREFIXES = frozenset(["", "و", "ف"])
_NOUN_PREFIXES = NOUN_PROCLITICS | {""}
#: Proclitics of cues (كما is not ك + ما; أهل is not أ + هل), contexts and date words (a noun's
#: only: آب, August, is not in أسباب), by kind in ``EventLexicon.sentence_words``.
_SENTENCE_WORD_PREFIXES = (_CUE_PREFIXES, _NOUN_PREFIXES, _NOUN_PREFIXES)
SENTENCE_SCOPE_WORDS = 8  # a "sentence" cue counts within this many words of the trigger
_CLAUSE_BREAK_RE = re.compile('[،,؛;:«»"()\\-–]')


@dataclass(slots=True)
class SentenceCues:
    """Cue hits of one sentence: (start, end, cue, scope), contexts, and date words."""

    cues: list[tuple[int, int, str, str]] = field(default_factory=list)
    contexts: list[str] = field(default_factory=list)
    date_words: list[tuple[int, int, str, int]] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    question: bool = False
    breaks: list[int] = field(default_factory=list)  # the article's clause breaks, in order
    # explicit dates of the sentence, found once for all its events: ((span, article date), dates)
    explicit: tuple[tuple[tuple[int, int], date | None], list[tuple[int, date]]] | None = None


def sentence_cues(lex: EventLexicon, text: str, norm: str, span: tuple[int, int]) -> SentenceCues:
    """Cues of one sentence."""
    return all_sentence_cues(lex, text, norm, [span], [True])[0] or SentenceCues()


def clause_breaks(norm: str) -> list[int]:
    """Positions of the characters that end a clause (for :func:`status`), in order."""
    return [m.start() for m in _CLAUSE_BREAK_RE.finditer(norm)]


def all_sentence_cues(
    lex: EventLexicon,
    text: str,
    norm: str,
    spans: list[tuple[int, int]],
    wanted: list[bool],
    breaks: list[int] | None = None,
) -> list[SentenceCues | None]:
    """Cues of the sentences marked ``wanted`` (None for the others), from one scan of the text.
    ``breaks``: :func:`clause_breaks` of ``norm``, if the caller has them."""
    out: list[SentenceCues | None] = [SentenceCues() if w else None for w in wanted]
    if not any(wanted):
        return out
    starts = [s for s, _ in spans]
    if breaks is None:
        breaks = clause_breaks(norm)
    for target in out:
        if target is not None:
            target.breaks = breaks

    def bucket(pos: int) -> SentenceCues | None:
        k = bisect_right(starts, pos) - 1
        return out[k] if k >= 0 and pos < spans[k][1] else None

    # one pass over the wanted sentences for the three kinds of words: cues, contexts, dates
    ranges: list[tuple[int, int]] = []
    for k, (start, end) in enumerate(spans):
        if wanted[k]:
            if k and wanted[k - 1]:
                ranges[-1] = (ranges[-1][0], end)  # consecutive sentences: one range
            else:
                ranges.append((start, end))
    cues, contexts, dates = scan_merged(lex.sentence_words, text, _SENTENCE_WORD_PREFIXES, ranges)
    for s, e, (_key, values), _prefix, ws in cues:
        target = bucket(ws)
        if target is not None:
            for cue, scope in values:
                # the cue without its conjunction: وقد, ولا are short cues like قد, لا
                target.cues.append((s, e, cue, scope))
    for _s, _e, (_key, values), _prefix, ws in contexts:
        target = bucket(ws)
        if target is not None:
            for context in values:
                if context not in target.contexts:
                    target.contexts.append(context)
    for _s, e, (key, _values), _prefix, ws in dates:
        target = bucket(ws)
        if target is not None:
            date_kind, value = lex.dates[key]
            target.date_words.append((ws, e, date_kind, value))
    for k, target in enumerate(out):
        if target is not None:
            start, end = spans[k]
            segment = norm[start:end]
            if _YEAR_LIKE_RE.search(segment) is not None:  # a quick test before the lookarounds
                target.years = [int(y) for y in _YEAR_RE.findall(segment)]
            target.question = segment.rstrip().endswith(("؟", "?"))
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
    lex: EventLexicon | None = None,
) -> str:
    """ "event", "future" (an intention), or why it is not a reported event. A cue after the
    trigger and past a complementizer (ترفض الاتهامات بأنها دعمت في السابق) belongs to the clause
    that complementizer opens, not to the trigger."""
    clause_start = clause_start_at(cues.breaks, sentence_start, hit.start)
    for s, e, cue, scope in cues.cues:
        if (
            scope == "sentence"
            and lex is not None
            and s >= hit.end
            and not lex.complementizers.isdisjoint(text[hit.end : s].split())
        ):
            continue
        if scope == "before":
            window = 1 if e - s <= 2 else BEFORE_WINDOW  # لا، ما، لم، لن: right before the trigger
            near = (
                e <= hit.start and s >= clause_start and words_between(text, e, hit.start) < window
            )
        elif scope == "after":
            near = s >= hit.end and words_between(text, hit.end, s) < AFTER_WINDOW
        else:
            gap = (
                words_between(text, e, hit.start)
                if e <= hit.start
                else words_between(text, hit.end, s)
            )
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


def clause_start_at(breaks: list[int], sentence_start: int, pos: int) -> int:
    """Where the clause holding ``pos`` starts: after the last break (sorted positions) before
    ``pos`` in its sentence."""
    k = bisect_left(breaks, pos)
    if k and breaks[k - 1] >= sentence_start:
        return breaks[k - 1] + 1
    return sentence_start


def event_date(
    article_date: str,
    cues: SentenceCues,
    hit: TriggerHit,
    norm: str = "",
    span: tuple[int, int] | None = None,
) -> str:
    """The event's date: an explicit date in the sentence (the one nearest the trigger), else the
    article date moved by relative expressions (أمس، الأربعاء الماضي، الأسبوع الماضي)."""
    today: date | None = None
    if article_date:
        try:
            today = date.fromisoformat(article_date)
        except ValueError:
            today = None
    if norm and span is not None:
        if cues.explicit is None or cues.explicit[0] != (span, today):
            cues.explicit = ((span, today), explicit_dates(norm, *span, cues.date_words, today))
        found = cues.explicit[1]
        if found:
            return min(found, key=lambda d: abs(d[0] - hit.start))[1].isoformat()
    if today is None:
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
