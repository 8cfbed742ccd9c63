"""The rasd store: analyzed articles in SQLite (default) or PostgreSQL, searchable.

``open_store(url, options)`` opens (and creates or migrates) a database; see ``docs/store.md``.
URLs: a file path, ``sqlite:///relative.db`` or ``sqlite:////absolute.db`` for SQLite, ``postgresql://user@host:port/db`` for
PostgreSQL. Without one: ``$RASD_DB``, then ``[store] url`` in the config, then ``./rasd.db``.
"""

from __future__ import annotations

import os

from rasd.options import Options
from rasd.store.base import BatchResult, Store

__all__ = ["BatchResult", "Store", "open_store", "resolve_url"]

DEFAULT_PATH = "rasd.db"


def resolve_url(url: str | None, options: Options) -> str:
    """The database URL to use: the given one, else $RASD_DB, else the config's, else ./rasd.db."""
    return url or os.environ.get("RASD_DB") or options.store.url or DEFAULT_PATH


def is_postgres(url: str) -> bool:
    return url.startswith(("postgresql://", "postgres://"))


def open_store(url: str | None, options: Options, *, create: bool = False) -> Store:
    """Open the store at ``url`` (see :func:`resolve_url`), migrating an older schema.

    ``create``: make a new database when there is none (``ingest``); readers get a clear error.
    """
    from rasd.errors import ConfigError

    target = resolve_url(url, options)
    store: Store
    if is_postgres(target):
        from rasd.store.postgres import PostgresStore

        store = PostgresStore(target, options, create=create)
    elif "://" in target and not target.startswith("sqlite://"):
        raise ConfigError(
            f"unsupported database URL {target!r}: use a file path, sqlite:///PATH or "
            "postgresql://..."
        )
    else:
        from rasd.store.sqlite import SQLiteStore

        # sqlite:///relative.db and sqlite:////absolute.db, as SQLAlchemy writes them
        path = target.removeprefix("sqlite:///").removeprefix("sqlite://")
        store = SQLiteStore(path, options, create=create)
    try:
        store.migrate()
    except BaseException:
        store.close()
        raise
    return store
