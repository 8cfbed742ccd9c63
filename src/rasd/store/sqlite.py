"""SQLite backend: one file, WAL mode (readers work while one writer writes), FTS5 search."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from rasd.errors import NotARasdDatabaseError, StoreConnectionError
from rasd.options import Options
from rasd.store import schema
from rasd.store.base import Store, now


class SQLiteStore(Store):
    backend = "sqlite"

    def __init__(self, path: str, options: Options, *, create: bool) -> None:
        super().__init__(options)
        self.path = Path(path)
        self.url = str(path)
        exists = self.path.exists() and self.path.stat().st_size > 0
        if not exists and not create:
            raise StoreConnectionError(
                "no rasd database here; create one with `rasd ingest PATH... --db FILE`",
                where=self.url,
            )
        # Never open the file with another descriptor (to read its header, say): closing it
        # would drop the POSIX locks this process's SQLite connections hold on it, and another
        # process could then checkpoint and remove the WAL under a running writer.
        try:
            self.conn = sqlite3.connect(
                self.path,
                isolation_level=None,
                timeout=options.store.lock_timeout_ms / 1000,
                check_same_thread=False,
            )
            self.conn.execute(f"PRAGMA busy_timeout = {int(options.store.lock_timeout_ms)}")
            self.conn.execute("PRAGMA schema_version").fetchone()  # fails unless SQLite
            app_id = self.conn.execute("PRAGMA application_id").fetchone()[0]
            tables = self.conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
            ).fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise NotARasdDatabaseError(
                f"not a rasd database (SQLite says: {exc})", where=self.url
            ) from None
        if tables and app_id != schema.SQLITE_APPLICATION_ID:
            self.conn.close()
            raise NotARasdDatabaseError(
                "an SQLite database, but not a rasd store (no rasd application id); "
                "give another --db",
                where=self.url,
            )
        try:
            if self.conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute("PRAGMA cache_size = -65536")
        except sqlite3.OperationalError as exc:
            raise StoreConnectionError(str(exc), where=self.url) from None

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.conn.execute(sql, params)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self.conn.executemany(sql, rows)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()

    def schema_version(self) -> int | None:
        if not self.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1"
        ).fetchone():
            return None
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def apply_migration(self, migration: schema.Migration) -> None:
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            current = int(conn.execute("PRAGMA user_version").fetchone()[0])
            if current >= migration.version:  # another process got there first
                conn.execute("ROLLBACK")
                return
            for statement in _statements(migration.sql):
                conn.execute(statement)
            if migration.version == 1:
                conn.execute(f"PRAGMA application_id = {schema.SQLITE_APPLICATION_ID}")
                conn.execute("INSERT INTO rasd_meta (key, value) VALUES ('application', 'rasd')")
            conn.execute(f"PRAGMA user_version = {migration.version}")
            conn.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (migration.version, migration.name, now()),
            )
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def write_search_rows(self, rows: list[tuple[int, str, str]]) -> None:
        if rows:
            self.conn.executemany(
                "INSERT INTO article_fts (rowid, title, body) VALUES (?, ?, ?)", rows
            )

    def delete_search_rows(self, pks: list[int]) -> None:
        self.conn.executemany("DELETE FROM article_fts WHERE rowid = ?", [(k,) for k in pks])

    def size_bytes(self) -> int:
        total = 0
        for suffix in ("", "-wal"):
            p = Path(str(self.path) + suffix)
            if p.exists():
                total += p.stat().st_size
        return total

    def is_write_error(self, exc: BaseException) -> bool:
        return isinstance(exc, sqlite3.Error)

    # search: FTS5 MATCH, ranked by BM25 (title weighted 4x)
    def search_sql(self, where: str) -> str:
        return (
            "SELECT a.pk, a.id, a.title, a.date, a.source, a.url, a.cluster_pk, "
            "bm25(article_fts, 4.0, 1.0) AS rank FROM article_fts "
            "JOIN articles a ON a.pk = article_fts.rowid "
            f"WHERE article_fts MATCH ? {where} ORDER BY rank LIMIT ?"
        )

    def search_param(self, query: Any) -> Any:
        return query.fts5()


def _statements(script: str) -> list[str]:
    """Split a migration into statements (``;`` at the end of a line ends one)."""
    out: list[str] = []
    current: list[str] = []
    for line in script.splitlines():
        if line.strip().startswith("--"):
            continue
        current.append(line)
        if line.rstrip().endswith(";"):
            statement = "\n".join(current).strip()
            if statement.rstrip(";").strip():
                out.append(statement)
            current = []
    tail = "\n".join(current).strip()
    if tail:
        out.append(tail)
    return out
