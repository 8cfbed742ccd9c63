"""Score rasd on the OEDA Arabic gold standard records (sentence-level PROTEST / ASSAULT).

Each CSV row is one sentence labelled for one event type: ``yes`` (positive), ``easy no`` and
``difficult no`` (negative), ``ambiguous`` (left out). rasd predicts "this sentence reports an event of
that type" when it codes at least one event of the type in the sentence (analyzed as a short
article without a date). Precision, recall and F1 per type, and the misclassified sentences.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from rasd.errors import EvaluationError
from rasd.evaluate.gold import Score
from rasd.options import Options

POSITIVE = frozenset(["yes"])
NEGATIVE = frozenset(["easy no", "difficult no"])


def read_gsr(path: Path) -> list[dict[str, str]]:
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
    except OSError as exc:
        raise EvaluationError(f"cannot read: {exc.strerror}", where=str(path)) from None
    for column in ("event_type", "label", "text"):
        if rows and column not in rows[0]:
            raise EvaluationError(f"missing column {column!r}", where=str(path))
    return rows


def gsr_files(directory: Path) -> list[Path]:
    if not directory.is_dir():
        raise EvaluationError("not a folder", where=str(directory))
    files = sorted(directory.glob("*_gsr.csv"))
    if not files:
        raise EvaluationError("no *_gsr.csv files", where=str(directory))
    return files


def predicted_types(analyzer: Any, text: str) -> set[str]:
    """Types rasd reports in the text: sentences the event filter accepts, and rule-accepted
    triggers of the other types, whether or not their actors could be coded."""
    from rasd.model import Origin
    from rasd.readers.records import Record

    work = analyzer.analyze_work(Record(text=text, origin=Origin("<gsr>"), id="gsr"))
    return {event_type for _sentence, event_type, _p in work.extras.get("reports", [])}


def evaluate_gsr(directory: Path, options: Options) -> dict[str, Any]:
    from rasd.pipeline import Analyzer

    analyzer = Analyzer(options)
    report: dict[str, Any] = {"types": {}, "errors": []}
    for path in gsr_files(directory):
        scores: dict[str, Score] = {}
        for row in read_gsr(path):
            label = row["label"].strip()
            if label not in POSITIVE | NEGATIVE:
                continue
            event_type = row["event_type"].strip().upper()
            score = scores.setdefault(event_type, Score())
            gold = label in POSITIVE
            predicted = event_type in predicted_types(analyzer, row["text"])
            if gold and predicted:
                score.tp += 1
            elif predicted:
                score.fp += 1
                report["errors"].append(
                    {
                        "type": event_type,
                        "error": "false positive",
                        "label": label,
                        "text": row["text"],
                    }
                )
            elif gold:
                score.fn += 1
                report["errors"].append(
                    {
                        "type": event_type,
                        "error": "false negative",
                        "label": label,
                        "text": row["text"],
                    }
                )
        for event_type, score in scores.items():
            report["types"][event_type] = score.to_json()
    return report


def render_gsr(report: dict[str, Any], brief: bool = False) -> str:
    lines = ["OEDA gold standard records (sentence level):"]
    for event_type, s in sorted(report["types"].items()):
        lines.append(
            f"  {event_type:<10} P {s['precision']:.3f}  R {s['recall']:.3f}  "
            f"F1 {s['f1']:.3f}   (tp {s['tp']}, fp {s['fp']}, fn {s['fn']})"
        )
    if not brief:
        for e in report["errors"]:
            lines.append(
                f"  {e['type']} {e['error']} ({e['label']}): {' '.join(e['text'].split())[:160]}"
            )
    return "\n".join(lines) + "\n"
