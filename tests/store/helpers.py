"""Test helpers for the store: database URLs for both backends, documents with events, corpora."""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from rasd.model import Actor, Document, Event, Evidence, Mention, Place, Sentence
from rasd.options import Options

PG_URL = os.environ.get("RASD_TEST_PG_URL", "")

#: Short real-style news paragraphs (written for these tests).
PARAGRAPHS = [
    "استقبل الرئيس عبد الفتاح السيسي في القاهرة وزير الخارجية الأمريكي، وبحث الجانبان سبل "
    "تعزيز العلاقات الثنائية والأوضاع في المنطقة.",
    "أعلنت وزارة الداخلية السعودية القبض على خلية إرهابية في الرياض، وأكدت أن قوات الأمن "
    "صادرت أسلحة ومتفجرات كانت معدة لاستهداف منشآت حيوية.",
    "تظاهر آلاف الطلاب في الخرطوم احتجاجا على ارتفاع الأسعار، وطالبوا الحكومة بإجراء "
    "إصلاحات اقتصادية عاجلة.",
    "وقعت المملكة العربية السعودية والإمارات اتفاقية للتعاون في مجال الطاقة المتجددة خلال "
    "زيارة رسمية إلى أبوظبي.",
    "دعا الأمين العام للأمم المتحدة الأطراف اليمنية إلى وقف إطلاق النار والعودة إلى طاولة "
    "المفاوضات في جنيف.",
    "أدانت جامعة الدول العربية الهجوم الذي استهدف مسجدا في الكويت وأسفر عن سقوط عشرات الضحايا.",
]


def with_search_path(url: str, schema: str) -> str:
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options=-csearch_path%3D{schema}"


def pg_schema_url() -> Iterator[str]:
    """A PostgreSQL URL whose tables live in a fresh schema (dropped afterwards), or skip."""
    if not PG_URL:
        pytest.skip("no PostgreSQL server: set RASD_TEST_PG_URL")
    psycopg = pytest.importorskip("psycopg")
    try:
        admin = psycopg.connect(PG_URL, autocommit=True, connect_timeout=5)
    except psycopg.Error as exc:
        pytest.skip(f"PostgreSQL not reachable at RASD_TEST_PG_URL: {exc}")
    schema = "rasd_t_" + uuid.uuid4().hex[:12]
    admin.execute(f"CREATE SCHEMA {schema}")
    try:
        yield with_search_path(PG_URL, schema)
    finally:
        admin.execute(f"DROP SCHEMA {schema} CASCADE")
        admin.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh database URL, once per backend."""
    if request.param == "sqlite":
        yield str(tmp_path / "rasd.db")
    else:
        yield from pg_schema_url()


def options(**store: Any) -> Options:
    return Options.load(overrides={"store": store} if store else None)


def write_corpus(path: Path, n: int, *, start: int = 0) -> Path:
    """A JSONL corpus of ``n`` distinct articles built from :data:`PARAGRAPHS`."""
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(start, start + n):
            body = " ".join(PARAGRAPHS[(i + k) % len(PARAGRAPHS)] for k in range(3))
            record = {
                "id": f"art-{i:05d}",
                "title": PARAGRAPHS[i % len(PARAGRAPHS)].split("،")[0],
                "text": f"{body}\nوذكر التقرير رقم {i} أن المتابعة مستمرة.",
                "date": f"2015-07-{21 + i % 10:02d}",
                "source": ("sabq", "okaz", "aawsat")[i % 3],
            }
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def actor(aid: str, country: str, sector: str, name: str, text: str, at: int) -> Actor:
    return Actor(aid, country, sector, name, [Mention(at, at + len(text), text, "dictionary")])


def event_doc(
    doc_id: str,
    text: str,
    date: str,
    source: str,
    events: list[tuple[str, Actor | None, Actor | None]],
    *,
    place: Place | None = None,
) -> Document:
    """A document with actors, a place and events built directly from the model."""
    actors: dict[str, Actor] = {}
    evs: list[Event] = []
    for kind, a, r in events:
        for x in (a, r):
            if x is not None:
                actors.setdefault(x.id, x)
        trigger = a.mentions[0] if a else Mention(0, 1, text[0])
        evs.append(
            Event(
                event_type=kind,
                mode="",
                context=["diplomatic"] if kind in ("CONSULT", "AGREE") else [],
                actor=a,
                recipient=r,
                location=place,
                date=date,
                evidence=[Evidence(0, len(text), trigger.start, trigger.end)],
                quad="verbal_coop" if kind in ("CONSULT", "AGREE") else "material_conflict",
                score=1.0,
                confidence=0.8,
            )
        )
    return Document(
        id=doc_id,
        text=text,
        title=text.split("،")[0],
        date=date,
        source=source,
        sentences=[Sentence(0, len(text))],
        actors=list(actors.values()),
        places=[place] if place else [],
        events=evs,
    )


def event_documents() -> list[Document]:
    """Three articles with CONSULT, AGREE, ASSAULT and PROTEST events between known actors."""
    t1 = "استقبل الرئيس السيسي في القاهرة مدير المخابرات الأمريكية دان كوتس، وبحثا مكافحة الإرهاب."
    sisi1 = actor("a1", "EGY", "GOV", "Abdel Fattah el-Sisi", "السيسي", t1.index("السيسي"))
    coats = actor("a2", "USA", "SPY", "Dan Coats", "دان كوتس", t1.index("دان كوتس"))
    cairo = Place(
        "p1",
        "Cairo",
        "EGY",
        30.04,
        31.24,
        "capital",
        [Mention(t1.index("القاهرة"), t1.index("القاهرة") + 7, "القاهرة")],
        main=True,
    )
    d1 = event_doc("ev-1", t1, "2015-07-26", "wire-a", [("CONSULT", coats, sisi1)], place=cairo)

    t2 = "أعلنت مصر استعدادها للتعاون مع الولايات المتحدة، فيما هاجم مسلحون كمينا للجيش المصري في سيناء."
    egy = actor("a1", "EGY", "", "", "مصر", t2.index("مصر"))
    usa = actor("a2", "USA", "", "", "الولايات المتحدة", t2.index("الولايات المتحدة"))
    reb = actor("a3", "", "REB", "", "مسلحون", t2.index("مسلحون"))
    army = actor("a4", "EGY", "MIL", "", "للجيش المصري", t2.index("للجيش المصري"))
    d2 = event_doc(
        "ev-2", t2, "2015-08-02", "wire-b", [("AGREE", egy, usa), ("ASSAULT", reb, army)]
    )

    t3 = "تظاهر مئات المصريين أمام مقر الحكومة في القاهرة احتجاجا على رفع أسعار الوقود."
    crowd = actor("a1", "EGY", "CVL", "", "المصريين", t3.index("المصريين"))
    gov = actor("a2", "EGY", "GOV", "", "الحكومة", t3.index("الحكومة"))
    d3 = event_doc("ev-3", t3, "2015-08-10", "wire-a", [("PROTEST", crowd, gov)])
    return [d1, d2, d3]


def store_documents(url: str, docs: list[Document], opts: Options | None = None) -> None:
    from rasd.store import open_store
    from rasd.store.prepare import Preparer

    opts = opts or options()
    prep = Preparer(opts)
    with open_store(url, opts, create=True) as store:
        run = store.begin_run("test", [])
        store.write_batch([prep(d) for d in docs], run)
