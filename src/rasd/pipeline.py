"""The analysis pipeline: small named stages that declare what they need and what they add.

A stage is a callable object with ``name``, ``requires`` and ``produces`` (sets of field names of the
working document, :class:`Work`). :class:`Pipeline` checks, before anything runs, that every stage's
requirements are produced by an earlier stage, so a misconfigured pipeline fails at construction
with a clear message instead of deep inside an article.

Built-in stages (see :data:`STAGE_FACTORIES`): ``clean`` → ``normalize`` → ``segment`` → (``actors``,
``places``, ``events`` as they are added).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from rasd.errors import PipelineError, RasdError
from rasd.model import CliticAnalysis, Document, Origin, Sentence, Token
from rasd.options import Options
from rasd.text.normalize import OffsetMap

if TYPE_CHECKING:
    from rasd.knowledge import Knowledge
    from rasd.readers.records import Record
    from rasd.text.clitics import CliticAnalyzer


@dataclass(slots=True)
class Work:
    """Working state of one article while stages run. Positions are in ``norm`` unless noted."""

    doc: Document
    title_in_text: bool = False
    body: str = ""  # the original text with removed spans blanked (same length as doc.text)
    norm: str = ""  # body normalized with the base profile
    offsets: OffsetMap = field(default_factory=OffsetMap)
    sent_spans: list[tuple[int, int]] = field(default_factory=list)
    title_sentence: int | None = None
    # clitic analyses by token string (a cached analyzer: call it with a token's word)
    clitics: Callable[[str], tuple[CliticAnalysis, ...]] | None = None
    # fills the tokens when they are first asked for (set by the segment stage)
    tokenizer: Callable[[Work], tuple[list[str], list[tuple[int, int]]]] | None = None
    extras: dict[str, Any] = field(default_factory=dict)  # stage-specific intermediate results

    _tok_words: list[str] | None = None
    _sent_tokens: list[tuple[int, int]] | None = None
    _tok_spans: list[tuple[int, int]] | None = None

    @property
    def tok_words(self) -> list[str]:
        """Tokens of the whole article, in order (computed on first use unless the segment stage
        computed them already)."""
        if self._tok_words is None:
            self._tokenize()
        assert self._tok_words is not None
        return self._tok_words

    @property
    def sent_tokens(self) -> list[tuple[int, int]]:
        """Sentence ``k`` owns tokens ``sent_tokens[k][0]:sent_tokens[k][1]``."""
        if self._sent_tokens is None:
            self._tokenize()
        assert self._sent_tokens is not None
        return self._sent_tokens

    def _tokenize(self) -> None:
        if self.tokenizer is None:
            self._tok_words, self._sent_tokens = [], [(0, 0)] * len(self.sent_spans)
        else:
            self._tok_words, self._sent_tokens = self.tokenizer(self)

    def orig_span(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets.span_to_orig(start, end)

    @property
    def tok_spans(self) -> list[tuple[int, int]]:
        """Token spans in ``norm``, computed on first use (tokens are stored as strings only).

        Tokens cover every non-space character of a sentence, so each token starts at the first
        non-space character after the previous one: a left-to-right ``find`` recovers the spans.
        """
        if self._tok_spans is None:
            norm = self.norm
            words = self.tok_words
            spans: list[tuple[int, int]] = []
            find = norm.find
            for (start, _end), (first, last) in zip(self.sent_spans, self.sent_tokens, strict=True):
                pos = start
                for t in range(first, last):
                    at = find(words[t], pos)
                    pos = at + len(words[t])
                    spans.append((at, pos))
            self._tok_spans = spans
        return self._tok_spans


class Stage(Protocol):
    name: str
    requires: frozenset[str]
    produces: frozenset[str]

    def __call__(self, work: Work) -> None: ...


StageFactory = Callable[["Knowledge", Options], Stage]


def _text_stage(name: str) -> StageFactory:
    def factory(knowledge: Knowledge, options: Options) -> Stage:
        from rasd.text import stages

        cls: Any = {
            "clean": stages.CleanStage,
            "normalize": stages.NormalizeStage,
            "segment": stages.SegmentStage,
        }[name]
        stage: Stage = cls(knowledge, options)
        return stage

    return factory


def _actors_stage(knowledge: Knowledge, options: Options) -> Stage:
    from rasd.actors.stages import ActorsStage

    return ActorsStage(knowledge, options)


def _events_stage(knowledge: Knowledge, options: Options) -> Stage:
    from rasd.events.coder import EventsStage

    return EventsStage(knowledge, options)


#: Built-in stages by name. Stage modules are imported when a pipeline is built, not at import.
STAGE_FACTORIES: dict[str, StageFactory] = {
    "clean": _text_stage("clean"),
    "normalize": _text_stage("normalize"),
    "segment": _text_stage("segment"),
    "actors": _actors_stage,
    "events": _events_stage,
}

#: What every pipeline starts with.
INITIAL_FIELDS = frozenset({"text"})


class Pipeline:
    """An ordered, checked list of stages."""

    def __init__(self, stages: Iterable[Stage]) -> None:
        self.stages = list(stages)
        available = set(INITIAL_FIELDS)
        for stage in self.stages:
            missing = stage.requires - available
            if missing:
                raise PipelineError(
                    f"stage {stage.name!r} needs {', '.join(sorted(missing))}, which no earlier "
                    f"stage produces; pipeline order: {' → '.join(s.name for s in self.stages)}"
                )
            available |= stage.produces
        self.produces = frozenset(available)

    @classmethod
    def from_options(cls, knowledge: Knowledge, options: Options) -> Pipeline:
        stages: list[Stage] = []
        for name in options.pipeline.stages:
            factory = STAGE_FACTORIES.get(name)
            if factory is None:
                known = ", ".join(STAGE_FACTORIES)
                raise PipelineError(f"unknown stage {name!r}; known: {known}")
            stages.append(factory(knowledge, options))
        _join_scans(knowledge, stages)
        return cls(stages)

    def run(self, work: Work) -> Work:
        for stage in self.stages:
            stage(work)
        return work


def _join_scans(knowledge: Knowledge, stages: list[Stage]) -> None:
    """Let the stages that scan the match text with their own dictionaries (a ``scans`` attribute:
    ``(automaton, prefixes)``) share one pass over it (:class:`~rasd.text.scan.JointScan`)."""
    scanning = [s for s in stages if getattr(s, "scans", None) is not None]
    if len(scanning) < 2:
        return
    from rasd.text.scan import JointScan, merge_automata

    specs = [s.scans for s in scanning]  # type: ignore[attr-defined]
    automaton = knowledge.cached(
        "scan.joint:" + ",".join(s.name for s in scanning),
        lambda: merge_automata(*(automaton for automaton, _ in specs)),
    )
    joint = JointScan(automaton, tuple(prefixes for _, prefixes in specs))
    for index, stage in enumerate(scanning):
        stage.joint = (joint, index)  # type: ignore[attr-defined]


class Analyzer:
    """Turns article records into :class:`~rasd.model.Document`. Build once, reuse for many."""

    def __init__(self, options: Options | None = None, knowledge: Knowledge | None = None) -> None:
        from rasd.knowledge import Knowledge

        self.options = options or Options.load()
        self.knowledge = knowledge or Knowledge(self.options)
        self.pipeline = Pipeline.from_options(self.knowledge, self.options)

    def clitic_analyzer(self) -> CliticAnalyzer | None:
        """The segment stage's clitic analyzer, whose cache holds every word analyzed so far."""
        from rasd.text.stages import SegmentStage

        for stage in self.pipeline.stages:
            if isinstance(stage, SegmentStage):
                return stage.clitics
        return None

    def analyze_work(self, record: Record) -> Work:
        """Like :meth:`analyze_record`, but returns the working state (for evaluation and training)."""
        doc = Document(
            id=record.id,
            text=record.text,
            title=record.title,
            date=record.date,
            source=record.source,
            url=record.url,
            encoding=record.encoding,
            origin=record.origin,
            warnings=list(record.warnings),
        )
        if record.title_in_text and record.title:
            at = record.text.find(record.title)
            if at != -1:
                doc.title_span = (at, at + len(record.title))
        work = Work(doc=doc, title_in_text=record.title_in_text)
        self.pipeline.run(work)
        self._finish(work)
        return work

    def analyze_record(self, record: Record) -> Document:
        return self.analyze_work(record).doc

    def analyze_text(
        self,
        text: str,
        *,
        title: str | None = None,
        date: str | None = None,
        source: str = "",
        url: str = "",
        id: str | None = None,
    ) -> Document:
        from rasd.readers.records import Record, normalize_date, split_title, stable_id

        norm_date = normalize_date(date or "")
        if norm_date is None:
            from rasd.errors import InputError

            raise InputError(f"date must be YYYY-MM-DD, got {date!r}")
        in_text = False
        if title is None:
            title, in_text = split_title(text)
        elif title and text.lstrip().startswith(title):
            in_text = True
        record = Record(
            text=text,
            origin=Origin("<text>"),
            id=id or stable_id(text),
            title=title,
            date=norm_date or self.options.input.default_date,
            source=source,
            url=url,
            title_in_text=in_text,
        )
        return self.analyze_record(record)

    def analyze_records(self, items: Iterable[Any]) -> Iterator[Document | RasdError]:
        """Documents for records; read failures and analysis errors are yielded, not raised."""
        from rasd.readers.records import ReadFailure

        for item in items:
            if isinstance(item, ReadFailure):
                yield item.error
                continue
            try:
                yield self.analyze_record(item)
            except RasdError as exc:
                if exc.where is None:
                    exc.where = str(item.origin)
                yield exc

    def _finish(self, work: Work) -> None:
        doc = work.doc
        offsets = work.offsets
        with_tokens = self.options.output.tokens and bool(work.tok_words)  # tokenizes if lazy
        text = doc.text
        sentences: list[Sentence] = []
        for k, (ns, ne) in enumerate(work.sent_spans):
            start, end = offsets.span_to_orig(ns, ne)
            sentence = Sentence(start, end, is_title=(k == work.title_sentence))
            if with_tokens:
                first, last = work.sent_tokens[k]
                toks: list[Token] = []
                tok_spans = work.tok_spans
                for t in range(first, last):
                    ts, te = offsets.span_to_orig(*tok_spans[t])
                    word = work.tok_words[t]
                    clitics = work.clitics(word) if work.clitics else ()
                    toks.append(Token(ts, te, text[ts:te], word, clitics))
                sentence.tokens = toks
            sentences.append(sentence)
        doc.sentences = sentences
