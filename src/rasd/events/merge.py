"""Events that are one act told twice: merged while an article is coded (:func:`add_or_merge`:
same type, actor, recipient and date), or merged or dropped after it is coded:

- a report read once with its object and once without (:func:`without_partial_duplicates`);
- an attack reported without a doer and a claim of responsibility (:func:`with_claims_joined`);
- a country-level or unknown-doer event beside one that names the bodies or people
  (:func:`without_subsumed`).
"""

from __future__ import annotations

from rasd.model import Actor, Event


def add_or_merge(
    events: dict[tuple[str, str, str, str], Event], event: Event, plover: dict[str, str]
) -> Event | None:
    """Add a newly read ``event`` (one evidence span) to the article's ``events``, keyed by type,
    actor, recipient and date, with the quad class and score of its type's ``plover`` row; or, when
    the key is taken, add its evidence (if from another sentence) and contexts to the event
    there and return None."""
    key = (
        event.event_type,
        event.actor.id if event.actor else "",
        event.recipient.id if event.recipient else "",
        event.date,
    )
    existing = events.get(key)
    if existing is not None:
        evidence = event.evidence[0]
        if all(e.start != evidence.start for e in existing.evidence):
            existing.evidence.append(evidence)
        for c in event.context:
            if c not in existing.context:
                existing.context.append(c)
        return None
    try:
        event.score = float(plover["score"]) if plover.get("score") else None
    except ValueError:
        event.score = None
    event.quad = plover.get("quad", "")
    events[key] = event
    return event


def without_partial_duplicates(events: list[Event]) -> list[Event]:
    """Drop an event without a recipient when the same actor has the same event, on the same
    date, with a recipient, read in the same sentence (one report read twice, once without its
    object). A statement without an addressee in another sentence is another statement; a
    meeting is one meeting wherever the article tells it again (جرى خلال اللقاء تبادل وجهات النظر)."""
    with_target: dict[tuple[str, str, str], set[int]] = {}
    for e in events:
        if e.actor is not None and e.recipient is not None:
            key = (e.event_type, e.actor.id, e.date)
            with_target.setdefault(key, set()).update(ev.start for ev in e.evidence)
    return [
        e
        for e in events
        if e.recipient is not None
        or e.actor is None
        or (e.event_type, e.actor.id, e.date) not in with_target
        or (
            e.event_type != "CONSULT"
            and not {ev.start for ev in e.evidence}
            & with_target[(e.event_type, e.actor.id, e.date)]
        )
    ]


def with_claims_joined(events: list[Event], claims: list[Event]) -> list[Event]:
    """قتل خمسة جنود … وأعلن تنظيم داعش مسؤوليته عن الهجوم: the claimant is the doer of the attack
    reported without one; the claim is evidence of that attack, not a second one."""
    unknown = [e for e in events if e.event_type == "ASSAULT" and e.actor is None]
    if not unknown:
        return events
    joined: set[int] = set()
    for claim in claims:
        if claim.actor is None or claim.event_type != "ASSAULT":
            continue
        for attack in unknown:
            attack.actor = claim.actor
            attack.evidence.extend(claim.evidence)
            attack.confidence = min(1.0, attack.confidence + 0.2)
        joined.add(id(claim))
        break
    return [e for e in events if id(e) not in joined]


def _bare_country(actor: Actor | None) -> bool:
    return actor is not None and bool(actor.country) and not actor.sector and not actor.name


def _covers(general: Actor | None, specific: Actor | None) -> bool:
    """``specific`` says at least what ``general`` says: the same actor, or a body or person of
    the bare country ``general`` names (nobody is covered only by nobody)."""
    if general is None or specific is None:
        return general is None and specific is None
    return general.id == specific.id or (
        _bare_country(general) and specific.country == general.country
    )


def _subsumed(e: Event, f: Event) -> bool:
    """``e`` says less than ``f`` about the same act: same type and date, each side covered by
    ``f``'s (either way round: a reciprocal act is coded both ways), and ``f`` more specific."""
    if e is f or e.event_type != f.event_type or e.date != f.date:
        return False
    if e.mode and e.mode != f.mode:
        return False  # a visit says who travelled: not less than a meeting with named people
    straight = _covers(e.actor, f.actor) and _covers(e.recipient, f.recipient)
    crossed = _covers(e.actor, f.recipient) and _covers(e.recipient, f.actor)
    if not (straight or crossed):
        return False
    ids_e = {a.id for a in (e.actor, e.recipient) if a is not None}
    ids_f = {a.id for a in (f.actor, f.recipient) if a is not None}
    return ids_e != ids_f


def without_subsumed(events: list[Event]) -> list[Event]:
    """Drop an event that says less than another about the same act: read in the same sentences
    (قتل خمسة جنود من الجيش في هجوم: the attack and the killing are one act on the army), or,
    for meetings, anywhere in the article (استقبل الأمير الوزير … وجرى خلال الاستقبال بحث
    العلاقات بين البلدين: one meeting, coded once, with its people)."""
    kept = []
    for e in events:
        starts = {ev.start for ev in e.evidence}
        if any(
            _subsumed(e, f)
            and (e.event_type == "CONSULT" or starts <= {ev.start for ev in f.evidence})
            for f in events
        ):
            continue
        kept.append(e)
    return kept
