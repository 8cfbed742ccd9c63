"""Tell event reports from mere mentions: a small logistic-regression model per event type.

Keyword matching finds protest and violence words in sentences that do not report a protest or an
attack (metaphors, history, announcements, sports). For the types the model file covers, a sentence
with a trigger of that type is kept only when the model's probability reaches the type's threshold.

The features are explainable: which triggers matched and how (verb or noun, negated, future ...),
which cue kinds the sentence holds, what kinds of actors and places it names, whether it has numbers
and date words, and its words (clitics stripped). The model file ``data/models/event_filter.json`` is
rebuilt by ``scripts/train_event_filter.py``; inference here is a dot product, no dependencies.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from importlib import resources
from itertools import repeat
from operator import mul
from typing import Any

from rasd.events.triggers import TriggerHit, word_variants

_DIGIT_RE = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class TypeModel:
    intercept: float
    threshold: float
    weights: dict[str, float]
    use_words: bool = True  # whether the model was trained with word features
    # cache: word -> its word features that have a weight (the others add nothing to the sum)
    weighted_words: dict[str, dict[str, float]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def probability(self, features: dict[str, float]) -> float:
        # Σ weight × value, in the order of the features (as a generator would add them)
        weights = map(self.weights.get, features, repeat(0.0))
        z = self.intercept + sum(map(mul, weights, features.values()))
        return 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))


def load_models() -> dict[str, TypeModel]:
    path = resources.files("rasd").joinpath("data/models/event_filter.json")
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {
        t: TypeModel(m["intercept"], m["threshold"], m["weights"])
        for t, m in data.get("types", {}).items()
    }


def sentence_features(
    event_type: str,
    hits: list[tuple[TriggerHit, str]],
    cue_kinds: list[str],
    words: list[str],
    sectors: list[str],
    n_places: int,
    has_date: bool,
    text: str,
    variants: dict[str, frozenset[str]] | None = None,
    use_words: bool = True,
    model: TypeModel | None = None,
) -> dict[str, float]:
    """Features of one sentence for one event type. ``hits`` pairs each trigger with its status.
    With ``model``, only the word features it weighs (for its probability, the same sum)."""
    f: dict[str, float] = {"bias_len": min(len(words), 80) / 80.0}
    own = [(h, s) for h, s in hits if h.trigger.event_type == event_type]
    for h, state in own:
        f[f"trig:{h.trigger.lemma}"] = 1.0
        f[f"trigpos:{h.trigger.pos}"] = 1.0
        f[f"status:{state}"] = 1.0
        if h.trigger.mode:
            f[f"mode:{h.trigger.mode}"] = 1.0
        if h.trigger.rest:
            f["phrase"] = 1.0
    if own and all(s != "event" for _, s in own):
        f["no_plain_trigger"] = 1.0
    f["n_own"] = min(len(own), 5) / 5.0
    for h, _ in hits:
        if h.trigger.event_type != event_type:
            f[f"other:{h.trigger.event_type}"] = 1.0
    for kind in cue_kinds:
        f[f"cue:{kind}"] = 1.0
    for sector in sectors:
        f[f"sector:{sector or 'none'}"] = 1.0
    f["n_parties"] = min(len(sectors), 6) / 6.0
    if n_places:
        f["has_place"] = 1.0
    if has_date:
        f["has_date"] = 1.0
    if _DIGIT_RE.search(text):
        f["has_number"] = 1.0
    cache = variants if variants is not None else {}
    # word -> its word features (with a model, only those it weighs), in the order of its variants
    # (training passes no model: no cache outlives the call there)
    known: dict[str, dict[str, float]] = model.weighted_words if model is not None else {}
    if len(known) > 200_000:
        known.clear()
    for word in words if use_words else ():
        features = known.get(word)
        if features is None:
            forms = cache.get(word)
            if forms is None:
                forms = cache[word] = frozenset(word_variants(word))
            features = {"w:" + v: 1.0 for v in forms if len(v) >= 2}
            if model is not None:
                features = {k: v for k, v in features.items() if k in model.weights}
            known[word] = features or _NO_FEATURES
        if features:
            f.update(features)
    return f


_NO_FEATURES: dict[str, float] = {}  # shared by the words without any; read only


def to_json(models: dict[str, Any], source: str) -> str:
    return json.dumps(
        {"version": 1, "source": source, "types": models},
        ensure_ascii=False,
        indent=1,
        sort_keys=True,
    )
