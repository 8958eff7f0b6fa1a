-- The kill switch's halt, in a row of its own (id = 1). A minute step holds the book while it talks to the venue;
-- the halt must commit at once whatever the step waits for, so it never writes a row a step holds: the step reads
-- this row (unlocked) before each entry and when it loads the book, and carries HALTED into trading_state.
CREATE TABLE IF NOT EXISTS trading_halt (
    id          int PRIMARY KEY CHECK (id = 1),
    engaged     boolean      NOT NULL,
    reason      text         NOT NULL,
    actor       text         NOT NULL,
    updated_at  timestamptz  NOT NULL DEFAULT now()
);
INSERT INTO trading_halt (id, engaged, reason, actor) VALUES (1, false, 'initial', 'system') ON CONFLICT DO NOTHING;
