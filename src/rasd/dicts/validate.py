"""Check dictionary files beyond their syntax: codes, dates, spellings, duplicates.

Used by the schema test over the packaged data and by ``rasd dict validate DIR`` for users' files.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rasd.dicts.tsv import DATE_RE, ISO3_RE, SECTORS, Table, load_kind, read_table
from rasd.errors import DictionaryError

EVENT_TYPES = frozenset(
    [
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "SANCTION",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
    ]
)
#: Columns that hold Arabic text, per kind.
ARABIC_COLUMNS: dict[str, tuple[str, ...]] = {
    "countries": ("ar",),
    "demonyms": ("masc", "irregular"),
    "places": ("ar",),
    "organizations": ("ar",),
    "sectors": ("ar",),
    "titles": ("ar",),
    "people": ("ar",),
    "contexts": ("ar",),
    "verbs": ("lemma", "imperfect", "masdar"),
    "phrases": ("phrase",),
    "cues": ("ar",),
    "dates": ("ar",),
    "clitic_exceptions": ("word",),
    "common_words": ("word",),
}
_MARKS_RE = re.compile("[\u064b-\u065f\u0670\u0640]")
_LATIN_RE = re.compile("[A-Za-z]")
_ALLOWED_LATIN = {
    "phrases",
    "cues",
    "organizations",
}  # e.g. "سي آي إيه" is Arabic; acronyms may be Latin


@dataclass(frozen=True, slots=True)
class Problem:
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def known_countries(extra_tables: Iterable[Table] = ()) -> set[str]:
    codes = {row["iso3"] for t in load_kind("countries") for row in t.rows}
    codes |= {row["iso3"] for t in extra_tables if t.kind == "countries" for row in t.rows}
    return codes | {"XKX"}


def check_table(table: Table, countries: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[tuple[str, ...], int] = {}
    arabic_cols = ARABIC_COLUMNS.get(table.kind, ())
    for row, lineno in zip(table.rows, table.lines, strict=True):
        where = f"{table.path}:{lineno}"

        def bad(message: str, where: str = where) -> None:
            problems.append(Problem(where, message))

        key = tuple(row.values())
        if key in seen:
            bad(f"duplicate of line {seen[key]}")
        seen.setdefault(key, lineno)
        for col, value in row.items():
            if "|" in value and (
                " |" in value
                or "| " in value
                or "||" in value
                or value.startswith("|")
                or value.endswith("|")
            ):
                bad(f"{col}: stray space or empty value around '|'")
        for col in arabic_cols:
            value = row[col]
            if _MARKS_RE.search(value):
                bad(f"{col}: diacritics or tatweel in {value!r} (write bare letters)")
            if table.kind not in _ALLOWED_LATIN and _LATIN_RE.search(value):
                bad(f"{col}: Latin letters in an Arabic cell: {value!r}")
        for col in ("country", "iso3", "metonym"):
            code = row.get(col, "")
            if code and (not ISO3_RE.match(code) or code not in countries):
                bad(f"{col}: unknown ISO 3166-1 alpha-3 code {code!r}")
        sector = row.get("sector", "")
        if sector and sector not in SECTORS:
            bad(f"sector: {sector!r} is not one of {' '.join(sorted(SECTORS))}")
        start, end = row.get("start", ""), row.get("end", "")
        for col, value in (("start", start), ("end", end)):
            if value and not DATE_RE.match(value):
                bad(f"{col}: {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        if (
            start
            and end
            and DATE_RE.match(start)
            and DATE_RE.match(end)
            and end < start[: len(end)]
        ):
            bad(f"end {end} is before start {start}")
        for col, limit in (("lat", 90.0), ("lon", 180.0)):
            value = row.get(col, "")
            if value:
                try:
                    number = float(value)
                except ValueError:
                    bad(f"{col}: {value!r} is not a number")
                    continue
                if not -limit <= number <= limit:
                    bad(f"{col}: {value} is out of range")
        event_type = row.get("event_type")
        if event_type is not None and table.kind in ("verbs", "phrases", "plover"):
            allowed = EVENT_TYPES | ({"-"} if table.kind != "plover" else set())
            if event_type not in allowed:
                bad(f"event_type: {event_type!r} is not a PLOVER type")
    return problems


def validate_directory(directory: Path) -> tuple[list[Table], list[Problem]]:
    """Every rasd data file under ``directory`` (or the one file given), parsed and checked."""
    tables: list[Table] = []
    problems: list[Problem] = []
    files = sorted(directory.rglob("*.tsv")) if directory.is_dir() else [directory]
    for path in files:
        try:
            tables.append(read_table(path))
        except DictionaryError as exc:
            problems.append(Problem(exc.where or str(path), exc.message))
    countries = known_countries(tables)
    for table in tables:
        problems.extend(check_table(table, countries))
    return tables, problems
