using System.Text.Json;
using Tradewire.Contracts.Execution;
using Tradewire.Dispatcher.Domain;

namespace Tradewire.Dispatcher.Runs;

/// <summary>
/// The <see cref="RecommendationDecided"/> event of one decision, built from the same values the decision stores
/// (gate JSON, skip reason, plan), so the dashboard shows what the ledger holds.
/// </summary>
static class DecisionEvents
{
    public static RecommendationDecided Skipped(RunContext run, DispatchCandidate candidate, string gateJson, string reason, ExecutionMode mode) =>
        Base(run, candidate, "SKIPPED", gateJson, mode) with { SkipReason = reason };

    public static RecommendationDecided Simulated(RunContext run, DispatchCandidate candidate, string gateJson, BracketPlan plan,
        Guid executionId, ExecutionMode mode) => Base(run, candidate, "SIMULATED", gateJson, mode) with
    {
        ExecutionId = executionId,
        Side = plan.Side,
        Qty = plan.Qty,
        EntryPrice = plan.EntryPrice,
        StopLossPrice = plan.StopLossPrice,
        TakeProfitPrice = plan.TakeProfitPrice,
        Notional = plan.Notional,
        SizingJson = JsonSerializer.Serialize(plan.SizingRationale),
    };

    static RecommendationDecided Base(RunContext run, DispatchCandidate candidate, string status, string gateJson, ExecutionMode mode) => new()
    {
        RecommendationId = candidate.Id,
        SignalKey = candidate.Recommendation.SignalKey,
        Ticker = candidate.Recommendation.Ticker,
        Action = candidate.Recommendation.Action,
        Confidence = candidate.Recommendation.Confidence,
        Status = status,
        RiskGateJson = gateJson,
        ConfigSha = run.ConfigSha,
        RunId = run.RunId,
        DecidedAt = run.MarketTime,
        SignalTs = candidate.Recommendation.Ts,
        ExecutionMode = mode,
    };
}
