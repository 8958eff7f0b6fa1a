-- The count-based minute watermarks gave way to the minute sequencer (minute_inputs, minute_cursor), and no
-- service reads or writes minute_watermarks any more. New databases never create it; a database that still has
-- it loses it here. IF EXISTS makes this a no-op on a new database.
DROP TABLE IF EXISTS minute_watermarks;
