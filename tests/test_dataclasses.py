"""Data classes whose ``__init__`` is written out (so that mypyc compiles it) must take exactly
their fields, in order, with the same defaults (``None`` standing for a default factory)."""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import pkgutil
from typing import Any

import pytest

import rasd


def _dataclasses() -> list[type[Any]]:
    found: dict[str, type[Any]] = {}
    for info in pkgutil.walk_packages(rasd.__path__, "rasd."):
        if ".cli" in info.name or ".store" in info.name:
            continue
        module = importlib.import_module(info.name)
        for obj in vars(module).values():
            if (
                inspect.isclass(obj)
                and dataclasses.is_dataclass(obj)
                and obj.__module__ == module.__name__
            ):
                found[f"{obj.__module__}.{obj.__qualname__}"] = obj
    return [found[name] for name in sorted(found)]


CLASSES = _dataclasses()


def test_the_hot_classes_are_found() -> None:
    names = {cls.__name__ for cls in CLASSES}
    assert {"Document", "Event", "Work", "TriggerHit", "Party", "RawMention"} <= names


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__qualname__)
def test_init_takes_the_fields_with_their_defaults(cls: type[Any]) -> None:
    try:
        params = list(inspect.signature(cls).parameters.values())
    except ValueError:
        pytest.skip("a compiled class without a signature")
    fields = [f for f in dataclasses.fields(cls) if f.init]
    assert [p.name for p in params] == [f.name for f in fields]
    for param, field in zip(params, fields, strict=True):
        if field.default is not dataclasses.MISSING:
            assert param.default == field.default, field.name
        elif field.default_factory is not dataclasses.MISSING:
            # None in a written-out __init__; "<factory>" in a generated one
            assert param.default is None or repr(param.default) == "<factory>", field.name
        else:
            assert param.default is inspect.Parameter.empty, field.name


def test_an_analyzed_document_pickles_and_copies_whole() -> None:
    import copy
    import pickle

    doc = rasd.analyze(
        "استقبل الرئيس السيسي في القاهرة وزير الخارجية الأمريكي.\nوبحث الجانبان التعاون الثنائي.",
        date="2019-01-10",
    )
    assert doc.events and doc.actors and doc.places and doc.sentences
    assert pickle.loads(pickle.dumps(doc)) == doc  # as worker processes send it back
    assert copy.deepcopy(doc) == doc
