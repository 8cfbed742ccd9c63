"""PostgreSQL backend (psycopg 3, the ``postgres`` extra): the same tables, a tsvector column with
a GIN index for search (ranked with ``ts_rank_cd``), writers serialized by an advisory lock."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator, Sequence
from typing import Any

from rasd.errors import MissingExtraError, NotARasdDatabaseError, StoreConnectionError
from rasd.options import Options
from rasd.store import schema
from rasd.store.base import Store, now

#: Advisory lock key taken by every writing transaction and by migrations ("rasd").
WRITER_LOCK = 0x72617364
#: PostgreSQL keeps at most 256 positions per lexeme and positions up to 16383.
MAX_POSITIONS, MAX_POSITION, MAX_LEXEME_CHARS = 256, 16383, 500
#: Words of the body in the ranking vector (with the title).
LEAD_WORDS = 120
_QMARK = re.compile(r"\?")


def _import_psycopg() -> Any:
    try:
        import psycopg
    except ImportError:
        raise MissingExtraError(
            "PostgreSQL support needs psycopg: pip install 'rasd[postgres]'"
        ) from None
    return psycopg


class PostgresStore(Store):
    backend = "postgres"

    def __init__(self, url: str, options: Options, *, create: bool) -> None:
        super().__init__(options)
        self.url = _redact(url)
        self._psycopg = _import_psycopg()
        try:
            self.conn = self._psycopg.connect(url, autocommit=True, connect_timeout=10)
        except self._psycopg.Error as exc:
            raise StoreConnectionError(
                f"cannot connect to PostgreSQL: {str(exc).strip()}", where=self.url
            ) from None
        self._sql_cache: dict[str, str] = {}
        has_meta = self.scalar("SELECT to_regclass('rasd_meta') IS NOT NULL")
        has_articles = self.scalar("SELECT to_regclass('articles') IS NOT NULL")
        if not has_meta and has_articles:
            self.conn.close()
            raise NotARasdDatabaseError(
                "this PostgreSQL database has an 'articles' table that rasd did not make; "
                "give another database (or schema, with ?options=-csearch_path%3DNAME)",
                where=self.url,
            )
        if not has_meta and not create:
            self.conn.close()
            raise StoreConnectionError(
                "no rasd tables in this database; create them with `rasd ingest PATH... --db URL`",
                where=self.url,
            )

    def _sql(self, sql: str) -> str:
        out = self._sql_cache.get(sql)
        if out is None:
            out = _QMARK.sub("%s", sql.replace("%", "%%"))
            self._sql_cache[sql] = out
        return out

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        try:
            return self.conn.execute(self._sql(sql), params, prepare=False)
        except self._psycopg.OperationalError as exc:
            raise StoreConnectionError(
                f"lost the PostgreSQL connection: {str(exc).strip()}", where=self.url
            ) from exc

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            with self.conn.cursor() as cur:
                cur.executemany(self._sql(sql), rows)

    def insert_rows(self, target: str, rows: Sequence[Sequence[Any]]) -> None:
        try:
            with self.conn.cursor() as cur, cur.copy(f"COPY {target} FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        except self._psycopg.OperationalError as exc:
            raise StoreConnectionError(
                f"lost the PostgreSQL connection: {str(exc).strip()}", where=self.url
            ) from exc

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        with self.conn.transaction():
            yield

    def lock_writer(self) -> None:
        self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITER_LOCK,))

    def close(self) -> None:
        self.conn.close()

    def schema_version(self) -> int | None:
        if not self.scalar("SELECT to_regclass('schema_migrations') IS NOT NULL"):
            return None
        return int(self.scalar("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"))

    def apply_migration(self, migration: schema.Migration) -> None:
        with self.conn.transaction():
            self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITER_LOCK,))
            if (self.schema_version() or 0) >= migration.version:
                return
            self.conn.execute(migration.sql.encode("utf-8"))
            if migration.version == 1:
                self.conn.execute(
                    "INSERT INTO rasd_meta (key, value) VALUES ('application', 'rasd')"
                )
            self.conn.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (%s, %s, %s)",
                (migration.version, migration.name, now()),
            )

    def write_search_rows(self, rows: list[tuple[int, str, str]]) -> None:
        if rows:
            self.insert_rows(
                "article_search (article_pk, tsv, lead)",
                [
                    (pk, lexemes(title, body), tsvector(title, body, LEAD_WORDS))
                    for pk, title, body in rows
                ],
            )

    def delete_search_rows(self, pks: list[int]) -> None:
        self.executemany("DELETE FROM article_search WHERE article_pk = ?", [(k,) for k in pks])

    def size_bytes(self) -> int:
        return int(self.scalar("SELECT pg_database_size(current_database())"))

    def is_write_error(self, exc: BaseException) -> bool:
        return isinstance(exc, self._psycopg.Error | StoreConnectionError)

    def search_sql(self, where: str) -> str:
        # Match through the GIN index (materialized, so the planner cannot fold it into a scan
        # that reads every large vector), then rank the matches by their small lead vectors.
        return (
            "WITH q AS (SELECT ?::tsquery AS q), "
            "m AS MATERIALIZED (SELECT s.article_pk FROM article_search s, q WHERE s.tsv @@ q.q) "
            "SELECT a.pk, a.id, a.title, a.date, a.source, a.url, a.cluster_pk, "
            "ts_rank_cd(s.lead, q.q, 1) AS rank FROM m "
            "JOIN article_search s ON s.article_pk = m.article_pk "
            f"JOIN articles a ON a.pk = m.article_pk, q WHERE 1 = 1 {where} "
            "ORDER BY rank DESC, a.date DESC, a.pk LIMIT ?"
        )

    def search_rows(self, sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
        with self.conn.transaction():
            for setting in ("enable_seqscan", "enable_mergejoin", "enable_hashjoin"):
                self.conn.execute(f"SET LOCAL {setting} = off")
            return self.query(sql, params)

    def search_param(self, query: Any) -> Any:
        return query.tsquery()


def tsvector(title_terms: str, body_terms: str, body_words: int | None = None) -> str:
    """A tsvector literal: each term group at its word's position; title lexemes weighted A.

    ``body_words``: only the first words of the body (the ranking vector, ``lead``).
    """
    positions: dict[str, list[str]] = {}
    pos = 0
    body = body_terms.split() if body_words is None else body_terms.split(maxsplit=body_words)
    if body_words is not None:
        body = body[:body_words]
    for weight, groups in (("A", title_terms.split()), ("", body)):
        for group in groups:
            pos = min(pos + 1, MAX_POSITION)
            for term in group.split("|"):
                if not term or len(term) > MAX_LEXEME_CHARS:
                    continue
                slots = positions.setdefault(term, [])
                if len(slots) < MAX_POSITIONS:
                    slots.append(f"{pos}{weight}")
    parts = []
    for term, slots in positions.items():
        quoted = term.replace("\\", "\\\\").replace("'", "''")
        parts.append(f"'{quoted}':{','.join(slots)}")
    return " ".join(parts)


def lexemes(title_terms: str, body_terms: str) -> str:
    """A tsvector literal of the distinct terms, without positions (for matching only)."""
    terms = set(title_terms.replace("|", " ").split())
    terms.update(body_terms.replace("|", " ").split())
    return " ".join(
        "'" + t.replace("\\", "\\\\").replace("'", "''") + "'"
        for t in terms
        if len(t) <= MAX_LEXEME_CHARS
    )


def _redact(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@/]*@", r"\1:***@", url)
