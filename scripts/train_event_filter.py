"""Train the event filter (``rasd/data/models/event_filter.json``) for PROTEST and ASSAULT.

A maintenance script (needs scikit-learn: ``pip install scikit-learn``). Training sentences:

- the OEDA Arabic gold standard records (``*_gsr.csv``: ``yes`` positive; ``easy no`` and
  ``difficult no`` negative; ``ambiguous`` left out), and
- the sentences of a gold file in the event guide's format (positive for a type when a gold event
  of that type has its evidence in the sentence), when ``--gold`` is given.

Only sentences in which rasd's rules find a trigger of the type are candidates. For each type the
script chooses the regularization strength and the probability threshold by stratified 5-fold cross-
validation, repeated over five shuffles (maximizing F1 over *all* labelled sentences: a positive without a trigger counts as
missed), prints the cross-validated scores (an estimate for unseen data), then fits on everything
and writes the weights.

    python scripts/train_event_filter.py ../shared/data/arabic_event_gsr --gold ../shared/data/gold/gold-dev.jsonl
"""

from __future__ import annotations

import argparse
import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from rasd.events.coder import load_event_lexicon
from rasd.events.filter import to_json
from rasd.events.training import candidate_features
from rasd.model import Origin
from rasd.options import Options
from rasd.pipeline import Analyzer
from rasd.readers.records import Record

OUT = Path(__file__).resolve().parents[1] / "src/rasd/data/models/event_filter.json"
TYPES = ("PROTEST", "ASSAULT")
C_GRID = (0.003, 0.01, 0.03, 0.1, 0.3, 1.0)
#: Word-feature policies tried per type: no word features, or words seen in at least N sentences.
WORD_POLICIES = (None, 5, 3)
#: Shuffles of the repeated 5-fold cross-validation.
CV_SEEDS = (13, 1, 2, 3, 4)


def gsr_examples(directory: Path) -> Iterator[tuple[str, str, bool]]:
    for path in sorted(directory.glob("*_gsr.csv")):
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                label = row["label"].strip()
                if label in ("yes", "easy no", "difficult no"):
                    yield row["event_type"].strip().upper(), row["text"], label == "yes"


def build(
    analyzer: Analyzer, lex: Any, text: str, date: str = ""
) -> list[tuple[int, str, dict[str, float]]]:
    record = Record(text=text, origin=Origin("<train>"), id="t", date=date)
    work = analyzer.analyze_work(record)
    return candidate_features(lex, work, TYPES), work


def gold_rows(
    path: Path, analyzer: Analyzer, lex: Any
) -> dict[str, list[tuple[dict[str, float] | None, bool]]]:
    """The candidate sentences of a gold file (the event guide's format), per type: positive when a
    gold event of that type has its evidence in the sentence."""
    data: dict[str, list[tuple[dict[str, float] | None, bool]]] = {t: [] for t in TYPES}
    for line in path.read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        cands, work = build(analyzer, lex, gold["text"], gold.get("date", ""))
        spans = [work.offsets.span_to_orig(s, e) for s, e in work.sent_spans]
        for k, event_type, feats in cands:
            s, e = spans[k]
            sentence = gold["text"][s:e]
            positive = any(
                ev["event_type"] == event_type
                and (ev["evidence"] in sentence or sentence in ev["evidence"])
                for ev in gold.get("events", [])
            )
            data[event_type].append((feats, positive))
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gsr", type=Path)
    parser.add_argument("--gold", type=Path)
    args = parser.parse_args()
    options = Options.load(overrides={"events": {"filter_model": False}})
    analyzer = Analyzer(options)
    lex = load_event_lexicon(analyzer.knowledge)
    data: dict[str, list[tuple[dict[str, float] | None, bool]]] = {t: [] for t in TYPES}
    for event_type, text, positive in gsr_examples(args.gsr):
        if event_type not in data:
            continue
        cands, _ = build(analyzer, lex, text)
        feats = next((f for _, t, f in cands if t == event_type), None)
        data[event_type].append((feats, positive))
    if args.gold:
        for event_type, rows in gold_rows(args.gold, analyzer, lex).items():
            data[event_type].extend(rows)
    models: dict[str, Any] = {}
    for event_type, rows in data.items():
        models[event_type] = train_type(event_type, rows)
    OUT.write_text(
        to_json(
            models,
            "OEDA arabic_event_gsr (dev part, MIT)"
            + (" + rasd gold-dev" if args.gold else "")
            + "; trained by scripts/train_event_filter.py",
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {OUT}")


def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def train_type(event_type: str, rows: list[tuple[dict[str, float] | None, bool]]) -> dict[str, Any]:
    """Choose the word-feature policy by cross-validated F1, then train with it."""
    from collections import Counter

    df = Counter(k for f, _ in rows if f for k in f if k.startswith("w:"))
    best: tuple[tuple[float, float], dict[str, Any]] | None = None
    for policy in WORD_POLICIES:
        kept = [
            (
                {
                    k: v
                    for k, v in f.items()
                    if not k.startswith("w:") or (policy is not None and df[k] >= policy)
                }
                if f is not None
                else None,
                y,
            )
            for f, y in rows
        ]
        model = train_policy(event_type, kept, policy)
        # the best cross-validated F1; on a tie (to three decimals), the better fit of the
        # training sentences
        score = (model["cv"]["f1"], model.pop("train_f1"))
        if best is None or score > best[0]:
            best = (score, model)
    assert best is not None
    print(
        f"  {event_type}: chose word policy {best[1]['min_df']} "
        f"(CV F1 {best[0][0]:.3f}, training F1 {best[0][1]:.3f})"
    )
    return best[1]


def train_policy(
    event_type: str, rows: list[tuple[dict[str, float] | None, bool]], policy: int | None
) -> dict[str, Any]:
    labels = np.array([y for _, y in rows])
    candidates = [i for i, (f, _) in enumerate(rows) if f is not None]
    missed = int(sum(1 for f, y in rows if f is None and y))
    vec = DictVectorizer()
    X = vec.fit_transform([rows[i][0] for i in candidates])
    y = labels[candidates]
    # one out-of-fold probability per sentence and shuffle: repeated 5-fold CV, so that the
    # choice of C and threshold does not hang on one split of 39 protest sentences
    splits = [
        list(StratifiedKFold(n_splits=5, shuffle=True, random_state=seed).split(X, y))
        for seed in CV_SEEDS
    ]

    def out_of_fold(c: float) -> list[np.ndarray]:
        out = []
        for folds in splits:
            probs = np.zeros(len(candidates))
            for train, test in folds:
                model = LogisticRegression(C=c, class_weight="balanced", max_iter=2000)
                model.fit(X[train], y[train])
                probs[test] = model.predict_proba(X[test])[:, 1]
            out.append(probs)
        return out

    def counts(runs: list[np.ndarray], threshold: float) -> tuple[int, int, int]:
        tp = fp = fn = 0
        for probs in runs:
            pred = probs >= threshold
            tp += int((pred & y).sum())
            fp += int((pred & ~y).sum())
            fn += int((~pred & y).sum()) + missed
        return tp, fp, fn

    best: tuple[float, float, float, list[np.ndarray]] | None = None
    for c in C_GRID:
        runs = out_of_fold(c)
        for threshold in np.arange(0.2, 0.95, 0.025):
            f1 = _f1(*counts(runs, float(threshold)))[2]
            if best is None or f1 > best[0]:
                best = (f1, c, float(threshold), runs)
    assert best is not None
    _, c, threshold, runs = best
    p, r, f = _f1(*counts(runs, threshold))
    print(
        f"{event_type}: {len(rows)} sentences, {len(candidates)} with a trigger, "
        f"{int(labels.sum())} positive ({missed} without a trigger); "
        f"{len(CV_SEEDS)}x5-fold CV: P {p:.3f} R {r:.3f} F1 {f:.3f} (C={c}, threshold={threshold:.3f})"
    )
    final = LogisticRegression(C=c, class_weight="balanced", max_iter=2000).fit(X, y)
    fitted = final.predict_proba(X)[:, 1] >= threshold
    train_f1 = _f1(
        int((fitted & y).sum()), int((fitted & ~y).sum()), int((~fitted & y).sum()) + missed
    )[2]
    names = vec.get_feature_names_out()
    weights = {
        str(n): round(float(w), 4)
        for n, w in zip(names, final.coef_[0], strict=True)
        if abs(w) >= 0.005
    }
    return {
        "intercept": round(float(final.intercept_[0]), 4),
        "threshold": round(threshold, 3),
        "use_words": policy is not None,
        "min_df": policy,
        "weights": weights,
        "cv": {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)},
        "train_f1": round(train_f1, 3),
    }


if __name__ == "__main__":
    main()
