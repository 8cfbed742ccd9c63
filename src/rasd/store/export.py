"""Events out: rasd's own columns (``rasd events``) and PLOVER/POLECAT field names (``rasd export``),
as a table for people, CSV, JSON lines or Parquet (the ``parquet`` extra).

The PLOVER/POLECAT mapping is documented in ``docs/store.md`` and defined once, here, in
:data:`PLOVER_FIELDS`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from typing import Any, BinaryIO

import orjson

from rasd import __version__
from rasd.errors import MissingExtraError

#: Flat columns of ``rasd events --format csv|parquet`` (rasd's names).
EVENT_COLUMNS = (
    "event_id",
    "article_id",
    "date",
    "event_type",
    "mode",
    "context",
    "actor_country",
    "actor_sector",
    "actor_name",
    "actor_id",
    "recipient_country",
    "recipient_sector",
    "recipient_name",
    "recipient_id",
    "location",
    "location_country",
    "lat",
    "lon",
    "quad",
    "score",
    "confidence",
    "evidence",
    "source",
    "url",
    "title",
    "article_date",
    "cluster",
)


def flat_event(ev: dict[str, Any]) -> dict[str, Any]:
    """An event as one flat row with :data:`EVENT_COLUMNS` (context stays a list)."""
    actor = ev.get("actor") or {}
    recipient = ev.get("recipient") or {}
    row = {k: ev.get(k) for k in EVENT_COLUMNS}
    for prefix, ref in (("actor", actor), ("recipient", recipient)):
        for part in ("country", "sector", "name", "id"):
            row[f"{prefix}_{part}"] = ref.get(part, "")
    return row


def _pick(key: str) -> Callable[[dict[str, Any]], Any]:
    return lambda row: row.get(key)


#: PLOVER/POLECAT field name -> how to compute it from a flat event row.
PLOVER_FIELDS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "event_id": _pick("event_id"),
    "event_date": lambda r: r.get("date") or r.get("article_date") or "",
    "event_type": _pick("event_type"),
    "event_mode": _pick("mode"),
    "contexts": lambda r: list(r.get("context") or ()),
    "event_intensity": _pick("score"),
    "quad_code": _pick("quad"),
    "actor_name": _pick("actor_name"),
    "actor_country": _pick("actor_country"),
    "actor_sector": _pick("actor_sector"),
    "actor_id": _pick("actor_id"),
    "recipient_name": _pick("recipient_name"),
    "recipient_country": _pick("recipient_country"),
    "recipient_sector": _pick("recipient_sector"),
    "recipient_id": _pick("recipient_id"),
    "placename": _pick("location"),
    "country": _pick("location_country"),
    "latitude": _pick("lat"),
    "longitude": _pick("lon"),
    "story_id": _pick("article_id"),
    "story_cluster": _pick("cluster"),
    "headline": _pick("title"),
    "source": _pick("source"),
    "url": _pick("url"),
    "publication_date": _pick("article_date"),
    "event_text": _pick("evidence"),
    "confidence": _pick("confidence"),
    "language": lambda r: "ar",
    "version": lambda r: f"rasd {__version__}",
}


def plover_event(ev: dict[str, Any]) -> dict[str, Any]:
    row = flat_event(ev)
    return {name: get(row) for name, get in PLOVER_FIELDS.items()}


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    return "" if value is None else value


def write_csv(rows: Iterable[dict[str, Any]], columns: Iterable[str], out: BinaryIO) -> int:
    cols = list(columns)
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.writer(text)
    writer.writerow(cols)
    n = 0
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in cols])
        n += 1
    text.flush()
    text.detach()
    return n


def write_jsonl(rows: Iterable[dict[str, Any]], out: BinaryIO) -> int:
    n = 0
    for row in rows:
        out.write(orjson.dumps(row) + b"\n")
        n += 1
    return n


#: Parquet column types (the rest are strings); lists are lists of strings.
_FLOATS = {"lat", "lon", "score", "confidence", "latitude", "longitude", "event_intensity"}
_INTS = {"cluster", "story_cluster"}
_LISTS = {"context", "contexts"}


def write_parquet(rows: Iterable[dict[str, Any]], columns: Iterable[str], out: BinaryIO) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise MissingExtraError(
            "Parquet output needs pyarrow: pip install 'rasd[parquet]'"
        ) from None
    cols = list(columns)
    data: dict[str, list[Any]] = {c: [] for c in cols}
    n = 0
    for row in rows:
        for c in cols:
            data[c].append(row.get(c))
        n += 1
    fields = []
    for c in cols:
        if c in _FLOATS:
            kind = pa.float64()
        elif c in _INTS:
            kind = pa.int64()
        elif c in _LISTS:
            kind = pa.list_(pa.string())
        else:
            kind = pa.string()
            data[c] = [None if v is None else str(v) for v in data[c]]
        fields.append(pa.field(c, kind))
    table = pa.table(data, schema=pa.schema(fields))
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    out.write(sink.getvalue().to_pybytes())
    return n


def _cut(text: str, width: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _code(ref: dict[str, Any] | None) -> str:
    if not ref:
        return "-"
    code = (ref.get("country") or "---") + (ref.get("sector") or "")
    return code + (f" ({ref['name']})" if ref.get("name") else "")


def write_event_table(rows: Iterable[dict[str, Any]], out: BinaryIO) -> int:
    n = 0
    for ev in rows:
        mode = f"/{ev['mode']}" if ev.get("mode") else ""
        where = f" @{ev['location']}" if ev.get("location") else ""
        line = (
            f"{ev.get('date') or 'no date':<10}  {ev['event_type']}{mode}: {_code(ev.get('actor'))}"
            f" → {_code(ev.get('recipient'))}{where}  [{ev.get('source') or '-'} "
            f"{ev['article_id']}]  «{_cut(ev.get('evidence') or '', 60)}»\n"
        )
        out.write(line.encode("utf-8"))
        n += 1
    return n
