"""``rasd export``: stored events with PLOVER/POLECAT field names (docs/store.md has the mapping)."""

from __future__ import annotations

import argparse

from rasd.cli.common import open_output, options_from_args
from rasd.cli.dbargs import (
    add_db_option,
    add_filter_options,
    check_binary_output,
    filters_from_args,
)


def add_parser(parser: argparse.ArgumentParser) -> None:
    add_db_option(parser)
    parser.add_argument(
        "--format",
        choices=("plover", "csv", "parquet"),
        default="plover",
        help="plover: JSON lines with PLOVER/POLECAT field names; csv and parquet: the same "
        "fields as columns",
    )
    parser.add_argument("--output", "-o", metavar="FILE", help="write here instead of stdout")
    add_filter_options(parser)


def run(args: argparse.Namespace) -> int:
    from rasd.store import open_store
    from rasd.store.export import PLOVER_FIELDS, plover_event, write_csv, write_jsonl, write_parquet
    from rasd.store.query import events

    options = options_from_args(args)
    filters = filters_from_args(args)
    check_binary_output(args.format, args.output)
    with open_store(args.db, options) as store, open_output(args.output) as out:
        rows = (plover_event(r) for r in events(store, filters))
        if args.format == "plover":
            write_jsonl(rows, out)
        elif args.format == "csv":
            write_csv(rows, PLOVER_FIELDS, out)
        else:
            write_parquet(rows, PLOVER_FIELDS, out)
        out.flush()
    return 0
