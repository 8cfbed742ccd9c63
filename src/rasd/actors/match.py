"""Find dictionary entries in an article: clitic-aware, on word boundaries, longest first.

The article's base-normalized text is turned into a *match text* of the same length (ta marbuta to
ha, hamza carriers to hamza, every non-word character to a space), so positions are shared with
``Work.norm`` and map back to the original through its offset map. Keys end with a space, so a hit is
always right-bounded; the left side is accepted when the key starts a word or is preceded, inside
its word, by a valid proclitic stack (وبمصر، للسعودية، والمصريين، بالقاهرة).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rasd.actors.lexicon import Entry, Lexicon
from rasd.text.scan import NOUN_PROCLITICS, Hit, match_text, scan

__all__ = ["RawMention", "find_mentions", "match_text"]

#: Proclitic stacks allowed before a key that starts with the article (it cannot take another).
PREFIXES_BEFORE_ARTICLE = frozenset(["و", "ف", "ب", "ك", "وب", "فب", "وك", "فك"])
#: Proclitic stacks allowed before other keys (the article may be among them: المصري، والمصريين).
PREFIXES_OTHER = NOUN_PROCLITICS
#: Before a key whose entries all come from automatic lists (GeoNames): only و and ب.
PREFIXES_AUTO = frozenset(["و", "ب", "وب"])
#: The prefixes of the لل form of an article key (للسعودية, وللسعودية).
PREFIXES_LAM = frozenset(["لل", "ولل", "فلل"])


#: Every stack some key accepts (the scan skips the other hits).
#: Every proclitic stack some key accepts (what the scan need report).
ANY_PREFIX = PREFIXES_BEFORE_ARTICLE | PREFIXES_OTHER | PREFIXES_AUTO | PREFIXES_LAM

#: Entry kinds that can carry the article the key does not have (المصري، الوزير، الشرطة).
_TAKES_ARTICLE = frozenset(["demonym", "sector", "title"])


@dataclass(slots=True)
class RawMention:
    """A dictionary hit, in ``Work.norm`` coordinates; ``start`` excludes conjunction/preposition
    proclitics but includes the article when the text has one (المصرية)."""

    start: int
    end: int
    key: str
    entries: tuple[Entry, ...]
    prefix: str  # the proclitic letters before the key inside its word ("", "و", "بال", ...)
    token_start: int = -1  # where the word holding the key begins (before its proclitics)

    @property
    def kinds(self) -> set[str]:
        return {e.kind for e in self.entries}

    def of_kind(self, kind: str) -> list[Entry]:
        return [e for e in self.entries if e.kind == kind]


def find_mentions(
    lexicon: Lexicon, text: str, scanned: Iterable[Hit] | None = None
) -> list[RawMention]:
    """Non-overlapping dictionary mentions in a match text, longest first, in text order.
    ``scanned``: the lexicon's hits in ``text`` if a joint scan found them already."""
    hits: list[RawMention] = []
    if scanned is None:
        scanned = scan(lexicon.automaton, text, ANY_PREFIX)
    for start, end, (key, entries), prefix, word_start in scanned:
        if not prefix:
            hits.append(RawMention(start, end, key, entries, "", start))
            continue
        if prefix.endswith("لل") and start - word_start == len(prefix) - 1:
            allowed = PREFIXES_LAM  # the ل-form of an article key: للسعودية
        elif key.startswith("ال"):
            allowed = PREFIXES_BEFORE_ARTICLE
        elif entries[0].auto and all(e.auto for e in entries):
            allowed = PREFIXES_AUTO
        else:
            allowed = PREFIXES_OTHER
        if prefix not in allowed:
            continue
        if "ال" in prefix or (prefix.endswith("لل") and start - word_start == len(prefix)):
            # names of countries, places, people and bodies do not take the article: السورية is
            # the adjective, not the country's name سورية
            entries = tuple(e for e in entries if e.kind in _TAKES_ARTICLE)
            if not entries:
                continue
        shown_start = start - 2 if prefix.endswith("ال") else start
        hits.append(RawMention(shown_start, end, key, entries, prefix, word_start))
    return _longest_first(_merge_same_span(hits))


def _merge_same_span(hits: list[RawMention]) -> list[RawMention]:
    """One mention per span: السعودية is the country's name and the adjective (ال + سعودية)."""
    by_span: dict[tuple[int, int], RawMention] = {}
    for hit in hits:
        key = (hit.start, hit.end)
        seen = by_span.get(key)
        if seen is None:
            by_span[key] = hit
        else:
            seen.entries = seen.entries + tuple(e for e in hit.entries if e not in seen.entries)
    return list(by_span.values())


def _longest_first(hits: list[RawMention]) -> list[RawMention]:
    if len(hits) < 2:
        return hits
    hits.sort(key=lambda h: (-(h.end - h.start), h.start))
    taken: list[RawMention] = []
    occupied = bytearray(max(h.end for h in hits) + 1)
    for hit in hits:
        if 1 in occupied[hit.start : hit.end]:
            continue
        taken.append(hit)
        occupied[hit.start : hit.end] = b"\x01" * (hit.end - hit.start)
    taken.sort(key=lambda h: h.start)
    return taken
