"""Check rasd's country gazetteer against Unicode CLDR (maintenance script).

Reports
  (a) ISO 3166-1 alpha-2 codes that babel/CLDR knows but countries.tsv lacks, and
  (b) rows whose first ``ar`` value differs from CLDR's Arabic territory name
      (compared without diacritics, which rasd's dictionaries never contain).

Usage: ``python scripts/check_countries.py [path/to/countries.tsv]``.
Needs ``pip install babel``. This is a maintenance script for dictionary
curators; rasd itself never imports or runs it. Exit status 0 means clean.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

from babel import Locale

DEFAULT_PATH = (
    Path(__file__).resolve().parent.parent / "src" / "rasd" / "data" / "gazetteer" / "countries.tsv"
)
# CLDR region codes that are not assigned ISO 3166-1 countries: exceptional
# reservations and groupings, plus the user-assigned ranges (AA, QM-QZ, XA-XZ, ZZ).
NOT_ISO = frozenset({"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "TA", "UN"})
USER_ASSIGNED = re.compile(r"AA|Q[M-Z]|X[A-Z]|ZZ")


def strip_marks(text: str) -> str:
    """Drop Arabic diacritics (combining marks) and tatweel."""
    return "".join(c for c in text if unicodedata.category(c) != "Mn" and c != "\u0640")


def read_rows(path: Path) -> list[dict[str, str]]:
    """Return the data rows of a rasd TSV file as dicts keyed by the header."""
    header: list[str] | None = None
    rows: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
        else:
            rows.append(dict(zip(header, cells, strict=False)))
    return rows


def main(argv: list[str]) -> int:
    """Run both checks, print the problems found and return the exit status."""
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT_PATH
    cldr: dict[str, str] = dict(Locale("ar").territories)
    iso_codes = {
        code
        for code in cldr
        if re.fullmatch(r"[A-Z]{2}", code)
        and code not in NOT_ISO
        and not USER_ASSIGNED.fullmatch(code)
    }
    rows = read_rows(path)
    present = {row.get("iso2", "") for row in rows}
    problems = [f"missing: {code} ({cldr[code]})" for code in sorted(iso_codes - present)]

    for row in rows:
        iso2 = row.get("iso2", "")
        first = row.get("ar", "").split("|")[0]
        if iso2 not in cldr:
            problems.append(f"{row.get('iso3', '?')}: iso2 {iso2!r} unknown to CLDR")
        elif first != strip_marks(cldr[iso2]):
            problems.append(f"{row.get('iso3', '?')}: first ar {first!r} != CLDR {cldr[iso2]!r}")

    for problem in problems:
        print(problem)
    print(f"{len(rows)} rows, {len(problems)} problem(s)", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
