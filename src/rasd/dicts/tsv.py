"""Read and validate rasd's TSV data files.

Format (see docs/dictionaries.md): ``# key: value`` metadata lines (``kind``, ``source``, ``licence``,
``version`` required), one header line naming the columns, then tab-separated rows; ``#`` lines are
comments; ``|`` separates several values in one cell. Each kind declares its columns here, in
:data:`KINDS`, and which of them must be non-empty.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from rasd.errors import DictionaryError

REQUIRED_META = ("kind", "source", "licence", "version")
ISO3_RE = re.compile(r"^[A-Z]{3}$")
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
SECTORS = frozenset(
    [
        "GOV",
        "MIL",
        "COP",
        "SPY",
        "JUD",
        "LEG",
        "OPP",
        "REB",
        "IGO",
        "NGO",
        "BUS",
        "MED",
        "CVL",
        "EDU",
        "REL",
        "LAB",
        "REF",
    ]
)


@dataclass(frozen=True, slots=True)
class KindSpec:
    columns: tuple[str, ...]
    required: tuple[str, ...]
    folder: str  # where the packaged files of this kind live, under rasd/data/


KINDS: dict[str, KindSpec] = {
    "boilerplate": KindSpec(("pattern", "match", "reason"), ("pattern", "match", "reason"), "text"),
    "clitic_exceptions": KindSpec(("word", "note"), ("word",), "text"),
    "common_words": KindSpec(("word", "note"), ("word",), "text"),
    "countries": KindSpec(
        ("iso3", "iso2", "name", "ar", "capital", "lat", "lon", "source"),
        ("iso3", "name", "ar"),
        "gazetteer",
    ),
    "demonyms": KindSpec(("iso3", "masc", "irregular", "source"), ("iso3", "masc"), "gazetteer"),
    "places": KindSpec(
        ("name", "country", "kind", "lat", "lon", "ar", "metonym", "source"),
        ("name", "kind", "ar"),
        "gazetteer",
    ),
    "organizations": KindSpec(
        ("name", "country", "sector", "kind", "ar", "source"), ("name", "ar"), "actors"
    ),
    "sectors": KindSpec(("ar", "sector", "name", "source"), ("ar", "sector"), "actors"),
    "titles": KindSpec(("ar", "sector", "office", "country", "source"), ("ar",), "actors"),
    "weak_forms": KindSpec(("ar", "rule", "source"), ("ar", "rule"), "actors"),
    "function_words": KindSpec(("ar", "role", "source"), ("ar", "role"), "actors"),
    "people": KindSpec(
        ("name", "country", "sector", "office", "start", "end", "ar", "source"),
        ("name", "ar"),
        "actors",
    ),
    "plover": KindSpec(
        ("event_type", "quad", "score", "modes", "contexts", "definition", "source"),
        ("event_type", "quad"),
        "events",
    ),
    "contexts": KindSpec(("context", "ar", "source"), ("context", "ar"), "events"),
    "verbs": KindSpec(
        ("lemma", "imperfect", "masdar", "event_type", "mode", "recipient", "flags", "source"),
        ("lemma", "event_type"),
        "events",
    ),
    "phrases": KindSpec(
        ("phrase", "event_type", "mode", "kind", "recipient", "source"),
        ("phrase", "event_type"),
        "events",
    ),
    "cues": KindSpec(("ar", "cue", "scope", "source"), ("ar", "cue"), "events"),
    "dates": KindSpec(("ar", "kind", "value", "source"), ("ar", "kind"), "events"),
}


@dataclass(slots=True)
class Table:
    """One data file: its metadata and rows (dicts keyed by column name)."""

    kind: str
    path: str
    meta: dict[str, str]
    rows: list[dict[str, str]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)  # line number of each row, for messages


def split_values(cell: str) -> list[str]:
    """``a|b|c`` → ``["a", "b", "c"]`` (empty cell → [])."""
    return [v for v in (part.strip() for part in cell.split("|")) if v]


def parse_table(text: str, where: str, expected_kind: str | None = None) -> Table:
    """Parse one TSV data file; raise :class:`DictionaryError` naming the line on any problem."""
    meta: dict[str, str] = {}
    header: list[str] | None = None
    table: Table | None = None
    spec: KindSpec | None = None
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r")
        if not line.strip():
            continue
        if line.startswith("#"):
            if header is None and ":" in line:
                key, _, value = line[1:].partition(":")
                meta[key.strip().lower()] = value.strip()
            continue
        if header is None:
            missing = [k for k in REQUIRED_META if k not in meta]
            if missing:
                raise DictionaryError(
                    f"missing metadata line(s): {', '.join('# ' + m + ': ...' for m in missing)}",
                    where=where,
                )
            kind = meta["kind"]
            if expected_kind is not None and kind != expected_kind:
                raise DictionaryError(
                    f"file declares kind {kind!r}, expected {expected_kind!r}", where=where
                )
            if kind not in KINDS:
                raise DictionaryError(
                    f"unknown kind {kind!r}; known: {', '.join(sorted(KINDS))}", where=where
                )
            spec = KINDS[kind]
            header = line.split("\t")
            if tuple(header) != spec.columns:
                raise DictionaryError(
                    f"header must be {' '.join(spec.columns)!r} (tab-separated), got "
                    f"{' '.join(header)!r}",
                    where=f"{where}:{lineno}",
                )
            table = Table(kind, where, meta)
            continue
        assert spec is not None and table is not None
        cells = line.split("\t")
        if len(cells) != len(spec.columns):
            raise DictionaryError(
                f"{len(cells)} cells, expected {len(spec.columns)} ({', '.join(spec.columns)})",
                where=f"{where}:{lineno}",
            )
        row = dict(zip(spec.columns, (c.strip() for c in cells), strict=True))
        for col in spec.required:
            if not row[col]:
                raise DictionaryError(f"column {col!r} is empty", where=f"{where}:{lineno}")
        table.rows.append(row)
        table.lines.append(lineno)
    if table is None:
        raise DictionaryError("no header line", where=where)
    return table


def read_table(path: Path | Traversable, expected_kind: str | None = None) -> Table:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DictionaryError(f"cannot read: {exc}", where=str(path)) from None
    return parse_table(text, str(path), expected_kind)


def packaged_files(kind: str) -> Iterator[Traversable]:
    """The packaged TSV files of a kind: ``data/<folder>/<kind>*.tsv`` and ``data/<folder>/<kind>/*.tsv``."""
    folder = resources.files("rasd").joinpath("data").joinpath(KINDS[kind].folder)
    if not folder.is_dir():
        return
    entries = sorted(folder.iterdir(), key=lambda e: e.name)
    for entry in entries:
        if entry.is_file() and entry.name.endswith(".tsv") and entry.name.startswith(kind):
            yield entry
        elif entry.is_dir() and entry.name == kind:
            for sub in sorted(entry.iterdir(), key=lambda e: e.name):
                if sub.is_file() and sub.name.endswith(".tsv"):
                    yield sub


def user_files(directory: Path, kind: str) -> Iterator[Path]:
    """A user's files of a kind in ``directory``: any ``*.tsv`` whose metadata says ``kind: <kind>``."""
    for path in sorted(directory.rglob("*.tsv")):
        if _declared_kind(path) == kind:
            yield path


def _declared_kind(path: Path) -> str | None:
    try:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if not line.startswith("#"):
                    return None
                key, _, value = line[1:].partition(":")
                if key.strip().lower() == "kind":
                    return value.strip()
    except (OSError, UnicodeDecodeError):
        return None
    return None


def load_kind(kind: str, user_dirs: tuple[str, ...] = ()) -> list[Table]:
    """All tables of a kind: packaged first, then each user directory's, in order."""
    tables = [read_table(p, kind) for p in packaged_files(kind)]
    for directory in user_dirs:
        path = Path(directory)
        if not path.is_dir():
            raise DictionaryError("dictionary folder not found", where=directory)
        tables.extend(read_table(p, kind) for p in user_files(path, kind))
    return tables
