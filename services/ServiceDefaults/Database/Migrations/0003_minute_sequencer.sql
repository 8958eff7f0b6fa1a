-- Minute sequencer (see docs/architecture.md, "Determinism: the minute sequencer").
-- minute_inputs holds each input stream's message for a market minute until every stream the service joins
-- has arrived; minute_cursor is the next minute the service will act on, per session. The cursor row lock
-- serializes the consumers of the different streams, so each minute is acted on exactly once, in order.
CREATE TABLE IF NOT EXISTS minute_inputs (
    stream       text        NOT NULL,
    minute       timestamptz NOT NULL,
    session_date date        NOT NULL,
    payload      jsonb       NOT NULL,
    received_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (stream, minute)
);

CREATE TABLE IF NOT EXISTS minute_cursor (
    session_date   date        PRIMARY KEY,
    next_minute    timestamptz NOT NULL,
    closes_at      timestamptz NOT NULL,
    minutes_done   integer     NOT NULL DEFAULT 0,
    updated_at     timestamptz NOT NULL DEFAULT now()
);
