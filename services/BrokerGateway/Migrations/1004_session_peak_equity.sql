-- The session's highest equity so far (starting equity + realized + unrealized at the last marks): the reference
-- of the session drawdown limit, reset at each session's first minute.
ALTER TABLE trading_state ADD COLUMN IF NOT EXISTS session_peak_equity numeric;
