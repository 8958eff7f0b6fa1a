-- Saga state of the test-only counter saga (tests/Integration.Tests/Support/CounterSaga.cs).
-- No version column: the repository's concurrency token is PostgreSQL's xmin.
CREATE TABLE IF NOT EXISTS test_counter_saga (
    correlation_id uuid PRIMARY KEY,
    current_state  text NOT NULL,
    count          integer NOT NULL DEFAULT 0
);
