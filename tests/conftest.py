"""Shared fixtures. Tests that read ../shared skip cleanly when it is absent."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("RASD_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "data/seed/egypt-usa-security-cooperation.txt"
EXAMPLES = ROOT / "examples"


def shared_file(relative: str) -> Path:
    """A file under ../shared, or skip the test when it is not there."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"shared data not available: {path}")
    return path


@pytest.fixture(scope="session")
def analyzer():  # type: ignore[no-untyped-def]
    from rasd.pipeline import Analyzer

    return Analyzer()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return shared_file("data/seed/egypt-usa-security-cooperation.txt").read_text(encoding="utf-8")


def run_rasd(
    *args: str,
    stdin: bytes | None = None,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """Run the real ``rasd`` command (as a new process) and capture its output."""
    full_env = dict(os.environ)
    full_env.pop("RASD_CONFIG", None)
    if env:
        full_env.update(env)
    return subprocess.run(
        [sys.executable, "-m", "rasd.cli.main", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd or ROOT,
        env=full_env,
        timeout=300,
    )
