-- The trading mode the dispatcher stamps on its executions and commands: the broker-gateway's, as its last
-- TradingModeChanged event said (highest version wins). PAPER until the first event.
CREATE TABLE IF NOT EXISTS dispatcher_trading_mode (
    id          int PRIMARY KEY CHECK (id = 1),
    mode        text        NOT NULL CHECK (mode IN ('PAPER','LIVE')),
    version     bigint      NOT NULL,
    actor       text        NOT NULL,
    changed_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO dispatcher_trading_mode (id, mode, version, actor, changed_at) VALUES (1, 'PAPER', 0, 'default', 'epoch') ON CONFLICT DO NOTHING;
