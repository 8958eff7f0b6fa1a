-- Broker-gateway ledger: brackets, their orders, fills, positions, risk events, trading state.
-- Times named *_at / *_ts / minute are market time (from bars and messages), except updated_at (wall clock, audit).
CREATE TABLE IF NOT EXISTS brackets (
    execution_id        uuid PRIMARY KEY,
    recommendation_id   bigint       NOT NULL,
    ticker              text         NOT NULL,
    side                text         NOT NULL CHECK (side IN ('BUY','SELL')),
    action              text         NOT NULL,
    instrument_type     text         NOT NULL,
    planned_qty         numeric      NOT NULL CHECK (planned_qty > 0),
    qty                 numeric      NOT NULL,
    entry_price         numeric      NOT NULL,
    stop_price          numeric      NOT NULL,
    target_price        numeric      NOT NULL,
    max_hold_minutes    int          NOT NULL,
    decision_ts         timestamptz  NOT NULL,
    signal_ts           timestamptz  NOT NULL,
    dispatch_minute     timestamptz  NOT NULL,
    confidence          numeric      NOT NULL,
    config_sha          text         NOT NULL,
    execution_mode      text         NOT NULL,
    state               text         NOT NULL,
    filled_qty          numeric      NOT NULL DEFAULT 0,
    avg_entry_price     numeric,
    exit_price          numeric,
    exit_reason         text,
    realized_pnl        numeric      NOT NULL DEFAULT 0,
    oco_group           text         NOT NULL,
    entry_filled_at     timestamptz,
    closed_at           timestamptz,
    created_at          timestamptz  NOT NULL,
    updated_at          timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS ix_brackets_open ON brackets (state, dispatch_minute) WHERE state NOT IN ('CLOSED','REJECTED');

CREATE TABLE IF NOT EXISTS orders (
    client_order_id        text PRIMARY KEY,
    execution_id           uuid         NOT NULL,
    parent_client_order_id text,
    leg_role               text         NOT NULL CHECK (leg_role IN ('ENTRY','STOP','TARGET','EXIT')),
    oco_group              text,
    ticker                 text         NOT NULL,
    side                   text         NOT NULL CHECK (side IN ('BUY','SELL')),
    qty                    numeric      NOT NULL,
    filled_qty             numeric      NOT NULL DEFAULT 0,
    avg_fill_price         numeric,
    type                   text         NOT NULL CHECK (type IN ('MARKET','STOP','LIMIT')),
    limit_price            numeric,
    stop_price             numeric,
    status                 text         NOT NULL,
    config_sha             text         NOT NULL,
    execution_mode         text         NOT NULL,
    eligible_from          timestamptz  NOT NULL,
    created_at             timestamptz  NOT NULL,
    updated_at             timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT uq_orders_client_order_id UNIQUE (client_order_id)
);
CREATE INDEX IF NOT EXISTS ix_orders_execution ON orders (execution_id);

CREATE TABLE IF NOT EXISTS trades (
    trade_id         text PRIMARY KEY,
    client_order_id  text         NOT NULL,
    execution_id     uuid         NOT NULL,
    ticker           text         NOT NULL,
    side             text         NOT NULL,
    qty              numeric      NOT NULL CHECK (qty > 0),
    price            numeric      NOT NULL,
    filled_at        timestamptz  NOT NULL,
    execution_mode   text         NOT NULL
);

CREATE TABLE IF NOT EXISTS positions (
    ticker        text PRIMARY KEY,
    qty           numeric      NOT NULL,
    avg_price     numeric      NOT NULL DEFAULT 0,
    realized_pnl  numeric      NOT NULL DEFAULT 0,
    oco_group     text,
    updated_at    timestamptz  NOT NULL
);

CREATE TABLE IF NOT EXISTS risk_events (
    id            uuid PRIMARY KEY,
    at            timestamptz  NOT NULL,
    reason_code   text         NOT NULL,
    severity      text         NOT NULL,
    ticker        text,
    execution_id  uuid,
    actor         text         NOT NULL,
    detail_json   jsonb        NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_risk_events_at ON risk_events (at);

-- Last mark per symbol (close of its latest bar) and the session's first open: risk checks and flatten prices.
CREATE TABLE IF NOT EXISTS market_marks (
    ticker        text PRIMARY KEY,
    last_price    numeric      NOT NULL,
    at            timestamptz  NOT NULL,
    session_date  date         NOT NULL,
    session_open  numeric      NOT NULL
);

-- One row (id = 1): the current state; every change appended to trading_state_history.
CREATE TABLE IF NOT EXISTS trading_state (
    id                int PRIMARY KEY CHECK (id = 1),
    state             text         NOT NULL,
    reason            text         NOT NULL,
    actor             text         NOT NULL,
    market_time       timestamptz,
    session_date      date,
    day_start_equity  numeric,
    peak_equity       numeric,
    updated_at        timestamptz  NOT NULL DEFAULT now()
);
INSERT INTO trading_state (id, state, reason, actor) VALUES (1, 'ACTIVE', 'initial', 'system') ON CONFLICT DO NOTHING;

CREATE TABLE IF NOT EXISTS trading_state_history (
    id        bigserial PRIMARY KEY,
    state     text        NOT NULL,
    previous  text        NOT NULL,
    reason    text        NOT NULL,
    actor     text        NOT NULL,
    at        timestamptz NOT NULL
);
