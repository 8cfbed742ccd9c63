"""``rasd analyze PATH...``: analyze articles and write documents."""

from __future__ import annotations

import argparse
import sys

from rasd.cli.common import (
    Tally,
    add_analysis_options,
    add_jobs_option,
    jobs_from_args,
    open_output,
    options_from_args,
    reported,
)
from rasd.cli.output import ENCODERS, FORMATS, DocumentWriter
from rasd.cli.progress import Progress


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
    add_jobs_option(parser)
    add_analysis_options(parser)


def run(args: argparse.Namespace) -> int:
    from rasd.parallel import analyze_stream
    from rasd.readers.records import expand_paths, iter_records

    options = options_from_args(args)
    if args.tokens:
        options = options.replace("output", tokens=True)
    tally = Tally()
    progress = Progress("analyze")
    items = iter_records(expand_paths(args.paths), options.input, input_format=args.input_format)
    results = analyze_stream(
        items, options, jobs=jobs_from_args(args), encoder=ENCODERS[args.format], own_process=True
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
