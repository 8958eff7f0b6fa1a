-- The trace of the SignalsEvaluated message that recorded the tick, so the run loop continues it (one trace per
-- market minute, from ingest to the fills) instead of starting a trace of its own. NULL for ticks recorded before.
ALTER TABLE dispatcher_ticks ADD COLUMN IF NOT EXISTS traceparent text;
