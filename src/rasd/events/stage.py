"""Pipeline stage ``events``: PLOVER events with actor, recipient, mode, context, date and place
(coded by :mod:`rasd.events.coder`)."""

from __future__ import annotations

from rasd.events.attributes import SENTENCE_WORD_PREFIXES
from rasd.events.coder import _ArticleCoder, load_event_lexicon
from rasd.events.filter import TypeModel, load_models
from rasd.events.triggers import ANY_PREFIX
from rasd.knowledge import Knowledge
from rasd.options import Options
from rasd.pipeline import Work
from rasd.text.scan import JointScan


class EventsStage:
    name = "events"
    requires = frozenset({"norm", "sentences", "actors", "places"})
    produces = frozenset({"events"})

    def __init__(self, knowledge: Knowledge, options: Options) -> None:
        self._lex = load_event_lexicon(knowledge)
        self._models: dict[str, TypeModel] = (
            knowledge.cached("events.models", load_models) if options.events.filter_model else {}
        )
        # the triggers, then the cue, context and date words (SENTENCE_WORD_PREFIXES)
        self.scans = (
            (self._lex.automaton, ANY_PREFIX),
            *zip(self._lex.sentence_automata, SENTENCE_WORD_PREFIXES, strict=True),
        )
        # set by the pipeline: one scan for all the stages' dictionaries
        self.joint: tuple[JointScan, tuple[int, ...]] | None = None

    def __call__(self, work: Work) -> None:
        composition, mention_ids, actors_by_id = work.extras["actor_mentions"]
        coder = _ArticleCoder(self._lex, work, composition, mention_ids, actors_by_id, self._models)
        if self.joint is not None:
            joint, (triggers, cues, contexts, dates) = self.joint
            coder.scanned = joint.hits(work.extras, coder.text, triggers)
            coder.sentence_words = (
                joint.hits(work.extras, coder.text, cues),
                joint.hits(work.extras, coder.text, contexts),
                joint.hits(work.extras, coder.text, dates),
            )
        work.doc.events = coder.run()
        coder.add_participants()
        work.extras["reports"] = coder.reports
        work.extras["dropped"] = coder.dropped
