namespace Tradewire.Integration.Tests.Dispatcher;

/// <summary>
/// Every SQL query printed in the operator's documents, copied verbatim (comments and trailing spaces included):
/// the dispatcher document ("How to Verify Deployment", "SQL Queries for Analysis", "Troubleshooting") and the
/// shakedown plan (daily checks 1-4, questions 1-5). They must run unchanged against the dispatcher's database.
/// </summary>
static class SeedQueries
{
    /// <summary>From the dispatcher document.</summary>
    public const string SeeSimulatedExecutions = """
-- See simulated executions
SELECT 
  ticker,
  action,
  entry_price,
  qty,
  notional,
  stop_loss_price,
  take_profit_price,
  execution_mode,
  simulated_ts
FROM dispatch_executions
ORDER BY simulated_ts DESC
LIMIT 10;
""";

    /// <summary>From the dispatcher document.</summary>
    public const string CountExecutionsToday = """
-- Count executions today
SELECT 
  COUNT(*) as total,
  COUNT(DISTINCT ticker) as unique_tickers,
  SUM(notional) as total_notional
FROM dispatch_executions
WHERE simulated_ts >= CURRENT_DATE;
""";

    /// <summary>From the dispatcher document.</summary>
    public const string GatePassFailStats = """
-- See gate pass/fail stats
SELECT 
  reason->>'rule' as rule,
  COUNT(*) as times_fired
FROM dispatch_recommendations
WHERE status = 'SKIPPED'
  AND processed_at >= CURRENT_DATE
GROUP BY rule
ORDER BY times_fired DESC;
""";

    /// <summary>From the dispatcher document.</summary>
    public const string RecentDispatcherRuns = """
-- Recent dispatcher runs
SELECT 
  run_id,
  started_at,
  finished_at,
  pulled_count,
  simulated_count,
  skipped_count,
  failed_count
FROM dispatcher_runs
ORDER BY started_at DESC
LIMIT 10;
""";

    /// <summary>From the dispatcher document.</summary>
    public const string AveragePositionSizeByAction = """
-- Average position size by action type
SELECT 
  action,
  COUNT(*) as count,
  AVG(qty) as avg_qty,
  AVG(notional) as avg_notional,
  AVG(entry_price) as avg_entry
FROM dispatch_executions
WHERE simulated_ts >= CURRENT_DATE
GROUP BY action;
""";

    /// <summary>From the dispatcher document.</summary>
    public const string GateFailureReasons = """
-- Gate failure reasons
SELECT 
  risk_gate_json->'confidence'->>'passed' as conf_pass,
  risk_gate_json->'action_allowed'->>'passed' as action_pass,
  risk_gate_json->'bar_freshness'->>'passed' as bar_pass,
  risk_gate_json->'feature_freshness'->>'passed' as feat_pass,
  risk_gate_json->'ticker_daily_limit'->>'passed' as limit_pass,
  COUNT(*) as count
FROM dispatch_recommendations
WHERE status = 'SKIPPED'
  AND processed_at >= CURRENT_DATE
GROUP BY 1,2,3,4,5
ORDER BY count DESC;
""";

    /// <summary>From the dispatcher document.</summary>
    public const string PendingCount = """
   SELECT COUNT(*) FROM dispatch_recommendations WHERE status='PENDING';

""";

    /// <summary>From the shakedown plan.</summary>
    public const string ProcessingHealthCheck = """
-- Are we processing everything?
SELECT status, COUNT(*) 
FROM dispatch_recommendations
WHERE ts >= CURRENT_DATE
GROUP BY status
ORDER BY COUNT(*) DESC;
""";

    /// <summary>From the shakedown plan.</summary>
    public const string StuckProcessingDetection = """
-- Any stuck PROCESSING rows?
SELECT COUNT(*) as stuck_count
FROM dispatch_recommendations
WHERE status = 'PROCESSING'
  AND processed_at IS NULL
  AND ts < NOW() - INTERVAL '10 minutes';
""";

    /// <summary>From the shakedown plan.</summary>
    public const string DailyExecutionCount = """
-- Daily execution count
SELECT 
  DATE(simulated_ts) as date,
  COUNT(*) as executions,
  COUNT(DISTINCT ticker) as unique_tickers,
  SUM(notional) as total_notional
FROM dispatch_executions
GROUP BY DATE(simulated_ts)
ORDER BY date DESC
LIMIT 7;
""";

    /// <summary>From the shakedown plan.</summary>
    public const string RecentRunsSummary = """
-- Recent runs summary
SELECT 
  started_at,
  pulled_count,
  simulated_count,
  skipped_count,
  failed_count,
  EXTRACT(EPOCH FROM (finished_at - started_at)) as duration_seconds
FROM dispatcher_runs
WHERE started_at >= CURRENT_DATE
ORDER BY started_at DESC
LIMIT 20;
""";

    /// <summary>From the shakedown plan.</summary>
    public const string SignalsGeneratedPerDay = """
-- Signals generated per day
SELECT 
  DATE(created_at) as date,
  COUNT(*) as total_signals,
  COUNT(*) FILTER (WHERE instrument_type = 'CALL') as calls,
  COUNT(*) FILTER (WHERE instrument_type = 'PUT') as puts,
  COUNT(*) FILTER (WHERE instrument_type = 'STOCK') as stock
FROM dispatch_recommendations
WHERE created_at >= NOW() - INTERVAL '7 days'
GROUP BY DATE(created_at)
ORDER BY date DESC;
""";

    /// <summary>From the shakedown plan.</summary>
    public const string GateRejectionPatterns = """
-- Which gates reject most?
SELECT 
  risk_gate_json->'confidence'->>'passed' as conf_pass,
  risk_gate_json->'action_allowed'->>'passed' as action_pass,
  risk_gate_json->'bar_freshness'->>'passed' as bar_pass,
  risk_gate_json->'feature_freshness'->>'passed' as feat_pass,
  risk_gate_json->'ticker_daily_limit'->>'passed' as limit_pass,
  COUNT(*) as count
FROM dispatch_recommendations
WHERE status = 'SKIPPED'
  AND processed_at >= NOW() - INTERVAL '7 days'
GROUP BY 1,2,3,4,5
ORDER BY count DESC
LIMIT 10;
""";

    /// <summary>From the shakedown plan.</summary>
    public const string TickerDistribution = """
-- Which tickers execute most?
SELECT 
  ticker,
  COUNT(*) as exec_count,
  AVG(confidence) as avg_confidence,
  AVG(notional) as avg_notional
FROM dispatch_executions
WHERE simulated_ts >= NOW() - INTERVAL '7 days'
GROUP BY ticker
ORDER BY exec_count DESC
LIMIT 15;
""";

    /// <summary>From the shakedown plan.</summary>
    public const string PositionSizeDistribution = """
-- Position size distribution
SELECT 
  action,
  COUNT(*) as count,
  AVG(qty) as avg_qty,
  MIN(qty) as min_qty,
  MAX(qty) as max_qty,
  AVG(notional) as avg_notional,
  AVG(entry_price) as avg_entry_price
FROM dispatch_executions
WHERE simulated_ts >= NOW() - INTERVAL '7 days'
GROUP BY action;
""";

    /// <summary>From the shakedown plan.</summary>
    public const string StopTpDistances = """
-- Stop/TP distances
SELECT 
  ticker,
  AVG((stop_loss_price - entry_price) / entry_price) as avg_stop_pct,
  AVG((take_profit_price - entry_price) / entry_price) as avg_tp_pct,
  AVG(sim_json->'features_used'->>'recent_vol') as avg_vol
FROM dispatch_executions
WHERE simulated_ts >= NOW() - INTERVAL '7 days'
  AND action LIKE 'BUY%'  -- Longs
GROUP BY ticker
ORDER BY avg_vol DESC
LIMIT 10;
""";

    /// <summary>
    /// The query as it would run at <paramref name="now"/>: its two reads of the database's clock, CURRENT_DATE and
    /// NOW(), become that instant (CURRENT_DATE its date in the session's time zone, as PostgreSQL takes it); every
    /// other character stays as printed. The database's clock cannot be set, and a test that depended on the day it
    /// runs would assert different things on a weekend and fail once the calendar ends.
    /// </summary>
    public static string AsOf(string sql, DateTimeOffset now)
    {
        var instant = $"TIMESTAMPTZ '{now.UtcDateTime:yyyy-MM-dd HH:mm:ss}+00'";
        return sql.Replace("CURRENT_DATE", $"CAST({instant} AS date)", StringComparison.Ordinal)
            .Replace("NOW()", instant, StringComparison.Ordinal);
    }

    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        [nameof(SeeSimulatedExecutions)] = SeeSimulatedExecutions,
        [nameof(CountExecutionsToday)] = CountExecutionsToday,
        [nameof(GatePassFailStats)] = GatePassFailStats,
        [nameof(RecentDispatcherRuns)] = RecentDispatcherRuns,
        [nameof(AveragePositionSizeByAction)] = AveragePositionSizeByAction,
        [nameof(GateFailureReasons)] = GateFailureReasons,
        [nameof(PendingCount)] = PendingCount,
        [nameof(ProcessingHealthCheck)] = ProcessingHealthCheck,
        [nameof(StuckProcessingDetection)] = StuckProcessingDetection,
        [nameof(DailyExecutionCount)] = DailyExecutionCount,
        [nameof(RecentRunsSummary)] = RecentRunsSummary,
        [nameof(SignalsGeneratedPerDay)] = SignalsGeneratedPerDay,
        [nameof(GateRejectionPatterns)] = GateRejectionPatterns,
        [nameof(TickerDistribution)] = TickerDistribution,
        [nameof(PositionSizeDistribution)] = PositionSizeDistribution,
        [nameof(StopTpDistances)] = StopTpDistances,
    };
}
