"""``rasd ingest PATH... [--db URL]``: analyze articles and store them (idempotent, resumable)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from typing import Any

from rasd.cli.common import (
    Tally,
    add_analysis_options,
    add_jobs_option,
    jobs_from_args,
    options_from_args,
    positive,
    reported,
)
from rasd.cli.dbargs import add_db_option
from rasd.cli.progress import Progress
from rasd.errors import ConfigError, StoreWriteError


def add_parser(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files (.txt .html .json .jsonl .jsonl.gz), folders, or - for stdin",
    )
    add_db_option(parser)
    add_jobs_option(parser)
    parser.add_argument(
        "--batch-size", type=positive, metavar="N", help="articles per transaction (default 200)"
    )
    parser.add_argument(
        "--resume",
        action="store_true",
        help="ingest again the inputs of the last run that did not finish (the default when no "
        "PATH is given)",
    )
    add_analysis_options(parser)


def run(args: argparse.Namespace) -> int:
    from rasd.parallel import analyze_stream
    from rasd.readers.records import Record, expand_paths, iter_records
    from rasd.store import open_store, resolve_url
    from rasd.store.prepare import Prepared, Preparer
    from rasd.store.writer import BatchWriter

    options = options_from_args(args)
    if args.batch_size:
        options = options.replace("store", batch_size=args.batch_size)
    url = resolve_url(args.db, options)
    store = open_store(url, options, create=True)
    # a second connection for "is it stored already?" while the writer thread owns the first
    reader = open_store(url, options)
    try:
        paths = expand_paths(args.paths)
        if args.resume or not paths:
            last = store.last_interrupted_run()
            if last is None:
                if not paths:
                    raise ConfigError("nothing to ingest: give PATH..., and no run is unfinished")
            elif not paths:
                paths = last[1]
                print(f"rasd: resuming run {last[0]}: {' '.join(paths)}", file=sys.stderr)
        run_pk = store.begin_run("ingest", paths)
        known = 0
        tally = Tally()
        progress = Progress("ingest")

        def fresh(items: Iterable[Any]) -> Iterator[Any]:
            # stored by an earlier (or killed) run: skipped without analysis
            nonlocal known
            for item in items:
                if isinstance(item, Record) and reader.has_article(item.id):
                    known += 1
                    progress.update(ok=1)
                    continue
                yield item

        items = iter_records(paths, options.input, input_format=args.input_format)
        results = analyze_stream(
            fresh(items),
            options,
            jobs=jobs_from_args(args),
            encoder=Preparer(options),
            own_process=True,
        )
        writer = BatchWriter(store, run_pk)
        batch: list[Prepared] = []
        size = options.store.batch_size
        status, message = "failed", ""
        try:
            for result in reported(results, progress, tally):
                batch.append(result)
                if len(batch) >= size:
                    writer.submit(batch)
                    batch = []
            writer.submit(batch)
            total = writer.close()
            status = "done"
        except StoreWriteError as exc:
            total = writer.total
            message = str(exc)
            print(f"rasd: error: {exc}", file=sys.stderr)
            return 1
        except BaseException:
            total = writer.total
            status, message = "interrupted", "interrupted"
            raise
        finally:
            progress.close()
            total.skipped += known
            try:
                store.finish_run(run_pk, status, total, tally.failures, message)
            except Exception:  # the database may be what failed (that is being reported)
                if status == "done":
                    raise
        print(
            f"rasd: ingest: {total.added} added, {total.skipped} already stored, "
            f"{tally.failures} failed ({store.url})",
            file=sys.stderr,
        )
        return 1 if tally.failures else 0
    finally:
        reader.close()
        store.close()
