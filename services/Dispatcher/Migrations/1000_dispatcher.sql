-- Dispatcher (Phase 9 document, seeds 002; shakedown queries, seeds 000). Every column the operator's queries
-- name exists here with the meaning the documents give it. Market times (ts, bar_ts, feature_ts, claimed_at,
-- processed_at, decision_ts, simulated_ts, market_minute) come from the messages, never the wall clock;
-- dispatcher_runs.started_at/finished_at are wall-clock telemetry (the shakedown's duration_seconds).

CREATE TABLE IF NOT EXISTS dispatch_recommendations (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    signal_key        text          NOT NULL UNIQUE,
    ts                timestamptz   NOT NULL,
    created_at        timestamptz   NOT NULL,
    ticker            text          NOT NULL,
    action            text          NOT NULL,
    instrument_type   text          NOT NULL,
    confidence        numeric(6,4)  NOT NULL,
    reason            jsonb         NOT NULL,
    close             numeric(18,4) NOT NULL,
    bar_ts            timestamptz   NOT NULL,
    feature_ts        timestamptz   NOT NULL,
    recent_vol        numeric(18,8) NOT NULL,
    atr14             numeric(18,6),
    status            text          NOT NULL DEFAULT 'PENDING'
        CONSTRAINT ck_dispatch_recommendations_status CHECK (status IN ('PENDING','PROCESSING','SIMULATED','SKIPPED','FAILED')),
    claimed_at        timestamptz,
    processed_at      timestamptz,
    dispatcher_run_id uuid,
    failure_reason    text,
    skip_reason       text,
    risk_gate_json    jsonb
);
CREATE INDEX IF NOT EXISTS ix_dispatch_recommendations_pending ON dispatch_recommendations (ts, id) WHERE status = 'PENDING';
CREATE INDEX IF NOT EXISTS ix_dispatch_recommendations_processing ON dispatch_recommendations (claimed_at) WHERE status = 'PROCESSING';

-- Immutable ledger: one row per executed recommendation, never updated or deleted (trigger below).
-- execution_mode: 'PAPER' is the seeds' 'SIMULATED', 'LIVE' their 'REAL'.
CREATE TABLE IF NOT EXISTS dispatch_executions (
    execution_id      uuid          PRIMARY KEY,
    recommendation_id bigint        NOT NULL,
    ticker            text          NOT NULL,
    action            text          NOT NULL,
    instrument_type   text          NOT NULL,
    side              text          NOT NULL CHECK (side IN ('BUY','SELL')),
    decision_ts       timestamptz   NOT NULL,
    simulated_ts      timestamptz   NOT NULL,
    signal_ts         timestamptz   NOT NULL,
    trading_date      date          NOT NULL,
    entry_price       numeric(18,4) NOT NULL,
    fill_model        text          NOT NULL,
    slippage_bps      numeric(10,4) NOT NULL,
    qty               numeric(18,0) NOT NULL CHECK (qty > 0),
    notional          numeric(18,4) NOT NULL,
    stop_loss_price   numeric(18,4) NOT NULL,
    take_profit_price numeric(18,4) NOT NULL,
    max_hold_minutes  integer       NOT NULL,
    execution_mode    text          NOT NULL CHECK (execution_mode IN ('PAPER','LIVE')),
    explain_json      jsonb         NOT NULL,
    risk_json         jsonb         NOT NULL,
    sim_json          jsonb         NOT NULL,
    confidence        numeric(6,4)  NOT NULL,
    config_sha        text          NOT NULL,
    dispatcher_run_id uuid          NOT NULL
);
-- The idempotency guarantee: one execution per recommendation, whatever the code or a replica does.
CREATE UNIQUE INDEX IF NOT EXISTS ux_dispatch_execution_reco ON dispatch_executions (recommendation_id);
CREATE INDEX IF NOT EXISTS ix_dispatch_executions_ticker_day ON dispatch_executions (ticker, trading_date);

CREATE OR REPLACE FUNCTION dispatch_executions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'dispatch_executions is an append-only ledger: % is not allowed', TG_OP
        USING ERRCODE = 'restrict_violation';
END $$;
DROP TRIGGER IF EXISTS tr_dispatch_executions_immutable ON dispatch_executions;
CREATE TRIGGER tr_dispatch_executions_immutable BEFORE UPDATE OR DELETE ON dispatch_executions
    FOR EACH ROW EXECUTE FUNCTION dispatch_executions_immutable();
DROP TRIGGER IF EXISTS tr_dispatch_executions_no_truncate ON dispatch_executions;
CREATE TRIGGER tr_dispatch_executions_no_truncate BEFORE TRUNCATE ON dispatch_executions
    FOR EACH STATEMENT EXECUTE FUNCTION dispatch_executions_immutable();

CREATE TABLE IF NOT EXISTS dispatcher_runs (
    run_id           uuid        PRIMARY KEY,
    market_minute    timestamptz NOT NULL,
    started_at       timestamptz NOT NULL,
    finished_at      timestamptz,
    pulled_count     integer     NOT NULL DEFAULT 0,
    processed_count  integer     NOT NULL DEFAULT 0,
    simulated_count  integer     NOT NULL DEFAULT 0,
    skipped_count    integer     NOT NULL DEFAULT 0,
    failed_count     integer     NOT NULL DEFAULT 0,
    reaped_count     integer     NOT NULL DEFAULT 0,
    run_config_json  jsonb       NOT NULL,
    config_sha       text        NOT NULL,
    run_summary_json jsonb
);
CREATE INDEX IF NOT EXISTS ix_dispatcher_runs_started ON dispatcher_runs (started_at);

-- One tick per market minute (from SignalsEvaluated), written in minute order by the consumer; the run
-- processes undone ticks strictly in minute order.
CREATE TABLE IF NOT EXISTS dispatcher_ticks (
    minute        timestamptz PRIMARY KEY,
    session_date  date        NOT NULL,
    evaluated_at  timestamptz NOT NULL,
    latest_bars   jsonb       NOT NULL,
    done_at       timestamptz,
    run_id        uuid
);
CREATE INDEX IF NOT EXISTS ix_dispatcher_ticks_undone ON dispatcher_ticks (minute) WHERE done_at IS NULL;

-- Run-time configuration: the row with the highest version is current, the others are its history.
CREATE TABLE IF NOT EXISTS dispatcher_config (
    version     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    config_json jsonb       NOT NULL,
    config_sha  text        NOT NULL,
    patch_json  jsonb,
    changed_at  timestamptz NOT NULL DEFAULT now()
);

-- The shakedown query "Stop/TP distances" averages sim_json->'features_used'->>'recent_vol', which is text.
-- PostgreSQL has no avg(text); this aggregate makes the operator's query run unchanged (numeric result).
CREATE OR REPLACE FUNCTION avg_text_accum(acc numeric[], v text) RETURNS numeric[] LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN v IS NULL THEN acc ELSE ARRAY[acc[1] + v::numeric, acc[2] + 1] END
$$;
CREATE OR REPLACE FUNCTION avg_text_final(acc numeric[]) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN acc[2] = 0 THEN NULL ELSE acc[1] / acc[2] END
$$;
CREATE OR REPLACE AGGREGATE avg(text) (
    SFUNC = avg_text_accum, STYPE = numeric[], FINALFUNC = avg_text_final, INITCOND = '{0,0}'
);
