"""Held-out sentence-level scores of the full pipeline on the OEDA Arabic gold standard records.

``rasd evaluate --gsr`` scores the shipped pipeline on the very sentences its event filter was
trained on, so its figures are in-sample. This maintenance script (needs scikit-learn and numpy)
estimates what the *whole pipeline* (rules plus filter, scored as ``rasd evaluate --gsr`` does:
``predicted_types``) scores on sentences the filter never saw:

- the labelled OEDA sentences (``yes`` positive; ``easy no`` and ``difficult no`` negative;
  ``ambiguous`` left out) are split into K folds, stratified by event type and label, with
  identical texts kept in one fold, under a fixed seed (``--repeats`` reshuffles);
- for each fold the filter is trained on the other folds exactly as
  ``scripts/train_event_filter.py`` does (same features, same choice of word policy, C and threshold
  by repeated inner cross-validation; the ``--gold`` sentences are always in training), a fresh
  :class:`~rasd.pipeline.Analyzer` is built with that model, and the held-out fold is scored.

It prints per-fold and pooled precision, recall and F1 per type, beside the in-sample scores of the
shipped model (and of the rules without any filter) on the same sentences. The rules and lexicon
themselves were written with these sentences at hand; only the filter is held out here.

    python scripts/heldout_gsr.py ../shared/data/arabic_event_gsr --gold ../shared/data/gold/gold-dev.jsonl
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import statistics
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.model_selection import StratifiedGroupKFold

from rasd.evaluate.gsr import NEGATIVE, POSITIVE, gsr_files, predicted_types, read_gsr
from rasd.events.coder import load_event_lexicon
from rasd.events.filter import TypeModel, to_json
from rasd.knowledge import Knowledge
from rasd.options import Options
from rasd.pipeline import Analyzer

sys.path.insert(0, str(Path(__file__).resolve().parent))
import train_event_filter as tef  # the training script, beside this one

TYPES = tef.TYPES
Rows = list[tuple[dict[str, float] | None, bool]]


@dataclass(frozen=True, slots=True)
class Example:
    """One labelled OEDA sentence, with the filter's features for its type (None: no trigger)."""

    event_type: str
    label: str
    text: str
    features: dict[str, float] | None

    @property
    def positive(self) -> bool:
        return self.label in POSITIVE


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: bool, predicted: bool) -> None:
        if gold and predicted:
            self.tp += 1
        elif predicted:
            self.fp += 1
        elif gold:
            self.fn += 1

    def __iadd__(self, other: Counts) -> Counts:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    def prf(self) -> tuple[float, float, float]:
        return tef._f1(self.tp, self.fp, self.fn)

    def render(self) -> str:
        p, r, f = self.prf()
        return f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}   (tp {self.tp}, fp {self.fp}, fn {self.fn})"


@dataclass(slots=True)
class Run:
    """Counts per type, and the misclassified sentences."""

    counts: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in TYPES})
    errors: list[dict[str, Any]] = field(default_factory=list)


def read_examples(directory: Path, analyzer: Analyzer, lex: Any) -> list[Example]:
    """The labelled sentences of the modeled types, read as ``rasd evaluate --gsr`` reads them,
    with the features ``train_event_filter.py`` trains on."""
    examples = []
    for path in gsr_files(directory):
        for row in read_gsr(path):
            label = row["label"].strip()
            event_type = row["event_type"].strip().upper()
            if label not in POSITIVE | NEGATIVE or event_type not in TYPES:
                continue
            cands, _ = tef.build(analyzer, lex, row["text"])
            features = next((f for _, t, f in cands if t == event_type), None)
            examples.append(Example(event_type, label, row["text"], features))
    return examples


def train_models(
    examples: Iterable[Example], extra: dict[str, Rows], verbose: bool
) -> dict[str, Any]:
    """The filter's model file content (``types``), trained by ``train_event_filter.train_type``
    on ``examples`` then the ``extra`` rows (the order ``train_event_filter.main`` uses)."""
    data: dict[str, Rows] = {t: [] for t in TYPES}
    for ex in examples:
        data[ex.event_type].append((ex.features, ex.positive))
    for event_type, rows in extra.items():
        data[event_type].extend(rows)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        models = {t: tef.train_type(t, rows) for t, rows in data.items()}
    if verbose:
        print("    " + out.getvalue().strip().replace("\n", "\n    "))
    return models


def type_models(models: dict[str, Any]) -> dict[str, TypeModel]:
    """What ``rasd.events.filter.load_models`` makes of a model file holding ``models``."""
    data = json.loads(to_json(models, "held-out fold"))
    return {
        t: TypeModel(m["intercept"], m["threshold"], m["weights"])
        for t, m in data.get("types", {}).items()
    }


def analyzer_with(models: dict[str, TypeModel]) -> Analyzer:
    """A fresh analyzer whose events stage uses ``models`` as its event filter: its knowledge holds
    them under the key the stage loads the packaged model from (``events.models``)."""
    options = Options.load()
    knowledge = Knowledge(options)
    knowledge.cached("events.models", lambda: models)
    analyzer = Analyzer(options, knowledge)
    stage = next(s for s in analyzer.pipeline.stages if s.name == "events")
    assert getattr(stage, "_models", None) is models, "the events stage did not take the models"
    return analyzer


def predicted_source(analyzer: Analyzer, text: str, event_type: str) -> str:
    """Why the pipeline reports the type in the text: the filter accepted a sentence, or (0.5)
    a verb with an armed or state doer passed the filter's veto."""
    from rasd.model import Origin
    from rasd.readers.records import Record

    work = analyzer.analyze_work(Record(text=text, origin=Origin("<gsr>"), id="gsr"))
    ps = [p for _, t, p in work.extras.get("reports", []) if t == event_type]
    return "rule" if ps and all(p == 0.5 for p in ps) else "filter"


def score(
    analyzer: Analyzer,
    examples: Iterable[Example],
    models: dict[str, TypeModel] | None = None,
    fold: str = "",
) -> Run:
    run = Run()
    for ex in examples:
        predicted = ex.event_type in predicted_types(analyzer, ex.text)
        run.counts[ex.event_type].add(ex.positive, predicted)
        if predicted != ex.positive:
            probability = None
            if models is not None and ex.features is not None and ex.event_type in models:
                probability = round(models[ex.event_type].probability(ex.features), 3)
            run.errors.append(
                {
                    "fold": fold,
                    "type": ex.event_type,
                    "error": "false positive" if predicted else "false negative",
                    "label": ex.label,
                    "trigger": ex.features is not None,
                    "probability": probability,
                    "threshold": models[ex.event_type].threshold
                    if models is not None and ex.event_type in models
                    else None,
                    "source": predicted_source(analyzer, ex.text, ex.event_type)
                    if predicted
                    else None,
                    "text": " ".join(ex.text.split()),
                }
            )
    return run


def print_counts(title: str, counts: dict[str, Counts]) -> None:
    print(title)
    for t in sorted(counts):
        print(f"  {t:<10} {counts[t].render()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gsr", type=Path, help="folder with the OEDA *_gsr.csv files")
    parser.add_argument(
        "--gold", type=Path, help="gold file (event guide format), always trained on"
    )
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=1, help="shuffles of the K folds")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument(
        "--inner-seeds",
        type=int,
        default=len(tef.CV_SEEDS),
        help=f"shuffles of the inner 5-fold CV that chooses C and threshold (train_event_filter "
        f"uses {len(tef.CV_SEEDS)}; fewer is faster and less faithful)",
    )
    parser.add_argument("--errors", type=Path, help="write the held-out errors here (JSON lines)")
    parser.add_argument("--verbose", action="store_true", help="print the inner CV of each fold")
    args = parser.parse_args()
    tef.CV_SEEDS = tef.CV_SEEDS[: args.inner_seeds]
    started = time.monotonic()

    feature_analyzer = Analyzer(Options.load(overrides={"events": {"filter_model": False}}))
    lex = load_event_lexicon(feature_analyzer.knowledge)
    examples = read_examples(args.gsr, feature_analyzer, lex)
    extra = tef.gold_rows(args.gold, feature_analyzer, lex) if args.gold else {t: [] for t in TYPES}
    print(
        f"{len(examples)} labelled sentences "
        + ", ".join(
            f"{t} {sum(e.event_type == t for e in examples)} "
            f"({sum(e.event_type == t and e.positive for e in examples)} positive)"
            for t in TYPES
        )
        + (
            f"; gold sentences always in training: {', '.join(f'{t} {len(r)}' for t, r in extra.items())}"
            if args.gold
            else ""
        )
        + f"; inner CV {len(tef.CV_SEEDS)}x5-fold"
    )

    shipped = Analyzer(Options.load())
    shipped_run = score(shipped, examples)
    print_counts("in-sample, shipped model:", shipped_run.counts)
    rules_run = score(feature_analyzer, examples)
    print_counts("rules without the filter (filter_model = false):", rules_run.counts)

    strata = np.array([f"{e.event_type}|{e.label}" for e in examples])
    texts = [" ".join(e.text.split()) for e in examples]
    first: dict[str, int] = {}
    groups = np.array([first.setdefault(t, len(first)) for t in texts])
    pooled = Run()
    per_repeat: list[dict[str, Counts]] = []
    fold_f1: dict[str, list[float]] = {t: [] for t in TYPES}
    changed = 0
    for repeat in range(args.repeats):
        splitter = StratifiedGroupKFold(
            n_splits=args.folds, shuffle=True, random_state=args.seed + repeat
        )
        this = Run()
        for k, (train, test) in enumerate(splitter.split(texts, strata, groups)):
            name = f"{repeat + 1}.{k + 1}"
            models = type_models(
                train_models((examples[i] for i in train), extra, verbose=args.verbose)
            )
            analyzer = analyzer_with(models)
            held_out = [examples[i] for i in test]
            run = score(analyzer, held_out, models, fold=name)
            # the fold's model is the one used: some predictions differ from the shipped model's
            differs = sum(
                predicted_types(analyzer, e.text) != predicted_types(shipped, e.text)
                for e in held_out
            )
            changed += differs
            print_counts(
                f"fold {name}: {len(held_out)} sentences; thresholds "
                + ", ".join(f"{t} {m.threshold}" for t, m in sorted(models.items()))
                + f"; {differs} predicted differently from the shipped model",
                run.counts,
            )
            for t in TYPES:
                fold_f1[t].append(run.counts[t].prf()[2])
                this.counts[t] += run.counts[t]
            this.errors.extend(run.errors)
        if args.repeats > 1:
            print_counts(f"repeat {repeat + 1}, pooled over its folds:", this.counts)
        per_repeat.append(this.counts)
        for t in TYPES:
            pooled.counts[t] += this.counts[t]
        pooled.errors.extend(this.errors)
    if not changed:
        sys.exit("no held-out prediction differs from the shipped model's: was the model used?")

    print()
    print_counts("in-sample, shipped model:", shipped_run.counts)
    print_counts(
        f"held-out, pooled over {args.folds} folds x {args.repeats} repeat(s):", pooled.counts
    )
    for t in TYPES:
        f1s = fold_f1[t]
        line = f"  {t:<10} F1 per fold: mean {statistics.mean(f1s):.3f}, min {min(f1s):.3f}, max {max(f1s):.3f}"
        if len(per_repeat) > 1:
            pooled_f1 = [c[t].prf()[2] for c in per_repeat]
            line += f"; per repeat: {', '.join(f'{f:.3f}' for f in pooled_f1)}"
        print(line)
    kinds: dict[str, int] = {}
    for e in pooled.errors:
        why = (
            f"{e['type']} {e['error']}, "
            + (f"via {e['source']}" if e["source"] else "")
            + ("" if e["source"] or e["trigger"] else "no trigger")
            + ("" if e["source"] or not e["trigger"] else "trigger, filter rejected")
        )
        kinds[why] = kinds.get(why, 0) + 1
    print("held-out errors by kind (all repeats):")
    for why, n in sorted(kinds.items()):
        print(f"  {n:5d}  {why}")
    if args.errors:
        args.errors.write_text(
            "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in pooled.errors),
            encoding="utf-8",
        )
        print(f"wrote {len(pooled.errors)} errors to {args.errors}")
    print(f"took {time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
