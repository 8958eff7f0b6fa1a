-- Features (issue 5). lane_features: one row per symbol per bar, the indicators after that bar (see
-- contracts/Features/SymbolFeatures.cs for definitions and units; prices rounded to 8 decimals, fractions to 10).
-- ts is the bar's close time (bar minute + 1 min, UTC), minute its start. Operators query it by ticker and ts.
-- feature_state: each symbol's incremental indicator state (JSON of Domain/IndicatorState) and the minute of the
-- last bar applied; a bar at or before last_minute is ignored, which makes replays and redeliveries idempotent.
CREATE TABLE IF NOT EXISTS lane_features (
    ticker        text        NOT NULL,
    ts            timestamptz NOT NULL,
    minute        timestamptz NOT NULL,
    close         numeric     NOT NULL,
    volume        bigint      NOT NULL,
    sma20         numeric,
    sma50         numeric,
    atr14         numeric,
    recent_vol    numeric,
    realized_vol  numeric,
    vol_ratio     numeric,
    trend         numeric,
    return_1      numeric,
    return_5      numeric,
    return_15     numeric,
    bar_count     integer     NOT NULL,
    ready         boolean     NOT NULL,
    computed_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (ticker, ts)
);

-- "Every symbol at minute M" (the per-minute view, freshness checks) without scanning per ticker.
CREATE INDEX IF NOT EXISTS ix_lane_features_ts ON lane_features (ts);

CREATE TABLE IF NOT EXISTS feature_state (
    ticker       text        PRIMARY KEY,
    state        jsonb       NOT NULL,
    last_minute  timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now()
);
