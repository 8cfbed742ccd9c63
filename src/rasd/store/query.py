"""Reading the store: filters, full-text search, events, statistics. Same SQL on both backends."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from rasd.errors import ConfigError
from rasd.readers.records import normalize_date
from rasd.store.base import Store
from rasd.store.search import Query, Terms, parse_query, snippet

EVENT_FIELDS = (
    "e.article_pk, e.idx, a.id, a.title, a.source, a.url, a.date, a.cluster_pk, e.event_type, "
    "e.mode, e.context, e.actor_id, e.actor_country, e.actor_sector, e.actor_name, "
    "e.recipient_id, e.recipient_country, e.recipient_sector, e.recipient_name, e.location, "
    "e.location_id, e.date, e.evidence, e.quad, e.score, e.confidence, p.country, p.lat, p.lon"
)


@dataclass(frozen=True, slots=True)
class Filters:
    """What ``--since --until --source --actor --recipient --type`` select."""

    since: str = ""
    until: str = ""
    sources: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    types: tuple[str, ...] = ()

    @classmethod
    def build(
        cls,
        *,
        since: str | None = None,
        until: str | None = None,
        source: str | None = None,
        actor: str | None = None,
        recipient: str | None = None,
        types: str | None = None,
    ) -> Filters:
        return cls(
            since=_date(since, "--since"),
            until=_date(until, "--until"),
            sources=_list(source),
            actors=_list(actor),
            recipients=_list(recipient),
            types=tuple(t.upper() for t in _list(types)),
        )


def _list(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split(",") if v.strip())


def _date(value: str | None, name: str) -> str:
    if not value:
        return ""
    if len(value) in (4, 7) and value.replace("-", "").isdigit():
        return value  # a year or a month: compared as a prefix-ordered string
    date = normalize_date(value)
    if not date or len(value) != 10:
        raise ConfigError(f"{name} must be YYYY-MM-DD (or YYYY-MM, YYYY), got {value!r}")
    return date


def _actor_match(prefix: str, codes: Sequence[str], params: list[Any]) -> str:
    """Events whose actor (``prefix`` actor|recipient) matches any code, name or id."""
    ors = []
    for code in codes:
        ors.append(
            f"(e.{prefix}_country = ? OR e.{prefix}_country || e.{prefix}_sector = ? "
            f"OR lower(e.{prefix}_name) = lower(?) OR e.{prefix}_id = ?)"
        )
        params += [code.upper(), code.upper(), code, code]
    return "(" + " OR ".join(ors) + ")"


def _until(value: str) -> str:
    """Upper bound for dates compared as strings: 2015-07 includes every day of July."""
    return value + "\uffff" if len(value) < 10 else value


def _dates_and_sources(date_column: str, f: Filters, params: list[Any]) -> list[str]:
    """Conditions for ``--since``, ``--until`` (on ``date_column``) and ``--source``."""
    parts: list[str] = []
    if f.since:
        parts.append(f"{date_column} >= ?")
        params.append(f.since)
    if f.until:
        parts.append(f"{date_column} <= ?")
        params.append(_until(f.until))
    if f.sources:
        parts.append(f"a.source IN ({', '.join('?' for _ in f.sources)})")
        params += list(f.sources)
    return parts


def article_where(f: Filters, params: list[Any]) -> str:
    """``AND ...`` conditions on articles ``a`` for search."""
    parts = _dates_and_sources("a.date", f, params)
    if f.actors:
        ors = []
        for code in f.actors:
            ors.append("(x.country = ? OR x.country || x.sector = ? OR lower(x.name) = lower(?))")
            params += [code.upper(), code.upper(), code]
        parts.append(
            "EXISTS (SELECT 1 FROM article_actors aa JOIN actors x ON x.pk = aa.actor_pk "
            f"WHERE aa.article_pk = a.pk AND ({' OR '.join(ors)}))"
        )
    if f.types or f.recipients:
        cond = ["e.article_pk = a.pk"]
        if f.types:
            cond.append(f"e.event_type IN ({', '.join('?' for _ in f.types)})")
            params += list(f.types)
        if f.recipients:
            cond.append(_actor_match("recipient", f.recipients, params))
        parts.append(f"EXISTS (SELECT 1 FROM events e WHERE {' AND '.join(cond)})")
    return "".join(f" AND {p}" for p in parts)


def event_where(f: Filters, params: list[Any]) -> str:
    parts = _dates_and_sources("e.date", f, params)
    if f.types:
        parts.append(f"e.event_type IN ({', '.join('?' for _ in f.types)})")
        params += list(f.types)
    if f.actors:
        parts.append(_actor_match("actor", f.actors, params))
    if f.recipients:
        parts.append(_actor_match("recipient", f.recipients, params))
    return " WHERE " + " AND ".join(parts) if parts else ""


@dataclass(slots=True)
class Hit:
    id: str
    title: str
    date: str
    source: str
    url: str
    cluster: int | None
    score: float
    snippet: str
    highlights: list[tuple[int, int]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "date": self.date,
            "source": self.source,
            "url": self.url,
            "cluster": self.cluster,
            "score": round(self.score, 4),
            "snippet": self.snippet,
            "highlights": [list(h) for h in self.highlights],
        }


def search(
    store: Any,
    text: str,
    filters: Filters,
    terms: Terms,
    *,
    limit: int = 20,
    mark: tuple[str, str] = ("[", "]"),
) -> list[Hit]:
    """Ranked hits for ``text`` with highlighted snippets (best first)."""
    query: Query = parse_query(text, terms)
    params: list[Any] = [store.search_param(query)]
    where = article_where(filters, params)
    params.append(limit)
    rows = store.search_rows(store.search_sql(where), params)
    hits: list[Hit] = []
    width = store.options.store.snippet_chars
    texts: dict[int, str] = {}
    if rows:
        marks = ", ".join("?" for _ in rows)
        texts = dict(
            store.query(
                f"SELECT pk, text FROM articles WHERE pk IN ({marks})", [r[0] for r in rows]
            )
        )
    for pk, aid, title, date, source, url, cluster, rank in rows:
        snip = snippet(texts.get(pk) or "", query, terms, width=width, mark=mark)
        score = -float(rank) if store.backend == "sqlite" else float(rank)
        hits.append(Hit(aid, title, date, source, url, cluster, score, snip.text, snip.highlights))
    return hits


def events(store: Store, filters: Filters, *, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Events matching ``filters`` (oldest first), each a flat dict (see ``event_row``)."""
    params: list[Any] = []
    sql = (
        f"SELECT {EVENT_FIELDS} FROM events e JOIN articles a ON a.pk = e.article_pk "
        "LEFT JOIN article_places ap ON ap.article_pk = e.article_pk "
        "AND ap.local_id = e.location_id LEFT JOIN places p ON p.pk = ap.place_pk"
        + event_where(filters, params)
        + " ORDER BY e.date, e.article_pk, e.idx"
    )
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    rows = store.query(sql, params)
    pairs = [(r[0], r[1]) for r in rows]
    spans = _evidence_spans(store, pairs)
    for r in rows:
        yield event_row(r, spans.get((r[0], r[1]), []))


def _evidence_spans(
    store: Store, pairs: list[tuple[int, int]]
) -> dict[tuple[int, int], list[dict[str, int]]]:
    out: dict[tuple[int, int], list[dict[str, int]]] = {}
    pks = sorted({pk for pk, _ in pairs})
    for i in range(0, len(pks), 500):
        part = pks[i : i + 500]
        marks = ", ".join("?" for _ in part)
        for pk, ev, s, e, ts, te in store.query(
            'SELECT article_pk, event_idx, start, "end", trigger_start, trigger_end '
            f"FROM event_evidence WHERE article_pk IN ({marks}) "
            "ORDER BY article_pk, event_idx, idx",
            part,
        ):
            out.setdefault((pk, ev), []).append(
                {"start": s, "end": e, "trigger_start": ts, "trigger_end": te}
            )
    return out


def event_row(r: Sequence[Any], spans: list[dict[str, int]]) -> dict[str, Any]:
    return {
        "event_id": f"{r[2]}-{r[1]}",
        "article_id": r[2],
        "title": r[3],
        "source": r[4],
        "url": r[5],
        "article_date": r[6],
        "cluster": r[7],
        "event_type": r[8],
        "mode": r[9],
        "context": [c for c in (r[10] or "").split("|") if c],
        "actor": _ref(r[11], r[12], r[13], r[14]),
        "recipient": _ref(r[15], r[16], r[17], r[18]),
        "location": r[19],
        "location_id": r[20],
        "location_country": r[26] or "",
        "lat": r[27],
        "lon": r[28],
        "date": r[21],
        "evidence": r[22],
        "evidence_spans": spans,
        "quad": r[23],
        "score": r[24],
        "confidence": r[25],
    }


def _ref(aid: str, country: str, sector: str, name: str) -> dict[str, str] | None:
    if not (aid or country or sector or name):
        return None
    return {"country": country, "sector": sector, "name": name, "id": aid}


def stats(store: Store, filters: Filters, *, top: int = 10) -> dict[str, Any]:
    """Counts, events by type and month, top dyads and actors, articles per source and day."""
    a_params: list[Any] = []
    a_where = " WHERE 1 = 1" + article_where(
        Filters(since=filters.since, until=filters.until, sources=filters.sources), a_params
    )
    e_params: list[Any] = []
    e_where = event_where(filters, e_params)
    e_from = "FROM events e JOIN articles a ON a.pk = e.article_pk"

    def count(sql: str, params: Sequence[Any] = ()) -> int:
        return int(store.scalar(sql, params) or 0)

    out: dict[str, Any] = {
        "articles": count(f"SELECT COUNT(*) FROM articles a{a_where}", a_params),
        "events": count(f"SELECT COUNT(*) {e_from}{e_where}", e_params),
        "actors": count("SELECT COUNT(*) FROM actors"),
        "places": count("SELECT COUNT(*) FROM places"),
        "sentences": count("SELECT COUNT(*) FROM sentences"),
        "clusters": count("SELECT COUNT(*) FROM clusters WHERE size > 1"),
        "clustered_articles": count("SELECT COALESCE(SUM(size), 0) FROM clusters WHERE size > 1"),
        "runs": count("SELECT COUNT(*) FROM runs"),
    }
    out["events_by_type_month"] = [
        {"event_type": t, "month": m, "events": n}
        for t, m, n in store.query(
            f"SELECT e.event_type, substr(e.date, 1, 7) AS month, COUNT(*) {e_from}{e_where} "
            "GROUP BY e.event_type, substr(e.date, 1, 7) ORDER BY month, e.event_type",
            e_params,
        )
    ]
    out["top_dyads"] = [
        {"actor": f"{ac}{asec}", "recipient": f"{rc}{rsec}", "events": n}
        for ac, asec, rc, rsec, n in store.query(
            f"SELECT e.actor_country, e.actor_sector, e.recipient_country, e.recipient_sector, "
            f"COUNT(*) AS n {e_from}{e_where}{' AND' if e_where else ' WHERE'} "
            "(e.actor_country <> '' OR e.actor_sector <> '') AND "
            "(e.recipient_country <> '' OR e.recipient_sector <> '') "
            "GROUP BY e.actor_country, e.actor_sector, e.recipient_country, e.recipient_sector "
            "ORDER BY n DESC, e.actor_country, e.recipient_country LIMIT ?",
            [*e_params, top],
        )
    ]
    out["top_actors"] = [
        {"country": c, "sector": s, "name": name, "articles": n}
        for c, s, name, n in store.query(
            "SELECT x.country, x.sector, x.name, COUNT(DISTINCT aa.article_pk) AS n "
            "FROM article_actors aa JOIN actors x ON x.pk = aa.actor_pk "
            f"JOIN articles a ON a.pk = aa.article_pk{a_where} "
            "GROUP BY x.country, x.sector, x.name ORDER BY n DESC, x.country, x.name LIMIT ?",
            [*a_params, top],
        )
    ]
    out["articles_by_source_day"] = [
        {"source": s, "date": d, "articles": n}
        for s, d, n in store.query(
            f"SELECT a.source, a.date, COUNT(*) FROM articles a{a_where} "
            "GROUP BY a.source, a.date ORDER BY a.source, a.date",
            a_params,
        )
    ]
    return out


def outdated_article_pks(store: Store, version: str, everything: bool) -> list[int]:
    """Articles to analyze again: analyzed by another version, or all."""
    if everything:
        return [int(r[0]) for r in store.query("SELECT pk FROM articles ORDER BY pk")]
    return [
        int(r[0])
        for r in store.query(
            "SELECT pk FROM articles WHERE analysis_version <> ? ORDER BY pk", (version,)
        )
    ]


def article_records(store: Store, pks: Sequence[int]) -> Iterator[Any]:
    """Stored articles as reader records (to analyze them again), in chunks."""
    from rasd.model import Origin
    from rasd.readers.records import Record

    chunk = 200
    for i in range(0, len(pks), chunk):
        part = list(pks[i : i + chunk])
        marks = ", ".join("?" for _ in part)
        rows = store.query(
            "SELECT id, text, title, date, source, url, encoding, origin_path, origin_line, "
            f"origin_record, title_start FROM articles WHERE pk IN ({marks}) ORDER BY pk",
            part,
        )
        for r in rows:
            yield Record(
                text=r[1],
                origin=Origin(r[7], r[8], r[9]),
                id=r[0],
                title=r[2],
                date=r[3],
                source=r[4],
                url=r[5],
                encoding=r[6],
                title_in_text=r[10] is not None,
            )
