-- The trading mode (PAPER or LIVE) lives with the trading state, so a restart keeps it and every writer of the
-- ledger reads it under the same row lock. PAPER is the default; mode_version counts the committed switches.
ALTER TABLE trading_state ADD COLUMN IF NOT EXISTS mode text NOT NULL DEFAULT 'PAPER' CHECK (mode IN ('PAPER','LIVE'));
ALTER TABLE trading_state ADD COLUMN IF NOT EXISTS mode_version bigint NOT NULL DEFAULT 0;

-- Every committed switch, who asked and why (a refused switch changes nothing and is not recorded here).
CREATE TABLE IF NOT EXISTS trading_mode_history (
    version   bigint PRIMARY KEY,
    mode      text        NOT NULL CHECK (mode IN ('PAPER','LIVE')),
    previous  text        NOT NULL,
    actor     text        NOT NULL,
    reason    text        NOT NULL,
    at        timestamptz NOT NULL DEFAULT now()
);
