using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Tradewire.Contracts.Signals;
using Tradewire.Contracts;
using Tradewire.Dispatcher.Consumers;
using Tradewire.Dispatcher.Domain;
using Tradewire.Dispatcher.Runs;
using Tradewire.ServiceDefaults.Database;

namespace Tradewire.Dispatcher.Persistence;

/// <summary>The run's SQL on dispatcher_ticks, dispatcher_runs and dispatch_recommendations.</summary>
static class RecommendationStore
{
    /// <summary>
    /// Locks the oldest undone tick, but only if no earlier tick is undone: a tick another replica holds is
    /// skipped, and then every later one is ineligible, so ticks are run strictly in minute order, one at a time.
    /// </summary>
    public static async Task<RunTick?> LockNextTick(DbContext db, CancellationToken token)
    {
        await using var cmd = db.Command("""
            SELECT t.minute, t.session_date, t.evaluated_at, t.latest_bars::text, t.traceparent
            FROM dispatcher_ticks t
            WHERE t.done_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM dispatcher_ticks e WHERE e.done_at IS NULL AND e.minute < t.minute)
            ORDER BY t.minute
            LIMIT 1
            FOR UPDATE SKIP LOCKED
            """);
        await using var reader = await cmd.ExecuteReaderAsync(token);
        if (!await reader.ReadAsync(token))
            return null;
        var bars = JsonSerializer.Deserialize<List<LatestBar>>(reader.GetString(3), TickJson.Options) ?? [];
        return new RunTick(reader.GetFieldValue<DateTimeOffset>(0), reader.GetFieldValue<DateOnly>(1), reader.GetFieldValue<DateTimeOffset>(2), bars)
        {
            TraceParent = reader.IsDBNull(4) ? null : reader.GetString(4),
        };
    }

    /// <summary>
    /// The shakedown plan's stuck PROCESSING rows at market time T: still PROCESSING and undecided, with a signal more
    /// than ten minutes before T. Counted after the run decided its own claims, so only rows no live run holds remain.
    /// </summary>
    public static async Task<int> StuckProcessing(DbContext db, DateTimeOffset marketTime, CancellationToken token) =>
        (int)await db.Scalar<long>("""
            SELECT count(*) FROM dispatch_recommendations
            WHERE status = 'PROCESSING' AND processed_at IS NULL AND ts < $1
            """, token, marketTime.AddMinutes(-10).UtcDateTime);

    public static Task StartRun(DbContext db, Guid runId, RunTick tick, DateTimeOffset startedAt, DispatcherConfig config, CancellationToken token) =>
        db.Execute("""
            INSERT INTO dispatcher_runs (run_id, market_minute, started_at, run_config_json, config_sha) VALUES ($1, $2, $3, $4, $5)
            """, token, runId, tick.Minute.UtcDateTime, startedAt.UtcDateTime, DbContextSql.Jsonb(config.ToJson()), config.Sha());

    /// <summary>
    /// Rows claimed by an earlier run of this same tick that never finished go back to PENDING, for this run to
    /// decide at the tick's market time, as an undisturbed run would have; returns how many of that dead run's rows
    /// it had already decided (they count against this run's claim limit). Sound because this run holds the tick's
    /// row lock, which a run keeps to its end: an unfinished run of the tick is a dead one. Without this, the rows
    /// waited for the TTL reaper and were decided minutes later at other prices (the fault drill's ledger differed).
    /// The TTL reaper stays as the backstop.
    /// </summary>
    public static async Task<int> ReleaseDeadRunsOf(DbContext db, Guid runId, DateTimeOffset minute, CancellationToken token)
    {
        await db.Execute("""
            UPDATE dispatch_recommendations r SET status = 'PENDING', claimed_at = NULL, dispatcher_run_id = NULL
            FROM dispatcher_runs d
            WHERE r.status = 'PROCESSING' AND r.dispatcher_run_id = d.run_id
              AND d.market_minute = $1 AND d.finished_at IS NULL AND d.run_id <> $2
            """, token, minute.UtcDateTime, runId);
        return (int)await db.Scalar<long>("""
            SELECT count(*) FROM dispatch_recommendations r JOIN dispatcher_runs d ON d.run_id = r.dispatcher_run_id
            WHERE d.market_minute = $1 AND d.finished_at IS NULL AND d.run_id <> $2
            """, token, minute.UtcDateTime, runId);
    }

    /// <summary>Orders sent for the tick at <paramref name="marketTime"/>, by whichever run of it decided them.</summary>
    public static async Task<int> OrdersSentAt(DbContext db, DateTimeOffset marketTime, CancellationToken token) =>
        (int)await db.Scalar<long>("SELECT count(*) FROM dispatch_executions WHERE decision_ts = $1", token, marketTime.UtcDateTime);

    /// <summary>PROCESSING rows whose claim is older than the TTL (market time) go back to PENDING.</summary>
    public static Task<int> Reap(DbContext db, DateTimeOffset cutoff, CancellationToken token) =>
        db.Execute("""
            UPDATE dispatch_recommendations SET status = 'PENDING', claimed_at = NULL, dispatcher_run_id = NULL
            WHERE status = 'PROCESSING' AND claimed_at < $1
            """, token, cutoff.UtcDateTime);

    /// <summary>
    /// PENDING rows older than the claim window (<see cref="ClaimWindow"/>) become SKIPPED with an <c>expired:</c>
    /// reason, decided by this run at T; returns how many. Runs after the reaper, so a claim a dead run left behind
    /// yesterday is expired here too rather than claimed today.
    /// </summary>
    public static Task<int> Expire(DbContext db, Guid runId, DateTimeOffset marketTime, DispatcherConfig config, CancellationToken token) =>
        db.Execute("""
            UPDATE dispatch_recommendations
            SET status = 'SKIPPED', processed_at = $1, dispatcher_run_id = $2,
                skip_reason = CASE WHEN ts < $3 THEN $5 ELSE $6 END
            WHERE status = 'PENDING' AND ts < $4
            """, token, marketTime.UtcDateTime, runId, ClaimWindow.DayStart(marketTime).UtcDateTime,
            ClaimWindow.Start(marketTime, config).UtcDateTime, ClaimWindow.PreviousTradingDate, ClaimWindow.LookbackWindow);

    /// <summary>Claims up to <paramref name="limit"/> PENDING rows due by market time T and inside the claim window, oldest first.</summary>
    public static async Task<List<DispatchCandidate>> Claim(DbContext db, Guid runId, DateTimeOffset marketTime, DateTimeOffset windowStart,
        int limit, CancellationToken token)
    {
        await using var cmd = db.Command("""
            WITH c AS (
                SELECT id FROM dispatch_recommendations
                WHERE status = 'PENDING' AND ts <= $1 AND ts >= $4
                ORDER BY ts, id
                LIMIT $2
                FOR UPDATE SKIP LOCKED)
            UPDATE dispatch_recommendations r
            SET status = 'PROCESSING', claimed_at = $1, dispatcher_run_id = $3
            FROM c WHERE r.id = c.id
            RETURNING r.id, r.signal_key, r.ts, r.ticker, r.action, r.instrument_type, r.confidence, r.reason::text,
                      r.close, r.bar_ts, r.feature_ts, r.recent_vol, r.atr14
            """, marketTime.UtcDateTime, limit, runId, windowStart.UtcDateTime);
        var claimed = new List<DispatchCandidate>();
        await using var reader = await cmd.ExecuteReaderAsync(token);
        while (await reader.ReadAsync(token))
            claimed.Add(Read(reader));
        return claimed.OrderBy(c => c.Recommendation.Ts).ThenBy(c => c.Id).ToList();
    }

    /// <summary>Moves a row this run still holds out of PROCESSING; false if the claim was lost (reaped by another run).</summary>
    public static async Task<bool> Finish(DbContext db, long id, Guid runId, string status, DateTimeOffset marketTime,
        string? riskGateJson, string? skipReason, string? failureReason, CancellationToken token) =>
        await db.Execute("""
            UPDATE dispatch_recommendations
            SET status = $3, processed_at = $4, risk_gate_json = COALESCE($5, risk_gate_json), skip_reason = $6, failure_reason = $7
            WHERE id = $1 AND dispatcher_run_id = $2 AND status = 'PROCESSING'
            """, token, id, runId, status, marketTime.UtcDateTime,
            riskGateJson is null ? (object)DBNull.Value : DbContextSql.Jsonb(riskGateJson), skipReason, failureReason) == 1;

    public static async Task<int> ExecutionsOn(DbContext db, string ticker, DateOnly tradingDate, CancellationToken token) =>
        (int)(await db.Scalar<long>("SELECT count(*) FROM dispatch_executions WHERE ticker = $1 AND trading_date = $2", token, ticker, tradingDate));

    static DispatchCandidate Read(NpgsqlDataReader r) => new(r.GetInt64(0), new Recommendation
    {
        SignalKey = r.GetString(1),
        Ts = r.GetFieldValue<DateTimeOffset>(2),
        Ticker = r.GetString(3),
        Action = Wire.Parse<TradeAction>(r.GetString(4)),
        InstrumentType = Wire.Parse<InstrumentType>(r.GetString(5)),
        Confidence = r.GetDecimal(6),
        ReasonsJson = r.GetString(7),
        Close = r.GetDecimal(8),
        BarTs = r.GetFieldValue<DateTimeOffset>(9),
        FeatureTs = r.GetFieldValue<DateTimeOffset>(10),
        RecentVol = r.GetDecimal(11),
        Atr14 = r.IsDBNull(12) ? null : r.GetDecimal(12),
    });
}
