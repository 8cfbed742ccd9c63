"""Pipeline stage ``actors``: dictionary matching, composition and resolution of actors and places."""

from __future__ import annotations

from typing import Any

from rasd.actors.compose import Composer
from rasd.actors.guards import clean_places
from rasd.actors.lexicon import TITLE, Entry, build_lexicon, match_key
from rasd.actors.match import ANY_PREFIX, find_mentions, match_text
from rasd.actors.mentions import Resources
from rasd.actors.resolve import build_actors, build_places
from rasd.knowledge import Knowledge
from rasd.options import Options
from rasd.pipeline import Work
from rasd.text.normalize import Normalizer
from rasd.text.scan import JointScan, add_key


def load_resources(knowledge: Knowledge) -> Resources:
    """Build (once per Knowledge) the lexicon and word lists the actor stage needs."""

    def build() -> Resources:
        lexicon = build_lexicon(knowledge)
        normalizer = Normalizer("match")
        roles: dict[str, set[str]] = {}
        for row in knowledge.rows("function_words"):
            roles.setdefault(row["role"], set()).add(match_key(normalizer, row["ar"]))
        for key in roles.get("counterpart", ()):
            entry = Entry(TITLE, "title:counterpart", sector="GOV", office="counterpart")
            lexicon.entries.setdefault(key, []).append(entry)
            add_key(lexicon.automaton, key, (key, tuple(lexicon.entries[key])), lam_form=False)
        lexicon.automaton.make_automaton()
        weak: set[str] = set()
        implied: dict[str, str] = {}
        needs_locative: set[str] = set()
        ignored: set[str] = set()
        only_in: dict[str, frozenset[str]] = {}
        for row in knowledge.rows("weak_forms"):
            key = match_key(normalizer, row["ar"])
            rule = row["rule"]
            if rule == "needs_country":
                weak.add(key)
            elif rule == "ignore":
                ignored.add(key)
            elif rule == "needs_locative":
                needs_locative.add(key)
            elif rule.startswith("country="):
                implied[key] = rule.split("=", 1)[1]
            elif rule.startswith("office_in="):
                only_in[key] = frozenset(rule.split("=", 1)[1].split("|"))
        return Resources(
            lexicon,
            frozenset(roles.get("locative", ())),
            frozenset(roles.get("name_stop", ())),
            frozenset(weak),
            implied,
            frozenset(needs_locative),
            prepositions=frozenset(roles.get("locative", set()) | roles.get("preposition", set())),
            body_locative=frozenset(roles.get("body_locative", ())),
            non_actor_head=frozenset(roles.get("non_actor_head", ())),
            ignored=frozenset(ignored),
            place_nouns=frozenset(roles.get("place_noun", ())),
            in_place=frozenset(roles.get("locative", set()) - roles.get("movement", set())),
            venue_nouns=frozenset(roles.get("venue", set()) | roles.get("topic", set())),
            named_after=frozenset(roles.get("named_after", ())),
            name_links=frozenset(roles.get("name_link", ())),
            given_names=frozenset(roles.get("given_name", ())),
            former=frozenset(roles.get("former", ())),
            club_words=frozenset(roles.get("club", ())),
            in_place_words=frozenset(roles.get("locative", set()) | roles.get("place_noun", set())),
            office_only_in=only_in,
            common_words=frozenset(
                match_key(normalizer, r["word"]) for r in knowledge.rows("common_words")
            ),
        )

    resources: Any = knowledge.cached("actors.resources", build)
    return resources  # type: ignore[no-any-return]


class ActorsStage:
    """Finds actors and places, codes them (country, sector, name) and resolves them in the article."""

    name = "actors"
    requires = frozenset({"norm", "sentences"})
    produces = frozenset({"actors", "places"})

    def __init__(self, knowledge: Knowledge, options: Options) -> None:
        self._resources = load_resources(knowledge)
        self._list_countries = "events" not in options.pipeline.stages
        self.scans = ((self._resources.lexicon.automaton, ANY_PREFIX),)
        # set by the pipeline: one scan for all the stages' dictionaries
        self.joint: tuple[JointScan, tuple[int, ...]] | None = None

    def __call__(self, work: Work) -> None:
        text = match_text(work.norm)
        work.extras["match_text"] = text
        scanned = self.joint[0].hits(work.extras, text, self.joint[1][0]) if self.joint else None
        raws = find_mentions(self._resources.lexicon, text, scanned)
        starts = [s for s, _ in work.sent_spans] or [0]
        composition = Composer(self._resources, text, work.norm, raws, starts, work.doc.date).run()
        doc = work.doc
        clean_places(composition, text, doc.text, work.offsets)
        doc.actors, mention_ids, by_id = build_actors(
            composition, doc.text, work.offsets, self._list_countries
        )
        doc.places = build_places(composition, doc.text, work.offsets)
        work.extras["actor_mentions"] = (composition, mention_ids, by_id)
