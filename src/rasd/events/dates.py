"""Explicit dates in Arabic news: Gregorian (MSA, Levantine and Maghrebi month names) and Hijri.

``22 يوليو 2015``, ``22 تموز 2015``, ``22 جويلية``, ``6 ذو القعدة 1436``, ``1436/10/06``. Month names come
from ``dates.tsv``; a missing year is the article's (or the year before, if the date would otherwise
fall more than a month after the article). Hijri dates are converted with the arithmetic (tabular)
Islamic calendar, which can differ from the Umm al-Qura calendar by a day or two.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_NUMERIC_HIJRI_RE = re.compile(r"(?<!\d)(1[34]\d\d)[/\-.](\d{1,2})[/\-.](\d{1,2})(?!\d)")
_NUMERIC_HIJRI_DMY_RE = re.compile(r"(?<!\d)(\d{1,2})[/\-.](\d{1,2})[/\-.](1[34]\d\d)(?!\d)")
_NUMERIC_DATE_RE = re.compile(r"\d[/\-.]\d")
_DAY_BEFORE_RE = re.compile(r"(\d{1,2})\s*(?:من\s+(?:شهر\s+)?)?(?:شهر\s+)?$")
_YEAR_AFTER_RE = re.compile(r"^\s*(?:من\s+)?(?:عام|سنة|سنه)?\s*(\d{4})")
_ISLAMIC_EPOCH = 1948439  # Julian day number of 1 Muharram 1 AH (tabular calendar, civil epoch)


def hijri_to_gregorian(year: int, month: int, day: int) -> date:
    """Tabular Islamic calendar date → Gregorian date."""
    jdn = (
        day
        + int(29.5 * (month - 1) + 0.99)
        + (year - 1) * 354
        + (3 + 11 * year) // 30
        + _ISLAMIC_EPOCH
        - 1
    )
    return date.fromordinal(jdn - 1721425)


def explicit_dates(
    norm: str,
    start: int,
    end: int,
    date_words: list[tuple[int, int, str, int]],
    article: date | None,
) -> list[tuple[int, date]]:
    """(position, date) of every explicit date in ``norm[start:end]``."""
    out: list[tuple[int, date]] = []
    segment = norm[start:end]
    if _NUMERIC_DATE_RE.search(segment) is not None:  # what both numeric forms hold
        for match in _NUMERIC_HIJRI_RE.finditer(segment):
            found = _safe_hijri(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            if found:
                out.append((start + match.start(), found))
        for match in _NUMERIC_HIJRI_DMY_RE.finditer(segment):
            found = _safe_hijri(int(match.group(3)), int(match.group(2)), int(match.group(1)))
            if found:
                out.append((start + match.start(), found))
    for ws, e, kind, value in date_words:
        if kind not in ("month", "hijri_month") or not 1 <= value <= 12:
            continue
        before = _DAY_BEFORE_RE.search(norm[max(start, ws - 16) : ws])
        after = _YEAR_AFTER_RE.match(norm[e : min(end, e + 16)])
        if before is None:
            continue
        day = int(before.group(1))
        year = int(after.group(1)) if after else None
        if kind == "hijri_month":
            if year is None or not 1300 <= year <= 1500:
                continue
            found = _safe_hijri(year, value, day)
        else:
            found = _gregorian(year, value, day, article)
        if found:
            out.append((ws, found))
    return out


def _safe_hijri(year: int, month: int, day: int) -> date | None:
    if 1 <= month <= 12 and 1 <= day <= 30 and 1300 <= year <= 1500:
        return hijri_to_gregorian(year, month, day)
    return None


def _gregorian(year: int | None, month: int, day: int, article: date | None) -> date | None:
    if year is None:
        if article is None:
            return None
        year = article.year
        try:
            candidate = date(year, month, day)
        except ValueError:
            return None
        if candidate > article + timedelta(days=31):
            year -= 1
    if not 1900 <= year <= 2100:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None
