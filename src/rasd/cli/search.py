"""``rasd search "QUERY"``: full-text search over normalized Arabic, ranked, with snippets."""

from __future__ import annotations

import argparse
import sys

import orjson

from rasd.cli.common import options_from_args, positive
from rasd.cli.dbargs import add_db_option, add_filter_options, filters_from_args


def add_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "query",
        metavar="QUERY",
        help="words (all must match; 'a OR b' for either); every spelling variant and clitic "
        "form of a word matches",
    )
    add_db_option(parser)
    add_filter_options(parser)
    parser.add_argument("--limit", type=positive, default=20, metavar="N", help="hits (default 20)")
    parser.add_argument(
        "--format",
        choices=("table", "jsonl"),
        default="table",
        help="table: for people; jsonl: one JSON object per hit",
    )


def run(args: argparse.Namespace) -> int:
    from rasd.store import open_store
    from rasd.store.prepare import make_terms
    from rasd.store.query import search

    options = options_from_args(args)
    filters = filters_from_args(args)
    terms = make_terms(options)
    with open_store(args.db, options) as store:
        mark = ("<b>", "</b>") if args.format == "jsonl" else ("[", "]")
        hits = search(store, args.query, filters, terms, limit=args.limit, mark=mark)
    out = sys.stdout.buffer
    if args.format == "jsonl":
        for hit in hits:
            out.write(orjson.dumps(hit.to_json()) + b"\n")
    else:
        for k, hit in enumerate(hits, start=1):
            head = f"{k:>3}. {hit.date or 'no date':<10}  {hit.source or '-'}  {hit.id}"
            lines = [head, f"     {hit.title}" if hit.title else "", f"     {hit.snippet}", ""]
            out.write("\n".join(line for line in lines if line or line == "").encode("utf-8"))
            out.write(b"\n")
        if not hits:
            print("no hits", file=sys.stderr)
    out.flush()
    return 0
