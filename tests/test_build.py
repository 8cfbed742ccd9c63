"""The installation: compiled (mypyc, see setup.py) or pure Python, and saying which."""

from __future__ import annotations

import importlib
from importlib.machinery import EXTENSION_SUFFIXES

import rasd
from tests.conftest import run_rasd

#: The modules every article passes through; setup.py compiles them together or not at all.
HOT_MODULES = ("rasd.pipeline", "rasd.text.scan", "rasd.actors.compose", "rasd.events.coder")


def _is_extension(module: str) -> bool:
    return str(importlib.import_module(module).__file__).endswith(tuple(EXTENSION_SUFFIXES))


def test_version_says_whether_the_pipeline_is_compiled() -> None:
    proc = run_rasd("--version")
    assert proc.returncode == 0
    expected = "yes" if _is_extension("rasd.pipeline") else "no"
    assert proc.stdout.decode().strip() == f"rasd {rasd.__version__} (compiled: {expected})"
    assert rasd.compiled() is (expected == "yes")


def test_hot_modules_are_all_compiled_or_all_pure() -> None:
    kinds = {module: _is_extension(module) for module in HOT_MODULES}
    assert len(set(kinds.values())) == 1, kinds
