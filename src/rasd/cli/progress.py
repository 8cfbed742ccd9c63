"""A small progress line on stderr: shown only on a terminal and only for more than a few items."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    def __init__(
        self,
        label: str,
        *,
        stream: TextIO | None = None,
        threshold: int = 5,
        enabled: bool | None = None,
    ) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.label = label
        self.threshold = threshold
        self.done = 0
        self.failed = 0
        self._start = time.monotonic()
        self._last = 0.0
        self._shown = False

    def update(self, ok: int = 0, failed: int = 0) -> None:
        self.done += ok
        self.failed += failed
        if not self.enabled or self.done + self.failed <= self.threshold:
            return
        now = time.monotonic()
        if now - self._last < 0.2:
            return
        self._last = now
        self._draw(now)

    def _draw(self, now: float) -> None:
        elapsed = max(now - self._start, 1e-9)
        rate = self.done / elapsed
        failed = f", {self.failed} failed" if self.failed else ""
        self.stream.write(f"\r{self.label}: {self.done:,} articles ({rate:,.0f}/s){failed}   ")
        self.stream.flush()
        self._shown = True

    def close(self) -> None:
        if self._shown:
            self._draw(time.monotonic())
            self.stream.write("\n")
            self.stream.flush()
