-- One saga instance per bracket (BracketSaga, MassTransit state machine), persisted by the ServiceDefaults EF Core
-- saga repository. current_state is the state machine's state name; brackets.state is its upper-snake projection,
-- written in the same transaction. Optimistic concurrency uses the system column xmin (no column here).
CREATE TABLE IF NOT EXISTS bracket_sagas (
    correlation_id  uuid PRIMARY KEY REFERENCES brackets (execution_id),
    current_state   text         NOT NULL,
    ticker          text         NOT NULL,
    last_event      text,
    last_event_at   timestamptz
);
CREATE INDEX IF NOT EXISTS ix_bracket_sagas_open ON bracket_sagas (current_state) WHERE current_state NOT IN ('Closed','Rejected');

-- Brackets stored before the saga existed get their instance in the state their row records.
INSERT INTO bracket_sagas (correlation_id, current_state, ticker, last_event, last_event_at)
SELECT execution_id,
       replace(initcap(replace(state, '_', ' ')), ' ', ''),   -- ENTRY_WORKING -> EntryWorking
       ticker, 'Backfilled', updated_at
FROM brackets
ON CONFLICT (correlation_id) DO NOTHING;
