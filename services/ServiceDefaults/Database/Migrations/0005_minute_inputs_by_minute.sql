-- The sequencer reads a service's buffered inputs by minute range (all streams), under the cursor lock.
CREATE INDEX IF NOT EXISTS minute_inputs_by_minute ON minute_inputs (session_date, minute);
