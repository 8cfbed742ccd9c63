"""The store through its Python API, on SQLite and PostgreSQL: idempotency, reprocess, clusters,
schema versions, failed writes."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from rasd.errors import NotARasdDatabaseError, SchemaTooNewError, StoreWriteError
from rasd.model import Document, Sentence
from rasd.store import open_store
from rasd.store.prepare import Preparer
from rasd.store.query import Filters, events, stats

from .helpers import db_url, event_documents, options, pg_schema_url, store_documents

__all__ = ["db_url"]

WIRE = (
    "أكد وزير الخارجية السعودي عادل الجبير خلال مؤتمر صحفي مشترك مع نظيره البريطاني في الرياض "
    "أن المملكة ماضية في دعم الحكومة الشرعية في اليمن حتى استعادة الأمن والاستقرار، وأشار إلى أن "
    "التحالف العربي يعمل على إيصال المساعدات الإنسانية إلى جميع المحافظات اليمنية دون استثناء. "
    "وأضاف الجبير أن الجانبين بحثا تطورات الأوضاع في سوريا والعراق وسبل مكافحة الإرهاب وتجفيف "
    "منابع تمويله، مشددا على أهمية التنسيق بين البلدين في مختلف المجالات السياسية والاقتصادية "
    "والأمنية. من جهته أعرب الوزير البريطاني عن تقدير بلاده للدور الذي تقوم به المملكة في "
    "تحقيق الاستقرار في المنطقة، مؤكدا حرص لندن على تطوير العلاقات الثنائية."
)
OTHER = (
    "شهدت أسواق الأسهم الخليجية تراجعا ملحوظا في تعاملات اليوم متأثرة بانخفاض أسعار النفط "
    "العالمية، وسجل المؤشر العام للسوق السعودية خسائر بلغت اثنين في المئة وسط تداولات ضعيفة، "
    "فيما تراجعت أسهم البنوك والبتروكيماويات بشكل واضح بحسب محللين ماليين في دبي والدوحة."
)


def doc(doc_id: str, text: str, source: str = "sabq", date: str = "2015-07-21") -> Document:
    return Document(
        id=doc_id,
        text=text,
        title="",
        date=date,
        source=source,
        sentences=[Sentence(0, len(text))],
    )


def count(url: str, table: str) -> int:
    with open_store(url, options()) as store:
        return int(store.scalar(f"SELECT COUNT(*) FROM {table}"))


def search_rows(url: str) -> int:
    table = "article_search" if url.startswith("postgres") else "article_fts"
    return count(url, table)


def test_same_id_or_same_normalized_content_adds_nothing(db_url: str) -> None:
    opts = options()
    prep = Preparer(opts)
    with open_store(db_url, opts, create=True) as store:
        first = store.write_batch([prep(doc("a", WIRE)), prep(doc("b", OTHER))], None)
        assert (first.added, first.skipped) == (2, 0)
        again = store.write_batch([prep(doc("a", WIRE))], None)
        # same text but diacritics, tatweel, ى for final ي and other spaces: same normalized content
        variant = WIRE.replace("السعودي", "السعودى").replace("المملكة", "المـمـلكة", 1)
        variant = variant.replace("دعم", "دَعْم").replace(" ", "  ", 3)
        copy = store.write_batch([prep(doc("other-id", variant))], None)
        assert (again.added, again.skipped) == (0, 1)
        assert (copy.added, copy.skipped) == (0, 1)
    assert count(db_url, "articles") == 2
    assert count(db_url, "sentences") == 2
    assert search_rows(db_url) == 2


def test_near_copies_across_outlets_share_a_story_cluster(db_url: str) -> None:
    copy = "الرياض - واس: " + WIRE.replace("مؤتمر صحفي مشترك", "مؤتمر صحافي مشترك")
    store_documents(
        db_url,
        [doc("w1", WIRE, "sabq"), doc("w2", copy, "okaz"), doc("x", OTHER, "aawsat")],
    )
    with open_store(db_url, options()) as store:
        clusters = dict(store.query("SELECT id, cluster_pk FROM articles"))
        assert clusters["w1"] == clusters["w2"] != clusters["x"]
        size, sources = store.query(
            "SELECT size, sources FROM clusters WHERE pk = ?", (clusters["w1"],)
        )[0]
        assert (size, sources) == (2, 2)
        assert stats(store, Filters())["clusters"] == 1


def test_reprocess_replaces_derived_rows_and_rolls_back_on_failure(db_url: str) -> None:
    docs = event_documents()
    store_documents(db_url, docs)
    opts = options()
    prep = Preparer(opts)
    # the new analysis found no events and one more sentence
    redone = []
    for d in docs:
        n = Document(id=d.id, text=d.text, title=d.title, date=d.date, source=d.source)
        n.sentences = [Sentence(0, 10), Sentence(11, len(d.text))]
        redone.append(prep(n))
    with open_store(db_url, opts) as store:
        # a failure in the middle of the batch changes nothing
        original = store.write_search_rows

        def broken(rows: Any) -> None:
            if store.backend == "sqlite":
                raise sqlite3.OperationalError("disk I/O error (simulated)")
            import psycopg

            raise psycopg.OperationalError("server closed the connection (simulated)")

        store.write_search_rows = broken  # type: ignore[method-assign]
        with pytest.raises(StoreWriteError, match="rolled back"):
            store.replace_batch(redone, None)
        store.write_search_rows = original  # type: ignore[method-assign]
        assert store.scalar("SELECT COUNT(*) FROM events") == 4
        assert store.scalar("SELECT COUNT(*) FROM sentences") == 3
        result = store.replace_batch(redone, None)
        assert result.replaced == 3
        assert store.scalar("SELECT COUNT(*) FROM events") == 0
        assert store.scalar("SELECT COUNT(*) FROM event_evidence") == 0
        assert store.scalar("SELECT COUNT(*) FROM sentences") == 6
        assert store.scalar("SELECT COUNT(*) FROM articles") == 3
    assert search_rows(db_url) == 3


def test_events_are_stored_with_actors_places_and_evidence(db_url: str) -> None:
    store_documents(db_url, event_documents())
    with open_store(db_url, options()) as store:
        rows = list(events(store, Filters()))
        assert [r["event_type"] for r in rows] == ["CONSULT", "AGREE", "ASSAULT", "PROTEST"]
        consult = rows[0]
        assert consult["actor"] == {
            "country": "USA",
            "sector": "SPY",
            "name": "Dan Coats",
            "id": "a2",
        }
        assert consult["recipient"]["name"] == "Abdel Fattah el-Sisi"
        assert (consult["location"], consult["location_country"]) == ("Cairo", "EGY")
        assert consult["evidence"].startswith("استقبل الرئيس السيسي")
        assert consult["evidence_spans"][0]["trigger_start"] > 0
        assert store.scalar("SELECT COUNT(*) FROM actors") == 8
        assert store.scalar("SELECT COUNT(*) FROM actor_mentions") == 8
        assert store.scalar("SELECT COUNT(*) FROM place_mentions") == 1
        data = stats(store, Filters())
        assert (data["articles"], data["events"], data["places"]) == (3, 4, 1)
        assert {"actor": "USASPY", "recipient": "EGYGOV", "events": 1} in data["top_dyads"]
        assert {"event_type": "PROTEST", "month": "2015-08", "events": 1} in data[
            "events_by_type_month"
        ]


def test_failed_write_rolls_back_the_whole_batch_sqlite(tmp_path: Path) -> None:
    url = str(tmp_path / "full.db")
    opts = options()
    prep = Preparer(opts)
    store_documents(url, [doc("a", WIRE)])
    with open_store(url, opts) as store:
        pages = store.scalar("PRAGMA page_count")
        store.execute(f"PRAGMA max_page_count = {pages + 3}")  # the disk is (nearly) full
        big = [prep(doc(f"b{i}", OTHER + f" رقم {i} " + WIRE * 3)) for i in range(40)]
        with pytest.raises(StoreWriteError, match=r"R404.*rolled back.*full"):
            store.write_batch(big, None)
        assert store.scalar("SELECT COUNT(*) FROM articles") == 1
        assert store.scalar("SELECT COUNT(*) FROM article_fts") == 1
        assert store.scalar("SELECT COUNT(*) FROM lsh_buckets WHERE article_pk > 1") == 0
        store.execute("PRAGMA max_page_count = 1073741823")
        assert store.write_batch(big, None).added == 40
        assert store.scalar("PRAGMA integrity_check") == "ok"


@pytest.mark.postgres
def test_lost_connection_rolls_back_the_batch_postgres() -> None:
    psycopg = pytest.importorskip("psycopg")
    for url in pg_schema_url():
        opts = options()
        prep = Preparer(opts)
        store_documents(url, [doc("a", WIRE)])
        store = open_store(url, opts)
        pid = store.conn.info.backend_pid  # type: ignore[attr-defined]
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        with pytest.raises(StoreWriteError, match="R404"):
            store.write_batch([prep(doc("b", OTHER))], None)
        store.close()
        assert count(url, "articles") == 1
        assert count(url, "article_search") == 1


def test_older_schema_is_migrated_newer_is_refused(db_url: str) -> None:
    from rasd.store.schema import latest_version

    opts = options()
    if db_url.startswith("postgres"):
        from rasd.store.postgres import PostgresStore

        old: Any = PostgresStore(db_url, opts, create=True)
    else:
        from rasd.store.sqlite import SQLiteStore

        old = SQLiteStore(db_url, opts, create=True)
    assert old.migrate(target=1) == 1
    old.close()
    store_documents(db_url, event_documents())  # opening migrates
    with open_store(db_url, opts) as store:
        assert store.schema_version() == latest_version(store.backend) >= 2
        names = {r[0] for r in store.query("SELECT name FROM schema_migrations")}
        assert {"initial", "filter"} <= {n.split("_")[0] for n in names}
        if store.backend == "sqlite":
            store.execute("PRAGMA user_version = 99")
        else:
            store.execute("INSERT INTO schema_migrations VALUES (99, 'future', 'now')")
    with pytest.raises(SchemaTooNewError, match=r"R402.*newer than this rasd"):
        open_store(db_url, opts)


def test_files_that_are_not_rasd_databases(tmp_path: Path) -> None:
    text = tmp_path / "notes.db"
    text.write_text("ليست قاعدة بيانات\n", encoding="utf-8")
    with pytest.raises(NotARasdDatabaseError, match="R401"):
        open_store(str(text), options())
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE articles (x)")
    conn.commit()
    conn.close()
    with pytest.raises(NotARasdDatabaseError, match="not a rasd store"):
        open_store(str(other), options(), create=True)


@pytest.mark.postgres
def test_postgres_database_of_another_application() -> None:
    psycopg = pytest.importorskip("psycopg")
    for url in pg_schema_url():
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("CREATE TABLE articles (x int)")
        with pytest.raises(NotARasdDatabaseError, match="R401"):
            open_store(url, options(), create=True)
