-- Tables of the test-only services used by the integration tests.
CREATE TABLE IF NOT EXISTS test_effects (
    id         uuid PRIMARY KEY,
    key        text NOT NULL,
    message_id uuid NULL
);
