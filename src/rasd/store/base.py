"""The store: what SQLite and PostgreSQL share. Backends supply the connection, transactions,
error translation and the few statements that differ (full-text rows, search).

Writes go through :meth:`Store.write_batch` (new articles) and :meth:`Store.replace_batch`
(re-analysis), each one transaction: a batch is stored completely or not at all. Every SQL
statement here is written with ``?`` placeholders; backends translate them.
"""

from __future__ import annotations

import contextlib
import os
import socket
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import orjson

from rasd import __version__
from rasd.errors import ConfigError, StoreWriteError
from rasd.options import Options
from rasd.store import schema
from rasd.store.clusters import band_keys, similarity
from rasd.store.prepare import Prepared

#: Tables holding what analysis derives from an article (replaced by ``rasd reprocess``).
DERIVED_TABLES = (
    "removed_spans",
    "sentences",
    "article_actors",
    "actor_mentions",
    "article_places",
    "place_mentions",
    "event_evidence",
    "events",
)

ARTICLE_COLUMNS = (
    "id",
    "title",
    "date",
    "source",
    "url",
    "encoding",
    "origin_path",
    "origin_line",
    "origin_record",
    "text",
    "title_start",
    "title_end",
    "warnings",
    "analysis_version",
)

EVENT_COLUMNS = (
    "article_pk",
    "idx",
    "event_type",
    "mode",
    "context",
    "actor_pk",
    "actor_id",
    "actor_country",
    "actor_sector",
    "actor_name",
    "recipient_pk",
    "recipient_id",
    "recipient_country",
    "recipient_sector",
    "recipient_name",
    "location",
    "location_id",
    "date",
    "evidence",
    "quad",
    "score",
    "confidence",
)


@dataclass(slots=True)
class BatchResult:
    added: int = 0
    skipped: int = 0
    replaced: int = 0


def now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


class Store:
    """A rasd database. Use :func:`rasd.store.open_store`; close it (or use ``with``)."""

    backend = ""
    #: SQLite: one writer at a time, readers never blocked (WAL). PostgreSQL: writers serialize
    #: on an advisory lock per batch.
    url = ""

    def __init__(self, options: Options) -> None:
        self.options = options
        opts = options.store
        if opts.minhash_size < 8 or opts.minhash_size & (opts.minhash_size - 1):
            raise ConfigError("store.minhash_size must be a power of two, at least 8")
        if opts.lsh_bands < 1 or opts.minhash_size % opts.lsh_bands:
            raise ConfigError("store.lsh_bands must divide store.minhash_size")
        if not 0.0 < float(opts.cluster_threshold) <= 1.0:
            raise ConfigError("store.cluster_threshold must be in (0, 1]")
        if opts.batch_size < 1:
            raise ConfigError("store.batch_size must be at least 1")
        self._actor_pks: dict[tuple[str, str, str], int] = {}
        self._place_pks: dict[tuple[str, str], int] = {}

    # --- backend primitives ------------------------------------------------------------------

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        raise NotImplementedError

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        raise NotImplementedError

    def transaction(self) -> contextlib.AbstractContextManager[None]:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def schema_version(self) -> int | None:
        """The schema version, or None for an empty database (no tables)."""
        raise NotImplementedError

    def apply_migration(self, migration: schema.Migration) -> None:
        raise NotImplementedError

    def write_search_rows(self, rows: list[tuple[int, str, str]]) -> None:
        """Full-text rows (article pk, title terms, body terms)."""
        raise NotImplementedError

    def delete_search_rows(self, pks: list[int]) -> None:
        raise NotImplementedError

    def size_bytes(self) -> int:
        raise NotImplementedError

    def is_write_error(self, exc: BaseException) -> bool:
        raise NotImplementedError

    def search_sql(self, where: str) -> str:
        """The ranked full-text query: params are the search term, filter values, limit."""
        raise NotImplementedError

    def search_rows(self, sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
        return self.query(sql, params)

    def search_param(self, query: Any) -> Any:
        """The backend's form of a parsed query (:class:`rasd.store.search.Query`)."""
        raise NotImplementedError

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        rows: list[tuple[Any, ...]] = self.execute(sql, params).fetchall()
        return rows

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.execute(sql, params).fetchone()
        return row[0] if row else None

    # --- schema ----------------------------------------------------------------------------

    def migrate(self, target: int | None = None) -> int:
        """Apply the migrations this database lacks (up to ``target``); the new version."""
        from rasd.errors import SchemaTooNewError

        known = schema.migrations(self.backend)
        version = self.schema_version() or 0
        latest = len(known) if target is None else target
        if version > len(known):
            raise SchemaTooNewError(
                f"the database has schema version {version}, newer than this rasd knows "
                f"({len(known)}); upgrade rasd (pip install -U rasd) to use it",
                where=self.url,
            )
        for migration in known[version:latest]:
            self.apply_migration(migration)
        return max(version, latest)

    # --- runs ------------------------------------------------------------------------------

    def begin_run(self, command: str, inputs: Sequence[str]) -> int:
        """Record a new run; runs left 'running' by a dead process become 'interrupted'."""
        host = socket.gethostname()
        with self.transaction():
            for pk, pid, run_host in self.query(
                "SELECT pk, pid, host FROM runs WHERE status = 'running'"
            ):
                if run_host == host and not _alive(int(pid)):
                    self.execute(
                        "UPDATE runs SET status = 'interrupted', finished_at = ? WHERE pk = ?",
                        (now(), pk),
                    )
            row = self.execute(
                "INSERT INTO runs (command, inputs, rasd_version, host, pid, started_at, status) "
                "VALUES (?, ?, ?, ?, ?, ?, 'running') RETURNING pk",
                (
                    command,
                    orjson.dumps(list(inputs)).decode(),
                    __version__,
                    host,
                    os.getpid(),
                    now(),
                ),
            ).fetchone()
        return int(row[0])

    def finish_run(
        self, run_pk: int, status: str, result: BatchResult, failed: int, message: str = ""
    ) -> None:
        with self.transaction():
            self.execute(
                "UPDATE runs SET status = ?, finished_at = ?, added = ?, skipped = ?, "
                "replaced = ?, failed = ?, message = ? WHERE pk = ?",
                (
                    status,
                    now(),
                    result.added,
                    result.skipped,
                    result.replaced,
                    failed,
                    message,
                    run_pk,
                ),
            )

    def last_interrupted_run(self) -> tuple[int, list[str]] | None:
        """The newest run that did not finish (its pk and inputs), for ``ingest --resume``."""
        row = self.execute(
            "SELECT pk, inputs FROM runs WHERE command = 'ingest' AND status IN "
            "('interrupted', 'failed', 'running') ORDER BY pk DESC LIMIT 1"
        ).fetchone()
        if row is None:
            return None
        return int(row[0]), list(orjson.loads(row[1]))

    # --- writing ---------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return (
            self.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
            is not None
        )

    def write_batch(self, batch: Sequence[Prepared], run_pk: int | None) -> BatchResult:
        """Store new articles in one transaction; duplicates (same id or content) are skipped."""
        result = BatchResult()
        if not batch:
            return result
        cols = ", ".join(ARTICLE_COLUMNS)
        marks = ", ".join("?" for _ in ARTICLE_COLUMNS)
        insert = (
            f"INSERT INTO articles ({cols}, content_hash, minhash, run_pk, ingested_at) "
            f"VALUES ({marks}, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING pk"
        )
        stamp = now()
        try:
            with self.transaction():
                self.lock_writer()
                stored: list[tuple[int, Prepared]] = []
                for p in batch:
                    values = [p.article[c] for c in ARTICLE_COLUMNS]
                    row = self.execute(
                        insert, (*values, p.content_hash, p.signature, run_pk, stamp)
                    ).fetchone()
                    if row is None:
                        result.skipped += 1
                        continue
                    pk = int(row[0])
                    stored.append((pk, p))
                    self._cluster(pk, p)
                self._insert_derived(stored)
                result.added = len(stored)
                if run_pk is not None:
                    self.execute(
                        "UPDATE runs SET added = added + ?, skipped = skipped + ? WHERE pk = ?",
                        (result.added, result.skipped, run_pk),
                    )
        except Exception as exc:
            self._forget_cached_keys()
            if self.is_write_error(exc):
                raise self._batch_error(exc, batch) from exc
            raise
        return result

    def replace_batch(self, batch: Sequence[Prepared], run_pk: int | None) -> BatchResult:
        """Replace the derived rows of stored articles (matched by id) in one transaction."""
        result = BatchResult()
        if not batch:
            return result
        try:
            with self.transaction():
                self.lock_writer()
                stored: list[tuple[int, Prepared]] = []
                for p in batch:
                    pk = self.scalar("SELECT pk FROM articles WHERE id = ?", (p.id,))
                    if pk is None:
                        result.skipped += 1
                        continue
                    stored.append((int(pk), p))
                pks = [pk for pk, _ in stored]
                for table in DERIVED_TABLES:
                    self.executemany(
                        f"DELETE FROM {table} WHERE article_pk = ?", [(k,) for k in pks]
                    )
                self.delete_search_rows(pks)
                self.executemany(
                    "UPDATE articles SET analysis_version = ?, warnings = ?, title_start = ?, "
                    "title_end = ? WHERE pk = ?",
                    [
                        (
                            p.article["analysis_version"],
                            p.article["warnings"],
                            p.article["title_start"],
                            p.article["title_end"],
                            pk,
                        )
                        for pk, p in stored
                    ],
                )
                self._insert_derived(stored)
                result.replaced = len(stored)
                if run_pk is not None:
                    self.execute(
                        "UPDATE runs SET replaced = replaced + ? WHERE pk = ?",
                        (result.replaced, run_pk),
                    )
        except Exception as exc:
            self._forget_cached_keys()
            if self.is_write_error(exc):
                raise self._batch_error(exc, batch) from exc
            raise
        return result

    def lock_writer(self) -> None:
        """Serialize writers (SQLite does it with BEGIN IMMEDIATE; PostgreSQL overrides)."""

    def _batch_error(self, exc: BaseException, batch: Sequence[Prepared]) -> StoreWriteError:
        first = batch[0].origin
        return StoreWriteError(
            f"writing a batch of {len(batch)} article(s) failed and was rolled back "
            f"(first: {first}): {str(exc).strip()}",
            where=self.url,
        )

    def _forget_cached_keys(self) -> None:
        # keys inserted in a rolled-back transaction no longer exist
        self._actor_pks.clear()
        self._place_pks.clear()

    def _actor_pk(self, country: str, sector: str, name: str, kind: str = "") -> int:
        key = (country, sector, name)
        pk = self._actor_pks.get(key)
        if pk is None:
            row = self.execute(
                "INSERT INTO actors (country, sector, name, kind) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (country, sector, name) DO UPDATE SET kind = CASE "
                "WHEN actors.kind = '' THEN excluded.kind ELSE actors.kind END RETURNING pk",
                (country, sector, name, kind),
            ).fetchone()
            pk = int(row[0])
            self._actor_pks[key] = pk
        return pk

    def _place_pk(self, place: dict[str, Any]) -> int:
        key = (str(place.get("name") or ""), str(place.get("country") or ""))
        pk = self._place_pks.get(key)
        if pk is None:
            row = self.execute(
                "INSERT INTO places (name, country, lat, lon, kind) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (name, country) DO UPDATE SET lat = COALESCE(places.lat, "
                "excluded.lat), lon = COALESCE(places.lon, excluded.lon) RETURNING pk",
                (*key, place.get("lat"), place.get("lon"), place.get("kind") or ""),
            ).fetchone()
            pk = int(row[0])
            self._place_pks[key] = pk
        return pk

    def _ref_pk(self, ref: dict[str, Any] | None) -> int | None:
        if not ref:
            return None
        return self._actor_pk(
            ref.get("country") or "", ref.get("sector") or "", ref.get("name") or ""
        )

    def _insert_derived(self, stored: list[tuple[int, Prepared]]) -> None:
        removed: list[tuple[Any, ...]] = []
        sentences: list[tuple[Any, ...]] = []
        art_actors: list[tuple[Any, ...]] = []
        actor_mentions: list[tuple[Any, ...]] = []
        art_places: list[tuple[Any, ...]] = []
        place_mentions: list[tuple[Any, ...]] = []
        events: list[tuple[Any, ...]] = []
        evidence: list[tuple[Any, ...]] = []
        search: list[tuple[int, str, str]] = []
        for pk, p in stored:
            removed += [(pk, s, e, r) for s, e, r in p.removed]
            sentences += [(pk, k, s, e, int(t)) for k, s, e, t in p.sentences]
            for a in p.actors:
                local = str(a.get("id") or "")
                actor = self._actor_pk(
                    a.get("country") or "",
                    a.get("sector") or "",
                    a.get("name") or "",
                    a.get("kind") or "",
                )
                art_actors.append((pk, local, actor, a.get("kind") or ""))
                actor_mentions += [
                    (pk, local, m["start"], m["end"], m.get("text", ""), m.get("how", ""))
                    for m in a.get("mentions") or ()
                ]
            for pl in p.places:
                local = str(pl.get("id") or "")
                art_places.append((pk, local, self._place_pk(pl), int(bool(pl.get("main")))))
                place_mentions += [
                    (pk, local, m["start"], m["end"], m.get("text", ""), m.get("how", ""))
                    for m in pl.get("mentions") or ()
                ]
            for k, ev in enumerate(p.events):
                actor_ref = ev.get("actor") or None
                recipient_ref = ev.get("recipient") or None
                actor_ref = actor_ref if isinstance(actor_ref, dict) else None
                recipient_ref = recipient_ref if isinstance(recipient_ref, dict) else None
                events.append(
                    (
                        pk,
                        k,
                        ev.get("event_type") or "",
                        ev.get("mode") or "",
                        "|".join(ev.get("context") or ()),
                        self._ref_pk(actor_ref),
                        *_ref_cols(actor_ref),
                        self._ref_pk(recipient_ref),
                        *_ref_cols(recipient_ref),
                        ev.get("location") or "",
                        ev.get("location_id"),
                        ev.get("date") or p.article["date"],
                        ev.get("evidence") or "",
                        ev.get("quad") or "",
                        ev.get("score"),
                        float(ev.get("confidence") or 0.0),
                    )
                )
                for j, sp in enumerate(ev.get("evidence_spans") or ()):
                    trigger = sp.get("trigger") or {}
                    evidence.append(
                        (
                            pk,
                            k,
                            j,
                            sp["start"],
                            sp["end"],
                            trigger.get("start", sp["start"]),
                            trigger.get("end", sp["end"]),
                        )
                    )
            search.append((pk, p.title_terms, p.body_terms))
        inserts = (
            ('removed_spans (article_pk, start, "end", reason)', removed),
            ('sentences (article_pk, idx, start, "end", is_title)', sentences),
            ("article_actors (article_pk, local_id, actor_pk, kind)", art_actors),
            ('actor_mentions (article_pk, local_id, start, "end", text, how)', actor_mentions),
            ("article_places (article_pk, local_id, place_pk, main)", art_places),
            ('place_mentions (article_pk, local_id, start, "end", text, how)', place_mentions),
            (f"events ({', '.join(EVENT_COLUMNS)})", events),
            (
                'event_evidence (article_pk, event_idx, idx, start, "end", trigger_start, '
                "trigger_end)",
                evidence,
            ),
        )
        for target, rows in inserts:
            if not rows:
                continue
            if target.startswith("article_"):  # an article may repeat a local id: keep the first
                marks = ", ".join("?" for _ in rows[0])
                self.executemany(
                    f"INSERT INTO {target} VALUES ({marks}) ON CONFLICT DO NOTHING", rows
                )
            else:
                self.insert_rows(target, rows)
        self.write_search_rows(search)

    def insert_rows(self, target: str, rows: Sequence[Sequence[Any]]) -> None:
        """Insert many rows into ``target`` ("table (col, ...)"); PostgreSQL uses COPY."""
        marks = ", ".join("?" for _ in rows[0])
        self.executemany(f"INSERT INTO {target} VALUES ({marks})", rows)

    # --- story clusters --------------------------------------------------------------------

    def _cluster(self, pk: int, p: Prepared) -> None:
        opts = self.options.store
        keys = band_keys(p.signature, opts.lsh_bands)
        date = p.article["date"]
        best_cluster, best_sim = None, 0.0
        if keys:
            where = " OR ".join("(band = ? AND bucket = ?)" for _ in keys)
            params = [v for key in keys for v in key]
            candidates = self.query(
                f"SELECT a.pk, a.minhash, a.cluster_pk FROM articles a WHERE a.pk IN "
                f"(SELECT article_pk FROM lsh_buckets WHERE {where} LIMIT 500)",
                params,
            )
            for _cpk, sig, cluster in candidates:
                sim = similarity(p.signature, bytes(sig))
                if cluster is not None and sim > best_sim:
                    best_cluster, best_sim = cluster, sim
            self.insert_rows(
                "lsh_buckets (band, bucket, article_pk)",
                [(band, bucket, pk) for band, bucket in keys],
            )
        if best_cluster is not None and best_sim >= float(opts.cluster_threshold):
            self.execute("UPDATE articles SET cluster_pk = ? WHERE pk = ?", (best_cluster, pk))
            self.execute(
                "UPDATE clusters SET size = size + 1, "
                "sources = (SELECT COUNT(DISTINCT source) FROM articles WHERE cluster_pk = ?), "
                "first_date = CASE WHEN first_date = '' OR (? <> '' AND ? < first_date) "
                "THEN ? ELSE first_date END, "
                "last_date = CASE WHEN ? > last_date THEN ? ELSE last_date END WHERE pk = ?",
                (best_cluster, date, date, date, date, date, best_cluster),
            )
        else:
            row = self.execute(
                "INSERT INTO clusters (size, sources, first_date, last_date) VALUES (1, 1, ?, ?) "
                "RETURNING pk",
                (date, date),
            ).fetchone()
            self.execute("UPDATE articles SET cluster_pk = ? WHERE pk = ?", (row[0], pk))


def _ref_cols(ref: dict[str, Any] | None) -> tuple[str, str, str, str]:
    if not ref:
        return ("", "", "", "")
    return (
        str(ref.get("id") or ""),
        ref.get("country") or "",
        ref.get("sector") or "",
        ref.get("name") or "",
    )


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
