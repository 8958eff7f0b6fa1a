using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Tradewire.Contracts.Execution;
using Tradewire.Dispatcher.Domain;
using Tradewire.Dispatcher.Persistence;
using Tradewire.ServiceDefaults.Database;
using Tradewire.ServiceDefaults.Telemetry;

namespace Tradewire.Dispatcher.Runs;

/// <summary>
/// One dispatcher run: the every-minute flow for the oldest undone tick. The tick's row lock is held
/// in its own transaction for the whole run (so replicas run ticks one at a time, in order) and that same
/// transaction finally closes the run, publishes DispatchRunCompleted and marks the tick done. In between:
/// start run + reaper + expiry + claim (committed before any decision), then one transaction per decision.
/// </summary>
sealed class TickRunner(IServiceScopeFactory scopes, RecommendationDecider decider, IDispatchFaults faults, TimeProvider wallClock,
    ILogger<TickRunner> log)
{
    /// <summary>Which replica ran a tick (run_summary_json.instance): one id per process lifetime.</summary>
    readonly string _instance = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}"[..^24];

    /// <summary>Runs the next tick if one is due and free; false when there is none.</summary>
    public async Task<bool> RunNext(CancellationToken token)
    {
        await using var tickScope = scopes.CreateAsyncScope();
        var tickDb = tickScope.ServiceProvider.GetRequiredService<DispatcherDbContext>();
        await using var tickTx = await tickDb.Database.BeginTransactionAsync(token);
        var tick = await RecommendationStore.LockNextTick(tickDb, token);
        if (tick is null)
            return false;
        // The run belongs to the minute's trace (the loop has none of its own): its orders carry it to the gateway.
        using var trace = TraceLinks.Continue("dispatcher run", tick.TraceParent);

        var config = (await ConfigStore.Read(tickDb, token)).Config;
        var run = new RunContext(NewId.NextGuid(), tick, config, config.Sha());
        var startedAt = wallClock.GetUtcNow();

        var (reaped, expired, claimed) = await StartAndClaim(run, startedAt, token);
        faults.AfterClaimCommit(run.RunId, claimed.Select(c => c.Id).ToList());

        var outcomes = new List<DecisionOutcome>();
        foreach (var candidate in claimed)
            outcomes.Add(await decider.Decide(run, candidate, token));

        // Every order of this tick, including any a dead earlier run of it committed: the gateway waits for that many.
        var sent = await RecommendationStore.OrdersSentAt(tickDb, run.MarketTime, token);
        var stuck = await RecommendationStore.StuckProcessing(tickDb, run.MarketTime, token);
        var summary = Summary(run, _instance, reaped, expired, claimed, outcomes, stuck);
        await tickDb.Execute("""
            UPDATE dispatcher_runs SET finished_at = $2, processed_count = $3, simulated_count = $4, skipped_count = $5,
                failed_count = $6, run_summary_json = $7
            WHERE run_id = $1
            """, token, run.RunId, wallClock.GetUtcNow().UtcDateTime,
            outcomes.Count(o => o != DecisionOutcome.ClaimLost),
            outcomes.Count(o => o is DecisionOutcome.Simulated or DecisionOutcome.AlreadyExecuted),
            outcomes.Count(o => o == DecisionOutcome.Skipped),
            outcomes.Count(o => o == DecisionOutcome.Failed),
            DbContextSql.Jsonb(summary));
        await tickDb.Execute("UPDATE dispatcher_ticks SET done_at = $2, run_id = $3 WHERE minute = $1", token,
            tick.Minute.UtcDateTime, tick.EvaluatedAt.UtcDateTime, run.RunId);
        var publish = tickScope.ServiceProvider.GetRequiredService<IPublishEndpoint>();
        await publish.Publish(new DispatchRunCompleted
        {
            SessionDate = tick.SessionDate, Minute = tick.Minute, RunId = run.RunId, OrdersSent = sent, StuckProcessing = stuck,
        }, token);
        await tickDb.SaveChangesAsync(token);
        await tickTx.CommitAsync(token);
        log.LogInformation("Dispatcher run {RunId} for {Minute:O}: claimed {Claimed}, sent {Sent}, reaped {Reaped}",
            run.RunId, tick.Minute, claimed.Count, sent, reaped);
        return true;
    }

    async Task<(int Reaped, int Expired, List<DispatchCandidate> Claimed)> StartAndClaim(RunContext run, DateTimeOffset startedAt, CancellationToken token)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DispatcherDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(token);
        await RecommendationStore.StartRun(db, run.RunId, run.Tick, startedAt, run.Config, token);
        var decidedByDeadRuns = await RecommendationStore.ReleaseDeadRunsOf(db, run.RunId, run.Tick.Minute, token);
        var reaped = await RecommendationStore.Reap(db, Reaper.Cutoff(run.MarketTime, run.Config), token);
        var expired = await RecommendationStore.Expire(db, run.RunId, run.MarketTime, run.Config, token);
        var claimed = await RecommendationStore.Claim(db, run.RunId, run.MarketTime, ClaimWindow.Start(run.MarketTime, run.Config),
            Math.Max(0, run.Config.MaxSignalsPerRun - decidedByDeadRuns), token);
        await db.Execute("UPDATE dispatcher_runs SET pulled_count = $2, reaped_count = $3 WHERE run_id = $1", token,
            run.RunId, claimed.Count, reaped);
        await tx.CommitAsync(token);
        return (reaped, expired, claimed);
    }

    static string Summary(RunContext run, string instance, int reaped, int expired, List<DispatchCandidate> claimed, List<DecisionOutcome> outcomes,
        int stuck) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["instance"] = instance,
            ["market_minute"] = run.Tick.Minute,
            ["market_time"] = run.MarketTime,
            ["config_sha"] = run.ConfigSha,
            ["reaped"] = reaped,
            ["expired"] = expired,
            ["claimed_ids"] = claimed.Select(c => c.Id).ToList(),
            ["outcomes"] = claimed.Zip(outcomes, (c, o) => new { id = c.Id, ticker = c.Recommendation.Ticker, outcome = o.ToString() }).ToList(),
            ["orders_sent"] = outcomes.Count(o => o == DecisionOutcome.Simulated),
            ["stuck_processing"] = stuck,
        });
}
