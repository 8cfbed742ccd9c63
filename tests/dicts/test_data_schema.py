"""Every packaged data file parses, carries provenance, and passes the content checks."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from rasd.dicts.tsv import KINDS, REQUIRED_META, load_kind
from rasd.dicts.validate import check_table, known_countries, validate_directory

DATA = Path(str(resources.files("rasd").joinpath("data")))
ALL_FILES = sorted(DATA.rglob("*.tsv"))


def test_every_data_file_is_valid() -> None:
    tables, problems = validate_directory(DATA)
    assert not problems, "\n".join(map(str, problems[:40]))
    assert len(tables) == len(ALL_FILES)
    for table in tables:
        for key in REQUIRED_META:
            assert table.meta[key], (table.path, key)


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_kind_loads_through_the_packaged_layout(kind: str) -> None:
    tables = load_kind(kind)
    for table in tables:
        assert table.kind == kind
        assert not check_table(table, known_countries())


def test_a_broken_user_file_is_reported_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "mine.tsv").write_text(
        "# kind: places\n# source: me\n# licence: CC0\n# version: 1\n"
        "name\tcountry\tkind\tlat\tlon\tar\tmetonym\tsource\n"
        "Sahab\tJOR\ttown\t31.87\t36.0\tسحاب\t\tme\n"
        "Nowhere\tXXX\ttown\t95\t0\tمكانٌ\t\tme\n"
        "Short\trow\n",
        encoding="utf-8",
    )
    tables, problems = validate_directory(tmp_path)
    assert not tables and len(problems) == 1 and ":8" in problems[0].where  # the short row
    (tmp_path / "mine.tsv").write_text(
        (tmp_path / "mine.tsv").read_text(encoding="utf-8").replace("Short\trow\n", ""),
        encoding="utf-8",
    )
    _, problems = validate_directory(tmp_path)
    messages = " ".join(p.message for p in problems)
    assert (
        "unknown ISO 3166-1" in messages and "out of range" in messages and "diacritics" in messages
    )
    assert all(p.where.endswith(":7") for p in problems)
