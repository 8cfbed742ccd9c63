"""The ``rasd`` command. Each subcommand lives in its own module with ``add_parser`` and ``run``.

Exit codes: 0 success; 1 some inputs failed (the rest was processed); 2 usage or configuration
error; 3 internal error (a bug: please report it; ``--debug`` shows the traceback).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from rasd import __version__, compiled
from rasd.errors import ConfigError, RasdError, WorkerError

#: Subcommand name -> module under rasd.cli (imported only when that subcommand runs).
COMMANDS: dict[str, tuple[str, str]] = {
    "analyze": ("rasd.cli.analyze", "analyze articles and print documents (JSON, JSONL, table)"),
    "ingest": ("rasd.cli.ingest", "analyze articles and store them in a database"),
    "reprocess": ("rasd.cli.reprocess", "analyze stored articles again, replacing derived rows"),
    "search": ("rasd.cli.search", "full-text search over stored articles"),
    "events": ("rasd.cli.events", "list stored events (table, CSV, JSONL, Parquet)"),
    "export": ("rasd.cli.export", "export events with PLOVER/POLECAT field names"),
    "stats": ("rasd.cli.stats", "what the database holds: counts, events, dyads, actors"),
    "evaluate": ("rasd.cli.evaluate", "score rasd against gold annotations"),
    "dict": ("rasd.cli.dict", "validate dictionary files; explain what they say about a word"),
}

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rasd", description="rasd (رصد): Arabic news to political event data."
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"rasd {__version__} (compiled: {'yes' if compiled() else 'no'})",
    )
    parser.add_argument("--config", metavar="FILE", help="config file (TOML) overriding defaults")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name, (module, help_text) in COMMANDS.items():
        mod = importlib.import_module(module)
        mod.add_parser(sub.add_parser(name, help=help_text, description=help_text))
    return parser


def _leave(code: int) -> None:
    """Exit now: after a worker process died, the standard library's pool thread may wait for it
    forever, and a normal exit waits for that thread."""
    import contextlib
    import os

    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    module = importlib.import_module(COMMANDS[args.command][0])
    try:
        code: int = module.run(args)
        return code
    except ConfigError as exc:
        print(f"rasd: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except WorkerError as exc:
        print(f"rasd: error: {exc}", file=sys.stderr)
        if argv is None:  # the command itself (not a call from Python)
            _leave(EXIT_PARTIAL)
        return EXIT_PARTIAL
    except RasdError as exc:
        print(f"rasd: error: {exc}", file=sys.stderr)
        return EXIT_PARTIAL
    except KeyboardInterrupt:
        print("rasd: interrupted", file=sys.stderr)
        if argv is None:
            _leave(130)  # worker processes were stopped: do not wait for their pool's thread
        return 130
    except BrokenPipeError:
        if argv is None:
            _leave(EXIT_OK)
        return EXIT_OK
    except Exception as exc:  # a bug: say so plainly, without a traceback unless asked
        if args.debug:
            raise
        print(
            f"rasd: internal error: {type(exc).__name__}: {exc} (run with --debug for details; "
            "please report it)",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


def _utf8_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")


if __name__ == "__main__":
    sys.exit(main())
