"""Clitic analysis on real words: stacks split, lexical words left alone."""

from __future__ import annotations

import pytest

from rasd.dicts.tsv import load_kind
from rasd.text.clitics import CliticAnalyzer
from rasd.text.normalize import Normalizer

BASE = Normalizer("base")


@pytest.fixture(scope="module")
def clitics() -> CliticAnalyzer:
    words = [BASE(row["word"]) for t in load_kind("clitic_exceptions") for row in t.rows]
    return CliticAnalyzer(words)


def splits(analyzer: CliticAnalyzer, word: str) -> list[tuple[str, str, str]]:
    return [(a.prefix, a.stem, a.suffix) for a in analyzer(BASE(word))]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("وبالقاهرة", ("وبال", "قاهرة", "")),
        ("للسعودية", ("لل", "سعودية", "")),
        ("والمصريين", ("وال", "مصريين", "")),
        ("بمصر", ("ب", "مصر", "")),
        ("ومصر", ("و", "مصر", "")),
        ("لمصر", ("ل", "مصر", "")),
        ("فللمواطنين", ("فلل", "مواطنين", "")),
        ("وسيزور", ("وس", "يزور", "")),
        ("نظيره", ("", "نظير", "ه")),
        ("حكومته", ("", "حكومة", "ه")),
        ("وبحكومتهم", ("وب", "حكومة", "هم")),
        ("بلادها", ("", "بلاد", "ها")),
        ("ولبنان", ("و", "لبنان", "")),
        ("وفلسطين", ("و", "فلسطين", "")),
    ],
)
def test_clitic_stacks_are_found(
    clitics: CliticAnalyzer, word: str, expected: tuple[str, str, str]
) -> None:
    found = splits(clitics, word)
    assert found[0] == ("", BASE(word), "")  # the unsplit word always comes first
    assert tuple(BASE(x) for x in expected) in found


@pytest.mark.parametrize(
    "word",
    [
        "بلد",
        "والد",
        "كتاب",
        "فلسطين",
        "لبنان",
        "فلسطينية",
        "ليبيا",
        "بريطانيا",
        "وزير",
        "الله",
        "بين",
        "كان",
    ],
)
def test_words_that_merely_start_with_clitic_letters_are_not_split(
    clitics: CliticAnalyzer, word: str
) -> None:
    assert splits(clitics, word) == [("", BASE(word), "")]


def test_no_enclitic_with_the_article(clitics: CliticAnalyzer) -> None:
    assert all(not (a.prefix.endswith("ال") and a.suffix) for a in clitics(BASE("والحكومته")))
    assert ("", "بالقاهر", "ه") not in splits(clitics, "بالقاهره")


def test_future_sin_only_before_an_imperfect_prefix(clitics: CliticAnalyzer) -> None:
    assert ("س", "يعقد", "") in splits(clitics, "سيعقد")
    assert not any(p == "س" for p, _, _ in splits(clitics, "سلام"))


def test_results_are_cached_and_bounded() -> None:
    analyzer = CliticAnalyzer(cache_size=3)
    for word in ["ومصر", "بمصر", "لمصر", "فمصر", "كمصر"]:
        analyzer(word)
    assert len(analyzer._cache) <= 3
    assert analyzer("ومصر")[1].stem == "مصر"


@pytest.mark.parametrize("word", ["فيصل", "سنوي", "فالح"])
def test_names_and_adjectives_that_start_like_a_stack_stay_whole(
    clitics: CliticAnalyzer, word: str
) -> None:
    # فيصل is not ف + يصل (he arrives), سنوي not س + نوي, فالح not ف + الح
    assert splits(clitics, word) == [("", BASE(word), "")]


def test_a_name_that_starts_like_a_stack_is_no_trigger() -> None:
    import rasd

    doc = rasd.analyze("وأكد الأمير فيصل بن خالد أهمية التعليم.", title="", date="2016-05-01")
    assert not [e for e in doc.events if e.event_type == "CONSULT"]
