-- One row per classified news item. news_id is ingest's deterministic id: a redelivered or replayed minute
-- inserts nothing twice (ON CONFLICT (news_id) DO NOTHING).
CREATE TABLE IF NOT EXISTS inbound_events_classified (
    id              bigserial PRIMARY KEY,
    news_id         uuid        NOT NULL UNIQUE,
    minute          timestamptz NOT NULL,
    published_at    timestamptz NOT NULL,
    title           text        NOT NULL,
    tickers         text[]      NOT NULL,
    sentiment_score numeric     NOT NULL CHECK (sentiment_score BETWEEN -1 AND 1),
    sentiment_label text        NOT NULL CHECK (sentiment_label IN ('bearish', 'neutral', 'bullish')),
    confidence      numeric     NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    model_version   text        NOT NULL,
    classified_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX IF NOT EXISTS ix_inbound_events_classified_minute ON inbound_events_classified (minute);
CREATE INDEX IF NOT EXISTS ix_inbound_events_classified_tickers ON inbound_events_classified USING gin (tickers);
