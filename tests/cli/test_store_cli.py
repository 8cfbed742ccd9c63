"""The store commands as a user runs them (real processes), on SQLite and PostgreSQL: ingest is
idempotent and resumes after kill -9, readers work during an ingest, events and exports in every
format, stats, bad input and bad databases."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rasd.store import open_store
from rasd.store.prepare import make_terms
from rasd.store.query import Filters, search

from ..conftest import ROOT, run_rasd
from ..store.helpers import db_url, event_documents, options, store_documents, write_corpus

__all__ = ["db_url"]


def rasd_json(*args: str) -> list[dict[str, object]]:
    proc = run_rasd(*args)
    assert proc.returncode == 0, proc.stderr.decode()
    return [json.loads(line) for line in proc.stdout.splitlines()]


def stored(url: str, sql: str = "SELECT COUNT(*) FROM articles") -> int:
    with open_store(url, options()) as store:
        return int(store.scalar(sql))


def start_ingest(
    corpus: Path, db_url: str, *, batch_size: int, stderr: int
) -> subprocess.Popen[bytes]:
    """A real ``rasd ingest`` process in the background (to kill it or read while it runs)."""
    env = dict(os.environ)
    env.pop("RASD_CONFIG", None)
    command = [sys.executable, "-m", "rasd.cli.main", "ingest", str(corpus), "--db", db_url]
    return subprocess.Popen(
        [*command, "--batch-size", str(batch_size)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=stderr,
    )


def test_ingest_is_idempotent_and_reports_bad_records(tmp_path: Path, db_url: str) -> None:
    corpus = write_corpus(tmp_path / "c.jsonl", 30)
    lines = corpus.read_text(encoding="utf-8").splitlines()
    lines.insert(4, '{"id": "broken", "text": ')  # line 5: invalid JSON
    lines.insert(9, '{"id": "no-text"}')  # line 10: no text field
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = run_rasd("ingest", str(corpus), "--db", db_url, "--batch-size", "7")
    err = proc.stderr.decode()
    assert proc.returncode == 1, err
    assert f"{corpus}:5: [R106]" in err and f"{corpus}:10: [R106]" in err
    assert "30 added" in err and "Traceback" not in err
    again = run_rasd("ingest", str(corpus), "--db", db_url)
    assert again.returncode == 1 and b"0 added, 30 already stored" in again.stderr
    assert stored(db_url) == 30
    [stats] = rasd_json("stats", "--db", db_url, "--format", "jsonl")
    assert stats["articles"] == 30 and stats["runs"] == 2
    assert {"events", "actors", "places"} <= set(stats)


def test_kill_9_leaves_a_consistent_database_and_the_next_ingest_resumes(
    tmp_path: Path, db_url: str
) -> None:
    corpus = write_corpus(tmp_path / "big.jsonl", 2500)
    proc = start_ingest(corpus, db_url, batch_size=20, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if stored(db_url) >= 60:
                    break
            except Exception:  # not created yet
                pass
            assert proc.poll() is None, "ingest finished before it could be killed"
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    n = stored(db_url)
    assert 60 <= n < 2500 and n % 20 == 0  # whole batches only
    search_table = "article_search" if db_url.startswith("postgres") else "article_fts"
    assert stored(db_url, f"SELECT COUNT(*) FROM {search_table}") == n
    assert stored(db_url, "SELECT COUNT(DISTINCT article_pk) FROM sentences") == n
    assert stored(db_url, "SELECT COUNT(*) FROM articles WHERE cluster_pk IS NULL") == 0
    if not db_url.startswith("postgres"):
        with open_store(db_url, options()) as store:
            assert store.scalar("PRAGMA integrity_check") == "ok"
    # no PATH: resume the unfinished run
    resumed = run_rasd("ingest", "--db", db_url)
    assert resumed.returncode == 0, resumed.stderr.decode()
    assert b"resuming run 1" in resumed.stderr
    assert f"{2500 - n} added, {n} already stored".encode() in resumed.stderr
    assert stored(db_url) == 2500 == stored(db_url, "SELECT COUNT(DISTINCT id) FROM articles")
    with open_store(db_url, options()) as store:
        statuses = [r[0] for r in store.query("SELECT status FROM runs ORDER BY pk")]
    assert statuses == ["interrupted", "done"]


def test_readers_work_while_an_ingest_runs(tmp_path: Path, db_url: str) -> None:
    corpus = write_corpus(tmp_path / "big.jsonl", 1500)
    store_documents(db_url, event_documents())  # the database exists before readers start
    proc = start_ingest(corpus, db_url, batch_size=10, stderr=subprocess.PIPE)
    opts = options()
    terms = make_terms(opts)
    seen: list[int] = []
    during = 0
    cli_ok = False
    try:
        while proc.poll() is None:
            with open_store(db_url, opts) as store:
                hits = search(store, "الرياض", Filters(), terms, limit=5)
                n = int(store.scalar("SELECT COUNT(*) FROM articles"))
            if proc.poll() is None and 3 < n < 1503:
                during += 1
                assert len(hits) == min(5, max(0, n - 3)) or n > 3
                if not cli_ok:
                    out = run_rasd("search", "الرياض", "--db", db_url, "--format", "jsonl")
                    assert out.returncode == 0, out.stderr.decode()
                    cli_ok = True
            seen.append(n)
            time.sleep(0.05)
    finally:
        if proc.poll() is None:
            proc.kill()
        _, err = proc.communicate()
    assert proc.returncode == 0, err.decode()
    assert seen == sorted(seen) and during >= 3 and cli_ok
    assert stored(db_url) == 1503


def test_search_command(tmp_path: Path, db_url: str) -> None:
    corpus = write_corpus(tmp_path / "c.jsonl", 12)
    assert run_rasd("ingest", str(corpus), "--db", db_url).returncode == 0
    hits = rasd_json("search", "الرياض", "--db", db_url, "--format", "jsonl", "--limit", "3")
    assert len(hits) == 3
    hits = rasd_json("search", "الرياض", "--db", db_url, "--format", "jsonl", "--source", "okaz")
    assert hits and {h["source"] for h in hits} == {"okaz"}
    assert all("<b>الرياض</b>" in str(h["snippet"]) for h in hits)
    table = run_rasd("search", "الخرطوم", "--db", db_url, "--since", "2015-07-28")
    assert table.returncode == 0 and "[الخرطوم]" in table.stdout.decode()
    assert run_rasd("search", "،", "--db", db_url).returncode == 2
    assert run_rasd("search", "x", "--db", db_url, "--since", "yesterday").returncode == 2


@pytest.fixture
def events_db(db_url: str) -> str:
    store_documents(db_url, event_documents())
    return db_url


def test_events_filters(events_db: str) -> None:
    def types(*args: str) -> list[str]:
        return [
            str(e["event_type"])
            for e in rasd_json("events", "--db", events_db, "--format", "jsonl", *args)
        ]

    assert types() == ["CONSULT", "AGREE", "ASSAULT", "PROTEST"]
    assert types("--actor", "EGY") == ["AGREE", "PROTEST"]
    assert types("--actor", "USASPY") == ["CONSULT"]
    assert types("--actor", "dan coats") == ["CONSULT"]
    assert types("--recipient", "USA") == ["AGREE"]
    assert types("--recipient", "EGYMIL,USA") == ["AGREE", "ASSAULT"]
    assert types("--type", "CONSULT,AGREE") == ["CONSULT", "AGREE"]
    assert types("--type", "consult", "--actor", "EGY") == []
    assert types("--since", "2015-08-01") == ["AGREE", "ASSAULT", "PROTEST"]
    assert types("--until", "2015-08") == ["CONSULT", "AGREE", "ASSAULT", "PROTEST"]
    assert types("--since", "2015-08-03", "--until", "2015-08-31") == ["PROTEST"]
    assert types("--source", "wire-a") == ["CONSULT", "PROTEST"]
    [ev] = rasd_json("events", "--db", events_db, "--format", "jsonl", "--type", "CONSULT")
    assert ev["actor"] == {"country": "USA", "sector": "SPY", "name": "Dan Coats", "id": "a2"}
    assert ev["location"] == "Cairo" and ev["article_id"] == "ev-1"
    table = run_rasd("events", "--db", events_db)
    assert table.returncode == 0
    assert (
        "CONSULT: USASPY (Dan Coats) → EGYGOV (Abdel Fattah el-Sisi) @Cairo"
        in table.stdout.decode()
    )


def test_events_and_export_in_every_format(tmp_path: Path, events_db: str) -> None:
    proc = run_rasd("events", "--db", events_db, "--format", "csv", "--actor", "EGY")
    rows = list(csv.DictReader(io.StringIO(proc.stdout.decode())))
    assert [(r["event_type"], r["actor_country"], r["recipient_country"]) for r in rows] == [
        ("AGREE", "EGY", "USA"),
        ("PROTEST", "EGY", "EGY"),
    ]
    plover = rasd_json("export", "--db", events_db, "--format", "plover")
    assert [p["event_type"] for p in plover] == ["CONSULT", "AGREE", "ASSAULT", "PROTEST"]
    first = plover[0]
    assert first["actor_name"] == "Dan Coats" and first["recipient_country"] == "EGY"
    assert first["event_date"] == "2015-07-26" and first["contexts"] == ["diplomatic"]
    assert first["placename"] == "Cairo" and first["latitude"] == 30.04
    assert first["story_id"] == "ev-1" and first["language"] == "ar"
    proc = run_rasd("export", "--db", events_db, "--format", "csv", "--type", "AGREE")
    [row] = list(csv.DictReader(io.StringIO(proc.stdout.decode())))
    assert (row["event_type"], row["actor_country"], row["recipient_country"]) == (
        "AGREE",
        "EGY",
        "USA",
    )
    assert list(row)[:3] == ["event_id", "event_date", "event_type"]
    pq = pytest.importorskip("pyarrow.parquet")
    for command, fmt in (("events", "parquet"), ("export", "parquet")):
        out = tmp_path / f"{command}.parquet"
        proc = run_rasd(command, "--db", events_db, "--format", fmt, "-o", str(out))
        assert proc.returncode == 0, proc.stderr.decode()
        table = pq.read_table(out).to_pylist()
        assert [t["event_type"] for t in table] == ["CONSULT", "AGREE", "ASSAULT", "PROTEST"]
        key = "context" if command == "events" else "contexts"
        assert table[0][key] == ["diplomatic"]
    [stats] = rasd_json("stats", "--db", events_db, "--format", "jsonl")
    assert (stats["articles"], stats["events"], stats["actors"], stats["places"]) == (3, 4, 8, 1)
    text = run_rasd("stats", "--db", events_db).stdout.decode()
    assert "USASPY" in text and "events by type and month" in text


def test_reprocess_command(tmp_path: Path, db_url: str) -> None:
    corpus = write_corpus(tmp_path / "c.jsonl", 8)
    assert run_rasd("ingest", str(corpus), "--db", db_url).returncode == 0
    with open_store(db_url, options()) as store:
        expected = store.scalar("SELECT COUNT(*) FROM sentences")
        store.execute("UPDATE articles SET analysis_version = '0.0.1:old' WHERE id <= 'art-00002'")
        store.execute(
            "DELETE FROM sentences WHERE article_pk IN (SELECT pk FROM articles "
            "WHERE id <= 'art-00002')"
        )
    proc = run_rasd("reprocess", "--db", db_url)
    assert proc.returncode == 0, proc.stderr.decode()
    assert b"3 article(s) analyzed again" in proc.stderr
    assert stored(db_url, "SELECT COUNT(*) FROM sentences") == expected
    assert b" 0 article(s)" in run_rasd("reprocess", "--db", db_url).stderr
    assert b"8 article(s)" in run_rasd("reprocess", "--db", db_url, "--all").stderr


def test_bad_databases_and_usage(tmp_path: Path) -> None:
    notes = tmp_path / "notes.db"
    notes.write_text("ليست قاعدة بيانات", encoding="utf-8")
    proc = run_rasd("stats", "--db", str(notes))
    assert proc.returncode == 1 and b"[R401] not a rasd database" in proc.stderr
    proc = run_rasd("search", "مصر", "--db", str(tmp_path / "missing.db"))
    assert proc.returncode == 1 and b"[R403]" in proc.stderr
    assert not (tmp_path / "missing.db").exists()
    proc = run_rasd("events", "--db", "mysql://x/y")
    assert proc.returncode == 2 and b"unsupported database URL" in proc.stderr
    assert run_rasd("events", "--db", str(notes), "--format", "xml").returncode == 2
    env = {"RASD_DB": str(tmp_path / "env.db")}
    corpus = write_corpus(tmp_path / "c.jsonl", 2)
    assert run_rasd("ingest", str(corpus), env=env).returncode == 0
    assert (tmp_path / "env.db").exists()
    proc = run_rasd("stats", "--format", "jsonl", env=env)
    assert json.loads(proc.stdout)["articles"] == 2


def test_store_commands_and_error_codes_are_documented() -> None:
    cli = (ROOT / "docs/cli.md").read_text(encoding="utf-8")
    for name in ("ingest", "reprocess", "search", "events", "export", "stats"):
        assert f"## `rasd {name}" in cli
        proc = run_rasd(name, "--help")
        assert proc.returncode == 0 and b"--db" in proc.stdout
    for code in ("R401", "R402", "R403", "R404", "R405"):
        assert code in cli
    store = (ROOT / "docs/store.md").read_text(encoding="utf-8")
    from rasd.store.export import PLOVER_FIELDS

    for field in PLOVER_FIELDS:
        assert f"`{field}`" in store, field
