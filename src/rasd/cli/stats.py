"""``rasd stats``: what the store holds: counts, events by type and month, top dyads and actors,
articles per source and day."""

from __future__ import annotations

import argparse
import sys
from typing import Any

import orjson

from rasd.cli.common import options_from_args, positive
from rasd.cli.dbargs import add_db_option, add_filter_options, filters_from_args


def add_parser(parser: argparse.ArgumentParser) -> None:
    add_db_option(parser)
    add_filter_options(parser)
    parser.add_argument(
        "--format",
        choices=("table", "jsonl"),
        default="table",
        help="table: for people; jsonl: one JSON object",
    )
    parser.add_argument("--top", type=positive, default=10, metavar="N", help="top N dyads/actors")


def run(args: argparse.Namespace) -> int:
    from rasd.store import open_store
    from rasd.store.query import stats

    options = options_from_args(args)
    filters = filters_from_args(args)
    with open_store(args.db, options) as store:
        data = stats(store, filters, top=args.top)
        data["database"] = store.url
        data["backend"] = store.backend
    out = sys.stdout.buffer
    if args.format == "jsonl":
        out.write(orjson.dumps(data) + b"\n")
    else:
        out.write(render(data).encode("utf-8"))
    out.flush()
    return 0


def render(data: dict[str, Any]) -> str:
    lines = [
        f"{data['backend']} {data['database']}",
        f"articles {data['articles']:,}  events {data['events']:,}  actors {data['actors']:,}  "
        f"places {data['places']:,}  sentences {data['sentences']:,}",
        f"story clusters {data['clusters']:,} (holding {data['clustered_articles']:,} articles)"
        f"  runs {data['runs']:,}",
    ]
    if data["events_by_type_month"]:
        lines.append("\nevents by type and month:")
        lines += [
            f"  {r['month'] or 'no date'}  {r['event_type']:<10} {r['events']:>7,}"
            for r in data["events_by_type_month"]
        ]
    if data["top_dyads"]:
        lines.append("\ntop dyads:")
        lines += [
            f"  {r['actor']:<8} → {r['recipient']:<8} {r['events']:>7,}" for r in data["top_dyads"]
        ]
    if data["top_actors"]:
        lines.append("\ntop actors (articles):")
        lines += [
            f"  {r['country'] or '---':<4}{r['sector'] or '---':<4} {r['name'] or '-':<32} "
            f"{r['articles']:>7,}"
            for r in data["top_actors"]
        ]
    if data["articles_by_source_day"]:
        lines.append("\narticles per source and day:")
        lines += [
            f"  {r['source'] or '-':<20} {r['date'] or 'no date':<10} {r['articles']:>7,}"
            for r in data["articles_by_source_day"]
        ]
    return "\n".join(lines) + "\n"
