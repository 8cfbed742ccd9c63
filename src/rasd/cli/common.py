"""Options shared by several subcommands."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from rasd.errors import ConfigError
from rasd.options import Options


def add_dict_argument(parser: argparse.ArgumentParser | argparse._ArgumentGroup) -> None:
    """``--dict DIR`` (repeatable): a user's dictionary folder merged over the packaged ones."""
    parser.add_argument(
        "--dict",
        metavar="DIR",
        action="append",
        default=[],
        dest="dict_dirs",
        help="extra dictionary folder merged over the packaged ones (repeatable)",
    )


def positive(value: str) -> int:
    """An argparse type: a whole number of at least 1."""
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return n


def add_jobs_option(parser: argparse.ArgumentParser) -> None:
    """``--jobs N``: worker processes; by default one per core (at most four)."""
    parser.add_argument(
        "--jobs",
        "-j",
        type=positive,
        default=None,
        metavar="N",
        help="worker processes (default: one per core, at most 4; 1 analyzes in this process)",
    )


def jobs_from_args(args: argparse.Namespace) -> int:
    from rasd.parallel import default_jobs

    jobs: int | None = args.jobs
    return default_jobs() if jobs is None else jobs


def add_analysis_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("analysis")
    group.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        help="article date for inputs that carry none (resolves roles and 'yesterday')",
    )
    add_dict_argument(group)
    group.add_argument(
        "--input-format",
        choices=("auto", "txt", "html", "json", "jsonl"),
        default="auto",
        help="format of the inputs (default: from the file name)",
    )
    group.add_argument(
        "--encoding-errors",
        choices=("strict", "replace"),
        help="invalid bytes: report the input (strict, default) or replace them",
    )


def options_from_args(args: argparse.Namespace) -> Options:
    overrides: dict[str, dict[str, Any]] = {}
    if getattr(args, "date", None):
        from rasd.readers.records import normalize_date

        date = normalize_date(args.date)
        if not date or len(args.date) != 10:
            raise ConfigError(f"--date must be YYYY-MM-DD, got {args.date!r}")
        overrides.setdefault("input", {})["default_date"] = date
    if getattr(args, "encoding_errors", None):
        overrides.setdefault("input", {})["encoding_errors"] = args.encoding_errors
    options = Options.load(args.config, overrides)
    dict_dirs = tuple(getattr(args, "dict_dirs", ()) or ())
    if dict_dirs:
        for d in dict_dirs:
            if not Path(d).is_dir():
                raise ConfigError(f"--dict {d}: not a folder")
        options = options.replace("dictionaries", dirs=options.dictionaries.dirs + dict_dirs)
    return options


@contextlib.contextmanager
def open_output(path: str | None) -> Iterator[BinaryIO]:
    """Binary output: a file (written to a temporary name, then renamed) or stdout."""
    if path is None or path == "-":
        yield sys.stdout.buffer
        return
    target = Path(path)
    tmp = target.with_name(target.name + ".part")
    try:
        fh = open(tmp, "wb")  # noqa: SIM115 (closed below; renamed only on success)
    except OSError as exc:
        raise ConfigError(f"cannot write {path}: {exc.strerror}") from None
    try:
        with fh:
            yield fh
        tmp.replace(target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


class Tally:
    """How many inputs failed while :func:`reported` went through the results."""

    def __init__(self) -> None:
        self.failures = 0


def reported(results: Iterator[Any], progress: Any, tally: Tally) -> Iterator[Any]:
    """The analyzed documents (or prepared rows) of ``results``; each failure is printed on stderr
    with where it came from and counted, each document's warnings printed, progress advanced."""
    from rasd.errors import RasdError

    for result in results:
        if isinstance(result, RasdError):
            tally.failures += 1
            progress.update(failed=1)
            print(f"rasd: {result}", file=sys.stderr)
            continue
        for warning in result.warnings:
            print(f"rasd: warning: {result.origin}: {warning}", file=sys.stderr)
        progress.update(ok=1)
        yield result
