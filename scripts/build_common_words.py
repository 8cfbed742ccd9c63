"""Build ``rasd/data/text/common_words.tsv``: the most frequent word forms of Arabic news that are not
parts of personal names. rasd uses it to tell an unknown personal name after a title (الرئيس X Y)
from ordinary words (الرئيس حفظه الله).

A maintenance script (not run by rasd). It counts base-normalized word forms in a news corpus (JSONL,
optionally gzipped, text in ``content``/``text``), keeps the ``--top`` most frequent, and removes every
word that occurs in a person's name in rasd's ``people`` dictionary (محمد، عبدالله، بن ...). Only the
word list is written.

    python scripts/build_common_words.py ../shared/data/saudinewsnet/saudinewsnet.jsonl.gz
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections import Counter
from pathlib import Path

from rasd.dicts.tsv import load_kind, split_values
from rasd.text.normalize import Normalizer

OUT = Path(__file__).resolve().parents[1] / "src/rasd/data/text/common_words.tsv"
HEADER = """# kind: common_words
# source: the most frequent word forms of a news corpus (SaudiNewsNet, 2015) chosen by scripts/build_common_words.py, minus words found in personal names of rasd's people dictionary
# licence: Apache-2.0
# version: 2026.11
# notes: base-normalized; words that cannot be part of an unknown personal name read after a title.
word\tnote
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("--top", type=int, default=6000)
    args = parser.parse_args()
    norm = Normalizer("base")
    counts: Counter[str] = Counter()
    opener = gzip.open if args.corpus.endswith(".gz") else open
    with opener(args.corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            counts.update(
                w
                for w in norm(rec.get("content") or rec.get("text") or "").split()
                if w.isalpha() and not w.isascii()
            )
    name_words = {
        w
        for t in load_kind("people")
        for row in t.rows
        for form in split_values(row["ar"])
        for w in norm(form).split()
    }
    words = sorted(w for w, _ in counts.most_common(args.top) if w not in name_words)
    OUT.write_text(HEADER + "".join(f"{w}\t\n" for w in words), encoding="utf-8")
    print(f"{len(words)} words written to {OUT}")


if __name__ == "__main__":
    main()
