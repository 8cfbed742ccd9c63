"""``rasd events``: stored events, filtered, as a table, CSV, JSON lines or Parquet."""

from __future__ import annotations

import argparse

from rasd.cli.common import open_output, options_from_args, positive
from rasd.cli.dbargs import (
    add_db_option,
    add_filter_options,
    check_binary_output,
    filters_from_args,
)


def add_parser(parser: argparse.ArgumentParser) -> None:
    add_db_option(parser)
    add_filter_options(parser)
    parser.add_argument(
        "--format",
        choices=("table", "csv", "jsonl", "parquet"),
        default="table",
        help="table: for people; csv; jsonl: one JSON object per event; parquet (needs pyarrow)",
    )
    parser.add_argument("--output", "-o", metavar="FILE", help="write here instead of stdout")
    parser.add_argument("--limit", type=positive, metavar="N", help="at most N events")


def run(args: argparse.Namespace) -> int:
    from rasd.store import open_store
    from rasd.store.export import (
        EVENT_COLUMNS,
        flat_event,
        write_csv,
        write_event_table,
        write_jsonl,
        write_parquet,
    )
    from rasd.store.query import events

    options = options_from_args(args)
    filters = filters_from_args(args)
    check_binary_output(args.format, args.output)
    with open_store(args.db, options) as store, open_output(args.output) as out:
        rows = events(store, filters, limit=args.limit)
        if args.format == "table":
            write_event_table(rows, out)
        elif args.format == "jsonl":
            write_jsonl(rows, out)
        elif args.format == "csv":
            write_csv((flat_event(r) for r in rows), EVENT_COLUMNS, out)
        else:
            write_parquet((flat_event(r) for r in rows), EVENT_COLUMNS, out)
        out.flush()
    return 0
