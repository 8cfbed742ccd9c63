"""The single writer: batches are written on one background thread, in order.

The thread owns the store's connection, so SQLite's work (FTS indexing, B-tree inserts, which run
without the GIL) overlaps with analysis in the calling thread. At most ``depth`` batches wait, so
memory stays bounded. The first write error stops the writer; it is raised in the caller at the
next :meth:`BatchWriter.submit` or at :meth:`BatchWriter.close`.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable

from rasd.store.base import BatchResult, Store
from rasd.store.prepare import Prepared


class BatchWriter:
    def __init__(
        self,
        store: Store,
        run_pk: int | None,
        *,
        replace: bool = False,
        depth: int = 2,
        on_written: Callable[[int], None] | None = None,
    ) -> None:
        self.store = store
        self.run_pk = run_pk
        self.total = BatchResult()
        self._write = store.replace_batch if replace else store.write_batch
        self._queue: queue.Queue[list[Prepared] | None] = queue.Queue(maxsize=depth)
        self._error: BaseException | None = None
        self._on_written = on_written
        self._thread = threading.Thread(target=self._loop, name="rasd-writer", daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        while True:
            batch = self._queue.get()
            if batch is None:
                return
            if self._error is not None:
                continue  # drain without writing: the caller will see the error
            try:
                result = self._write(batch, self.run_pk)
            except BaseException as exc:
                self._error = exc
                continue
            self.total.added += result.added
            self.total.skipped += result.skipped
            self.total.replaced += result.replaced
            if self._on_written is not None:
                self._on_written(len(batch))

    def submit(self, batch: list[Prepared]) -> None:
        if self._error is not None:
            self.close()
        if batch:
            self._queue.put(batch)

    def close(self) -> BatchResult:
        """Wait for every submitted batch; raise the writer's error if there was one."""
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()
        if self._error is not None:
            error, self._error = self._error, None
            raise error
        return self.total
