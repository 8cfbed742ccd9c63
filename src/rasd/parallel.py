"""Analyze a stream of records on several processes, in order, with bounded memory.

The calling process reads records and writes results; worker processes (each with its own
:class:`~rasd.pipeline.Analyzer`) analyze chunks of records. At most ``2 × jobs`` chunks are in
flight, so a corpus of millions of articles streams through in constant memory. Results come back
in input order. Read failures travel through unchanged so they are reported in order too.

A stream that ends within its first chunk is analyzed in the calling process whatever ``jobs``
says: starting workers (each loads the dictionaries) would cost more than it saves.
"""

from __future__ import annotations

import gc
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Any

from rasd.errors import RasdError, WorkerError
from rasd.model import Document
from rasd.options import Options

#: The most worker processes :func:`default_jobs` chooses (each holds about 150 MB of dictionaries
#: and caches, so four stay under 1 GB in all); more can be asked for.
MAX_DEFAULT_JOBS = 4

#: What a worker sends back per record: a document (or its encoding), or the error.
Result = Any


class _WorkerState:
    analyzer: Any = None
    encode: Callable[[Document], Any] | None = None


def default_jobs() -> int:
    """Worker processes when none are asked for: one per core this process may run on, at most
    :data:`MAX_DEFAULT_JOBS`."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_DEFAULT_JOBS))


def tune_gc() -> None:
    """For a process that does little but analyze: move what is alive now (the dictionaries)
    out of the cyclic garbage collector's reach and collect less often (about 8% faster)."""
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


def _init_worker(options: Options, encoder: Callable[[Document], Any] | None) -> None:
    from rasd.pipeline import Analyzer

    _die_with_parent()
    _WorkerState.analyzer = _bound(Analyzer(options), encoder)
    _WorkerState.encode = encoder
    tune_gc()


def _die_with_parent() -> None:
    """On Linux, have the kernel kill this worker when the process that started it ends, however
    it ends (killed, or leaving without waiting for its pool): workers are never left behind."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes
    import signal

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent ended before that took effect
        os._exit(1)


def _bound(analyzer: Any, encoder: Callable[[Document], Any] | None) -> Any:
    """Let an encoder with a ``bind(analyzer)`` method see the process's analyzer (to reuse its
    caches, e.g. clitic analyses for search terms)."""
    bind = getattr(encoder, "bind", None)
    if bind is not None:
        bind(analyzer)
    return analyzer


def _analyze_chunk(chunk: list[Any]) -> list[Result]:
    analyzer = _WorkerState.analyzer
    encode = _WorkerState.encode
    out: list[Result] = []
    for result in analyzer.analyze_records(chunk):
        if isinstance(result, RasdError) or encode is None:
            out.append(result)
        else:
            out.append(encode(result))
    return out


def analyze_stream(
    items: Iterable[Any],
    options: Options,
    *,
    jobs: int = 1,
    encoder: Callable[[Document], Any] | None = None,
    chunk_size: int = 128,
    own_process: bool = False,
) -> Iterator[Result]:
    """Results for ``items`` (records or read failures) in order.

    ``encoder`` (a picklable top-level function or object) turns each document into what the
    caller needs (e.g. JSON bytes) inside the worker, which is much cheaper than sending documents
    back. An encoder with a ``bind(analyzer)`` method is given each process's analyzer first.
    ``own_process`` says the calling process is rasd's own (the command line): with one job it
    then gets :func:`tune_gc` too (worker processes always do).

    With ``jobs`` > 1, items that end within the first chunk are analyzed here; otherwise ``jobs``
    worker processes start. If one dies, :class:`~rasd.errors.WorkerError` is raised; if the
    caller stops reading (or an error or interrupt comes), the workers are stopped at once. After a
    worker died, the standard library's pool thread may never end: a program should then exit
    with ``os._exit`` (the command line does).
    """
    iterator = iter(items)
    first = list(islice(iterator, chunk_size)) if jobs > 1 else []
    if jobs <= 1 or len(first) < chunk_size:
        yield from _in_process(first if jobs > 1 else iterator, options, encoder, own_process)
        return
    pool = ProcessPoolExecutor(
        max_workers=jobs, initializer=_init_worker, initargs=(options, encoder)
    )
    pending: deque[Future[list[Result]]] = deque()

    def submit() -> bool:
        nonlocal first
        chunk, first = (first or list(islice(iterator, chunk_size))), []
        if not chunk:
            return False
        pending.append(pool.submit(_analyze_chunk, chunk))
        return True

    try:
        for _ in range(2 * jobs):
            if not submit():
                break
        while pending:
            results = _result(pending.popleft(), pool)
            submit()
            yield from results
    except BaseException:
        _stop(pool)  # an error, an interrupt, or a caller that stopped reading: no more work
        raise
    pool.shutdown()


#: How often (seconds) a wait for a chunk checks that every worker process is still alive.
_WATCH_SECONDS = 1.0


def _result(future: Future[list[Result]], pool: ProcessPoolExecutor) -> list[Result]:
    """The chunk's results; a :class:`WorkerError` if a worker process died meanwhile (killed, or
    out of memory). The standard library may wait forever for a worker killed while it was
    sending its results, so the workers are watched here."""
    while True:
        try:
            return future.result(timeout=_WATCH_SECONDS)
        except FutureTimeout:
            dead = [p for p in _processes(pool) if p.exitcode is not None]
            if dead:
                raise WorkerError(_died(dead[0].exitcode)) from None
        except BrokenProcessPool:
            dead = [p for p in _processes(pool) if p.exitcode is not None]
            raise WorkerError(_died(dead[0].exitcode if dead else None)) from None


def _died(exitcode: int | None) -> str:
    how = f" (signal {-exitcode})" if exitcode is not None and exitcode < 0 else ""
    return (
        f"a worker process stopped{how}: killed, or out of memory? The output is incomplete; "
        "run again with fewer --jobs (ingest resumes where it stopped)"
    )


def _processes(pool: ProcessPoolExecutor) -> list[Any]:
    return list((getattr(pool, "_processes", None) or {}).values())


def _stop(pool: ProcessPoolExecutor) -> None:
    """End the workers now, without waiting for the chunks they hold."""
    for process in _processes(pool):
        if process.exitcode is None:
            process.kill()
    pool.shutdown(wait=False, cancel_futures=True)


def _in_process(
    items: Iterable[Any],
    options: Options,
    encoder: Callable[[Document], Any] | None,
    own_process: bool,
) -> Iterator[Result]:
    from rasd.pipeline import Analyzer

    analyzer = _bound(Analyzer(options), encoder)
    if own_process:
        tune_gc()
    for result in analyzer.analyze_records(items):
        if isinstance(result, RasdError) or encoder is None:
            yield result
        else:
            yield encoder(result)
