-- Signal engine (issue 6).
-- signal_log: every recommendation emitted, keyed by its deterministic signal key (ticker|minute|rule), so a
--   replay inserts nothing new. ts = evaluation time (the minute's close, market time).
CREATE TABLE IF NOT EXISTS signal_log (
    signal_key      text          PRIMARY KEY,
    session_date    date          NOT NULL,
    minute          timestamptz   NOT NULL,
    ts              timestamptz   NOT NULL,
    ticker          text          NOT NULL,
    rule            text          NOT NULL,
    action          text          NOT NULL,
    instrument_type text          NOT NULL,
    confidence      numeric(6,4)  NOT NULL,
    close           numeric(18,6) NOT NULL,
    bar_ts          timestamptz   NOT NULL,
    recent_vol      numeric(18,10) NOT NULL,
    reasons         jsonb         NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_signal_log_session ON signal_log (session_date, minute);

-- The engine's carried state (latest features, decayed sentiment, last firing per ticker|rule for the
-- cooldowns) after the last minute handled, per session, so a restart continues identically.
CREATE TABLE IF NOT EXISTS signal_engine_state (
    session_date date        PRIMARY KEY,
    last_minute  timestamptz NOT NULL,
    state        jsonb       NOT NULL
);
