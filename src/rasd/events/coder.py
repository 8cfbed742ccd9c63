"""Coding one article's PLOVER events with actor, recipient, mode, context, date and place (for
the ``events`` stage, :mod:`rasd.events.stage`).

For each sentence: triggers (:mod:`rasd.events.triggers`), then whether each reports an event
(:func:`rasd.events.attributes.status`: negated, conditional, historical, questioned and
metaphorical mentions are dropped; future or intended cooperation becomes AGREE), who did it to
whom (:mod:`rasd.events.roles`), its contexts, date and place. Reports of the same event (same type,
actors and date) are merged, keeping every evidence span.
"""

from __future__ import annotations

from typing import Any

from rasd.actors.mentions import ActorMention, Composition
from rasd.events.attributes import (
    COOPERATIVE,
    SentenceCues,
    all_sentence_cues,
    clause_breaks,
    clause_start_at,
    event_date,
    event_place,
    status,
    words_between,
)
from rasd.events.filter import TypeModel, sentence_features
from rasd.events.lexicon import EventLexicon, build_event_lexicon
from rasd.events.merge import (
    add_or_merge,
    with_claims_joined,
    without_partial_duplicates,
    without_subsumed,
)
from rasd.events.parties import actor_pairs, extra_parties, participants, stem_spans
from rasd.events.report_features import usage_features
from rasd.events.roles import (
    Party,
    assign,
    beyond_verb,
    group_coordinated,
    mark,
    unmark_after_verbs,
)
from rasd.events.slots import object_slot, thing_arrives
from rasd.events.triggers import find_all_triggers
from rasd.knowledge import Knowledge
from rasd.model import Actor, Event, Evidence, Place
from rasd.pipeline import Work
from rasd.text.scan import Hit, match_text

_DASHES = frozenset("-–")  # clause breaks for cues (attributes.clause_breaks), not for roles
_MATERIAL_CONFLICT = frozenset(["PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"])
_UNKNOWN_AGENT_OK = frozenset(["ASSAULT", "COERCE"])
_ON_THE_GROUND = frozenset(["ASSAULT", "COERCE", "PROTEST"])
_BETWEEN_STATES = frozenset(["AGREE", "SUPPORT", "COOPERATE", "AID"])
_SLOT_GAP = 3  # words between a non-actor object and a later party that still is the recipient
_VERBAL = frozenset(["ACCUSE", "SUPPORT", "REJECT", "REQUEST", "THREATEN"])


def load_event_lexicon(knowledge: Knowledge) -> EventLexicon:
    lexicon: Any = knowledge.cached("events.lexicon", lambda: build_event_lexicon(knowledge))
    return lexicon  # type: ignore[no-any-return]


class _ArticleCoder:
    def __init__(
        self,
        lex: EventLexicon,
        work: Work,
        composition: Composition,
        mention_ids: dict[int, str],
        actors_by_id: dict[str, Actor],
        models: dict[str, TypeModel] | None = None,
    ) -> None:
        self.lex = lex
        self.work = work
        self.doc = work.doc
        self.norm = work.norm
        self.text = work.extras.get("match_text") or match_text(work.norm)
        self.scanned: list[Hit] | None = None  # the trigger hits, if a joint scan found them
        # and the cue, context and date words in the whole text
        self.sentence_words: tuple[list[Hit], list[Hit], list[Hit]] | None = None
        self.actors = actors_by_id
        self.year = int(self.doc.date[:4]) if self.doc.date[:4].isdigit() else None
        self.named_countries: set[str] = set()
        self.inferred: set[str] = set()  # countries made recipients from an event's place
        self._mentions = composition.actors
        self._mention_ids = mention_ids
        # filled by prepare(), once the article is known to hold triggers
        self.parties_by_sentence: dict[int, list[Party]] = {}
        self.cue_breaks: list[int] = []  # the clause breaks of the cues (status)
        self.breaks: list[int] = []  # and, without dashes, of the roles
        self.stem_spans: list[tuple[int, int]] = []
        self.places_by_sentence: dict[int, list[Place]] = {}
        self.place_starts: dict[int, list[int]] = {}
        self.topical: set[tuple[int, str]] = set()  # (sentence, place id): a place talked about
        place_objs = {(p.name, p.country): p for p in self.doc.places}
        for pm in composition.places:
            place = place_objs.get((pm.info.name, pm.info.country))
            if place is not None:
                self.places_by_sentence.setdefault(pm.sentence, []).append(place)
                self.place_starts.setdefault(pm.sentence, []).append(pm.start)
                if set(self.norm[max(0, pm.start - 40) : pm.start].split()[-3:]) & self.lex.topic:
                    self.topical.add((pm.sentence, place.id))
        self.main_place = next((p for p in self.doc.places if p.main), None)
        self.used: dict[str, Actor] = {}
        self.models = models or {}
        self.reports: list[tuple[int, str, float]] = []  # (sentence, type, probability)
        self.dropped: list[tuple[Any, str]] = []  # triggers not coded, and why
        self.claims: list[Event] = []  # events read from a claim of responsibility
        self.condemned: set[tuple[str, int, int]] = set()  # أدان الهجوم: (type, sentence, trigger)
        self.condemnations: list[Event] = []  # their events

    def prepare(self, last: int | None = None) -> None:
        """What coding needs once triggers are found: the parties of the sentences up to ``last``
        (all by default; the countries named later are still noted), the clause breaks, and
        where the special stems are."""
        self.parties_by_sentence = self._parties(self._mentions, self._mention_ids, last)
        # where the last sentence read ends (everything without ``last``; nothing for -1)
        reach = None if last is None else (self.work.sent_spans[last][1] if last >= 0 else 0)
        self.cue_breaks = clause_breaks(self.norm, reach)
        self.breaks = [b for b in self.cue_breaks if self.norm[b] not in _DASHES]
        self.stem_spans = stem_spans(self.text, reach)

    # --- parties -----------------------------------------------------------------------------

    def _parties(
        self, mentions: list[ActorMention], ids: dict[int, str], last: int | None = None
    ) -> dict[int, list[Party]]:
        out: dict[int, list[Party]] = {}
        later: dict[int, tuple[int, int]] = {}  # past ``last``: each sentence's last span
        for index, m in enumerate(mentions):
            actor_id = ids.get(index)
            if actor_id is None:
                continue
            if last is not None and m.sentence > last:
                # no event is coded here: only note a named country (not one of a group)
                if later.get(m.sentence) != (m.start, m.end):
                    if m.kind == "country" and m.how == "dictionary":
                        self.named_countries.add(actor_id)
                    later[m.sentence] = (m.start, m.end)
                continue
            token_start = self.text.rfind(" ", 0, m.start) + 1
            prefix = self.text[token_start : m.start]
            party = Party(m.start, m.end, token_start, actor_id, m.country)
            same_span = out.get(m.sentence, [])
            if same_span and (same_span[-1].start, same_span[-1].end) == (m.start, m.end):
                # الشعوب في فلسطين واليمن: one phrase, several actors: a group
                head = same_span[-1]
                if not head.group:
                    head.group = [head]
                head.group.append(party)
                continue
            if m.kind == "country" and m.how == "dictionary":
                self.named_countries.add(actor_id)  # مصر، الولايات المتحدة: named, not inferred
            mark(self.text, party, prefix, self.lex.protected, self.lex.partitive)
            out.setdefault(m.sentence, []).append(party)
        return out

    def _country_actor(self, country: str) -> Actor:
        actor_id = f"country:{country.lower()}"
        actor = self.actors.get(actor_id)
        if actor is None:
            actor = Actor(actor_id, country, "", "", kind="country")
            self.actors[actor_id] = actor
        return actor

    def _extra_parties(
        self, span: tuple[int, int], parties: list[Party], history: list[Party]
    ) -> list[Party]:
        return extra_parties(
            self.text, span, parties, history, self._country_actor, self.stem_spans
        )

    # --- events ------------------------------------------------------------------------------

    def run(self) -> list[Event]:
        events: dict[tuple[str, str, str, str], Event] = {}
        all_hits = find_all_triggers(
            self.lex, self.text, self.work.sent_spans, self.norm, self.scanned
        )
        # a sentence with helpers only (قال …) is read for its speaker, never for its cues
        wanted = [any(h.trigger.event_type != "-" for h in hits) for hits in all_hits]
        title = self.work.title_sentence
        # sentences after the last one with a trigger are not read (they could only pass on a
        # speaker or a party to sentences that have none)
        last = max((k for k, w in enumerate(wanted) if w and k != title), default=-1)
        self.prepare(last)
        if last < 0:
            return []
        spans = self.work.sent_spans
        all_cues = all_sentence_cues(
            self.lex, self.text, self.norm, spans, wanted, self.cue_breaks, self.sentence_words
        )
        carried: Party | None = None
        history: list[Party] = []
        for k, span in enumerate(spans):
            if k > last:
                break
            if k == title:
                continue  # the headline restates the body
            base = self.parties_by_sentence.get(k, [])
            parties = sorted(base + self._extra_parties(span, base, history), key=lambda p: p.start)
            heads = group_coordinated(self.text, parties)
            hits = all_hits[k]
            if not hits:
                if heads and not heads[0].marker:
                    carried = heads[0]
                history.extend(parties)
                continue
            unmark_after_verbs(self.text, base, hits)
            cues = all_cues[k] or SentenceCues()
            judged = [(h, self._status(h, cues, span[0])) for h in hits]
            accepted = self._accepted_types(k, span, judged, cues, parties)
            previous_end = -100
            for hit, state in judged:
                chained = (
                    hit.trigger.pos == "n"
                    and hit.trigger.event_type not in _MATERIAL_CONFLICT
                    and 0 <= previous_end <= hit.start
                    and len(self.text[previous_end : hit.start].split()) <= 2
                )
                previous_end = hit.end
                if hit.trigger.event_type == "-" or chained:
                    if "speech" in hit.trigger.flags:
                        # قال الوزير …: the speaker is who later verbs without a subject are about
                        clause = self._clause_start(span[0], hit.start)
                        speaker, _, how = assign(hit, heads, self.text, carried, clause)
                        if speaker is not None and how in ("after-verb", "before"):
                            carried = speaker
                        continue
                    self._drop(hit, "helper" if hit.trigger.event_type == "-" else "chained")
                    continue  # حرص على تعزيز التعاون: the nouns are what the first trigger is about
                event_type = hit.trigger.event_type
                if hit.trigger.pos == "n" and self._frames_earlier_verb(hit, judged):
                    self._drop(hit, "frame")
                    continue  # قتل خمسة جنود في هجوم: the attack is the killing, told once
                mode = hit.trigger.mode
                vetoed = event_type in self.models and event_type not in accepted
                if "claim" in hit.trigger.flags:
                    vetoed = False  # a claim of responsibility is a report whatever the filter says
                if vetoed and not (
                    hit.trigger.pos == "v" and state == "event" and event_type == "ASSAULT"
                ):
                    self._drop(hit, "filter")
                    continue
                if state == "future":
                    if event_type not in COOPERATIVE:
                        self._drop(hit, "future")
                        continue
                    event_type, mode = "AGREE", ""
                elif state != "event" and event_type not in accepted:
                    self._drop(hit, state)
                    continue
                clause = self._clause_start(span[0], hit.start)
                governed = hit.trigger.pos == "n" and any(
                    clause <= h.start < hit.start and h.trigger.event_type in _VERBAL
                    for h, _ in judged
                )  # أدان القصف: a statement governs a noun of its own clause only
                subject, recipient, how = assign(
                    hit, heads, self.text, carried, clause, governed, self.lex.passive
                )
                if vetoed:
                    # the filter doubts the sentence; an attack verb that opens its clause, with
                    # the armed forces named right after it (قصفت طائرات حربية تركية …), is a
                    # report still (no wider: on held-out OEDA sentences wider exceptions added
                    # more false reports than they found)
                    doer = self.actors.get(subject.actor_id) if subject is not None else None
                    if (
                        doer is None
                        or how != "after-verb"
                        or doer.sector != "MIL"
                        or self.text[clause : hit.start].strip()
                    ):
                        self._drop(hit, "filter")
                        continue
                    self.reports.append((k, event_type, 0.5))
                if (
                    hit.trigger.mode == "visit"
                    and hit.trigger.pos == "v"
                    and "obj" not in hit.trigger.recipient  # وصل، توجه: no object to mistake
                    and how not in ("after-verb", "relative")
                    and thing_arrives(hit, self.text, parties, self.lex.adverbs)
                ):
                    self._drop(hit, "thing-arrives")
                    continue  # وصلت سفينة المساعدات إلى عدن: no visit
                if recipient is None and hit.trigger.mode == "visit":
                    recipient = self._visited(k, hit, subject)
                object_at = hit.end
                if subject is not None and subject.start >= hit.end:
                    object_at = (subject.group[-1] if subject.group else subject).end  # VSO
                condemns_attack = event_type == "ACCUSE" and self._object_is_attack(object_at)
                if condemns_attack and recipient is not None and not recipient.marker:
                    recipient = (
                        None  # أدان الهجوم …: the attack is the object, not a party after it
                    )
                slot = (
                    object_slot(hit, self.text, object_at, parties, self.lex.adverbs)
                    if event_type in _VERBAL and not condemns_attack
                    else None
                )
                if slot is not None:
                    # دعت المجتمع الدولي، تضامن مع أشقائها: addressed to a noun that is no actor
                    if (
                        recipient is not None
                        and not recipient.marker
                        and words_between(self.text, slot.end, recipient.token_start) > _SLOT_GAP
                    ):
                        recipient = None
                    if recipient is None:
                        recipient = slot.owner  # رحب بالهدنة التي دعت إليها المملكة
                if (
                    recipient is None
                    and subject is not None
                    and event_type in _VERBAL
                    and (not condemns_attack)
                    and slot is None
                ):
                    recipient = self._counterpart(subject, parties, history)
                if condemns_attack and recipient is None:
                    self.condemned.add((event_type, k, hit.start))
                if "needs_object" in hit.trigger.flags and recipient is None:
                    self._drop(hit, "no-object")
                    continue  # نشر، منع، استهدف: an event only with an actor as object
                if (
                    how == "before"
                    and subject is not None
                    and beyond_verb(hit, subject.end, [h for h, _ in judged])
                ):
                    self._drop(hit, "frame")
                    continue  # جنود قتلوا بانفجار عبوة: the party is the verb's, not the blast's
                if hit.trigger.pos == "n" and how != "genitive" and not self._standalone_noun(hit):
                    self._drop(hit, "noun-without-agent")
                    continue  # التعاون، التشاور، الهدنة: talked about, not reported as done
                if subject is not None and how != "carried":
                    carried = subject
                date = event_date(self.doc.date, cues, hit, self.norm, span)
                place = self._place(k, hit.start, subject, recipient)
                if (
                    recipient is None
                    and event_type in _ON_THE_GROUND
                    and place is not None
                    and place.country
                    and hit.trigger.pos == "v"
                ):
                    # اقتحم الجنود المستشفى في دنقلا: the target is in the place's country
                    target_actor = self._country_actor(place.country)
                    self.inferred.add(target_actor.id)
                    recipient = Party(hit.end, hit.end, hit.end, target_actor.id, place.country)
                for a, r in actor_pairs(subject, recipient, how):
                    actor = self.actors.get(a.actor_id) if a is not None else None
                    target = self.actors.get(r.actor_id) if r is not None else None
                    if actor is not None and target is not None:
                        if actor.id == target.id:
                            target = None
                        elif len(recipient.group) > 1 and actor.country == target.country:  # type: ignore[union-attr]
                            continue  # with "both sides", the other side only
                        elif (
                            actor.country
                            and actor.country == target.country
                            and event_type in _BETWEEN_STATES
                        ):
                            continue  # a country does not agree with or praise itself
                    if actor is None and (target is None or event_type not in _UNKNOWN_AGENT_OK):
                        self._drop(hit, "no-actor")
                        continue  # nobody to code (an unknown attacker is common; others are not)
                    self._add(
                        events,
                        event_type,
                        mode,
                        cues.contexts,
                        actor,
                        target,
                        place,
                        date,
                        span,
                        hit,
                        how,
                    )
            history.extend(parties)
        coded = with_claims_joined(list(events.values()), self.claims)
        attackers = {
            e.actor.id: e.actor for e in coded if e.event_type == "ASSAULT" and e.actor is not None
        }
        if len(attackers) == 1:
            # أدان الهجوم … وأعلن التنظيم مسؤوليته: the condemned is the one attacker named
            for e in self.condemnations:
                e.recipient = next(iter(attackers.values()))
        return without_subsumed(without_partial_duplicates(coded))

    def _status(self, hit: Any, cues: Any, sentence_start: int) -> str:
        if hit.trigger.event_type == "-":
            return "helper"  # قال، قام ب: never coded itself, so what its words say is not asked
        return status(hit, cues, self.text, self.norm, sentence_start, self.year, self.lex)

    def _accepted_types(
        self,
        k: int,
        span: tuple[int, int],
        judged: list[tuple[Any, str]],
        cues: Any,
        parties: list[Party],
    ) -> set[str]:
        """Types the event filter accepts as reported in this sentence (for the modeled types);
        every accepted sentence is also recorded in ``work.extras["reports"]``."""
        accepted: set[str] = set()
        present = {h.trigger.event_type for h, _ in judged}
        for event_type, model in self.models.items():
            if event_type not in present:
                continue
            features = self.features(
                event_type, span, judged, cues, parties, k, model.use_words, model
            )
            probability = model.probability(features)
            if probability >= model.threshold:
                accepted.add(event_type)
                self.reports.append((k, event_type, probability))
        for h, state in judged:
            t = h.trigger.event_type
            if t not in self.models and t != "-" and state == "event":
                self.reports.append((k, t, 1.0))
        return accepted

    def features(
        self,
        event_type: str,
        span: tuple[int, int],
        judged: list[tuple[Any, str]],
        cues: Any,
        parties: list[Party],
        k: int,
        use_words: bool = True,
        model: TypeModel | None = None,
    ) -> dict[str, float]:
        """The filter's features of a sentence; with ``model``, only the word features it weighs."""
        sectors = [
            self.actors[p.actor_id].sector if p.actor_id in self.actors else "" for p in parties
        ]
        f = sentence_features(
            event_type,
            judged,
            [c[2] for c in cues.cues],
            self.text[span[0] : span[1]].split(),
            sectors,
            len(self.places_by_sentence.get(k, [])),
            bool(cues.date_words),
            self.norm[span[0] : span[1]],
            self.lex.variants,
            use_words,
            model,
        )
        places = self.place_starts.get(k, [])
        f.update(usage_features(event_type, judged, cues, self.text, span, parties, places))
        return f

    def _counterpart(
        self, subject: Party, parties: list[Party], history: list[Party]
    ) -> Party | None:
        """A statement with no addressee named in its clause is usually about the other country
        the article is about: the most mentioned country other than the speaker's, if it is named
        in this sentence or the one before."""
        recent = {p.country for p in parties} | {p.country for p in history[-6:]}
        counts: dict[str, int] = {}
        for p in history + parties:
            if p.country and p.country != subject.country:
                counts[p.country] = counts.get(p.country, 0) + 1
        for country, _n in sorted(counts.items(), key=lambda kv: -kv[1]):
            if country in recent:
                actor = self._country_actor(country)
                return Party(subject.end, subject.end, subject.end, actor.id, country)
        return None

    def _visited(self, k: int, hit: Any, subject: Party | None) -> Party | None:
        """وصل الوزير إلى بوجمبورا: the country of the place visited is the host."""
        for place in self.places_by_sentence.get(k, []):
            if place.country and (subject is None or place.country != subject.country):
                actor = self._country_actor(place.country)
                return Party(hit.end, hit.end, hit.end, actor.id, place.country)
        return None

    def _drop(self, hit: Any, reason: str) -> None:
        self.dropped.append((hit, reason))

    def _object_is_attack(self, at: int) -> bool:
        """أدان الهجوم الإرهابي: the word at ``at`` (after the verb or its subject) is an attack."""
        following = self.text[at : at + 30].split()[:1]
        if not following:
            return False
        found = self.lex.automaton.get(following[0] + " ", None) if self.lex.automaton else None
        if found is None and following[0].startswith("ال"):
            found = self.lex.automaton.get(following[0][2:] + " ", None)
        if found is None:
            return False
        return any(t.event_type == "ASSAULT" and t.pos == "n" for t in found[1].triggers)

    def _frames_earlier_verb(self, hit: Any, judged: list[tuple[Any, str]]) -> bool:
        """A noun after في that names the act an earlier verb of the sentence reported: قتل خمسة
        جنود في هجوم، أصيب ثلاثة في انفجار."""
        before = self.text[max(0, hit.start - 8) : hit.start].split()
        if not before or before[-1] != "في":
            return False
        return any(
            h.trigger.pos == "v"
            and h.trigger.event_type == hit.trigger.event_type
            and h.end <= hit.start
            for h, _ in judged
        )

    def _standalone_noun(self, hit: Any) -> bool:
        """A noun that reports an event by itself: a violent or contentious act (هجوم، اعتقال،
        مظاهرة) or a phrase (اتصال هاتفي، زيارة رسمية), as opposed to cooperation talk."""
        trigger = hit.trigger
        if trigger.event_type in _MATERIAL_CONFLICT:
            return True
        if "mwe" in trigger.flags:
            return True
        return trigger.event_type == "CONSULT" and trigger.mode in (
            "visit",
            "phone",
            "multilateral",
        )

    def _clause_start(self, sentence_start: int, pos: int) -> int:
        return clause_start_at(self.breaks, sentence_start, pos)

    def _place(
        self, sentence: int, pos: int, subject: Party | None, recipient: Party | None
    ) -> Place | None:
        here = [
            p
            for p in self.places_by_sentence.get(sentence, [])
            if (sentence, p.id) not in self.topical
        ]
        involved = {p.country for p in (subject, recipient) if p is not None and p.country}
        return event_place(here, self.main_place, involved)

    def _add(
        self,
        events: dict[tuple[str, str, str, str], Event],
        event_type: str,
        mode: str,
        contexts: list[str],
        actor: Actor | None,
        target: Actor | None,
        place: Place | None,
        date: str,
        span: tuple[int, int],
        hit: Any,
        how: str,
    ) -> None:
        offsets = self.work.offsets
        s_start, s_end = offsets.span_to_orig(*span)
        t_start, t_end = offsets.span_to_orig(hit.start, hit.end)
        confidence = 0.5 + (0.2 if actor is not None else 0) + (0.1 if target is not None else 0)
        confidence += 0.1 if hit.trigger.pos == "v" else 0.0
        confidence -= 0.1 if how == "carried" else 0.0
        event = add_or_merge(
            events,
            Event(
                event_type,
                mode,
                list(contexts),
                actor,
                target,
                place,
                date,
                [Evidence(s_start, s_end, t_start, t_end)],
                confidence=min(confidence, 1.0),
            ),
            self.lex.plover.get(event_type, {}),
        )
        if event is None:
            return  # another report of an event already coded
        if "claim" in hit.trigger.flags:
            self.claims.append(event)
        if target is None and any(c[0] == event_type and c[2] == hit.start for c in self.condemned):
            self.condemnations.append(event)
        for a in (actor, target):
            if a is not None and (a.sector or a.name):
                self.used[a.id] = a
        if (
            actor is not None
            and target is not None
            and actor.country
            and target.country
            and actor.country != target.country
        ):
            # a state-to-state event: the countries named in it are actors in their own right
            for a in (actor, target):
                if not a.sector and not a.name:
                    self.used[a.id] = a

    def add_participants(self) -> None:
        self.doc.actors.extend(
            participants(self.doc.actors, self.used.values(), self.named_countries, self.inferred)
        )
