"""Build rasd, compiling the analysis modules with mypyc where it can.

The stages that read every article (text, actors, events) are plain, fully typed Python. mypyc (it
comes with mypy) compiles them to C extension modules that behave the same and run about 1.4 times
faster. Whether it compiles is decided by ``RASD_COMPILE``:

- unset or ``auto``: compile when building a wheel (``pip install .``); if mypyc or the C compiler
  fails, say so and install the pure-Python package instead;
- ``1``: compile, and fail the build if that is impossible;
- ``0``: never compile.

Editable installs (``pip install -e .``) never compile: an extension module next to the sources
would shadow the file being edited. Everything else about the package is in pyproject.toml.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import Any

from setuptools import setup

#: What mypyc compiles, relative to src/: every module of these packages but its __init__.
COMPILED_PACKAGES = ("rasd/text", "rasd/actors", "rasd/events")
COMPILED_MODULES = ("rasd/model.py", "rasd/pipeline.py")
#: setup.py commands that build the package's code (metadata and editable builds do not).
BUILD_COMMANDS = {"bdist_wheel", "build", "build_ext", "install"}


def compiled_paths() -> list[str]:
    src = Path(__file__).parent / "src"
    paths = [str(src / module) for module in COMPILED_MODULES]
    for package in COMPILED_PACKAGES:
        paths += sorted(str(p) for p in (src / package).glob("*.py") if p.name != "__init__.py")
    return paths


def ext_modules() -> list[Any]:
    mode = os.environ.get("RASD_COMPILE", "auto").strip().lower()
    if mode not in {"0", "1", "auto", ""}:
        sys.exit(f"RASD_COMPILE must be 0, 1 or auto, not {mode!r}")
    if not BUILD_COMMANDS.intersection(sys.argv[1:]):
        return []
    # an earlier build's staging directory would put its files (extension modules of a compiled
    # build, modules since deleted) into this wheel
    for staged in (Path(__file__).parent / "build").glob("lib*"):
        shutil.rmtree(staged, ignore_errors=True)
    if mode == "0":
        return []
    try:
        from mypyc.build import mypycify

        # the third-party modules mypy need not see to type the compiled code
        modules = mypycify(["--ignore-missing-imports", *compiled_paths()], opt_level="3")
    except (Exception, SystemExit) as error:  # mypy type errors end in SystemExit
        if mode == "1":
            raise
        print(
            f"rasd: not compiling with mypyc ({error!r}); installing pure Python", file=sys.stderr
        )
        return []
    if mode != "1":
        for extension in modules:
            extension.optional = True  # no C compiler: setuptools warns and goes on without it
    return modules


setup(ext_modules=ext_modules())
