-- Severity is one vocabulary across services now (INFO, WARN, CRITICAL, EMERGENCY); the dashboard's own alerts
-- used to say WARNING. Risk events stored before that are rewritten so they still read.
UPDATE dash_risk_events SET payload = jsonb_set(payload, '{severity}', '"WARN"')
WHERE payload->>'severity' = 'WARNING';
