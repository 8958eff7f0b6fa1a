-- Dashboard: every event the services publish that the operator's page shows, as received. Each table keeps the
-- message as JSON (payload) plus the ids the "why did we trade" chain joins on, and the trace id the message
-- arrived in. Nothing here is read from another service's database.

-- One row per recommendation of SignalsEvaluated (payload: the Recommendation).
CREATE TABLE IF NOT EXISTS dash_signals (
    signal_key   text        PRIMARY KEY,
    session_date date        NOT NULL,
    minute       timestamptz NOT NULL,
    ticker       text        NOT NULL,
    payload      jsonb       NOT NULL,
    trace_id     text
);
CREATE INDEX IF NOT EXISTS ix_dash_signals_minute ON dash_signals (minute);

-- RecommendationDecided: the five gates, the config sha, the sizing and the plan.
CREATE TABLE IF NOT EXISTS dash_decisions (
    recommendation_id bigint      PRIMARY KEY,
    signal_key        text        NOT NULL,
    execution_id      uuid        UNIQUE,
    ticker            text        NOT NULL,
    status            text        NOT NULL,
    decided_at        timestamptz NOT NULL,
    payload           jsonb       NOT NULL,
    trace_id          text
);
CREATE INDEX IF NOT EXISTS ix_dash_decisions_signal ON dash_decisions (signal_key);

-- OrderFilled, one row per fill message (a partial fill is its own message).
CREATE TABLE IF NOT EXISTS dash_fills (
    message_id   uuid        PRIMARY KEY,
    execution_id uuid        NOT NULL,
    ticker       text        NOT NULL,
    filled_at    timestamptz NOT NULL,
    payload      jsonb       NOT NULL,
    trace_id     text
);
CREATE INDEX IF NOT EXISTS ix_dash_fills_execution ON dash_fills (execution_id);

CREATE TABLE IF NOT EXISTS dash_bracket_closes (
    execution_id uuid        PRIMARY KEY,
    ticker       text        NOT NULL,
    closed_at    timestamptz NOT NULL,
    payload      jsonb       NOT NULL,
    trace_id     text
);

CREATE TABLE IF NOT EXISTS dash_risk_events (
    event_id     uuid        PRIMARY KEY,
    execution_id uuid,
    ticker       text,
    reason_code  text        NOT NULL,
    at           timestamptz NOT NULL,
    payload      jsonb       NOT NULL,
    trace_id     text
);
CREATE INDEX IF NOT EXISTS ix_dash_risk_events_execution ON dash_risk_events (execution_id);

CREATE TABLE IF NOT EXISTS dash_trading_states (
    message_id uuid        PRIMARY KEY,
    at         timestamptz NOT NULL,
    payload    jsonb       NOT NULL,
    trace_id   text
);

-- The minute's validated bars (marks and the bar behind a signal) and the minute's features.
CREATE TABLE IF NOT EXISTS dash_bars (
    minute       timestamptz PRIMARY KEY,
    session_date date        NOT NULL,
    payload      jsonb       NOT NULL,
    trace_id     text
);
CREATE TABLE IF NOT EXISTS dash_features (
    minute       timestamptz PRIMARY KEY,
    session_date date        NOT NULL,
    payload      jsonb       NOT NULL,
    trace_id     text
);

-- Classified news items (payload: ClassifiedNewsItem); tickers for the join to a signal.
CREATE TABLE IF NOT EXISTS dash_news (
    news_id      uuid        PRIMARY KEY,
    minute       timestamptz NOT NULL,
    published_at timestamptz NOT NULL,
    tickers      text[]      NOT NULL,
    payload      jsonb       NOT NULL,
    trace_id     text
);
CREATE INDEX IF NOT EXISTS ix_dash_news_tickers ON dash_news USING gin (tickers);

-- The watchlist on its rerank minutes only: between them it is carried unchanged.
CREATE TABLE IF NOT EXISTS dash_watchlists (
    minute       timestamptz PRIMARY KEY,
    session_date date        NOT NULL,
    payload      jsonb       NOT NULL,
    trace_id     text
);

CREATE TABLE IF NOT EXISTS dash_dispatch_runs (
    run_id       uuid        PRIMARY KEY,
    minute       timestamptz NOT NULL,
    orders_sent  integer     NOT NULL,
    trace_id     text
);
