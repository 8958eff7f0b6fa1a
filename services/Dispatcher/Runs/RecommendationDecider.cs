using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Tradewire.Dispatcher.Domain;
using Tradewire.Dispatcher.Persistence;
using Tradewire.ServiceDefaults.Configuration;
using Tradewire.ServiceDefaults.MarketTime;

namespace Tradewire.Dispatcher.Runs;

/// <summary>
/// Decides one claimed recommendation in its own transaction: gates, pricing, then either SKIPPED, or the
/// ledger row + SIMULATED + PlaceBracketOrder (bus outbox) committed together. A fresh scope per decision, so
/// a rolled-back attempt leaves no tracked outbox rows behind.
/// </summary>
sealed class RecommendationDecider(IServiceScopeFactory scopes, IOptions<DispatcherOptions> options, ILogger<RecommendationDecider> log)
{
    public async Task<DecisionOutcome> Decide(RunContext run, DispatchCandidate candidate, CancellationToken token)
    {
        try
        {
            return await DecideInTransaction(run, candidate, token);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "ux_dispatch_execution_reco")
        {
            log.LogWarning("Recommendation {Id} already has an execution; marking it SIMULATED without sending again", candidate.Id);
            return await Mark(run, candidate, "SIMULATED", null, null, null, token)
                ? DecisionOutcome.AlreadyExecuted : DecisionOutcome.ClaimLost;
        }
        catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
        {
            // The stored reason and the log line carry the message redacted (a connection error can quote a URL or a key).
            var reason = $"{e.GetType().Name}: {Redaction.Text(e.Message)}";
            log.LogError("Recommendation {Id} {Ticker} FAILED: {Reason}\n{StackTrace}", candidate.Id, candidate.Recommendation.Ticker, reason, e.StackTrace);
            return await Mark(run, candidate, "FAILED", null, null, reason[..Math.Min(reason.Length, 2000)], token)
                ? DecisionOutcome.Failed : DecisionOutcome.ClaimLost;
        }
    }

    async Task<DecisionOutcome> DecideInTransaction(RunContext run, DispatchCandidate candidate, CancellationToken token)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DispatcherDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(token);

        var tradingDate = MarketTimeZone.TradingDate(run.MarketTime);
        var snapshot = MarketSnapshot.For(candidate, run.Tick.BarFor(candidate.Recommendation.Ticker));
        var today = await RecommendationStore.ExecutionsOn(db, candidate.Recommendation.Ticker, tradingDate, token);
        var gates = RiskGates.Evaluate(candidate, snapshot, run.MarketTime, today, run.Config);
        var gateJson = gates.ToJson();
        // The decision's event goes into the same transaction as the decision (bus outbox): the dashboard's view.
        var publish = scope.ServiceProvider.GetRequiredService<IPublishEndpoint>();
        var mode = await TradingModeStore.Read(db, token);
        log.LogInformation("Recommendation {Id} {Ticker} {Action} at {MarketTime:O}: gates {Verdict}{SkipReason}", candidate.Id, candidate.Recommendation.Ticker,
            candidate.Recommendation.Action, run.MarketTime, gates.Passed ? "PASS" : "SKIP", gates.Passed ? "" : $" ({gates.SkipReason})");
        log.LogDebug("Recommendation {Id} gate results: {Gates}", candidate.Id, gateJson);
        if (!gates.Passed)
        {
            await publish.Publish(DecisionEvents.Skipped(run, candidate, gateJson, gates.SkipReason, mode), token);
            return await Commit(db, tx, await RecommendationStore.Finish(db, candidate.Id, run.RunId, "SKIPPED", run.MarketTime, gateJson,
                gates.SkipReason, null, token), DecisionOutcome.Skipped, token);
        }

        var priced = BracketPricer.Price(candidate.Recommendation.Action, snapshot.Close, candidate.Recommendation.RecentVol, run.Config);
        if (!priced.Priced)
        {
            var reason = $"{priced.ReasonCode}:observed={priced.Observed},threshold={priced.Threshold}";
            log.LogInformation("Recommendation {Id} {Ticker}: not priced, SKIPPED ({Reason})", candidate.Id, candidate.Recommendation.Ticker, reason);
            await publish.Publish(DecisionEvents.Skipped(run, candidate, gateJson, reason, mode), token);
            return await Commit(db, tx, await RecommendationStore.Finish(db, candidate.Id, run.RunId, "SKIPPED", run.MarketTime, gateJson,
                reason, null, token), DecisionOutcome.Skipped, token);
        }

        if (!await RecommendationStore.Finish(db, candidate.Id, run.RunId, "SIMULATED", run.MarketTime, gateJson, null, null, token))
            return DecisionOutcome.ClaimLost;
        var plan = priced.Plan!;
        var executionId = ExecutionIds.For(candidate.Recommendation.SignalKey);
        log.LogDebug("Recommendation {Id} sizing: {Sizing}", candidate.Id, System.Text.Json.JsonSerializer.Serialize(plan.SizingRationale));
        await ExecutionLedger.Insert(db, executionId, run, candidate, snapshot, plan, gateJson, tradingDate, mode, token);
        await publish.Publish(DecisionEvents.Simulated(run, candidate, gateJson, plan, executionId, mode), token);

        var send = scope.ServiceProvider.GetRequiredService<ISendEndpointProvider>();
        var endpoint = await send.GetSendEndpoint(new Uri($"queue:{options.Value.BrokerQueue}"));
        await endpoint.Send(plan.Command(executionId, candidate, run.Config.MaxHoldMinutes, run.MarketTime, run.ConfigSha, mode), token);
        await db.SaveChangesAsync(token);
        await tx.CommitAsync(token);
        log.LogInformation("Order intent {ExecutionId} for recommendation {Id}: {Side} {Qty} {Ticker} at {Entry}, stop {Stop}, target {Target}, notional {Notional} ({Mode}) sent to {Queue}",
            executionId, candidate.Id, plan.Side, plan.Qty, candidate.Recommendation.Ticker, plan.EntryPrice, plan.StopLossPrice, plan.TakeProfitPrice, plan.Notional, mode, options.Value.BrokerQueue);
        return DecisionOutcome.Simulated;
    }

    static async Task<DecisionOutcome> Commit(DbContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction tx, bool held,
        DecisionOutcome outcome, CancellationToken token)
    {
        if (!held)
            return DecisionOutcome.ClaimLost;
        await db.SaveChangesAsync(token);
        await tx.CommitAsync(token);
        return outcome;
    }

    async Task<bool> Mark(RunContext run, DispatchCandidate candidate, string status, string? gateJson, string? skipReason,
        string? failureReason, CancellationToken token)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DispatcherDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(token);
        var held = await RecommendationStore.Finish(db, candidate.Id, run.RunId, status, run.MarketTime, gateJson, skipReason, failureReason, token);
        await tx.CommitAsync(token);
        return held;
    }
}
