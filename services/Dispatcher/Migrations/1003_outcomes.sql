-- Outcome labels (the shakedown plan's outcome annotator): one row per decided recommendation, an execution or a
-- skipped (refused) one, with what the market did after the decision. The dispatcher itself never reads or writes
-- these tables: they are a derived read model of its own ledger (keyed on its recommendation ids), written by the
-- operator tool `./tradewire outcomes` (and its after-the-close job in `./tradewire up`'s supervisor) from
-- ingest's bars and the features service's indicators. Deleting them loses nothing: a run rebuilds them.
-- Prices are decimal; forward returns are simple price returns (close at M+h over close at M, minus 1); a NULL
-- value always has its reason in null_reasons (never a made-up number).
CREATE TABLE IF NOT EXISTS outcomes (
    recommendation_id  bigint        PRIMARY KEY,
    trading_date       date          NOT NULL,
    kind               text          NOT NULL CHECK (kind IN ('EXECUTION', 'SKIPPED')),
    execution_id       uuid,
    ticker             text          NOT NULL,
    action             text          NOT NULL,
    side               text          NOT NULL CHECK (side IN ('BUY', 'SELL')),
    decision_minute    timestamptz   NOT NULL,   -- start of the bar that had closed when the decision was taken
    skip_reason        text,
    base_close         numeric(18,6),
    fwd_ret_1m         numeric(18,8),
    fwd_ret_5m         numeric(18,8),
    fwd_ret_15m        numeric(18,8),
    fwd_ret_60m        numeric(18,8),
    levels_source      text          NOT NULL CHECK (levels_source IN ('EXECUTION', 'RUN_CONFIG', 'CURRENT_CONFIG', 'NONE')),
    entry_price        numeric(18,4),
    stop_price         numeric(18,4),
    target_price       numeric(18,4),
    first_hit          text          CHECK (first_hit IN ('STOP', 'TARGET', 'NEITHER')),
    first_hit_minute   timestamptz,
    same_bar_ambiguous boolean       NOT NULL DEFAULT false,
    window_end_minute  timestamptz   NOT NULL,
    mae                numeric(18,6),
    mfe                numeric(18,6),
    mae_r              numeric(12,4),
    mfe_r              numeric(12,4),
    regime             text,
    regime_trend       numeric(18,10),
    regime_recent_vol  numeric(18,10),
    regime_vol_vs_median numeric(12,4),
    null_reasons       jsonb         NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS ix_outcomes_trading_date ON outcomes (trading_date);

-- One row per labelled trading date: the after-the-close job labels a date once it is here.
CREATE TABLE IF NOT EXISTS outcome_runs (
    trading_date  date        PRIMARY KEY,
    labelled      integer     NOT NULL,
    ran_at        timestamptz NOT NULL
);
