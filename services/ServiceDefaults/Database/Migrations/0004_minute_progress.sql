-- When this service acted on each market minute (wall clock, at the statement): the minute sequencer records
-- every minute it hands out, ingest every minute it publishes. Comparing two services' rows for a minute gives
-- the pipeline's latency between them (the benchmark's bar-to-fill latency is broker-gateway minus ingest).
CREATE TABLE IF NOT EXISTS minute_progress (
    minute        timestamptz PRIMARY KEY,
    session_date  date        NOT NULL,
    acted_at      timestamptz NOT NULL
);
