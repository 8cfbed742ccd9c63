"""Several processes: when workers start, how many by default, and that order is kept."""

from __future__ import annotations

import concurrent.futures
import os

import pytest

from rasd import parallel
from rasd.errors import RasdError
from rasd.model import Origin
from rasd.options import Options
from rasd.readers.records import Record

ARTICLE = "استقبل الرئيس السيسي في القاهرة وزير الخارجية الأمريكي.\nوبحث الجانبان التعاون الثنائي."


def _records(n: int) -> list[Record]:
    return [
        Record(text=f"{ARTICLE} {i}", origin=Origin("<test>", record=i), id=str(i))
        for i in range(n)
    ]


def _ids(results: list[object]) -> list[str]:
    return [r.id for r in results if not isinstance(r, RasdError)]  # type: ignore[attr-defined]


def test_a_short_stream_is_analyzed_without_starting_workers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a worker pool was started for three records")

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", no_pool)
    results = list(parallel.analyze_stream(_records(3), Options(), jobs=4, chunk_size=8))
    assert _ids(results) == ["0", "1", "2"]


def test_a_long_stream_goes_to_the_workers_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[int] = []

    class Pool(concurrent.futures.ProcessPoolExecutor):
        def __init__(self, max_workers: int, **kwargs: object) -> None:
            started.append(max_workers)
            super().__init__(max_workers, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", Pool)
    results = list(parallel.analyze_stream(_records(21), Options(), jobs=2, chunk_size=4))
    assert started == [2]
    assert _ids(results) == [str(i) for i in range(21)]
    assert all(doc.events for doc in results)  # type: ignore[attr-defined]


def test_default_jobs_is_the_usable_cores_at_most_four(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    assert parallel.default_jobs() == 2
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(64)), raising=False)
    assert parallel.default_jobs() == parallel.MAX_DEFAULT_JOBS == 4


class _KilledOn:
    """An encoder that kills its worker process at one record, as the OOM killer would."""

    def __init__(self, doomed: str) -> None:
        self.doomed = doomed

    def __call__(self, doc: object) -> str:
        import signal

        doc_id: str = doc.id  # type: ignore[attr-defined]
        if doc_id == self.doomed:
            os.kill(os.getpid(), signal.SIGKILL)
        return doc_id


def test_a_worker_that_dies_is_a_worker_error_not_a_hang() -> None:
    from rasd.errors import WorkerError

    stream = parallel.analyze_stream(
        _records(40), Options(), jobs=2, chunk_size=4, encoder=_KilledOn("21")
    )
    seen: list[str] = []
    with pytest.raises(WorkerError, match=r"\[R901\] a worker process stopped"):
        for result in stream:
            seen.append(result)  # type: ignore[arg-type]
    assert seen == [str(i) for i in range(len(seen))] and len(seen) <= 20
