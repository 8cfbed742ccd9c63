"""What the event tests compare: an article's events as (type, actor country, recipient country)."""

from __future__ import annotations

from rasd.model import Document


def triples(doc: Document) -> set[tuple[str, str, str]]:
    return {
        (
            e.event_type,
            e.actor.country if e.actor else "",
            e.recipient.country if e.recipient else "",
        )
        for e in doc.events
    }
