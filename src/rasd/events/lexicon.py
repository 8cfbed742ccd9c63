"""Event knowledge compiled for matching: triggers, cues, contexts, calendar words, the ontology.

Verbs are listed once (3rd person masculine singular perfect and imperfect, verbal nouns); their
inflections are generated here from Arabic suffix and prefix patterns (:func:`perfect_forms`,
:func:`imperfect_forms`, :func:`noun_forms`), including the weak verbs whose last letter changes
(التقى → التقت، التقوا; دعا → دعت; يلتقي → يلتقون). Single words go into an Aho–Corasick automaton;
a multiword phrase is indexed by its first word and its other words are checked on the following
tokens, allowing proclitics on them (قام بزيارة) and a few words in between (أعرب الوزير عن قلقه).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import product
from typing import Any, NamedTuple

from rasd.actors.lexicon import match_key
from rasd.dicts.tsv import split_values
from rasd.knowledge import Knowledge
from rasd.text.normalize import Normalizer
from rasd.text.scan import add_key, merge_automata

#: Third-person forms and the first person plural of statements (ندين، نطالب); the first person
#: singular and the feminine plural make too many homographs (أثنين، اثنين; وزارة = و + زار + ة).
#: Material acts are not reported in the first person plural in news, and their ن-forms are
#: mostly other words (نجليه his two sons, not نجلي we evacuate; نصيب a share, not we hit).
PERFECT_SUFFIXES = ("", "ت", "وا", "ا", "تا", "ه", "ها", "هم", "ته", "وه", "تها", "تهم")
IMPERFECT_PREFIXES = ("ي", "ت", "ن")
IMPERFECT_SUFFIXES = ("", "ون", "وا", "ان", "ه", "ها", "هم")
NOUN_ENCLITICS = ("", "ه", "ها", "هم", "هما")
MAX_EXPANSIONS = 4000
MATERIAL_ACTS = frozenset(
    ["COOPERATE", "AID", "RETREAT", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
)
#: Types whose "needs_object" verbs are triggers on their own when an actor is their object
#: (دان الهجوم? no: دان الحكومة; منع المتظاهرين); for the others only their phrases count.
OBJECT_VERB_TYPES = frozenset(
    ["ACCUSE", "SUPPORT", "REQUEST", "REJECT", "AGREE", "THREATEN", "CONSULT", "COERCE", "SANCTION"]
)


@dataclass(frozen=True, slots=True)
class Trigger:
    """What a matched word or phrase means."""

    event_type: str  # one of the 16 types, or "-" (not an event by itself)
    mode: str
    pos: str  # "v" verb form, "n" noun (verbal noun or nominal trigger)
    lemma: str  # the verb lemma or the phrase, for explanations and features
    recipient: tuple[str, ...] = ()  # "obj" or prepositions that mark the recipient
    flags: frozenset[str] = frozenset()
    rest: tuple[frozenset[str], ...] = ()  # following words of a multiword phrase
    future: bool = False  # the form itself is a future (سيزور is matched as a verb with سـ)


@dataclass(frozen=True, slots=True)
class PassiveWords:
    """Words of the passive reading of an attack or arrest verb: a number right after the verb
    (قتل خمسة جنود: five soldiers were killed) and the word that names the doer (على يد، برصاص)."""

    count: frozenset[str]
    agent: frozenset[str]
    adverbs: frozenset[str] = frozenset()  # أمس، اليوم: skipped when looking for an object
    continuations: frozenset[str] = frozenset()  # إثر، جراء: what may follow instead of an object


@dataclass(slots=True)
class EventLexicon:
    automaton: Any = None
    protected: frozenset[str] = frozenset()  # words never read as clitic + trigger (وزارة)
    pronominal: frozenset[str] = frozenset()  # noun forms with a possessive pronoun (استقباله)
    variants: dict[str, frozenset[str]] = field(
        default_factory=dict
    )  # cache: word -> clitic variants
    partitive: frozenset[str] = frozenset()  # أفراد، عناصر: before من, a part of a group
    topic: frozenset[str] = frozenset()  # الأوضاع في اليمن: a place talked about, not the venue
    complementizers: frozenset[str] = frozenset()  # أن، بأنها: a clause of its own starts
    adverbs: frozenset[str] = frozenset()  # بشدة، أمس: between a statement and its object
    passive: PassiveWords | None = None  # قتل خمسة جنود: number words and agent phrases
    plover: dict[str, dict[str, str]] = field(default_factory=dict)
    contexts: Any = None  # automaton: key -> context
    cues: Any = None  # automaton: key -> (cue, scope)
    cue_words: dict[str, set[str]] = field(default_factory=dict)
    dates: dict[str, tuple[str, int]] = field(default_factory=dict)  # key -> (kind, value)
    date_automaton: Any = None
    sentence_words: Any = None  # cues, contexts and date words in one automaton (merge_automata)

    @property
    def sentence_automata(self) -> tuple[Any, Any, Any]:
        """The automata merged in ``sentence_words``: cues, contexts, date words."""
        return self.cues, self.contexts, self.date_automaton


def _strip_final(word: str, letters: str) -> str:
    return word[:-1] if word and word[-1] in letters else word


def perfect_forms(lemma: str) -> set[str]:
    """استقبل → استقبلت، استقبلوا، استقبلا ... ; التقى → التقت، التقوا، التقيا، التقاه ; دعا → دعت، دعوا."""
    forms = {lemma}
    if lemma.endswith("ى"):
        base = lemma[:-1]
        forms |= {base + s for s in ("ت", "وا", "يا", "تا", "اه", "اها", "اهم")}
    elif lemma.endswith("ا") and len(lemma) >= 3:
        base = lemma[:-1]
        forms |= {base + s for s in ("ت", "وا", "اه", "اها", "اهم")}
    else:
        forms |= {lemma + s for s in PERFECT_SUFFIXES}
    return forms


def imperfect_forms(imperfect: str, first_person: bool = True) -> set[str]:
    """يستقبل → تستقبل، يستقبلون، يستقبلان ... ; يلتقي → يلتقون ; يدعو → يدعون. ``first_person``:
    with the first person plural (نستقبل)."""
    if len(imperfect) < 3:
        return {imperfect}
    stem = imperfect[1:]
    forms: set[str] = set()
    for prefix in IMPERFECT_PREFIXES if first_person else IMPERFECT_PREFIXES[:2]:
        word = prefix + stem
        forms.add(word)
        if stem[-1] in "يوى":
            base = stem[:-1]
            forms |= {prefix + base + s for s in ("ون", "وا")}
            forms |= {word + s for s in ("ان", "ه", "ها", "هم")}
        else:
            forms |= {word + s for s in IMPERFECT_SUFFIXES}
    return forms


def noun_forms(noun: str) -> set[str]:
    """زيارة → زيارة، زيارته، زيارتها ...; لقاء → لقاؤه، لقائه."""
    forms = {noun}
    if noun.endswith("ة"):
        forms |= {noun[:-1] + "ت" + e for e in NOUN_ENCLITICS if e}
    elif noun.endswith("اء"):
        forms |= {noun[:-1] + c + e for c in ("ؤ", "ئ", "ء") for e in NOUN_ENCLITICS if e}
    else:
        forms |= {noun + e for e in NOUN_ENCLITICS if e}
    return forms


def noun_forms_base(form: str) -> str:
    """The noun without a possessive pronoun: زيارته → زيارة; لقائه → لقاء."""
    for enc in ("هما", "هم", "ها", "ه"):
        if form.endswith(enc):
            base = form[: -len(enc)]
            if base.endswith("ت"):
                return base[:-1] + "ة"
            if base.endswith(("ئ", "ؤ")):
                return base[:-1] + "ء"
            return base
    return form


@dataclass(slots=True)
class _Verb:
    perfect: set[str]
    imperfect: set[str]
    nouns: set[str]


def build_event_lexicon(knowledge: Knowledge) -> EventLexicon:
    import ahocorasick

    normalizer = Normalizer("match")

    def key(text: str) -> str:
        return match_key(normalizer, text)

    lex = EventLexicon()
    lex.plover = {row["event_type"]: row for row in knowledge.rows("plover")}
    verbs: dict[str, _Verb] = {}
    verb_flags: dict[str, frozenset[str]] = {}
    heads: dict[str, list[Trigger]] = {}

    def index(form: str, trigger: Trigger) -> None:
        k = key(form)
        if k:
            bucket = heads.setdefault(k, [])
            if trigger not in bucket:
                bucket.append(trigger)

    for row in knowledge.rows("verbs"):
        lemma = row["lemma"]
        entry = verbs.setdefault(key(lemma), _Verb(set(), set(), set()))
        entry.perfect |= perfect_forms(lemma)
        spoken = row["event_type"] not in MATERIAL_ACTS  # ندين، نلتقي; not نقصف
        for imperfect in split_values(row["imperfect"]):
            entry.imperfect |= imperfect_forms(imperfect, spoken)
        for masdar in split_values(row["masdar"]):
            entry.nouns |= noun_forms(masdar)
        flags = frozenset(split_values(row["flags"]))
        verb_flags[key(lemma)] = verb_flags.get(key(lemma), frozenset()) | flags
        if "speech" in flags:
            # reporting verbs (قال، أكد) are not events, but they tell who is speaking
            speech = Trigger("-", "", "v", lemma, (), flags)
            for form in entry.perfect | entry.imperfect:
                index(form, speech)
            continue
        if row["event_type"] == "-":
            continue  # helper verbs are events only inside phrases
        if "needs_object" in flags and row["event_type"] not in OBJECT_VERB_TYPES:
            continue  # نشر، انتشر، أصاب: only in their phrases (نشر قوات)
        recipient = tuple(split_values(row["recipient"]))
        verb = Trigger(row["event_type"], row["mode"], "v", lemma, recipient, flags)
        for form in entry.perfect | entry.imperfect:
            index(form, verb)
        if "needs_object" in flags:
            continue  # انتشار، نشر: their nouns say too little without the object
        noun = Trigger(row["event_type"], row["mode"], "n", lemma, recipient, flags)
        for form in entry.nouns:
            index(form, noun)
    for row in knowledge.rows("phrases"):
        positions = [_word_options(word, verbs, key) for word in row["phrase"].split()]
        if not positions or not all(positions[1:]):
            continue
        first_forms, first_pos = positions[0]
        rest = tuple(frozenset(options) for options, _ in positions[1:])
        any_verb = any(p == "v" for _, p in positions)
        pos = "n" if row["kind"] == "noun" and not any_verb else ("v" if any_verb else first_pos)
        if row["kind"] == "claim":
            pos = "v"  # تبنى التنظيم … / التنظيم أعلن مسؤوليته عن الهجوم: a doer like a verb's
        head = row["phrase"].split()[0]
        inherited = (
            verb_flags.get(key(head[1:]), frozenset()) if head.startswith("@") else frozenset()
        )
        inherited -= {"needs_object", "speech"}
        trigger = Trigger(
            row["event_type"],
            row["mode"],
            pos,
            row["phrase"],
            tuple(split_values(row["recipient"])),
            frozenset({row["kind"]}) | inherited,
            rest,
        )
        for form in first_forms:
            index(form, trigger)
    pronominal: set[str] = set()
    for entry in verbs.values():
        for form in entry.nouns:
            if form.endswith(("ه", "ها", "هم", "هما")) and noun_forms_base(form) in entry.nouns:
                pronominal.add(key(form))
    lex.pronominal = frozenset(pronominal)
    automaton = ahocorasick.Automaton()
    # the forms of a verb share their phrases' next words: one regex for each distinct set
    patterns: dict[frozenset[str], re.Pattern[str] | None] = {}
    for k, triggers in heads.items():
        second: frozenset[str] = frozenset().union(*(t.rest[0] for t in triggers if t.rest))
        if second not in patterns:
            patterns[second] = _substring_re(second)
        readings = tuple(
            (
                tuple(t for t in allowed if not t.rest),
                tuple(t for t in allowed if t.rest),
            )
            for allowed in (
                triggers,
                [t for t in triggers if t.pos != "n"],
                [t for t in triggers if t.pos != "v"],
            )
        )
        # a verb phrase's next word may come up to eight words later; any other's within two
        reach = VERB_PHRASE_REACH if any(t.rest and t.pos == "v" for t in triggers) else 2
        add_key(automaton, k, Head(k, tuple(triggers), second, patterns[second], readings, reach))
    automaton.make_automaton()
    lex.automaton = automaton
    lex.contexts = _phrase_automaton(
        (key(form), r["context"])
        for r in knowledge.rows("contexts")
        for form in split_values(r["ar"])
    )
    lex.cues = _phrase_automaton(
        (key(form), (r["cue"], r["scope"]))
        for r in knowledge.rows("cues")
        for form in split_values(r["ar"])
    )
    for row in knowledge.rows("cues"):
        for form in split_values(row["ar"]):
            lex.cue_words.setdefault(row["cue"], set()).add(key(form))
    for row in knowledge.rows("dates"):
        try:
            value = int(row["value"]) if row["value"] else 0
        except ValueError:
            value = 0
        for form in split_values(row["ar"]):
            lex.dates[key(form)] = (row["kind"], value)
    lex.date_automaton = _phrase_automaton((k, k) for k in lex.dates)
    lex.sentence_words = merge_automata(lex.cues, lex.contexts, lex.date_automaton)
    lex.protected = frozenset(key(r["word"]) for r in knowledge.rows("clitic_exceptions"))
    function_words = knowledge.rows("function_words")
    lex.partitive = frozenset(key(r["ar"]) for r in function_words if r["role"] == "partitive")
    lex.topic = frozenset(key(r["ar"]) for r in function_words if r["role"] == "topic")
    lex.complementizers = frozenset(
        key(r["ar"]) for r in function_words if r["role"] == "complementizer"
    )
    lex.adverbs = frozenset(key(r["ar"]) for r in function_words if r["role"] == "adverb")
    lex.passive = PassiveWords(
        frozenset(key(r["ar"]) for r in function_words if r["role"] == "count"),
        frozenset(key(r["ar"]) for r in function_words if r["role"] == "agent"),
        lex.adverbs,
        frozenset(key(r["ar"]) for r in function_words if r["role"] == "continuation"),
    )
    return lex


def _word_options(word: str, verbs: dict[str, _Verb], key: Any) -> tuple[set[str], str]:
    """Normalized forms a phrase position accepts, and whether it is a verb (v) or noun (n)."""
    pos = "n"
    options: set[str] = set()
    for alternative in word.split("/"):
        if alternative.startswith("@"):
            verb = verbs.get(key(alternative[1:]))
            if verb is None:
                continue
            options |= {key(f) for f in verb.perfect | verb.imperfect | verb.nouns}
            pos = "v"
        else:
            options |= {key(f) for f in noun_forms(alternative)}
    return {o for o in options if o}, pos


#: How many words after a verb phrase's first word its next word may come (eight between).
VERB_PHRASE_REACH = 9


class Head(NamedTuple):
    """What the trigger automaton holds for a first word: its triggers, the words that may come
    next in its phrases, and a regex that finds those words inside a text."""

    key: str
    triggers: tuple[Trigger, ...]
    second: frozenset[str]
    second_re: re.Pattern[str] | None
    #: the triggers a proclitic stack allows: any (و، ل, or none), a verb's only (س), a noun's (ال);
    #: each as (single words, phrases)
    readings: tuple[tuple[tuple[Trigger, ...], tuple[Trigger, ...]], ...]
    #: within how many words after the first the next word of one of its phrases must come
    reach: int = 2


def _substring_re(words: frozenset[str]) -> re.Pattern[str] | None:
    """A regex that finds, inside a text, every word of ``words`` with or without proclitics:
    each word itself, or for a word with the article its ل-form (للمملكة holds لمملكة). The
    alternatives are written as a trie (common beginnings once), which is searched much faster."""
    if not words:
        return None
    needles = {w[1:] if w.startswith("ال") else w for w in words}
    return re.compile(_trie_pattern(needles))


def _trie_pattern(needles: set[str]) -> str:
    """A regex matching exactly ``needles``: ``{ab, ac, b}`` → ``(?:a(?:b|c)|b)``."""
    trie: dict[str, Any] = {}
    for needle in needles:
        node = trie
        for char in needle:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict[str, Any]) -> str:
        alternatives = [re.escape(c) + pattern(node[c]) for c in sorted(node) if c]
        if not alternatives:
            return ""
        joined = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
        if "" in node:  # a needle ends here: what follows is optional
            return "(?:" + joined + ")?" if len(alternatives) == 1 else joined + "?"
        return joined

    return pattern(trie)


def _phrase_automaton(pairs: Any) -> Any:
    import ahocorasick

    automaton = ahocorasick.Automaton()
    values: dict[str, list[Any]] = {}
    for k, value in pairs:
        if k:
            values.setdefault(k, []).append(value)
    for k, vals in values.items():
        add_key(automaton, k, (k, tuple(vals)))
    if values:
        automaton.make_automaton()
    return automaton


def expand_phrase(words: list[set[str]]) -> list[str]:
    """All word sequences of a phrase (capped), for tests and explanations."""
    out = []
    for combo in product(*words):
        out.append(" ".join(combo))
        if len(out) >= MAX_EXPANSIONS:
            break
    return out
