"""Score rasd against gold files in the event guide's format (one article per JSONL line).

Per article, as the guide scores it: actors as the set of (country, sector) pairs and separately the
set of names; places as the set of canonical names; events as the set of distinct
(event_type, actor.country, recipient.country) triples with CONSULT undirected, and a looser
(event_type, actor.country) set. Precision, recall and F1 are micro-averaged over articles.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from rasd.errors import EvaluationError

UNDIRECTED = frozenset({"CONSULT"})


@dataclass(slots=True)
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: set[Any], system: set[Any]) -> None:
        self.tp += len(gold & system)
        self.fp += len(system - gold)
        self.fn += len(gold - system)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


def _code(party: Any) -> str:
    return (party or {}).get("country", "") or "" if isinstance(party, dict) else ""


def event_triples(events: Iterable[dict[str, Any]]) -> set[tuple[str, str, str]]:
    out: set[tuple[str, str, str]] = set()
    for e in events:
        kind = e.get("event_type", "")
        a, r = _code(e.get("actor")), _code(e.get("recipient"))
        if kind in UNDIRECTED:
            a, r = sorted((a, r))
        out.add((kind, a, r))
    return out


def event_pairs(events: Iterable[dict[str, Any]]) -> set[tuple[str, str]]:
    return {(e.get("event_type", ""), _code(e.get("actor"))) for e in events}


def actor_pairs(actors: Iterable[dict[str, Any]]) -> set[tuple[str, str]]:
    return {(a.get("country", "") or "", a.get("sector", "") or "") for a in actors}


def actor_names(actors: Iterable[dict[str, Any]]) -> set[str]:
    return {a["name"] for a in actors if a.get("name")}


def place_names(places: Iterable[Any]) -> set[str]:
    return {p if isinstance(p, str) else p.get("name", "") for p in places} - {""}


@dataclass(slots=True)
class ArticleResult:
    id: str
    scores: dict[str, Score]
    missing_events: list[dict[str, Any]] = field(default_factory=list)
    spurious_events: list[dict[str, Any]] = field(default_factory=list)
    missing: dict[str, list[Any]] = field(default_factory=dict)
    spurious: dict[str, list[Any]] = field(default_factory=dict)


@dataclass(slots=True)
class Report:
    totals: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    per_type: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    articles: list[ArticleResult] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "overall": {k: v.to_json() for k, v in self.totals.items()},
            "events_by_type": {k: v.to_json() for k, v in sorted(self.per_type.items())},
            "articles": [
                {
                    "id": a.id,
                    **{k: v.to_json() for k, v in a.scores.items()},
                    "missing": a.missing,
                    "spurious": a.spurious,
                    "missing_events": a.missing_events,
                    "spurious_events": a.spurious_events,
                }
                for a in self.articles
            ],
        }


def read_gold(path: Path) -> Iterator[dict[str, Any]]:
    try:
        with open(path, "rb") as fh:
            for lineno, line in enumerate(fh, start=1):
                if line.strip():
                    try:
                        yield orjson.loads(line)
                    except orjson.JSONDecodeError as exc:
                        raise EvaluationError(
                            f"invalid JSON: {exc}", where=f"{path}:{lineno}"
                        ) from None
    except OSError as exc:
        raise EvaluationError(f"cannot read gold file: {exc.strerror}", where=str(path)) from None


def score_article(gold: dict[str, Any], system: dict[str, Any], report: Report) -> ArticleResult:
    result = ArticleResult(str(gold.get("id", "")), {})
    comparisons: dict[str, tuple[set[Any], set[Any]]] = {
        "actors": (actor_pairs(gold.get("actors", [])), actor_pairs(system.get("actors", []))),
        "actor_names": (actor_names(gold.get("actors", [])), actor_names(system.get("actors", []))),
        "places": (place_names(gold.get("places", [])), place_names(system.get("places", []))),
        "events": (event_triples(gold.get("events", [])), event_triples(system.get("events", []))),
        "events_loose": (
            event_pairs(gold.get("events", [])),
            event_pairs(system.get("events", [])),
        ),
    }
    for name, (g, s) in comparisons.items():
        score = Score()
        score.add(g, s)
        result.scores[name] = score
        total = report.totals[name]
        total.tp, total.fp, total.fn = total.tp + score.tp, total.fp + score.fp, total.fn + score.fn
        if name != "events" and name != "events_loose":
            result.missing[name] = sorted(g - s, key=str)
            result.spurious[name] = sorted(s - g, key=str)
    g_triples, s_triples = comparisons["events"]
    for kind in {t[0] for t in g_triples | s_triples}:
        report.per_type[kind].add(
            {t for t in g_triples if t[0] == kind}, {t for t in s_triples if t[0] == kind}
        )
    result.missing_events = [
        _event_brief(e)
        for e in gold.get("events", [])
        if next(iter(event_triples([e]))) in g_triples - s_triples
    ]
    result.spurious_events = [
        _event_brief(e)
        for e in system.get("events", [])
        if next(iter(event_triples([e]))) in s_triples - g_triples
    ]
    report.articles.append(result)
    return result


def _event_brief(e: dict[str, Any]) -> dict[str, Any]:
    return {
        "event_type": e.get("event_type"),
        "actor": _code(e.get("actor")),
        "recipient": _code(e.get("recipient")),
        "evidence": e.get("evidence", ""),
    }
