"""What the event filter is trained on: the features of every candidate sentence.

Used by ``scripts/train_event_filter.py`` (and its tests); the analysis itself computes the same
features inside :class:`rasd.events.stage.EventsStage`.
"""

from __future__ import annotations

from rasd.events.attributes import sentence_cues, status
from rasd.events.coder import _ArticleCoder
from rasd.events.lexicon import EventLexicon
from rasd.events.triggers import find_triggers
from rasd.pipeline import Work


def candidate_features(
    lex: EventLexicon, work: Work, types: tuple[str, ...]
) -> list[tuple[int, str, dict[str, float]]]:
    """(sentence, type, features) for every sentence holding a trigger of one of ``types``: what
    the event filter sees. Used to train it (``scripts/train_event_filter.py``)."""
    composition, mention_ids, actors_by_id = work.extras["actor_mentions"]
    coder = _ArticleCoder(lex, work, composition, mention_ids, actors_by_id)
    coder.prepare()
    out: list[tuple[int, str, dict[str, float]]] = []
    for k, span in enumerate(work.sent_spans):
        hits = find_triggers(lex, coder.text, span)
        present = {h.trigger.event_type for h in hits}
        wanted = [t for t in types if t in present]
        if not wanted:
            continue
        cues = sentence_cues(lex, coder.text, coder.norm, span)
        judged = [
            (h, status(h, cues, coder.text, coder.norm, span[0], coder.year, lex)) for h in hits
        ]
        parties = coder.parties_by_sentence.get(k, [])
        for event_type in wanted:
            out.append((k, event_type, coder.features(event_type, span, judged, cues, parties, k)))
    return out
