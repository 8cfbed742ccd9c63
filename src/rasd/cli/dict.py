"""``rasd dict validate DIR`` and ``rasd dict lookup WORD``: check and explain dictionaries."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from rasd.cli.common import add_dict_argument, options_from_args
from rasd.errors import ConfigError


def add_parser(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="dict_command", metavar="ACTION")
    sub.required = True
    validate = sub.add_parser("validate", help="check dictionary files (TSV) in a folder or a file")
    validate.add_argument("path", type=Path, metavar="DIR")
    lookup = sub.add_parser("lookup", help="what the dictionaries say about a word or phrase")
    lookup.add_argument("words", nargs="+", metavar="WORD")
    lookup.add_argument("--date", metavar="YYYY-MM-DD", help="date for office holders")
    add_dict_argument(lookup)


def run(args: argparse.Namespace) -> int:
    if args.dict_command == "validate":
        return _validate(args.path)
    return _lookup(args)


def _validate(path: Path) -> int:
    from rasd.dicts.validate import validate_directory

    if not path.exists():
        raise ConfigError(f"{path}: no such file or folder")
    tables, problems = validate_directory(path)
    for table in tables:
        print(f"{table.path}: kind {table.kind}, {len(table.rows)} rows")
    for problem in problems:
        print(f"rasd: {problem}", file=sys.stderr)
    if problems:
        print(f"rasd: {len(problems)} problem(s) in {path}", file=sys.stderr)
        return 1
    print(f"ok: {len(tables)} file(s) valid")
    return 0


def _lookup(args: argparse.Namespace) -> int:
    from rasd.actors.lexicon import match_key
    from rasd.actors.stages import load_resources
    from rasd.events.coder import load_event_lexicon
    from rasd.events.triggers import word_variants
    from rasd.knowledge import Knowledge
    from rasd.text.normalize import Normalizer

    options = options_from_args(args)
    knowledge = Knowledge(options)
    resources = load_resources(knowledge)
    events = load_event_lexicon(knowledge)
    normalizer = Normalizer("match")
    phrase = " ".join(args.words)
    key = match_key(normalizer, phrase)
    date = args.date or options.input.default_date or ""
    print(f"{phrase}  (matching form: {key})")
    words = key.split()
    covered: set[int] = set()
    found = False
    # the whole phrase first, then ever shorter parts of it not already explained
    for size in range(len(words), 0, -1):
        for start in range(len(words) - size + 1):
            positions = set(range(start, start + size))
            if positions & covered:
                continue
            part = " ".join(words[start : start + size])
            lines = _explain_form(part, date, resources, events, word_variants)
            if lines:
                found = True
                covered |= positions
                if part != key:
                    print(f" «{part}»:")
                print("\n".join(lines))
    if not found:
        print("  not in the dictionaries")
    return 0


def _explain_form(key: str, date: str, resources: Any, events: Any, variants: Any) -> list[str]:
    """What the dictionaries say about ``key`` as written or, for one word, without proclitics."""
    candidates = [key]
    if " " not in key:
        candidates += sorted(variants(key) - {key}, key=len, reverse=True)
    out: list[str] = []
    for form in candidates:
        lines = _explain_actor(resources.lexicon.entries.get(form, []), date, resources)
        lines += _explain_event(events, form)
        if form in resources.weak:
            lines.append("  weak form: counts only with a nationality or a country after it")
        if form in resources.implied_country:
            lines.append(f"  implies country {resources.implied_country[form]}")
        if lines:
            if form != key:
                out.append(f"  as {form} (with its proclitics removed):")
            out.extend(lines)
            break
    return out


def _explain_actor(entries: list[Any], date: str, resources: Any) -> list[str]:
    out: list[str] = []
    for e in entries:
        if e.kind == "person" and e.person is not None:
            offices = ", ".join(
                f"{o.office or '-'} {o.country} {o.start[:10]}…{o.end[:10]}"
                for o in e.person.offices
            )
            out.append(f"  person: {e.name} ({e.country} {e.sector}); offices: {offices}")
        elif e.kind == "place" and e.place is not None:
            p = e.place
            metonym = f", stands for {p.metonym}'s government" if p.metonym else ""
            out.append(
                f"  place: {p.name} ({p.kind}, {p.country or 'no country'}, "
                f"{p.lat}, {p.lon}){metonym}"
            )
        elif e.kind == "title":
            holder = ""
            if e.office and e.country and date:
                people = resources.lexicon.holders(e.office, e.country, date)
                holder = f"; on {date}: {', '.join(p.name for p in people) or 'nobody known'}"
            construct = " (construct form: needs a country after it)" if e.construct else ""
            out.append(
                f"  title: sector {e.sector or '-'}, office {e.office or '-'}"
                f"{', country ' + e.country if e.country else ''}{construct}{holder}"
            )
        elif e.kind == "sector":
            construct = " (construct form: needs a country after it)" if e.construct else ""
            out.append(f"  sector noun: {e.sector}{' — ' + e.name if e.name else ''}{construct}")
        else:
            out.append(
                f"  {e.kind}: {e.name or '-'} (country {e.country or '-'}, sector "
                f"{e.sector or '-'})"
            )
    return out


def _explain_event(events: Any, form: str) -> list[str]:
    out: list[str] = []
    found = events.automaton.get(form + " ", None) if events.automaton is not None else None
    if found is not None:
        for t in found[1].triggers:
            kind = "verb" if t.pos == "v" else "noun"
            if t.event_type == "-":
                role = "reporting verb" if "speech" in t.flags else "helper word of phrases"
                out.append(f"  {role} ({t.lemma})")
            elif t.rest:
                out.append(
                    f"  starts the phrase «{t.lemma}» → {t.event_type}"
                    f"{'/' + t.mode if t.mode else ''}"
                )
            else:
                out.append(
                    f"  event trigger ({kind} of {t.lemma}) → {t.event_type}"
                    f"{'/' + t.mode if t.mode else ''}"
                )
    return out
