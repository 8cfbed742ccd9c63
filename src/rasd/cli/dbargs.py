"""Options shared by the store commands (ingest, reprocess, search, events, export, stats)."""

from __future__ import annotations

import argparse
import sys

from rasd.errors import ConfigError
from rasd.store.query import Filters


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="URL",
        help="database: a SQLite file (default ./rasd.db, or $RASD_DB) or postgresql://...",
    )


def add_filter_options(parser: argparse.ArgumentParser, *, events: bool = True) -> None:
    group = parser.add_argument_group("filters")
    group.add_argument("--since", metavar="DATE", help="from this date (YYYY-MM-DD, YYYY-MM, YYYY)")
    group.add_argument("--until", metavar="DATE", help="up to this date, inclusive")
    group.add_argument("--source", metavar="NAME[,NAME]", help="only these sources")
    group.add_argument(
        "--actor",
        metavar="CODE[,CODE]",
        help="actor: country (EGY), country+sector (EGYGOV), or canonical name",
    )
    group.add_argument("--recipient", metavar="CODE[,CODE]", help="recipient, as for --actor")
    group.add_argument(
        "--type", dest="types", metavar="TYPE[,TYPE]", help="PLOVER event types (CONSULT,AGREE)"
    )


def filters_from_args(args: argparse.Namespace) -> Filters:
    return Filters.build(
        since=args.since,
        until=args.until,
        source=args.source,
        actor=getattr(args, "actor", None),
        recipient=getattr(args, "recipient", None),
        types=getattr(args, "types", None),
    )


def check_binary_output(fmt: str, output: str | None) -> None:
    if fmt == "parquet" and (output is None or output == "-") and sys.stdout.isatty():
        raise ConfigError("Parquet is binary: give --output FILE (or redirect stdout)")
