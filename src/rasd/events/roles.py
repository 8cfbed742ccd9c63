"""Who did it, to whom: the actor and recipient of a trigger, from Arabic word order and markers.

Parties are the actor mentions of the sentence, each with the preposition that marks it (مع، إلى،
على، ضد، ل، ب …) and its coordinated companions (مصر والسعودية). For a verb, the subject is the
first unmarked party right after it (verb–subject–object) or, failing that, the nearest unmarked
party before it (subject–verb), or the subject carried over from the previous sentence; the
recipient is the next party after the subject that is unmarked (direct object) or marked by one of
the trigger's recipient prepositions. استقبل X Y: Y visits, so Y is the actor. For a noun
(زيارة، هجوم), the party right after it is its agent (زيارة الرئيس) unless marked, and the
recipient follows a preposition (هجوم على …).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from rasd.events.agency import (
    AGENT_REACH,
    counted,
    is_agent,
    no_object_after,
    plural_form,
    reported_start,
    speaker_own,
)
from rasd.events.lexicon import PassiveWords
from rasd.events.triggers import TriggerHit

#: Prepositions written as separate words that mark a party, and clitic ones (ل، ب) on the party.
MARKERS = frozenset(
    [
        "مع",
        "الي",
        "علي",
        "ضد",
        "عن",
        "من",
        "في",
        "لدي",
        "بين",
        "تجاه",
        "حول",
        "عبر",
        "نحو",
        "امام",
        "داخل",
        "بحق",
    ]
)
NEAR_WORDS = 5  # how far (in words) after a verb its subject may start


@dataclass(slots=True)
class Party:
    start: int  # match-text positions of the mention
    end: int
    token_start: int
    actor_id: str
    country: str
    marker: str = ""  # preposition marking the party ("" when none)
    group: list[Party] = field(default_factory=list)  # coordinated parties (itself first)


def mark(
    text: str,
    party: Party,
    prefix: str,
    protected: frozenset[str] = frozenset(),
    partitive: frozenset[str] = frozenset(),
) -> None:
    """Find the preposition that marks a party: a clitic (للرئيس، بمصر) or the word before it."""
    if prefix.startswith(("ل", "ول", "فل")) and not prefix.endswith("ال"):
        party.marker = "ل"
        return
    if "ب" in prefix:
        party.marker = "ب"
        return
    words = text[max(0, party.token_start - 40) : party.token_start].split()
    if not words:
        return
    if words[-1] in MARKERS:
        party.marker = words[-1]
        if words[-1] in ("من", "عن") and len(words) >= 2 and words[-2] in partitive:
            party.marker = ""  # أفراد من الجيش، ممثلون عن الحكومة: the body's men act for it
        return
    # the party modifies the noun before it: للتدخل الإيراني، على التدخل الإيراني
    head = words[-1]
    if head.startswith(("لل", "ولل")) or (head.startswith(("ل", "ول")) and head[1:3] == "ال"):
        party.marker = "ل"
    elif head.startswith(("بال", "وبال")):
        party.marker = "ب"
    elif head.startswith(("ب", "وب")) and len(head) >= 4 and head not in protected:
        party.marker = "ب"  # بدور مصر: the party belongs to a phrase governed by ب
    elif (
        len(words) >= 2
        and words[-2] in MARKERS
        and head.startswith("ال")
        and text.startswith("ال", party.start)
    ):
        # على التدخل الإيراني: a definite adjective of the noun after the preposition (not في
        # الدوحة وزير الخارجية, where a new noun phrase starts)
        party.marker = words[-2]


def unmark_after_verbs(text: str, parties: list[Party], hits: list[TriggerHit]) -> None:
    """A party right after a verb trigger that starts with ب (وبحث وزير الخارجية …) is the
    verb's subject or object, not part of a phrase governed by ب as :func:`mark` guessed."""
    verbs = {h.start for h in hits if h.trigger.pos == "v" and "ب" not in h.prefix}
    if not verbs:
        return
    for party in parties:
        if party.marker == "ب" and party.token_start == party.start:
            before = text.rfind(" ", 0, max(0, party.token_start - 1)) + 1
            if before in verbs and text.startswith(("ب", "وب", "فب"), before):
                party.marker = ""


#: Words between a group and one of its members: الوفود الأمريكية … وعلى رأسهم دانيال كوتس.
MEMBER_LINKS = (
    "وعلي راسهم",
    "علي راسهم",
    "وعلي راسها",
    "علي راسها",
    "ومنهم",
    "منهم",
    "بينهم",
    "ومن بينهم",
    "من بينهم",
    "وفي مقدمتهم",
    "في مقدمتهم",
)
RELATIVES = frozenset(["التي", "الذي", "الذين", "اللذان", "اللتان", "اللذين", "اللتين", "اللواتي"])


def group_coordinated(text: str, parties: list[Party]) -> list[Party]:
    """Merge ``X وY وZ`` into X with group [X, Y, Z], and ``X … وعلى رأسهم Y`` likewise;
    returns the heads."""
    heads: list[Party] = []
    for p in parties:
        if heads:
            last = heads[-1]
            tail = last.group[-1] if last.group else last
            words = text[tail.end : p.token_start].split()
            if " ".join(words).endswith(MEMBER_LINKS) and len(words) <= 12:
                last.group.append(p)
                continue
            if (
                len(words) <= 2
                and text[p.token_start : p.token_start + 1] == "و"
                and p.token_start < p.start
            ):
                last.group.append(p)
                continue
        if len(p.group) < 2:  # البلدين arrives as a ready group of two
            p.group = [p]
        heads.append(p)
    return heads


def _words(text: str, start: int, end: int) -> int:
    return len(text[start:end].split())


#: Recipient markers that fit a type whatever the trigger lists (cooperation "with", attacks "on").
GENERIC_MARKS: dict[str, frozenset[str]] = {
    "coop": frozenset(["مع", "ل", "الي", "بين"]),
    "verbal": frozenset(["ل", "الي", "علي", "ضد", "مع", "تجاه", "بحق"]),
    "material": frozenset(["علي", "ضد", "بحق", "ل", "مع", "بين"]),
}
MATERIAL_CONFLICT = frozenset(["PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"])
COOP = frozenset(["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"])


def _family(event_type: str) -> str:
    if event_type in COOP:
        return "coop"
    return "material" if event_type in MATERIAL_CONFLICT else "verbal"


def assign(
    hit: TriggerHit,
    parties: list[Party],
    text: str,
    carried: Party | None,
    clause_start: int,
    governed: bool = False,
    passive: PassiveWords | None = None,
) -> tuple[Party | None, Party | None, str]:
    """(actor, recipient, how) for a trigger among the sentence's parties. ``governed``: the
    trigger is a noun that another (verbal) trigger is about (أدان القصف الذي شنته الطائرات التركية):
    its agent is not the condemner before it but the party named after it."""
    trigger = hit.trigger
    if governed:
        after = [
            p
            for p in parties
            if p.start >= hit.end and not p.marker and _words(text, hit.end, p.token_start) <= 8
        ]
        agent = after[0] if after else None
        rest = [p for p in parties if p is not agent]
        return agent, _recipient(hit, rest, agent, text), "governed"
    floor = 0  # where the doer of an attack may start: after a speaker's complementizer
    speaker: Party | None = None
    if trigger.pos == "v" and trigger.event_type in MATERIAL_CONFLICT:
        floor = max(0, reported_start(text, clause_start, hit.start))
        own = speaker_own(text, clause_start, hit.start)
        if own >= 0:
            speaker = next(
                (
                    p
                    for p in reversed(parties)
                    if clause_start <= p.start and p.end <= own and not p.marker
                ),
                None,
            )
    before = [p for p in parties if p.end <= hit.start and p.start >= max(clause_start, floor)]
    after = [p for p in parties if p.start >= hit.head_end]
    subject: Party | None = None
    how = ""
    first = after[0] if after else None
    between = next((p for p in parties if p.marker == "بين" and len(p.group) > 1), None)
    if between is not None and first is not None and between is first:
        # اشتباكات بين الشرطة والجيش: the first side acts on the second
        return between.group[0], between.group[1], "between"
    if hit.pronoun:
        # استقباله سامح شكري: "his" is the agent (the current subject), what follows is the object
        unmarked = [p for p in before if not p.marker]
        subject = unmarked[-1] if unmarked else carried
        how = "pronoun"
        recipient = (
            first
            if first is not None and not first.marker
            else _recipient(hit, parties, subject, text)
        )
        if "visit_inverse" in trigger.flags and subject is not None and recipient is not None:
            subject, recipient = recipient, subject
        return subject, recipient, how
    gaps = [(p, _words(text, p.end, hit.start)) for p in before if not p.marker]
    adjacent = [p for p, gap in gaps if gap == 0]
    near_before = any(gap <= 2 for _, gap in gaps)
    if passive is not None and trigger.event_type in MATERIAL_CONFLICT:
        agent = _agent_after(text, after, hit.head_end, passive)
        if agent is not None:
            # قتل ضابط برصاص مسلحين، مقتل جندي بنيران الجيش: the agent phrase names the doer
            victim = adjacent[-1] if trigger.pos == "v" and adjacent else None
            if victim is None:
                victim = next((p for p in after if p.start < agent.start), None)
            return agent, victim, "agent"
        if _topicalized_victim(hit, adjacent, text, passive):
            # ثلاثة جنود قتلوا في هجوم: the party before the passive verb was hit
            return None, adjacent[-1], "passive"
    if passive is not None and trigger.pos == "v" and first is not None and not near_before:
        victims = _passive_object(hit, first, after, text, passive)
        if victims is not None:
            return victims
    # only a relative pronoun between (the match text holds only words and spaces)
    relative = [
        p for p in parties if p.end <= hit.start and text[p.end : hit.start].strip() in RELATIVES
    ]
    if trigger.pos == "v" and relative:
        # الوفود الأمريكية التي قامت بزيارة …: the relative clause's subject is its antecedent
        subject, how = relative[-1], "relative"
    elif trigger.pos == "v" and speaker is not None:
        # قال الجيش إن قواته اعتقلت …: the speaker's own men act for it
        subject, how = speaker, "before"
    elif trigger.pos == "v" and adjacent:
        # إن الشرطة المصرية اعتقلت …: subject–verb order inside the clause
        subject, how = adjacent[-1], "before"
    elif trigger.pos == "v":
        if (
            first is not None
            and not first.marker
            and _words(text, hit.head_end, first.token_start) < NEAR_WORDS
        ):
            subject, how = first, "after-verb"
    elif first is not None and not first.marker and _words(text, hit.end, first.token_start) <= 1:
        subject, how = first, "genitive"
    elif _relative_agent(hit, after, text) is not None:
        # العقوبات التي فرضتها الولايات المتحدة، القصف الذي شنته الطائرات التركية
        subject, how = _relative_agent(hit, after, text), "genitive"
    if subject is None:
        unmarked = [p for p in before if not p.marker]
        if unmarked:
            subject, how = unmarked[-1], "before"
    if subject is None and trigger.pos == "v":
        # وسلمته مذكرة احتجاج: the subject of an earlier clause of the sentence
        earlier = [p for p in parties if floor <= p.start and p.end <= hit.start and not p.marker]
        if earlier:
            subject, how = earlier[0], "before-sentence"
    if (
        subject is None
        and carried is not None
        and trigger.pos == "v"
        and trigger.event_type not in MATERIAL_CONFLICT
    ):
        # وأكد …: a statement continues the previous speaker; an attack or an arrest needs its
        # own doer (a subject carried over from another sentence is too often wrong)
        subject, how = carried, "carried"
    if (
        subject is not None
        and len(subject.group) > 1
        and subject.group[0].country != subject.group[1].country
        and ("reciprocal" in trigger.flags or trigger.event_type == "CONSULT")
    ):
        # اتفق الرئيسان، اتصال هاتفي بين …: the parties act with each other
        return subject.group[0], subject.group[1], how + "+reciprocal"
    recipient = _recipient(
        hit, _reported_clause(parties, text, clause_start, hit.start), subject, text
    )
    if (
        recipient is None
        and subject is not None
        and len(subject.group) > 1
        and ("reciprocal" in trigger.flags or trigger.event_type == "CONSULT")
    ):
        # اجتمع ممثلو الحكومة والمعارضة: with nobody else named, the group meets among itself (a
        # member that is the same actor as the first, الحكومة والحزب الحاكم, is no partner)
        first = subject.group[0]
        partner = next((p for p in subject.group[1:] if p.actor_id != first.actor_id), None)
        if partner is not None:
            return first, partner, how + "+reciprocal"
    if "visit_inverse" in trigger.flags and subject is not None and recipient is not None:
        subject, recipient = recipient, subject
        how += "+visit"
    return subject, recipient, how


def _reported_clause(parties: list[Party], text: str, clause_start: int, pos: int) -> list[Party]:
    """قال المتحدث باسم القوات المسلحة إن قوات الأمن فرضت طوقا: parties before the complementizer
    (إن، أن) belong to the reporting verb, not to the reported act."""
    at = text.rfind(" ان ", clause_start, pos)
    if at < 0:
        return parties
    return [p for p in parties if p.start > at]


def _passive_object(
    hit: TriggerHit, first: Party, after: list[Party], text: str, passive: PassiveWords
) -> tuple[Party | None, Party | None, str] | None:
    """قتل خمسة جنود من الجيش: a number right after an attack or arrest verb is the passive
    reading, its noun phrase the victims; the doer, if any, follows على يد / برصاص."""
    if "passive" not in hit.trigger.flags:
        return None
    words = text[hit.head_end : first.token_start].split()
    while words and words[0] in passive.adverbs:
        words = words[1:]  # قتل أمس سبعة من عناصر الشرطة
    if not words or len(words) >= NEAR_WORDS:
        return None
    head = words[0][1:] if words[0].startswith("و") and len(words[0]) > 3 else words[0]
    if not (head.isdigit() or head in passive.count or words[0] in passive.count):
        return None
    agent = None
    for p in after:
        if p is first or p.start <= first.start:
            continue
        before_p = text[max(0, p.token_start - 20) : p.token_start].split()
        if before_p and (
            before_p[-1] in passive.agent or text[p.token_start : p.start] in passive.agent
        ):
            agent = p
            break
    return agent, first, "passive"


def _agent_after(text: str, after: list[Party], pos: int, passive: PassiveWords) -> Party | None:
    """The first party after ``pos`` (within reach) that an agent phrase names (على يد X)."""
    for p in after:
        if _words(text, pos, p.token_start) > AGENT_REACH:
            return None
        if is_agent(text, p.token_start, p.start, passive.agent, passive.count):
            return p
    return None


def _topicalized_victim(
    hit: TriggerHit, adjacent: list[Party], text: str, passive: PassiveWords
) -> bool:
    """جنديان قتلا بانفجار، ثلاثة جنود قتلوا في هجوم: an attack or arrest verb right after a
    party, in the plural or dual (or after a counted party), with no object after it."""
    if hit.trigger.pos != "v" or "passive" not in hit.trigger.flags or not adjacent:
        return False
    victim = adjacent[-1]
    if not (
        plural_form(text[hit.start : hit.head_end])
        or counted(text, victim.token_start, passive.count)
    ):
        return False
    return no_object_after(
        text, hit.head_end, MARKERS, passive.adverbs, passive.agent, passive.continuations
    )


def _relative_agent(hit: TriggerHit, after: list[Party], text: str) -> Party | None:
    """The doer named in a relative clause right after a noun: X الذي/التي <verb> <doer>."""
    words = text[hit.end : hit.end + 80].split()
    relative_next = bool(words) and words[0] in RELATIVES  # القصف الذي شنته
    relative_after_adjective = len(words) >= 3 and words[1] in RELATIVES  # القصف الجوي الذي
    if not (relative_next or relative_after_adjective):
        return None
    for p in after:
        if not p.marker and _words(text, hit.end, p.token_start) <= 5:
            return p
    return None


@lru_cache(maxsize=1024)
def _own_marks(recipient: tuple[str, ...]) -> frozenset[str]:
    """A trigger's recipient prepositions in match-text spelling."""
    return frozenset(m.replace("إ", "ا").replace("ى", "ي") for m in set(recipient) - {"obj"})


def _recipient(
    hit: TriggerHit, parties: list[Party], subject: Party | None, text: str
) -> Party | None:
    trigger = hit.trigger
    own_marks = _own_marks(trigger.recipient)
    wants_object = "obj" in trigger.recipient
    family = _family(trigger.event_type)
    generic = GENERIC_MARKS[family]
    best: tuple[float, Party] | None = None
    phrase_rest = hit.parts[1:]
    for p in parties:
        if p is subject or (subject is not None and p.actor_id == subject.actor_id):
            continue
        if phrase_rest and any(s < p.end and p.start < e for s, e in phrase_rest):
            continue  # أحال المتهمين إلى النيابة: a word of the phrase itself, not its recipient
        after = p.start >= hit.head_end
        score = 0.0
        if p.marker and p.marker in own_marks:
            score += 3
        elif not p.marker and wants_object and after:
            score += 2.5
        elif (
            not p.marker
            and after
            and subject is not None
            and subject.end <= p.start
            and _words(text, subject.end, p.token_start) == 0
        ):
            score += 2  # طالب الرئيس الحوثيين بـ…: the object right after the subject
        elif p.marker in generic:
            score += 2
        elif not p.marker and after:
            score += 1
        else:
            continue
        if subject is not None and subject.country:
            if p.country and p.country != subject.country:
                score += 1 if family != "material" else 0.5
            elif p.country == subject.country and family == "material":
                score += 0.5
        distance = (
            _words(text, hit.end, p.token_start)
            if p.start >= hit.end
            else (0 if after else _words(text, p.end, hit.start) + 3)
        )
        score -= 0.05 * distance
        if best is None or score > best[0]:
            best = (score, p)
    return best[1] if best is not None and best[0] >= 1.2 else None


def beyond_verb(hit: TriggerHit, party_end: int, hits: list[TriggerHit]) -> bool:
    """A verb of the noun's own type stands between a party and the noun: جنود قتلوا بانفجار
    عبوة — the party is that verb's (its subject or its victims), not the noun's doer."""
    return any(
        h.trigger.pos == "v"
        and h.trigger.event_type == hit.trigger.event_type
        and party_end <= h.start
        and h.end <= hit.start
        for h in hits
    )
