-- Per-minute completeness watermarks (see docs/architecture.md, "Determinism: minute watermarks").
-- One row per input stream and market minute: how many inputs the upstream announced for the minute,
-- how many this service has handled, and when it acted on the complete minute (exactly once).
CREATE TABLE IF NOT EXISTS minute_watermarks (
    stream       text        NOT NULL,
    minute       timestamptz NOT NULL,
    expected     integer     NULL CHECK (expected >= 0),
    seen         integer     NOT NULL DEFAULT 0 CHECK (seen >= 0),
    completed_at timestamptz NULL,
    PRIMARY KEY (stream, minute),
    CONSTRAINT seen_within_expected CHECK (expected IS NULL OR seen <= expected)
);
