"""``rasd evaluate --gold FILE.jsonl``: score rasd against annotated articles."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import orjson

from rasd.cli.common import add_analysis_options, options_from_args
from rasd.errors import ConfigError


def add_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--gold",
        metavar="FILE",
        type=Path,
        help="gold JSONL in the event guide's format (actors, places, events)",
    )
    parser.add_argument(
        "--gsr",
        metavar="DIR",
        type=Path,
        help="OEDA gold standard records folder (protest_gsr.csv, assault_gsr.csv)",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--brief", action="store_true", help="scores only, no per-article diff")
    add_analysis_options(parser)


def run(args: argparse.Namespace) -> int:
    if not args.gold and not args.gsr:
        raise ConfigError("give --gold FILE.jsonl and/or --gsr DIR")
    options = options_from_args(args)
    out: dict[str, Any] = {}
    if args.gold:
        out["gold"] = _gold(args.gold, options, args)
    if args.gsr:
        from rasd.evaluate.gsr import evaluate_gsr, render_gsr

        report = evaluate_gsr(args.gsr, options)
        out["gsr"] = report
        if args.format == "text":
            sys.stdout.write(render_gsr(report, brief=args.brief))
    if args.format == "json":
        sys.stdout.buffer.write(orjson.dumps(out, option=orjson.OPT_INDENT_2) + b"\n")
    return 0


def _gold(path: Path, options: Any, args: argparse.Namespace) -> dict[str, Any]:
    from rasd.evaluate.gold import Report, read_gold, score_article
    from rasd.pipeline import Analyzer

    analyzer = Analyzer(options)
    report = Report()
    for gold in read_gold(path):
        doc = analyzer.analyze_text(
            gold.get("text", ""),
            title=gold.get("title", ""),
            date=gold.get("date") or None,
            source=gold.get("source", ""),
            id=str(gold.get("id", "")),
        )
        score_article(gold, doc.to_json(), report)
    result = report.to_json()
    if args.format == "text":
        sys.stdout.write(render_gold(result, brief=args.brief))
    return result


def _row(name: str, s: dict[str, Any]) -> str:
    return (
        f"  {name:<14} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}"
        f"   (tp {s['tp']}, fp {s['fp']}, fn {s['fn']})"
    )


def render_gold(result: dict[str, Any], brief: bool = False) -> str:
    lines = [f"gold evaluation: {len(result['articles'])} articles", "overall:"]
    labels = {
        "events": "event triples",
        "events_loose": "events (loose)",
        "actors": "actor pairs",
        "actor_names": "actor names",
        "places": "places",
    }
    for key, label in labels.items():
        if key in result["overall"]:
            lines.append(_row(label, result["overall"][key]))
    if result["events_by_type"]:
        lines.append("event triples by type:")
        for kind, s in result["events_by_type"].items():
            lines.append(_row(kind, s))
    if not brief:
        for a in result["articles"]:
            lines.append(
                f"── {a['id']}: actors F1 {a['actors']['f1']:.2f}, places F1 "
                f"{a['places']['f1']:.2f}, events F1 {a['events']['f1']:.2f}"
            )
            for what in ("actors", "actor_names", "places"):
                if a["missing"].get(what):
                    lines.append(f"   missing {what}: {a['missing'][what]}")
                if a["spurious"].get(what):
                    lines.append(f"   spurious {what}: {a['spurious'][what]}")
            for tag, events in (
                ("missing", a["missing_events"]),
                ("spurious", a["spurious_events"]),
            ):
                for e in events:
                    lines.append(
                        f"   {tag} event {e['event_type']} {e['actor'] or '-'}→"
                        f"{e['recipient'] or '-'}: «{' '.join(e['evidence'].split())[:110]}»"
                    )
    return "\n".join(lines) + "\n"
