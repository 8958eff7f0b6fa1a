-- The watchdog: the newest minute of each NewsClassified (news items are sparse, the minutes are not), the stuck
-- PROCESSING count of each dispatcher run, and each alert raised, keyed by its condition so that it is raised once.
CREATE TABLE IF NOT EXISTS dash_news_minutes (
    minute       timestamptz PRIMARY KEY,
    session_date date        NOT NULL
);

-- The dispatcher's count of stuck PROCESSING rows at each run (null from a dispatcher that does not count them).
ALTER TABLE dash_dispatch_runs ADD COLUMN IF NOT EXISTS stuck_processing integer;

CREATE TABLE IF NOT EXISTS dash_watchdog_alerts (
    alert_key    text        PRIMARY KEY,
    event_id     uuid        NOT NULL,
    reason_code  text        NOT NULL,
    raised_at    timestamptz NOT NULL
);
