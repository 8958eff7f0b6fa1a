-- The live path's own records (docs/live-data.md).

-- Bars that never re-decide a minute: updated bars (the source recomputed a published bar after late trades)
-- and bars that arrived after their minute closed. Kept as sent, with when they came and when the minute closed
-- (market time; null when it closed before the ingest process that received the bar started).
CREATE TABLE IF NOT EXISTS late_bars (
    id                bigserial    PRIMARY KEY,
    kind              text         NOT NULL CHECK (kind IN ('UPDATED', 'LATE')),
    source            text         NOT NULL,
    ticker            text         NOT NULL,
    minute            timestamptz  NOT NULL,
    open              numeric      NOT NULL,
    high              numeric      NOT NULL,
    low               numeric      NOT NULL,
    close             numeric      NOT NULL,
    volume            bigint       NOT NULL,
    trade_count       bigint       NULL,
    vwap              numeric      NULL,
    received_at       timestamptz  NOT NULL,
    minute_closed_at  timestamptz  NULL,
    recorded_at       timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS ix_late_bars_minute ON late_bars (minute);

-- Counted per session beside the published and rejected bars.
ALTER TABLE ingest_sessions ADD COLUMN IF NOT EXISTS late_bars integer NOT NULL DEFAULT 0;
ALTER TABLE ingest_sessions ADD COLUMN IF NOT EXISTS updated_bars integer NOT NULL DEFAULT 0;
