from __future__ import annotations

import io

from rasd.cli.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_shows_on_a_terminal_after_a_handful() -> None:
    stream = Terminal()
    progress = Progress("analyze", stream=stream)
    for _ in range(3):
        progress.update(ok=1)
    assert stream.getvalue() == ""
    for _ in range(10):
        progress._last = 0.0
        progress.update(ok=1)
    progress.close()
    assert "13 articles" in stream.getvalue()


def test_progress_is_quiet_when_not_a_terminal() -> None:
    stream = io.StringIO()
    progress = Progress("analyze", stream=stream)
    for _ in range(100):
        progress.update(ok=1)
    progress.close()
    assert stream.getvalue() == ""
