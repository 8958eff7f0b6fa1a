-- Watchlist (issue 6).
-- watchlist_state: the ranking computed on each rerank minute (every 5 market minutes), one row per listed symbol.
--   ts = start of the market minute the ranking was computed on (UTC); reranked_at = that minute's close (market
--   time, ts + 1 min); attribution = component -> points, summing exactly to score.
CREATE TABLE IF NOT EXISTS watchlist_state (
    ts           timestamptz   NOT NULL,
    session_date date          NOT NULL,
    rank         integer       NOT NULL,
    ticker       text          NOT NULL,
    score        numeric(18,6) NOT NULL,
    attribution  jsonb         NOT NULL,
    reranked_at  timestamptz   NOT NULL,
    PRIMARY KEY (ts, ticker)
);
CREATE INDEX IF NOT EXISTS ix_watchlist_state_session ON watchlist_state (session_date, ts);

-- The engine's carried state (latest features, decayed sentiment, current list) after the last minute handled,
-- per session, so a restart continues identically.
CREATE TABLE IF NOT EXISTS watchlist_engine_state (
    session_date date        PRIMARY KEY,
    last_minute  timestamptz NOT NULL,
    state        jsonb       NOT NULL
);
