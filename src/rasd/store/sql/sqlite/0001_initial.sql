-- rasd store, schema 1 (SQLite). Applied in one transaction by rasd.store.schema.
CREATE TABLE rasd_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
);

-- One row per `rasd ingest` / `rasd reprocess` invocation.
CREATE TABLE runs (
    pk            INTEGER PRIMARY KEY,
    command       TEXT NOT NULL,
    inputs        TEXT NOT NULL,          -- JSON list of the paths given
    rasd_version  TEXT NOT NULL,
    host          TEXT NOT NULL,
    pid           INTEGER NOT NULL,
    started_at    TEXT NOT NULL,
    finished_at   TEXT,
    status        TEXT NOT NULL,          -- running | done | failed | interrupted
    added         INTEGER NOT NULL DEFAULT 0,
    skipped       INTEGER NOT NULL DEFAULT 0,
    replaced      INTEGER NOT NULL DEFAULT 0,
    failed        INTEGER NOT NULL DEFAULT 0,
    message       TEXT NOT NULL DEFAULT ''
);

CREATE TABLE clusters (
    pk          INTEGER PRIMARY KEY,
    size        INTEGER NOT NULL DEFAULT 1,
    sources     INTEGER NOT NULL DEFAULT 1,
    first_date  TEXT NOT NULL DEFAULT '',
    last_date   TEXT NOT NULL DEFAULT ''
);

CREATE TABLE articles (
    pk               INTEGER PRIMARY KEY,
    id               TEXT NOT NULL UNIQUE,
    content_hash     TEXT NOT NULL UNIQUE,
    title            TEXT NOT NULL,
    date             TEXT NOT NULL,
    source           TEXT NOT NULL,
    url              TEXT NOT NULL,
    encoding         TEXT NOT NULL,
    origin_path      TEXT NOT NULL,
    origin_line      INTEGER,
    origin_record    INTEGER,
    text             TEXT NOT NULL,
    title_start      INTEGER,
    title_end        INTEGER,
    warnings         TEXT NOT NULL DEFAULT '',
    analysis_version TEXT NOT NULL,
    minhash          BLOB NOT NULL,
    cluster_pk       INTEGER REFERENCES clusters (pk),
    run_pk           INTEGER REFERENCES runs (pk),
    ingested_at      TEXT NOT NULL
);

CREATE TABLE removed_spans (
    article_pk INTEGER NOT NULL REFERENCES articles (pk),
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    reason     TEXT NOT NULL
);
CREATE INDEX removed_spans_article ON removed_spans (article_pk);

CREATE TABLE sentences (
    article_pk INTEGER NOT NULL REFERENCES articles (pk),
    idx        INTEGER NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    is_title   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (article_pk, idx)
) WITHOUT ROWID;

-- Actors and places are global entities (country + sector + name; name + country); each article
-- links to them under its own local ids, with the mentions that were linked.
CREATE TABLE actors (
    pk      INTEGER PRIMARY KEY,
    country TEXT NOT NULL,
    sector  TEXT NOT NULL,
    name    TEXT NOT NULL,
    kind    TEXT NOT NULL DEFAULT '',
    UNIQUE (country, sector, name)
);

CREATE TABLE article_actors (
    article_pk INTEGER NOT NULL REFERENCES articles (pk),
    local_id   TEXT NOT NULL,
    actor_pk   INTEGER NOT NULL REFERENCES actors (pk),
    kind       TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (article_pk, local_id)
) WITHOUT ROWID;
CREATE INDEX article_actors_actor ON article_actors (actor_pk);

CREATE TABLE actor_mentions (
    article_pk INTEGER NOT NULL REFERENCES articles (pk),
    local_id   TEXT NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT NOT NULL,
    how        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX actor_mentions_article ON actor_mentions (article_pk);

CREATE TABLE places (
    pk      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL,
    country TEXT NOT NULL,
    lat     REAL,
    lon     REAL,
    kind    TEXT NOT NULL DEFAULT '',
    UNIQUE (name, country)
);

CREATE TABLE article_places (
    article_pk INTEGER NOT NULL REFERENCES articles (pk),
    local_id   TEXT NOT NULL,
    place_pk   INTEGER NOT NULL REFERENCES places (pk),
    main       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (article_pk, local_id)
) WITHOUT ROWID;
CREATE INDEX article_places_place ON article_places (place_pk);

CREATE TABLE place_mentions (
    article_pk INTEGER NOT NULL REFERENCES articles (pk),
    local_id   TEXT NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT NOT NULL,
    how        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX place_mentions_article ON place_mentions (article_pk);

CREATE TABLE events (
    article_pk        INTEGER NOT NULL REFERENCES articles (pk),
    idx               INTEGER NOT NULL,
    event_type        TEXT NOT NULL,
    mode              TEXT NOT NULL DEFAULT '',
    context           TEXT NOT NULL DEFAULT '',   -- '|'-joined PLOVER contexts
    actor_pk          INTEGER REFERENCES actors (pk),
    actor_id          TEXT NOT NULL DEFAULT '',
    actor_country     TEXT NOT NULL DEFAULT '',
    actor_sector      TEXT NOT NULL DEFAULT '',
    actor_name        TEXT NOT NULL DEFAULT '',
    recipient_pk      INTEGER REFERENCES actors (pk),
    recipient_id      TEXT NOT NULL DEFAULT '',
    recipient_country TEXT NOT NULL DEFAULT '',
    recipient_sector  TEXT NOT NULL DEFAULT '',
    recipient_name    TEXT NOT NULL DEFAULT '',
    location          TEXT NOT NULL DEFAULT '',
    location_id       TEXT,
    date              TEXT NOT NULL DEFAULT '',   -- the event's date, else the article's
    evidence          TEXT NOT NULL DEFAULT '',
    quad              TEXT NOT NULL DEFAULT '',
    score             REAL,
    confidence        REAL NOT NULL DEFAULT 0,
    PRIMARY KEY (article_pk, idx)
);

CREATE TABLE event_evidence (
    article_pk    INTEGER NOT NULL,
    event_idx     INTEGER NOT NULL,
    idx           INTEGER NOT NULL,
    start         INTEGER NOT NULL,
    "end"         INTEGER NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end   INTEGER NOT NULL,
    PRIMARY KEY (article_pk, event_idx, idx),
    FOREIGN KEY (article_pk, event_idx) REFERENCES events (article_pk, idx)
) WITHOUT ROWID;

-- LSH buckets of the articles' MinHash signatures (story clusters).
CREATE TABLE lsh_buckets (
    band       INTEGER NOT NULL,
    bucket     INTEGER NOT NULL,
    article_pk INTEGER NOT NULL REFERENCES articles (pk),
    PRIMARY KEY (band, bucket, article_pk)
) WITHOUT ROWID;

-- Full-text index over the search terms (rowid = articles.pk); see rasd.store.search.
CREATE VIRTUAL TABLE article_fts USING fts5 (
    title, body, tokenize = 'unicode61 remove_diacritics 0'
);
