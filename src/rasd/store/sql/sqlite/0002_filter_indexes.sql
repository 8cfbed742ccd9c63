-- rasd store, schema 2 (SQLite): indexes for the filters of search, events and stats.
CREATE INDEX articles_source_date ON articles (source, date);
CREATE INDEX articles_date ON articles (date);
CREATE INDEX articles_cluster ON articles (cluster_pk);
CREATE INDEX articles_version ON articles (analysis_version);
CREATE INDEX events_type_date ON events (event_type, date);
CREATE INDEX events_date ON events (date);
CREATE INDEX events_actor ON events (actor_country, actor_sector);
CREATE INDEX events_recipient ON events (recipient_country, recipient_sector);
