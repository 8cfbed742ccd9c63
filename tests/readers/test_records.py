"""Every reader, field aliases, and bad input reported by file and position."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from rasd.errors import (
    BinaryInputError,
    DecodeError,
    EmptyInputError,
    FileNotFoundInputError,
    InputTooLargeError,
    RecordError,
)
from rasd.options import InputOptions
from rasd.readers.records import ReadFailure, Record, iter_records, normalize_date, stable_id

from ..conftest import EXAMPLES, shared_file

OPTIONS = InputOptions()
ARTICLE = "استقبل الرئيس السيسي في القاهرة وزير الخارجية الأمريكي.\nوبحث الجانبان التعاون الثنائي."


def read(*paths: Path | str, options: InputOptions = OPTIONS) -> list[Record | ReadFailure]:
    return list(iter_records([str(p) for p in paths], options))


def records(*paths: Path | str) -> list[Record]:
    items = read(*paths)
    assert all(isinstance(i, Record) for i in items), items
    return items  # type: ignore[return-value]


def test_seed_first_line_is_the_title() -> None:
    seed = shared_file("data/seed/egypt-usa-security-cooperation.txt")
    (rec,) = records(seed)
    assert rec.title == "مصر وأمريكا| حرص مشترك على تعزيز التعاون والتنسيق الأمني وتبادل المعلومات"
    assert rec.title_in_text and rec.text.startswith(rec.title)
    assert rec.encoding == "utf-8" and rec.id == stable_id(rec.text)


def test_text_without_short_first_line_has_no_title(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("جملة واحدة طويلة تنتهي بنقطة.\nثم سطر آخر.", encoding="utf-8")
    (rec,) = records(path)
    assert rec.title == ""


def test_html_main_text_and_metadata() -> None:
    (rec,) = records(EXAMPLES / "protest.html")
    assert rec.title == "آلاف المحتجين يتظاهرون في تونس للمطالبة بفرص عمل"
    assert rec.date == "2021-01-18"
    assert rec.url == "https://news.example.org/2021/01/18/tunis-protest"
    assert "تظاهر آلاف الشبان التونسيين" in rec.text
    for junk in ("الأكثر قراءة", "جميع الحقوق محفوظة", "عاجل: ارتفاع أسعار النفط", "واتساب"):
        assert junk not in rec.text


def test_cp1256_example_is_decoded() -> None:
    (rec,) = records(EXAMPLES / "attack-cp1256.txt")
    assert rec.encoding == "cp1256"
    assert rec.title == "مقتل خمسة جنود في هجوم بعبوة ناسفة شمال سيناء"


def test_json_object_and_array_with_aliases(tmp_path: Path) -> None:
    obj = tmp_path / "one.json"
    obj.write_text(
        json.dumps(
            {
                "headline": "عنوان",
                "body": ARTICLE,
                "pubDate": "Tue, 21 Jul 2015 10:00:00 +0300",
                "site": "okaz",
                "link": "http://x",
            }
        ),
        encoding="utf-8",
    )
    arr = tmp_path / "many.json"
    arr.write_text(
        json.dumps(
            [
                {"id": "a", "content": ARTICLE, "date_extracted": "2015-07-21 10:22:33"},
                {"id": "b", "article": ARTICLE, "head_line": "ع"},
            ]
        ),
        encoding="utf-8",
    )
    one, first, second = records(obj, arr)
    assert (one.title, one.date, one.source, one.url) == ("عنوان", "2015-07-21", "okaz", "http://x")
    assert (first.id, first.date, first.origin.record) == ("a", "2015-07-21", 0)
    assert (second.id, second.title, second.origin.record) == ("b", "ع", 1)


def test_jsonl_and_gzip_jsonl(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {"id": f"n{i}", "title": "t", "text": ARTICLE, "date": "2019-01-10", "source": "s"},
            ensure_ascii=False,
        )
        for i in range(3)
    ]
    plain = tmp_path / "a.jsonl"
    plain.write_text("\n".join(lines) + "\n", encoding="utf-8")
    packed = tmp_path / "b.jsonl.gz"
    with gzip.open(packed, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(lines))
    got = records(plain, packed)
    assert [r.id for r in got] == ["n0", "n1", "n2"] * 2
    assert [r.origin.line for r in got] == [1, 2, 3] * 2


def test_directories_are_read_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("عنوان\n" + ARTICLE, encoding="utf-8")
    (tmp_path / "a.txt").write_text("عنوان\n" + ARTICLE, encoding="utf-8")
    (tmp_path / "notes.png").write_bytes(
        b"\x89PNG\r\n"
    )  # unknown extensions are skipped in folders
    got = records(tmp_path)
    assert [Path(r.origin.path).name for r in got] == ["a.txt", "z.txt"]


def test_missing_file_binary_empty_too_large(tmp_path: Path) -> None:
    png = tmp_path / "image.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:  # 50 MB, written in pieces
        piece = ("كلمة عربية " * 1000 + "\n").encode("utf-8")
        while fh.tell() < 50_000_000:
            fh.write(piece)
    good = tmp_path / "good.txt"
    good.write_text("عنوان\n" + ARTICLE, encoding="utf-8")
    items = read(tmp_path / "missing.txt", png, empty, big, good)
    errors = [type(i.error) for i in items if isinstance(i, ReadFailure)]
    assert errors == [FileNotFoundInputError, BinaryInputError, EmptyInputError, InputTooLargeError]
    assert isinstance(items[-1], Record)
    big_error = items[3].error  # type: ignore[union-attr]
    assert big_error.where == str(big) and "50.0 MB" in big_error.message


def test_invalid_utf8_is_reported_with_byte_position(tmp_path: Path) -> None:
    data = ("عنوان\n" + ARTICLE).encode("utf-8")
    path = tmp_path / "broken.txt"
    path.write_bytes(data[:30] + b"\xc3\x28" + data[30:])
    (item,) = read(path)
    assert isinstance(item, ReadFailure) and isinstance(item.error, DecodeError)
    assert "at byte 30" in str(item.error) and str(path) in str(item.error)
    (fixed,) = read(path, options=InputOptions(encoding_errors="replace"))
    assert isinstance(fixed, Record) and "\ufffd" in fixed.text


def test_jsonl_with_one_malformed_line_among_a_thousand(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    lines = [json.dumps({"id": str(i), "text": ARTICLE}) for i in range(1000)]
    lines[499] = '{"id": "499", "text": "مقطوع'
    lines[700] = json.dumps({"id": "700", "headline": "بلا نص"})
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read(path)
    failures = [i for i in items if isinstance(i, ReadFailure)]
    assert len(items) == 1000 and len(failures) == 2
    assert [f.error.where for f in failures] == [f"{path}:500", f"{path}:701"]
    assert isinstance(failures[0].error, RecordError) and "invalid JSON" in str(failures[0].error)
    assert "no text field" in str(failures[1].error)


def test_over_long_jsonl_record_is_skipped_with_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    huge = json.dumps({"id": "x", "text": "ك" * 3_000_000})
    path.write_text(
        json.dumps({"id": "a", "text": ARTICLE})
        + "\n"
        + huge
        + "\n"
        + json.dumps({"id": "b", "text": ARTICLE})
        + "\n",
        encoding="utf-8",
    )
    items = read(path, options=InputOptions(max_record_bytes=1_000_000))
    assert [type(i).__name__ for i in items] == ["Record", "ReadFailure", "Record"]
    assert isinstance(items[1].error, InputTooLargeError) and items[1].error.where == f"{path}:2"  # type: ignore[union-attr]


def test_empty_body_uses_the_title_with_a_warning() -> None:
    from rasd.model import Origin
    from rasd.readers.records import record_from_mapping

    rec = record_from_mapping(
        {"title": "اعتقال 200 مدرس في طهران", "content": ""}, Origin("x"), OPTIONS
    )
    assert rec.text == "اعتقال 200 مدرس في طهران" and rec.warnings
    with pytest.raises(RecordError, match="empty text and no title"):
        record_from_mapping({"content": " "}, Origin("x"), OPTIONS)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2015-07-21", "2015-07-21"),
        ("2015-07-21 10:22:33", "2015-07-21"),
        ("2015/07/21", "2015-07-21"),
        ("Tue, 21 Jul 2015 10:00:00 GMT", "2015-07-21"),
        ("", ""),
        (None, ""),
        ("yesterday", None),
        ("2015-13-40", None),
    ],
)
def test_dates(raw: str | None, expected: str | None) -> None:
    assert normalize_date(raw) == expected


def test_a_record_pickles_whole_for_the_worker_processes() -> None:
    import dataclasses
    import pickle

    from rasd.model import Origin
    from rasd.readers.records import Record

    values = {
        "text": "استقبل الرئيس السيسي في القاهرة وزير الخارجية الأمريكي.",
        "origin": Origin("a.jsonl", line=3),
        "id": "a1",
        "title": "عنوان",
        "date": "2015-07-21",
        "source": "youm7",
        "url": "http://example.com/1",
        "encoding": "cp1256",
        "title_in_text": True,
        "warnings": ("empty text",),
    }
    # every field has a value that is not its default, so a field left out of __reduce__ shows
    assert set(values) == {f.name for f in dataclasses.fields(Record)}
    record = Record(**values)  # type: ignore[arg-type]
    assert pickle.loads(pickle.dumps(record)) == record
