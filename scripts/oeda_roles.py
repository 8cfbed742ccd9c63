"""Check rasd's actor and recipient attribution against the OEDA Arabic span annotations.

The OEDA ``arabic_event_gsr`` release has, beside its sentence labels, ``protest_spans.json`` and
``assault_spans.json``: sentences in which annotators marked the source actor, the verb and the
target actor of a PROTEST or ASSAULT event, with CAMEO-style codes (``source_role.main`` the
country, ``source_role.role`` the sector; the same for the target). This script runs rasd on each
sentence (as ``rasd evaluate --gsr`` does: no title, no date) and, for the events of the annotated type, reports how often rasd finds the event and how
often its actor and recipient agree with the annotators in country and in sector, then lists the
disagreements with their sentences.

Usage: ``python scripts/oeda_roles.py DIR [--type ASSAULT|PROTEST] [--quiet]``.

How it compares (a maintenance tool, rasd never imports it):

- The gold code of a role is the annotators' majority over their dict-valued codes; ``None`` is
  "no country" / "no sector"; ``UNKNOWN`` and empty codes are no annotation. Codes rasd does not
  use are mapped (UAF unidentified armed force → REB; IMG, IGO, INT, NGO as a "country" → none)
  and the other sector codes rasd does not have (CRM, PTY, HLH, ELI …) are left out of the sector
  comparison.
- Of rasd's events of the annotated type, the one whose trigger is nearest the annotated verb is
  compared. An actor absent on either side counts as country "" and sector "".
- A sentence counts for a role's country (sector) only when the annotators coded it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import rasd
from rasd.dicts.tsv import SECTORS
from rasd.model import Actor, Document, Event, Origin
from rasd.readers.records import Record

FILES = {"ASSAULT": "assault_spans.json", "PROTEST": "protest_spans.json"}
#: CAMEO sectors rasd codes (the event guide's list).
RASD_SECTORS = SECTORS
SECTOR_ALIASES = {"UAF": "REB"}
#: CAMEO "country" codes for transnational actors: rasd gives them no country.
NO_COUNTRY = frozenset(["IMG", "IGO", "INT", "NGO", "None", "NONE", ""])


@dataclass(frozen=True, slots=True)
class Code:
    """An annotated (or predicted) role: country and sector; None = not annotated."""

    country: str | None
    sector: str | None


@dataclass(slots=True)
class Item:
    text: str
    verb: str
    source: Code
    target: Code


@dataclass(slots=True)
class Tally:
    sentences: int = 0
    reported: int = 0  # the sentence reports the type (filter or rules), coded or not
    found: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    lines: list[str] = field(default_factory=list)


def _majority(values: list[str]) -> str | None:
    if not values:
        return None
    return Counter(values).most_common(1)[0][0]


def _code(roles: list[Any]) -> Code:
    countries: list[str] = []
    sectors: list[str] = []
    for role in roles:
        if not isinstance(role, dict):
            continue  # "UNKNOWN" or missing
        main = role.get("main")
        if isinstance(main, str) and main != "UNKNOWN":
            countries.append("" if main in NO_COUNTRY else main)
        sector = role.get("role")
        if isinstance(sector, str) and sector != "UNKNOWN":
            sector = SECTOR_ALIASES.get(sector, sector)
            if sector == "None":
                sectors.append("")
            elif sector in RASD_SECTORS:
                sectors.append(sector)
    return Code(_majority(countries), _majority(sectors))


def read_items(path: Path) -> list[Item]:
    """The annotated sentences of one spans file (unreadable records are skipped)."""
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        print(f"cannot read {path}: {error}", file=sys.stderr)
        return []
    items: list[Item] = []
    for record in records if isinstance(records, list) else []:
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            continue
        spans = [s for s in record.get("spans") or [] if isinstance(s, dict)]
        items.append(
            Item(
                text=record["text"],
                verb=str(record.get("verb_gold") or ""),
                source=_code([s.get("source_role") for s in spans]),
                target=_code([s.get("target_role") for s in spans]),
            )
        )
    return items


def _nearest(events: list[Event], text: str, verb: str) -> Event | None:
    """The event whose trigger is nearest the annotated verb (the first one without a verb)."""
    if not events:
        return None
    at = text.find(verb) if verb else -1
    if at < 0:
        return events[0]

    def distance(event: Event) -> int:
        return min(abs(e.trigger_start - at) for e in event.evidence) if event.evidence else 10**6

    return min(events, key=distance)


def _predicted(actor: Actor | None) -> Code:
    return Code(actor.country, actor.sector) if actor is not None else Code("", "")


def _show(code: Code) -> str:
    return f"{code.country or '-'}/{code.sector or '-'}"


def analyze(text: str) -> tuple[Document, set[str]]:
    """rasd's document for one sentence (no title, no date) and the types it reports in it,
    whether or not their actors could be coded (as ``rasd evaluate --gsr`` counts them)."""
    work = rasd.analyzer().analyze_work(Record(text=text, origin=Origin("<oeda>"), id="oeda"))
    reports: list[tuple[int, str, float]] = work.extras.get("reports", [])
    return work.doc, {event_type for _sentence, event_type, _p in reports}


def compare(item: Item, event_type: str, tally: Tally) -> None:
    """Analyze one sentence and add its comparison to the tally."""
    document, reported = analyze(item.text)
    tally.sentences += 1
    tally.reported += event_type in reported
    events = [e for e in document.events if e.event_type == event_type]
    event = _nearest(events, item.text, item.verb)
    if event is None:
        why = "no actor coded" if event_type in reported else "not reported"
        tally.lines.append(f"  NOT FOUND ({why})  verb={item.verb}\n    {item.text}")
        return
    tally.found += 1
    actor, recipient = _predicted(event.actor), _predicted(event.recipient)
    wrong: list[str] = []
    for role, gold, got in (("actor", item.source, actor), ("recipient", item.target, recipient)):
        for part in ("country", "sector"):
            want: str | None = getattr(gold, part)
            if want is None:
                continue
            tally.counts[f"{role} {part} coded"] += 1
            if getattr(got, part) == want:
                tally.counts[f"{role} {part} agree"] += 1
            else:
                wrong.append(f"{role} {part}")
    if item.source.sector and recipient.sector == item.source.sector != actor.sector:
        tally.counts["swapped (recipient = annotated actor)"] += 1
    if wrong:
        tally.lines.append(
            f"  {', '.join(wrong)}: rasd {_show(actor)} → {_show(recipient)}; "
            f"annotators {_show(item.source)} → {_show(item.target)}; verb={item.verb}\n"
            f"    {item.text}"
        )


def report(event_type: str, tally: Tally, quiet: bool) -> None:
    """Print one type's figures and (unless quiet) its disagreements."""
    n = tally.sentences or 1
    print(
        f"{event_type}: {tally.sentences} sentences; reported in {tally.reported} "
        f"({tally.reported / n:.1%}); coded as an event in {tally.found} ({tally.found / n:.1%})"
    )
    for role in ("actor", "recipient"):
        for part in ("country", "sector"):
            coded = tally.counts[f"{role} {part} coded"]
            agree = tally.counts[f"{role} {part} agree"]
            share = f"{agree / coded:.1%}" if coded else "-"
            print(f"  {role:9} {part:7} agree {agree:3}/{coded:3} ({share})")
    print(
        f"  swapped (recipient = annotated actor): {tally.counts['swapped (recipient = annotated actor)']}"
    )
    if not quiet:
        print("\n".join(tally.lines))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("directory", type=Path, help="folder holding the *_spans.json files")
    parser.add_argument("--type", choices=sorted(FILES), help="only this event type")
    parser.add_argument("--quiet", action="store_true", help="figures only, no disagreements")
    args = parser.parse_args(argv)
    for event_type, name in FILES.items():
        if args.type and event_type != args.type:
            continue
        tally = Tally()
        for item in read_items(args.directory / name):
            compare(item, event_type, tally)
        report(event_type, tally, args.quiet)
    return 0


if __name__ == "__main__":
    sys.exit(main())
