-- Ingest's tables (names from the operator's runbooks: inbound_events_raw, lane_telemetry).

-- Every news item ingest accepted, from a feed poll or a replay. (source, external_id) is the dedupe key
-- across polls and restarts; news_id is derived from it. published_minute is the market minute whose
-- NewsMinuteClosed carried the item downstream (null until then).
CREATE TABLE IF NOT EXISTS inbound_events_raw (
    id                     bigserial   PRIMARY KEY,
    news_id                uuid        NOT NULL UNIQUE,
    source                 text        NOT NULL,
    external_id            text        NOT NULL,
    title                  text        NOT NULL,
    summary                text        NULL,
    link                   text        NULL,
    published_at           timestamptz NOT NULL,
    published_at_inferred  boolean     NOT NULL DEFAULT false,
    fetched_at             timestamptz NOT NULL,
    published_minute       timestamptz NULL,
    CONSTRAINT ux_inbound_events_raw_source_external UNIQUE (source, external_id)
);
CREATE INDEX IF NOT EXISTS ix_inbound_events_raw_unpublished ON inbound_events_raw (published_at) WHERE published_minute IS NULL;

-- Every accepted 1-minute bar (the seeds' lane_telemetry): one row per symbol and minute.
CREATE TABLE IF NOT EXISTS lane_telemetry (
    ticker       text           NOT NULL,
    ts           timestamptz    NOT NULL,  -- bar close time (minute start + 1 min), as the seeds' freshness gates read it
    minute       timestamptz    NOT NULL,  -- bar minute start
    open         numeric(18,6)  NOT NULL,
    high         numeric(18,6)  NOT NULL,
    low          numeric(18,6)  NOT NULL,
    close        numeric(18,6)  NOT NULL,
    volume       bigint         NOT NULL,
    source       text           NOT NULL,
    received_at  timestamptz    NOT NULL DEFAULT now(),
    PRIMARY KEY (ticker, minute)
);
CREATE INDEX IF NOT EXISTS ix_lane_telemetry_ts ON lane_telemetry (ts);

-- Every rejected bar or news item, with a stable reason code; a rejection never reaches downstream.
CREATE TABLE IF NOT EXISTS ingest_rejections (
    id           bigserial    PRIMARY KEY,
    kind         text         NOT NULL,   -- BAR | NEWS | FEED
    source       text         NOT NULL,
    ticker       text         NULL,
    minute       timestamptz  NULL,
    reason_code  text         NOT NULL,   -- e.g. NON_POSITIVE_PRICE, HIGH_BELOW_LOW, DUPLICATE_BAR, OUT_OF_ORDER_BAR
    detail       text         NOT NULL,
    raw          text         NULL,
    rejected_at  timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS ix_ingest_rejections_reason ON ingest_rejections (reason_code);

-- Replay/clock progress per session: the last minute ingest published, so a restarted replay resumes.
CREATE TABLE IF NOT EXISTS ingest_sessions (
    session_date       date         PRIMARY KEY,
    source             text         NOT NULL,
    replay_path        text         NULL,      -- the recorded session being replayed (null for live)
    speed              numeric      NOT NULL DEFAULT 0, -- 0 = as fast as possible, N = N x real time
    status             text         NOT NULL DEFAULT 'RUNNING' CHECK (status IN ('RUNNING', 'DONE', 'FAILED')),
    last_minute        timestamptz  NULL,
    bars_published     integer      NOT NULL DEFAULT 0,
    bars_rejected      integer      NOT NULL DEFAULT 0,
    news_published     integer      NOT NULL DEFAULT 0,
    opened_at          timestamptz  NULL,
    closing_sent_at    timestamptz  NULL,
    closed_at          timestamptz  NULL
);
