"""One frozen options object, built from the packaged defaults and a user's overrides.

``Options.load()`` reads ``defaults.toml`` (shipped with rasd), then a user file (``--config``,
``$RASD_CONFIG`` or ``./rasd.toml``), key by key, then explicit overrides from the caller. Unknown
sections or keys and wrongly typed values are configuration errors, not silently ignored.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field, fields
from importlib import resources
from pathlib import Path
from typing import Any, get_type_hints

from rasd.errors import ConfigError


@dataclass(frozen=True, slots=True)
class InputOptions:
    max_article_bytes: int = 5_000_000
    max_record_bytes: int = 5_000_000
    encoding_errors: str = "strict"
    default_date: str = ""


@dataclass(frozen=True, slots=True)
class CleanOptions:
    min_duplicate_chars: int = 12
    max_widget_words: int = 6


@dataclass(frozen=True, slots=True)
class NormalizeOptions:
    profile: str = "match"


@dataclass(frozen=True, slots=True)
class SegmentOptions:
    max_sentence_chars: int = 1500
    clitic_cache_size: int = 300_000
    eager_tokens: bool = False


@dataclass(frozen=True, slots=True)
class PipelineOptions:
    stages: tuple[str, ...] = ("clean", "normalize", "segment", "actors", "events")


@dataclass(frozen=True, slots=True)
class EventOptions:
    # Use the trained event filter (data/models/event_filter.json) for the types it covers.
    filter_model: bool = True


@dataclass(frozen=True, slots=True)
class OutputOptions:
    tokens: bool = False


@dataclass(frozen=True, slots=True)
class DictionaryOptions:
    # Extra dictionary folders merged over the packaged ones, in order.
    dirs: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StoreOptions:
    # Database URL used when neither --db nor $RASD_DB is given ("" means ./rasd.db).
    url: str = ""
    # Articles written per transaction.
    batch_size: int = 200
    # How long a writer waits for another writer's lock (SQLite busy timeout), in milliseconds.
    lock_timeout_ms: int = 60_000
    # Story clusters: words per shingle, MinHash size, LSH bands, and the similarity to join.
    shingle_words: int = 4
    minhash_size: int = 64
    lsh_bands: int = 16
    cluster_threshold: float = 0.5
    # Characters of article text shown around search hits.
    snippet_chars: int = 200


@dataclass(frozen=True, slots=True)
class Options:
    input: InputOptions = field(default_factory=InputOptions)
    clean: CleanOptions = field(default_factory=CleanOptions)
    normalize: NormalizeOptions = field(default_factory=NormalizeOptions)
    segment: SegmentOptions = field(default_factory=SegmentOptions)
    pipeline: PipelineOptions = field(default_factory=PipelineOptions)
    events: EventOptions = field(default_factory=EventOptions)
    output: OutputOptions = field(default_factory=OutputOptions)
    dictionaries: DictionaryOptions = field(default_factory=DictionaryOptions)
    store: StoreOptions = field(default_factory=StoreOptions)

    @classmethod
    def load(
        cls,
        config: str | os.PathLike[str] | None = None,
        overrides: dict[str, dict[str, Any]] | None = None,
    ) -> Options:
        """Defaults, then the user's file, then ``overrides`` ({section: {key: value}})."""
        merged: dict[str, dict[str, Any]] = {}
        _merge(merged, _read_toml_text(_defaults_text(), "defaults.toml"))
        path = _user_config_path(config)
        if path is not None:
            try:
                text = path.read_text(encoding="utf-8")
            except OSError as exc:
                raise ConfigError(
                    f"cannot read config file: {exc.strerror}", where=str(path)
                ) from None
            _merge(merged, _read_toml_text(text, str(path)))
        if overrides:
            _merge(merged, overrides)
        return _build(cls, merged)

    def replace(self, section: str, **values: Any) -> Options:
        """A copy with some keys of one section changed."""
        current = getattr(self, section)
        return dataclasses.replace(self, **{section: dataclasses.replace(current, **values)})


def _defaults_text() -> str:
    return resources.files("rasd").joinpath("defaults.toml").read_text(encoding="utf-8")


def _user_config_path(config: str | os.PathLike[str] | None) -> Path | None:
    if config is not None:
        path = Path(config)
        if not path.is_file():
            raise ConfigError("config file not found", where=str(path))
        return path
    env = os.environ.get("RASD_CONFIG")
    if env:
        path = Path(env)
        if not path.is_file():
            raise ConfigError("config file named by $RASD_CONFIG not found", where=env)
        return path
    local = Path("rasd.toml")
    return local if local.is_file() else None


def _read_toml_text(text: str, where: str) -> dict[str, dict[str, Any]]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}", where=where) from None
    for key, value in data.items():
        if not isinstance(value, dict):
            raise ConfigError(f"top-level key {key!r} must be a [section]", where=where)
    return data


def _merge(into: dict[str, dict[str, Any]], new: dict[str, dict[str, Any]]) -> None:
    for section, values in new.items():
        into.setdefault(section, {}).update(values)


def _build(cls: type[Options], merged: dict[str, dict[str, Any]]) -> Options:
    hints = get_type_hints(cls)
    sections: dict[str, Any] = {}
    known = {f.name for f in fields(cls)}
    for name in merged:
        if name not in known:
            raise ConfigError(f"unknown config section [{name}]; known: {', '.join(sorted(known))}")
    for f in fields(cls):
        section_cls = hints[f.name]
        values = merged.get(f.name, {})
        sections[f.name] = _build_section(section_cls, f.name, values)
    return cls(**sections)


def _build_section(section_cls: Any, name: str, values: dict[str, Any]) -> Any:
    hints = get_type_hints(section_cls)
    kwargs: dict[str, Any] = {}
    for key, value in values.items():
        if key not in hints:
            known = ", ".join(sorted(hints))
            raise ConfigError(f"unknown key {key!r} in [{name}]; known: {known}")
        kwargs[key] = _coerce(hints[key], value, f"{name}.{key}")
    return section_cls(**kwargs)


def _coerce(hint: Any, value: Any, where: str) -> Any:
    origin = getattr(hint, "__origin__", None)
    if origin is tuple:
        if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where} must be a list of strings")
        return tuple(value)
    if hint is bool:
        if not isinstance(value, bool):
            raise ConfigError(f"{where} must be true or false")
        return value
    if hint is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ConfigError(f"{where} must be an integer")
        return value
    if hint is str:
        if not isinstance(value, str):
            raise ConfigError(f"{where} must be a string")
        return value
    return value
