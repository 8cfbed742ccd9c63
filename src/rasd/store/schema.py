"""The versioned schema: numbered SQL migrations per backend, applied in order, each in one
transaction. ``sql/<backend>/NNNN_name.sql`` holds migration ``NNNN``; the database records the
migrations it has (``schema_migrations``) and, for SQLite, also ``PRAGMA user_version`` and an
``application_id`` that marks the file as a rasd store.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

#: ``PRAGMA application_id`` of rasd SQLite stores: the bytes "rasd".
SQLITE_APPLICATION_ID = 0x72617364


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


def migrations(backend: str) -> list[Migration]:
    """The migrations of ``backend`` (``sqlite`` or ``postgres``), in order."""
    folder = resources.files("rasd.store").joinpath("sql").joinpath(backend)
    out: list[Migration] = []
    for entry in folder.iterdir():
        name = entry.name
        if not name.endswith(".sql"):
            continue
        stem = name[: -len(".sql")]
        number, _, label = stem.partition("_")
        out.append(Migration(int(number), label, entry.read_text(encoding="utf-8")))
    out.sort(key=lambda m: m.version)
    for k, m in enumerate(out, start=1):
        if m.version != k:
            raise RuntimeError(f"store migrations for {backend} are not numbered 1..n")
    return out


def latest_version(backend: str) -> int:
    return len(migrations(backend))
