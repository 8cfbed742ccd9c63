"""Benchmark the text layer over SaudiNewsNet, next to the floor measured in the same run.

    python benchmarks/text_layer.py [CORPUS] [--limit N] [--stages clean,normalize,segment]

floor: decompress + JSON-parse + regex-tokenize (``\\w+``) every article.
text layer: rasd's reader (gzip + JSON + field aliases) and pipeline stages clean → normalize →
segment (sentences, tokens, clitic candidates for every token).
Each part runs in its own subprocess so its peak memory (max RSS) is its own.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

DEFAULT_CORPUS = (
    Path(__file__).resolve().parents[2] / "shared/data/saudinewsnet/saudinewsnet.jsonl.gz"
)


def floor(corpus: str, limit: int) -> dict[str, float]:
    import orjson

    word = re.compile(r"\w+")
    t0 = time.perf_counter()
    articles = tokens = 0
    with gzip.open(corpus, "rb") as fh:
        for line in fh:
            rec = orjson.loads(line)
            tokens += len(word.findall(rec.get("content") or ""))
            articles += 1
            if articles == limit:
                break
    return {"seconds": time.perf_counter() - t0, "articles": articles, "tokens": tokens}


def text_layer(corpus: str, limit: int, stages: str) -> dict[str, float]:
    import gc

    from rasd.options import Options
    from rasd.pipeline import Analyzer
    from rasd.readers.records import ReadFailure, iter_records

    gc.set_threshold(100_000, 50, 100)
    options = Options.load(overrides={"pipeline": {"stages": stages.split(",")}})
    t_load = time.perf_counter()
    analyzer = Analyzer(options)  # builds every stage, loading its dictionaries
    load_seconds = time.perf_counter() - t_load
    t0 = time.perf_counter()
    articles = tokens = sentences = failed = 0
    for item in iter_records([corpus], options.input):
        if isinstance(item, ReadFailure):
            failed += 1
            continue
        doc = analyzer.analyze_record(item)
        articles += 1
        sentences += len(doc.sentences)
        tokens += analyzer.last_token_count if hasattr(analyzer, "last_token_count") else 0
        if articles == limit:
            break
    return {
        "seconds": time.perf_counter() - t0,
        "articles": articles,
        "sentences": sentences,
        "failed": failed,
        "load_seconds": load_seconds,
    }


def _child(part: str, corpus: str, limit: int, stages: str) -> None:
    result = floor(corpus, limit) if part == "floor" else text_layer(corpus, limit, stages)
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--stages", default="clean,normalize,segment")
    parser.add_argument("--child", choices=("floor", "layer"))
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.corpus, args.limit, args.stages)
        return
    if not Path(args.corpus).exists():
        sys.exit(f"corpus not found: {args.corpus}")
    results = {}
    for part in ("floor", "layer"):
        out = subprocess.run(
            [
                sys.executable,
                __file__,
                args.corpus,
                "--limit",
                str(args.limit),
                "--stages",
                args.stages,
                "--child",
                part,
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        results[part] = json.loads(out.stdout)
    fl, la = results["floor"], results["layer"]
    print(f"corpus: {args.corpus} ({fl['articles']:,} articles, {fl['tokens']:,} regex tokens)")
    print(
        f"floor      {fl['seconds']:7.2f} s  {fl['articles'] / fl['seconds']:8,.0f} articles/s  "
        f"{fl['tokens'] / fl['seconds']:10,.0f} tokens/s  peak {fl['peak_mb']:6.0f} MB"
    )
    print(
        f"text layer {la['seconds']:7.2f} s  {la['articles'] / la['seconds']:8,.0f} articles/s  "
        f"{fl['tokens'] / la['seconds']:10,.0f} tokens/s  peak {la['peak_mb']:6.0f} MB  "
        f"({la['sentences']:,} sentences; stages {args.stages})"
    )
    print(
        f"ratio      {la['seconds'] / fl['seconds']:.2f}x the floor (target <= 3x); "
        f"setup {la['load_seconds']:.2f} s"
    )


if __name__ == "__main__":
    main()
