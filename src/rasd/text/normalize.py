"""Arabic orthographic normalization with offsets kept.

Each normalizer is a small pure ``str -> str`` function named ``<op>_ar`` and built from a table.
All of them are *character maps*: every input character is replaced by zero, one or more characters
independently of its neighbours. That property lets a named profile (a sequence of normalizers) be
compiled into one lazily filled translation table, and lets every output character be traced back to
the input character it came from (:class:`OffsetMap`).

Profiles:

``base``
    compatibility forms (Arabic presentation forms to base letters, NFKC where it yields one
    character), diacritics, tatweel, zero-width and bidi controls removed, alef forms unified,
    alef maqsura and Persian ya to ya, Persian kaf to kaf, Arabic-Indic and Persian digits to ASCII,
    Latin lowercased. Ta marbuta and hamza carriers are kept, so clitic analysis can tell ة from ه.
``match``
    ``base`` plus ta marbuta to ha and hamza carriers (ؤ ئ) to hamza: for dictionary matching and
    search, where السيسى = السيسي, مسئول = مسؤول, القاهره = القاهرة.
``light``
    compatibility forms and invisible controls only: for display.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass

# --- character tables -----------------------------------------------------------------------------

#: Arabic diacritics and Quranic marks (harakat, tanwin, shadda, sukun, superscript alef, ...).
DIACRITICS = frozenset(
    [chr(c) for c in range(0x0610, 0x061B)]
    + [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670"]
    + [chr(c) for c in range(0x06D6, 0x06DD)]
    + [chr(c) for c in range(0x06DF, 0x06E5)]
    + ["\u06e7", "\u06e8"]
    + [chr(c) for c in range(0x06EA, 0x06EE)]
    + [chr(c) for c in range(0x08D3, 0x0900) if c != 0x08E2]
)
TATWEEL = "\u0640"
#: Invisible format characters: zero-width, bidi marks and embeddings, soft hyphen, BOM.
CONTROLS = frozenset(
    [chr(c) for c in range(0x200B, 0x2010)]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2060, 0x2065)]
    + [chr(c) for c in range(0x2066, 0x206A)]
    + ["\u061c", "\ufeff", "\u00ad"]
)
ALEF_MAP = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا"}
YA_MAP = {"ى": "ي", "ی": "ي", "ې": "ي"}
KAF_MAP = {"ک": "ك"}
TA_MARBUTA_MAP = {"ة": "ه", "ۃ": "ه"}
HAMZA_MAP = {"ؤ": "ء", "ئ": "ء"}
DIGIT_MAP = {chr(0x0660 + i): str(i) for i in range(10)} | {
    chr(0x06F0 + i): str(i) for i in range(10)
}
#: Arabic punctuation, for the segmenter (kept as is by every profile).
ARABIC_PUNCTUATION = {"،": ",", "؛": ";", "؟": "?", "«": '"', "»": '"'}

#: Arabic presentation forms (and the isolated harakat forms in FE70-FE7F): the only characters a
#: profile may expand to several characters or to nothing although they are not in DELETABLE.
PRESENTATION_RE = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")


def _positions(text: str, chars: Iterable[str]) -> list[int]:
    """Sorted positions in ``text`` of every occurrence of ``chars``."""
    out: list[int] = []
    for ch in chars:
        at = text.find(ch)
        while at != -1:
            out.append(at)
            at = text.find(ch, at + 1)
    out.sort()
    return out


def _is_presentation(ch: str) -> bool:
    return PRESENTATION_RE.match(ch) is not None


def _table(mapping: dict[str, str], delete: Iterable[str] = ()) -> dict[int, str | None]:
    table: dict[int, str | None] = {ord(k): v for k, v in mapping.items()}
    for ch in delete:
        table[ord(ch)] = None
    return table


_DIACRITICS_TABLE = _table({}, DIACRITICS)
_TATWEEL_TABLE = _table({}, TATWEEL)
_CONTROLS_TABLE = _table({}, CONTROLS)
_ALEF_TABLE = _table(ALEF_MAP)
_YA_TABLE = _table(YA_MAP | KAF_MAP)
_TA_TABLE = _table(TA_MARBUTA_MAP)
_HAMZA_TABLE = _table(HAMZA_MAP)
_DIGIT_TABLE = _table(DIGIT_MAP)
_COMPAT_RE = re.compile(r"[^\u0000-\u009F\u0600-\u06FF]")


# --- the normalizers: pure str -> str character maps -----------------------------------------------


def _compat_char(match: re.Match[str]) -> str:
    ch = match.group()
    if PRESENTATION_RE.match(ch):
        return unicodedata.normalize("NFKC", ch)
    out = unicodedata.normalize("NFKC", ch)
    return out if len(out) == 1 else ch


def compat_ar(text: str) -> str:
    """Presentation forms to base letters (ﻻ → لا); other NFKC mappings where they give one char."""
    return _COMPAT_RE.sub(_compat_char, text)


def remove_diacritics_ar(text: str) -> str:
    """Remove harakat, tanwin, shadda, sukun, superscript alef and Quranic marks."""
    return text.translate(_DIACRITICS_TABLE)


def remove_tatweel_ar(text: str) -> str:
    """Remove tatweel (kashida), the stretching character: مصـــر → مصر."""
    return text.translate(_TATWEEL_TABLE)


def remove_controls_ar(text: str) -> str:
    """Remove zero-width characters, bidi marks and embeddings, soft hyphens and BOMs."""
    return text.translate(_CONTROLS_TABLE)


def unify_alef_ar(text: str) -> str:
    """أ إ آ ٱ → ا."""
    return text.translate(_ALEF_TABLE)


def unify_ya_ar(text: str) -> str:
    """ى (alef maqsura) and Persian ی → ي; Persian ک → ك. Egyptian writing uses ى for final ي."""
    return text.translate(_YA_TABLE)


def unify_ta_marbuta_ar(text: str) -> str:
    """ة → ه."""
    return text.translate(_TA_TABLE)


def unify_hamza_ar(text: str) -> str:
    """Hamza on waw or ya → bare hamza: مسئول and مسؤول become مسءول."""
    return text.translate(_HAMZA_TABLE)


def digits_to_ascii(text: str) -> str:
    """Arabic-Indic (٠-٩) and Persian (۰-۹) digits → 0-9."""
    return text.translate(_DIGIT_TABLE)


def lowercase_latin(text: str) -> str:
    """Lowercase characters whose lowercase is one character (Latin, Greek, Cyrillic)."""
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


NORMALIZERS: dict[str, Callable[[str], str]] = {
    "compat": compat_ar,
    "diacritics": remove_diacritics_ar,
    "tatweel": remove_tatweel_ar,
    "controls": remove_controls_ar,
    "alef": unify_alef_ar,
    "ya": unify_ya_ar,
    "ta_marbuta": unify_ta_marbuta_ar,
    "hamza": unify_hamza_ar,
    "digits": digits_to_ascii,
    "lowercase": lowercase_latin,
}

_BASE = ("compat", "diacritics", "tatweel", "controls", "alef", "ya", "digits", "lowercase")
PROFILES: dict[str, tuple[str, ...]] = {
    "base": _BASE,
    "match": (*_BASE, "ta_marbuta", "hamza"),
    "light": ("compat", "controls", "tatweel"),
}

#: Characters some profile may change: the explicit tables, Latin capitals, and anything outside
#: ASCII/Latin-1 controls and the Arabic block (candidates for compatibility mapping).
_CANDIDATES_RE = re.compile(
    "["
    + "".join(
        re.escape(c)
        for c in sorted(
            set(ALEF_MAP)
            | set(YA_MAP)
            | set(KAF_MAP)
            | set(TA_MARBUTA_MAP)
            | set(HAMZA_MAP)
            | set(DIGIT_MAP)
            | DIACRITICS
            | CONTROLS
            | {TATWEEL}
        )
    )
    + "A-Z"
    + "\u00a0-\u05ff\u0700-\U0010ffff"
    + "]"
)

#: Characters a profile deletes: diacritics, invisible controls, tatweel.
DELETABLE_RE = re.compile(
    "[" + "".join(re.escape(c) for c in sorted(DIACRITICS | CONTROLS | {TATWEEL})) + "]"
)


# --- offsets ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps positions in a normalized string back to the original.

    Piecewise linear: in segment ``k`` (normalized positions from ``norm_starts[k]``) the original
    position is ``i + shifts[k]``. The identity map has one segment with shift 0.
    """

    norm_starts: tuple[int, ...] = (0,)
    shifts: tuple[int, ...] = (0,)
    orig_length: int = 0

    @property
    def is_identity(self) -> bool:
        return len(self.shifts) == 1 and self.shifts[0] == 0

    def to_orig(self, i: int) -> int:
        """Original position of normalized position ``i`` (``i`` may be the end, len(norm))."""
        if len(self.shifts) == 1:
            return i + self.shifts[0]
        k = bisect_right(self.norm_starts, i) - 1
        return min(i + self.shifts[k], self.orig_length)

    def span_to_orig(self, start: int, end: int) -> tuple[int, int]:
        """Original span of the normalized span ``[start, end)``."""
        if len(self.shifts) == 1:
            shift = self.shifts[0]
            return (start + shift, start + shift) if end <= start else (start + shift, end + shift)
        if end <= start:
            pos = self.to_orig(start)
            return pos, pos
        return self.to_orig(start), self.to_orig(end - 1) + 1


def _from_origins(origins: list[int], orig_length: int) -> OffsetMap:
    if not origins:
        return OffsetMap((0,), (orig_length,), orig_length)
    starts: list[int] = [0]
    shifts: list[int] = [origins[0] if origins else 0]
    for i in range(1, len(origins)):
        shift = origins[i] - i
        if shift != shifts[-1]:
            starts.append(i)
            shifts.append(shift)
    # the position just past the end maps to the end of the original
    end = len(origins)
    if end and orig_length - end != shifts[-1]:
        starts.append(end)
        shifts.append(orig_length - end)
    return OffsetMap(tuple(starts), tuple(shifts), orig_length)


def _from_deletions(deleted: list[int], orig_length: int) -> OffsetMap:
    starts: list[int] = [0]
    shifts: list[int] = [0]
    for count, pos in enumerate(deleted, start=1):
        norm_pos = pos + 1 - count  # normalized position of the next kept character
        if starts[-1] == norm_pos:
            shifts[-1] = count
        else:
            starts.append(norm_pos)
            shifts.append(count)
    return OffsetMap(tuple(starts), tuple(shifts), orig_length)


# --- profiles --------------------------------------------------------------------------------------


class _CharMap(dict[int, str]):
    """Translation table filled lazily: each character's image under the profile's normalizers."""

    def __init__(self, funcs: tuple[Callable[[str], str], ...]) -> None:
        super().__init__()
        self._funcs = funcs

    def __missing__(self, code: int) -> str:
        out = chr(code)
        for f in self._funcs:
            out = f(out)
        self[code] = out
        return out


@dataclass(frozen=True, slots=True)
class Normalized:
    text: str
    offsets: OffsetMap


class Normalizer:
    """A named profile compiled into one translation table; ``normalize`` keeps offsets."""

    def __init__(self, profile: str = "match") -> None:
        from rasd.errors import ConfigError

        if profile not in PROFILES:
            raise ConfigError(
                f"unknown normalization profile {profile!r}; known: {', '.join(PROFILES)}"
            )
        self.profile = profile
        self._funcs = tuple(NORMALIZERS[name] for name in PROFILES[profile])
        self._table = _CharMap(self._funcs)

    def __call__(self, text: str) -> str:
        """Normalized text (no offsets).

        Finds the distinct characters that may change and replaces each with ``str.replace``:
        several times faster than ``str.translate`` on Arabic text, where few characters change.
        """
        return self._replace(text, set(_CANDIDATES_RE.findall(text)))

    def _replace(self, text: str, candidates: Iterable[str]) -> str:
        table = self._table
        for ch in candidates:
            out = table[ord(ch)]
            if out != ch:
                text = text.replace(ch, out)
        return text

    def normalize(self, text: str) -> Normalized:
        """Normalized text and the map of its positions back into ``text``."""
        n = len(text)
        candidates = set(_CANDIDATES_RE.findall(text))
        if not any(_is_presentation(ch) for ch in candidates):
            norm = self._replace(text, candidates)
            if len(norm) == n:
                return Normalized(norm, OffsetMap((0,), (0,), n))
            deleted = _positions(text, [ch for ch in candidates if not self._table[ord(ch)]])
            if len(norm) == n - len(deleted):
                return Normalized(norm, _from_deletions(deleted, n))
        return self._normalize_slow(text)

    def _normalize_slow(self, text: str) -> Normalized:
        table = self._table
        pieces: list[str] = []
        origins: list[int] = []
        for i, ch in enumerate(text):
            out = table[ord(ch)]
            if out:
                pieces.append(out)
                origins.extend([i] * len(out))
        return Normalized("".join(pieces), _from_origins(origins, len(text)))


def normalize(text: str, profile: str = "match") -> str:
    """Convenience: normalize ``text`` with a named profile (compiles the profile each call)."""
    return Normalizer(profile)(text)
