"""Throughput and memory of rasd over SaudiNewsNet, next to the floor measured in the same run.

    python benchmarks/pipeline.py [CORPUS] [--limit N] [--jobs N] [--parts floor,text,actors,full,cli]
                                  [--repeat N]

floor   decompress + JSON-parse + regex-tokenize (``\\w+``) every article (stdlib json)
text    rasd's reader and the text layer: clean → normalize → segment (sentences, tokens, clitics)
actors  text layer + actors and places
full    every stage (text, actors, events) through the Python API; tokens are not computed, as in
        ``rasd analyze`` without ``--tokens``
cli     ``rasd analyze --format jsonl CORPUS > /dev/null`` (the whole command, JSON output included;
        with ``--jobs N``, ``-j N`` is added)

``--jobs`` defaults to what ``rasd analyze`` uses by default (one worker per core, at most four).
Each part runs in its own process, so its peak memory (max RSS) is its own; with more than one job
the text, actors and full parts run on worker processes (as ``rasd analyze -j N``) and the peak is
the largest of the reading process's and each worker's. For the cli part the peak is also given
for the whole command: the sum of the resident memory of all its processes, sampled every 0.1 s. Dictionary loading is timed separately (``setup``). Targets from the issues:
text ≤ 3× the floor, actors ≤ 6×, cli ≤ 10× with peak memory under 1 GB. Results are printed and
appended to benchmarks/results/pipeline.jsonl. With ``--repeat N`` the parts run N rounds, one
after the other in each, and each part's fastest run (and the fastest floor) is reported.
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
STAGES = {
    "text": "clean,normalize,segment",
    "actors": "clean,normalize,segment,actors",
    "full": "clean,normalize,segment,actors,events",
}
TARGETS = {"text": 3.0, "actors": 6.0, "full": 10.0, "cli": 10.0}


def floor(corpus: str, limit: int) -> dict[str, float]:
    word = re.compile(r"\w+")
    t0 = time.perf_counter()
    articles = tokens = 0
    with gzip.open(corpus, "rb") as fh:
        for line in fh:
            rec = json.loads(line)
            tokens += len(word.findall(rec.get("content") or ""))
            articles += 1
            if articles == limit:
                break
    return {"seconds": time.perf_counter() - t0, "articles": articles, "tokens": tokens}


def counts(doc: object) -> tuple[int, int]:
    """What a worker sends back per article: its numbers of sentences and events."""
    return len(doc.sentences), len(doc.events)  # type: ignore[attr-defined]


def layer(corpus: str, limit: int, stages: str, jobs: int) -> dict[str, float]:
    import gc
    from itertools import islice

    from rasd.errors import RasdError
    from rasd.options import Options
    from rasd.parallel import analyze_stream
    from rasd.pipeline import Analyzer
    from rasd.readers.records import iter_records

    gc.set_threshold(100_000, 50, 100)
    overrides: dict[str, dict[str, object]] = {"pipeline": {"stages": stages.split(",")}}
    if "events" not in stages:
        # the text layer includes tokens and their clitic analyses (the full pipeline computes
        # them only when something asks for them)
        overrides["segment"] = {"eager_tokens": True}
    options = Options.load(overrides=overrides)
    t_setup = time.perf_counter()
    Analyzer(options)  # builds every stage, loading its dictionaries
    setup = time.perf_counter() - t_setup
    t0 = time.perf_counter()
    articles = sentences = events = failed = 0
    items = iter_records([corpus], options.input)
    if limit:
        items = islice(items, limit)
    for result in analyze_stream(items, options, jobs=jobs, encoder=counts):
        if isinstance(result, RasdError):
            failed += 1
            continue
        articles += 1
        sentences += result[0]
        events += result[1]
    return {
        "seconds": time.perf_counter() - t0,
        "articles": articles,
        "sentences": sentences,
        "events": events,
        "failed": failed,
        "setup": setup,
    }


def cli(corpus: str, limit: int, jobs: int | None) -> dict[str, float]:
    if limit:
        sys.exit("the cli part runs on the whole corpus: drop --limit")
    command = [sys.executable, "-m", "rasd.cli.main", "analyze", corpus, "--format", "jsonl"]
    if jobs is not None:
        command += ["--jobs", str(jobs)]
    t0 = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    total_peak = 0
    while proc.poll() is None:
        total_peak = max(total_peak, _tree_rss_kb(proc.pid))
        time.sleep(0.1)
    seconds = time.perf_counter() - t0
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "seconds": seconds,
        "exit": proc.returncode,
        "children_peak_mb": children,
        "total_peak_mb": total_peak / 1024,
    }


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants (Linux /proc), in kB."""
    total = 0
    todo = [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/status", encoding="ascii") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            for task in Path(f"/proc/{current}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, ValueError):
            continue  # the process ended meanwhile
    return total


def _child(part: str, corpus: str, limit: int, jobs: int | None) -> None:
    if part == "floor":
        result = floor(corpus, limit)
    elif part == "cli":
        result = cli(corpus, limit, jobs)
    else:
        from rasd.parallel import default_jobs

        jobs = default_jobs() if jobs is None else jobs
        result = layer(corpus, limit, STAGES[part], jobs)
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if part != "cli" and jobs is not None and jobs > 1:
        result["children_peak_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps(result))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument(
        "--jobs", type=int, default=None, help="worker processes (default: as rasd analyze)"
    )
    parser.add_argument("--parts", default="floor,text,actors,full")
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="rounds of all parts (interleaved); each part's fastest run is reported, as timeit "
        "does, since a shared machine only ever slows a run down",
    )
    parser.add_argument("--child")
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.corpus, args.limit, args.jobs)
        return
    if not Path(args.corpus).exists():
        sys.exit(f"corpus not found: {args.corpus}")
    parts = args.parts.split(",")
    if "floor" not in parts:
        parts.insert(0, "floor")
    results: dict[str, dict[str, float]] = {}
    runs: dict[str, list[float]] = {part: [] for part in parts}
    for _ in range(max(1, args.repeat)):
        for part in parts:
            out = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    args.corpus,
                    "--limit",
                    str(args.limit),
                    *(["--jobs", str(args.jobs)] if args.jobs is not None else []),
                    "--child",
                    part,
                ],
                check=True,
                capture_output=True,
                text=True,
            )
            result = json.loads(out.stdout)
            runs[part].append(result["seconds"])
            if part not in results or result["seconds"] < results[part]["seconds"]:
                results[part] = result
    from rasd.parallel import default_jobs

    jobs = f"{args.jobs}" if args.jobs is not None else f"{default_jobs()} (the default)"
    base = results["floor"]
    n = base["articles"]
    print(f"corpus: {args.corpus} ({n:,} articles, {base['tokens']:,} regex tokens)")
    for part, r in results.items():
        ratio = r["seconds"] / base["seconds"]
        # the largest of the reading process and each worker (with --jobs)
        peak = max(r["peak_mb"], r.get("children_peak_mb", 0.0))
        if part == "cli":
            peak = r["children_peak_mb"]
            extra_peak = f" (all processes {r['total_peak_mb']:.0f} MB)"
        else:
            extra_peak = ""
        target = f" (target ≤ {TARGETS[part]:.0f}×)" if part in TARGETS else ""
        extra = f", setup {r['setup']:.2f} s" if "setup" in r else ""
        extra += f", jobs {jobs}" if part != "floor" else ""
        if len(runs[part]) > 1:
            extra += f", best of {len(runs[part])} ({min(runs[part]):.2f}–{max(runs[part]):.2f} s)"
        print(
            f"{part:<7}{r['seconds']:8.2f} s  {n / r['seconds']:8,.0f} articles/s  "
            f"{base['tokens'] / r['seconds']:10,.0f} tokens/s  peak {peak:6.0f} MB{extra_peak}  "
            f"{ratio:5.2f}× the floor{target}{extra}"
        )
    out_dir = Path(__file__).parent / "results"
    out_dir.mkdir(exist_ok=True)
    with open(out_dir / "pipeline.jsonl", "a", encoding="utf-8") as fh:
        fh.write(
            json.dumps(
                {
                    "time": time.strftime("%Y-%m-%dT%H:%M:%S"),
                    "limit": args.limit,
                    "jobs": args.jobs,
                    "results": results,
                    "runs": runs,
                }
            )
            + "\n"
        )


if __name__ == "__main__":
    main()
