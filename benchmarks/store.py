"""Benchmark the store over SaudiNewsNet: ingest time next to ``rasd analyze`` alone (same run),
database size, peak memory, and search latency (p50/p95 over 100 varied queries).

    python benchmarks/store.py [CORPUS] [--limit N] [--jobs N] [--pg URL]

SQLite always; PostgreSQL too when ``--pg`` (or ``$RASD_TEST_PG_URL``) names a server (the
benchmark uses a fresh schema ``rasd_bench`` there and drops it at the end). Each part runs in its
own process, so its peak memory (max RSS, workers included) is its own.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

DEFAULT_CORPUS = (
    Path(__file__).resolve().parents[2] / "shared/data/saudinewsnet/saudinewsnet.jsonl.gz"
)

#: Words for the queries: names with spelling variants, places, clitic forms, common and rare words.
WORDS = [
    "السعودية",
    "السعوديه",
    "الرياض",
    "بالرياض",
    "جدة",
    "مكة",
    "المدينة",
    "الحرمين",
    "الملك",
    "سلمان",
    "محمد بن سلمان",
    "ولي العهد",
    "داعش",
    "الإرهاب",
    "الارهاب",
    "اليمن",
    "الحوثيين",
    "عدن",
    "صنعاء",
    "إيران",
    "ايران",
    "طهران",
    "الاتفاق النووي",
    "أمريكا",
    "امريكا",
    "واشنطن",
    "أوباما",
    "اوباما",
    "روسيا",
    "بوتين",
    "سوريا",
    "الأسد",
    "حلب",
    "العراق",
    "بغداد",
    "مصر",
    "بمصر",
    "لمصر",
    "السيسي",
    "السيسى",
    "القاهرة",
    "تركيا",
    "أردوغان",
    "قطر",
    "الكويت",
    "مسجد",
    "تفجير",
    "انتحاري",
    "الأمن",
    "وزارة الداخلية",
    "الصحة",
    "كورونا",
    "المستشفى",
    "التعليم",
    "الطلاب",
    "الجامعة",
    "النفط",
    "أسعار",
    "الأسهم",
    "السوق",
    "الاقتصاد",
    "الهلال",
    "النصر",
    "المنتخب",
    "الدوري",
    "فلسطين",
    "غزة",
    "الاحتلال",
    "القدس",
    "لبنان",
    "حزب الله",
    "الأمم المتحدة",
    "مجلس الأمن",
    "الحج",
    "الحجاج",
    "رمضان",
    "العيد",
    "الطقس",
    "الأمطار",
    "مرور",
    "حادث",
    "المرأة",
    "قيادة",
    "الشورى",
    "تويتر",
    "هيئة",
    "ساهر",
    "البطالة",
    "الإسكان",
    "المقاومة",
    "عاصفة الحزم",
    "التحالف",
    "الشهداء",
    "جازان",
    "نجران",
    "الحدود",
    "كوريا",
    "الصين",
    "اليابان",
]
SOURCES = ["sabq", "okaz", "aawsat", "alriyadh", "alwatan"]


def queries() -> list[tuple[str, dict[str, str]]]:
    """100 queries: single words, pairs, OR alternatives, some with filters."""
    out: list[tuple[str, dict[str, str]]] = []
    for k, word in enumerate(WORDS):
        filters: dict[str, str] = {}
        if k % 7 == 3:
            filters["source"] = SOURCES[k % len(SOURCES)]
        if k % 9 == 5:
            filters["since"] = "2015-08-01"
        out.append((word, filters))
    pairs = [(WORDS[i], WORDS[(i * 7 + 3) % len(WORDS)]) for i in range(0, len(WORDS), 9)]
    out += [(f"{a} {b}", {}) for a, b in pairs]
    out += [(f"{a} OR {b}", {}) for a, b in pairs[:4]]
    return out[:100]


def _peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def part_analyze(corpus: str, jobs: int) -> dict[str, Any]:
    from rasd.cli.main import main

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        code = main(["analyze", corpus, "--format", "jsonl", "-j", str(jobs), "-o", f"{tmp}/o"])
        seconds = time.perf_counter() - t0
    return {"seconds": seconds, "exit": code}


def part_ingest(corpus: str, jobs: int, db: str) -> dict[str, Any]:
    from rasd.cli.main import main
    from rasd.options import Options
    from rasd.store import open_store

    t0 = time.perf_counter()
    code = main(["ingest", corpus, "--db", db, "-j", str(jobs)])
    seconds = time.perf_counter() - t0
    with open_store(db, Options.load()) as store:
        articles = int(store.scalar("SELECT COUNT(*) FROM articles"))
        clusters = int(store.scalar("SELECT COUNT(*) FROM clusters WHERE size > 1"))
        size = store.size_bytes()
    return {
        "seconds": seconds,
        "exit": code,
        "articles": articles,
        "clusters": clusters,
        "size_mb": size / 1e6,
    }


def part_search(db: str) -> dict[str, Any]:
    from rasd.options import Options
    from rasd.store import open_store
    from rasd.store.prepare import make_terms
    from rasd.store.query import Filters, search

    options = Options.load()
    terms = make_terms(options)
    times: list[float] = []
    hits = 0
    with open_store(db, options) as store:
        search(store, "السعودية", Filters(), terms)  # warm the caches once
        for text, filters in queries():
            t0 = time.perf_counter()
            found = search(store, text, Filters.build(**filters), terms, limit=20)
            times.append((time.perf_counter() - t0) * 1000)
            hits += len(found)
    times.sort()
    return {
        "queries": len(times),
        "p50_ms": statistics.median(times),
        "p95_ms": times[int(len(times) * 0.95) - 1],
        "max_ms": times[-1],
        "mean_hits": hits / len(times),
    }


def _child(args: argparse.Namespace) -> None:
    if args.child == "analyze":
        result = part_analyze(args.corpus, args.jobs)
    elif args.child == "ingest":
        result = part_ingest(args.corpus, args.jobs, args.db)
    else:
        result = part_search(args.db)
    result["peak_mb"] = _peak_mb()
    print(json.dumps(result))


def _run(part: str, corpus: str, jobs: int, db: str = "") -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, __file__, corpus, "--jobs", str(jobs), "--child", part, "--db", db],
        check=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def _slice(corpus: str, limit: int, folder: str) -> str:
    if not limit:
        return corpus
    path = Path(folder) / "corpus.jsonl"
    with gzip.open(corpus, "rb") as src, open(path, "wb") as dst:
        for k, line in enumerate(src):
            if k == limit:
                break
            dst.write(line)
    return str(path)


def _pg_schema(url: str, schema: str, create: bool) -> str:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        if create:
            conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options=-csearch_path%3D{schema}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("--limit", type=int, default=0, help="first N articles only")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--pg", default=os.environ.get("RASD_TEST_PG_URL", ""))
    parser.add_argument("--child", choices=("analyze", "ingest", "search"))
    parser.add_argument("--db", default="")
    args = parser.parse_args()
    if args.child:
        _child(args)
        return
    if not Path(args.corpus).exists():
        sys.exit(f"corpus not found: {args.corpus}")
    with tempfile.TemporaryDirectory() as tmp:
        corpus = _slice(args.corpus, args.limit, tmp)
        analyze = _run("analyze", corpus, args.jobs)
        print(f"corpus {args.corpus} (limit {args.limit or 'none'}), --jobs {args.jobs}")
        print(f"analyze alone      {analyze['seconds']:7.1f} s   peak {analyze['peak_mb']:6.0f} MB")
        targets = [("sqlite", f"{tmp}/bench.db")]
        if args.pg:
            targets.append(("postgres", _pg_schema(args.pg, "rasd_bench", True)))
        for name, db in targets:
            ingest = _run("ingest", corpus, args.jobs, db)
            search = _run("search", corpus, args.jobs, db)
            ratio = ingest["seconds"] / analyze["seconds"]
            print(
                f"ingest {name:<10}  {ingest['seconds']:7.1f} s   peak {ingest['peak_mb']:6.0f} MB"
                f"   {ratio:.2f}x analyze (target <= 1.5x)   {ingest['articles']:,} articles, "
                f"{ingest['clusters']:,} story clusters, database {ingest['size_mb']:,.0f} MB"
            )
            print(
                f"search {name:<10}  p50 {search['p50_ms']:6.1f} ms   p95 {search['p95_ms']:6.1f} ms"
                f" (target < 50)   max {search['max_ms']:6.1f} ms   {search['queries']} queries, "
                f"{search['mean_hits']:.1f} hits each   peak {search['peak_mb']:4.0f} MB"
            )
        if args.pg:
            _pg_schema(args.pg, "rasd_bench", False)


if __name__ == "__main__":
    main()
