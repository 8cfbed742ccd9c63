"""``rasd reprocess [--db URL]``: analyze stored articles again (after a rasd upgrade or with new
dictionaries) and replace their derived rows, one transaction per batch."""

from __future__ import annotations

import argparse
import sys

from rasd.cli.common import (
    add_dict_argument,
    add_jobs_option,
    jobs_from_args,
    options_from_args,
    positive,
)
from rasd.cli.dbargs import add_db_option
from rasd.cli.progress import Progress
from rasd.errors import RasdError, StoreWriteError


def add_parser(parser: argparse.ArgumentParser) -> None:
    add_db_option(parser)
    parser.add_argument(
        "--all",
        action="store_true",
        help="every article (default: those analyzed by another rasd version or pipeline)",
    )
    add_jobs_option(parser)
    parser.add_argument(
        "--batch-size", type=positive, metavar="N", help="articles per transaction (default 200)"
    )
    add_dict_argument(parser)


def run(args: argparse.Namespace) -> int:
    from rasd.parallel import analyze_stream
    from rasd.store import BatchResult, open_store
    from rasd.store.prepare import Prepared, Preparer, analysis_version
    from rasd.store.query import article_records, outdated_article_pks

    options = options_from_args(args)
    if args.batch_size:
        options = options.replace("store", batch_size=args.batch_size)
    store = open_store(args.db, options)
    try:
        pks = outdated_article_pks(store, analysis_version(options), args.all)
        run_pk = store.begin_run("reprocess", [])
        total = BatchResult()
        failures = 0
        progress = Progress("reprocess")
        results = analyze_stream(
            article_records(store, pks),
            options,
            jobs=jobs_from_args(args),
            encoder=Preparer(options),
            own_process=True,
        )
        batch: list[Prepared] = []
        status, message = "failed", ""
        try:
            for result in results:
                if isinstance(result, RasdError):
                    failures += 1
                    progress.update(failed=1)
                    print(f"rasd: {result}", file=sys.stderr)
                    continue
                batch.append(result)
                if len(batch) >= options.store.batch_size:
                    total.replaced += store.replace_batch(batch, run_pk).replaced
                    progress.update(ok=len(batch))
                    batch.clear()
            total.replaced += store.replace_batch(batch, run_pk).replaced
            status = "done"
        except StoreWriteError as exc:
            message = str(exc)
            print(f"rasd: error: {exc}", file=sys.stderr)
            return 1
        finally:
            progress.close()
            try:
                store.finish_run(run_pk, status, total, failures, message)
            except Exception:
                if status == "done":
                    raise
        print(
            f"rasd: reprocess: {total.replaced} article(s) analyzed again, {failures} failed "
            f"({store.url})",
            file=sys.stderr,
        )
        return 1 if failures else 0
    finally:
        store.close()
