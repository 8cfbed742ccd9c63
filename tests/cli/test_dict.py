"""``rasd dict validate`` and ``rasd dict lookup`` as a user runs them."""

from __future__ import annotations

from pathlib import Path

from ..conftest import ROOT, run_rasd


def test_validate_packaged_data_passes() -> None:
    proc = run_rasd("dict", "validate", str(ROOT / "src/rasd/data"))
    assert proc.returncode == 0, proc.stderr.decode()
    out = proc.stdout.decode()
    assert "kind titles" in out and out.rstrip().endswith("file(s) valid")


def test_validate_reports_a_bad_row_by_line_and_exits_1(tmp_path: Path) -> None:
    (tmp_path / "mine.tsv").write_text(
        "# kind: places\n# source: me\n# licence: CC0\n# version: 1\n"
        "name\tcountry\tkind\tlat\tlon\tar\tmetonym\tsource\n"
        "Nowhere\tXXX\ttown\t95\t0\tمكان\t\tme\n",
        encoding="utf-8",
    )
    proc = run_rasd("dict", "validate", str(tmp_path))
    assert proc.returncode == 1
    err = proc.stderr.decode()
    assert "mine.tsv:6" in err and "XXX" in err and "Traceback" not in err


def test_validate_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    proc = run_rasd("dict", "validate", str(tmp_path / "absent"))
    assert proc.returncode == 2 and "no such file" in proc.stderr.decode()


def test_lookup_explains_each_part_of_a_phrase() -> None:
    proc = run_rasd(
        "dict", "lookup", "استقبل", "الرئيس", "عبد", "الفتاح", "السيسي", "--date", "2016-01-01"
    )
    assert proc.returncode == 0, proc.stderr.decode()
    out = proc.stdout.decode()
    assert "«عبد الفتاح السيسي»" in out and "Abdel Fattah el-Sisi (EGY GOV)" in out
    assert "→ CONSULT/visit" in out  # استقبل
    assert "office head_of_state" in out  # الرئيس


def test_lookup_strips_proclitics_and_says_so() -> None:
    out = run_rasd("dict", "lookup", "وبحث").stdout.decode()
    assert "as بحث (with its proclitics removed)" in out and "→ CONSULT" in out
    out = run_rasd("dict", "lookup", "كلمةلاوجودلها").stdout.decode()
    assert "not in the dictionaries" in out
