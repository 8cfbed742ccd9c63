"""Search over normalized Arabic, on SQLite and PostgreSQL: orthographic variants, clitic forms,
ranking, filters and highlighted snippets."""

from __future__ import annotations

import pytest

from rasd.errors import ConfigError
from rasd.model import Document, Sentence
from rasd.store import open_store
from rasd.store.prepare import make_terms
from rasd.store.query import Filters, search
from rasd.store.search import parse_query

from .helpers import db_url, event_documents, options, store_documents

__all__ = ["db_url"]

TEXTS = {
    "A": "استقبل الرئيس عبد الفتاح السيسي في القاهرة وزير الخارجية الأمريكي لبحث العلاقات مع أمريكا.",
    "B": "قال مسؤول إن الرئيس السيسى سيزور امريكا الشهر المقبل لبحث التعاون مع واشنطن.",
    "C": "أكدت مصادر أن الاستثمارات في مصـــر ارتفعت، وأن بمصر فرصا كبيرة لمستثمري الخليج.",
    "D": "وقال الوزير إن السعودية ومصر تتعاونان، ووجه الشكر لمصر على دعمها.",
    "E": "مَصْرُ تستضيف مؤتمرا دوليا للطاقة بمشاركة خمسين دولة.",
    "F": "أعلنت وزارة الصحة تسجيل حالات جديدة بالرياض وجدة، وقالت الوزارة إن حكومتها تتابع الوضع.",
}


@pytest.fixture
def url(db_url: str) -> str:
    docs = [
        Document(
            id=k,
            text=t,
            date=f"2015-07-2{i}",
            source="okaz" if k in "AB" else "sabq",
            sentences=[Sentence(0, len(t))],
        )
        for i, (k, t) in enumerate(TEXTS.items())
    ]
    store_documents(db_url, docs + event_documents())
    return db_url


def ids(url: str, query: str, **filters: str) -> set[str]:
    opts = options()
    with open_store(url, opts) as store:
        return {h.id for h in search(store, query, Filters.build(**filters), make_terms(opts))}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("السيسي", {"A", "B", "ev-1"}),
        ("السيسى", {"A", "B", "ev-1"}),
        ("أمريكا", {"A", "B"}),
        ("امريكا", {"A", "B"}),
        ("مَصْر", {"C", "D", "E", "ev-2"}),
        ("مصـر", {"C", "D", "E", "ev-2"}),
        ("مصر", {"C", "D", "E", "ev-2"}),
        ("الرياض", {"F"}),
        ("حكومة", {"F", "ev-3"}),  # حكومتها and الحكومة
        ("بمصر", {"C"}),
        ("مصر السعودية", {"D"}),
        ("واشنطن OR الخليج", {"B", "C"}),
    ],
)
def test_variants_and_clitic_forms_match(url: str, query: str, expected: set[str]) -> None:
    assert ids(url, query) == expected


def test_filters_and_ranking(url: str) -> None:
    assert ids(url, "مصر", source="sabq", since="2015-07-24") == {"E"}
    assert ids(url, "السيسي", until="2015-07-20") == {"A"}
    assert ids(url, "السيسي", actor="USA") == {"ev-1"}
    assert ids(url, "القاهرة", types="PROTEST") == {"ev-3"}
    assert ids(url, "القاهرة", types="CONSULT,PROTEST") == {"ev-1", "ev-3"}
    assert ids(url, "مصر", recipient="USA") == {"ev-2"}
    opts = options()
    with open_store(url, opts) as store:
        hits = search(store, "مصر", Filters(), make_terms(opts))
        scores = [h.score for h in hits]
        assert scores == sorted(scores, reverse=True) and len(hits) == 4
        assert hits[0].id == "ev-2"  # in the title: weighted above the body
        limited = search(store, "مصر", Filters(), make_terms(opts), limit=2)
        assert [h.id for h in limited] == [h.id for h in hits[:2]]


def test_snippets_highlight_the_original_spelling(url: str) -> None:
    opts = options()
    with open_store(url, opts) as store:
        both = search(store, "السيسي امريكا", Filters(sources=("okaz",)), make_terms(opts))
        assert {h.id for h in both} == {"A", "B"}
        hits = {h.id: h for h in search(store, "السيسي", Filters(), make_terms(opts))}
    b = hits["B"]
    assert [TEXTS["B"][s:e] for s, e in b.highlights] == ["السيسى"]
    assert "[السيسى]" in b.snippet
    c = ids(url, "مصر")
    assert "C" in c
    with open_store(url, opts) as store:
        hit = next(h for h in search(store, "مصر", Filters(), make_terms(opts)) if h.id == "C")
    assert [TEXTS["C"][s:e] for s, e in hit.highlights] == ["مصـــر", "بمصر"]


def test_query_parsing() -> None:
    terms = make_terms(options())
    assert parse_query("السيسى", terms).clauses == (("السيسي",),)
    assert parse_query("مصر OR ليبيا تونس", terms).clauses == (("مصر", "ليبيا"), ("تونس",))
    assert parse_query("الوِلايات-المتحدة", terms).clauses == (("الولايات",), ("المتحده",))
    with pytest.raises(ConfigError):
        parse_query(" ، . ", terms)
