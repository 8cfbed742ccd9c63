"""``rasd analyze PATH...``: analyze articles and write documents."""

from __future__ import annotations

import argparse
import sys

from rasd.cli.common import Tally, add_analysis_options, open_output, options_from_args, reported
from rasd.cli.output import ENCODERS, FORMATS, DocumentWriter
from rasd.cli.progress import Progress
from rasd.errors import ConfigError


def add_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="files (.txt .html .json .jsonl .jsonl.gz), folders, or - for stdin",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="json",
        help="json: pretty (an array for several); jsonl: one line per article; "
        "table: a summary for people",
    )
    parser.add_argument("--output", "-o", metavar="FILE", help="write here instead of stdout")
    parser.add_argument(
        "--tokens",
        action="store_true",
        help="include tokens and their clitic analyses in JSON output",
    )
    parser.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=1,
        metavar="N",
        help="worker processes (default 1; use the number of cores for corpora)",
    )
    add_analysis_options(parser)


def run(args: argparse.Namespace) -> int:
    from rasd.parallel import analyze_stream
    from rasd.readers.records import expand_paths, iter_records

    options = options_from_args(args)
    if args.tokens:
        options = options.replace("output", tokens=True)
    if args.jobs < 1:
        raise ConfigError("--jobs must be at least 1")
    tally = Tally()
    progress = Progress("analyze")
    items = iter_records(expand_paths(args.paths), options.input, input_format=args.input_format)
    results = analyze_stream(
        items, options, jobs=args.jobs, encoder=ENCODERS[args.format], own_process=True
    )
    with open_output(args.output) as out:
        writer = DocumentWriter(out, args.format)
        for result in reported(results, progress, tally):
            writer.write(result)
        writer.close()
    progress.close()
    if tally.failures:
        print(
            f"rasd: {tally.failures} input(s) failed; {writer.count} article(s) written",
            file=sys.stderr,
        )
        return 1
    return 0
