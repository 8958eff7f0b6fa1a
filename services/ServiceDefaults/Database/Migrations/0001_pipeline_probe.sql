-- One row per pipeline-probe hop handled by this service (see ForwardPipelineProbe).
CREATE TABLE IF NOT EXISTS pipeline_probe_hops (
    probe_id    uuid        NOT NULL,
    hop         integer     NOT NULL,
    service     text        NOT NULL,
    trace_id    text        NULL,
    started_at  timestamptz NOT NULL,
    received_at timestamptz NOT NULL,
    PRIMARY KEY (probe_id, hop)
);
