"""Build ``rasd/data/text/clitic_exceptions.tsv``: frequent words that start with clitic letters
but are not clitic + stem (فلسطين، لبنان، وزير، كتاب، بريطانيا ...).

A maintenance script (not run by rasd). It counts word forms in a news corpus (JSONL, optionally
gzipped, text in ``content``/``text``) and keeps a word W when every proclitic split W = P + S that
rasd's clitic analyzer would propose leaves a stem S that is rare on its own: freq(S) and
freq(ال + S) both below ``--ratio`` × freq(W). Only the word list is written (no text).

    python scripts/build_clitic_exceptions.py ../shared/data/saudinewsnet/saudinewsnet.jsonl.gz
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections import Counter
from pathlib import Path

from rasd.text.clitics import CliticAnalyzer
from rasd.text.normalize import Normalizer

OUT = Path(__file__).resolve().parents[1] / "src/rasd/data/text/clitic_exceptions.tsv"
HEADER = """# kind: clitic_exceptions
# source: word forms chosen by scripts/build_clitic_exceptions.py from word frequencies of a news corpus (SaudiNewsNet, 2015), then reviewed; plus hand-added words
# licence: Apache-2.0
# version: 2026.11
# notes: words that begin with clitic letters (و ف ب ل ك س ال) but are not clitic + stem; rasd never
#   splits them (nor words that start with a listed word of four letters or more). Base-normalized.
word\tnote
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("--min-freq", type=int, default=25)
    parser.add_argument("--ratio", type=float, default=0.03)
    parser.add_argument("--extra", nargs="*", default=[], help="words to add by hand")
    args = parser.parse_args()
    norm = Normalizer("base")
    counts: Counter[str] = Counter()
    opener = gzip.open if args.corpus.endswith(".gz") else open
    with opener(args.corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            text = rec.get("content") or rec.get("text") or ""
            counts.update(w for w in norm(text).split() if w.isalpha())
    analyzer = CliticAnalyzer([], cache_size=10**7)
    keep: list[str] = []
    for word, freq in counts.items():
        if freq < args.min_freq:
            continue
        splits = [a for a in analyzer(word) if a.prefix]
        if not splits:
            continue
        limit = args.ratio * freq
        if all(counts[a.stem] < limit and counts["ال" + a.stem] < limit for a in splits):
            keep.append(word)
    words = sorted(set(keep) | {norm(w) for w in args.extra})
    OUT.write_text(HEADER + "".join(f"{w}\t\n" for w in words), encoding="utf-8")
    print(f"{len(words)} words written to {OUT}")


if __name__ == "__main__":
    main()
