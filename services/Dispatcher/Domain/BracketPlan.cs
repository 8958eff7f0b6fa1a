using Tradewire.Contracts.Domain;
using Tradewire.Contracts.Execution;

namespace Tradewire.Dispatcher.Domain;

/// <summary>
/// A priced and sized bracket. Prices in dollars rounded to 4 decimals, <see cref="Qty"/> whole shares (&gt; 0),
/// <see cref="Notional"/> = qty × entry (&lt;= 25 % of paper equity). For a short (<see cref="Side"/> SELL) the
/// stop is above the entry and the target below.
/// </summary>
public sealed record BracketPlan
{
    public required OrderSide Side { get; init; }
    public required Price EntryPrice { get; init; }
    public required Price StopLossPrice { get; init; }
    public required Price TakeProfitPrice { get; init; }
    public required decimal StopDistance { get; init; }
    public required Quantity Qty { get; init; }
    public required decimal Notional { get; init; }
    public required decimal SlippageBps { get; init; }

    /// <summary>How the quantity was reached (risk budget, risk-based qty, cap, binding constraint), for sim_json.</summary>
    public required IReadOnlyDictionary<string, object> SizingRationale { get; init; }

    /// <summary>The command the broker-gateway receives for this plan (decided at <paramref name="decisionTs"/>, the run's market time).</summary>
    public PlaceBracketOrder Command(Guid executionId, DispatchCandidate candidate, int maxHoldMinutes,
        DateTimeOffset decisionTs, string configSha, ExecutionMode executionMode) => new()
    {
        ExecutionId = executionId,
        RecommendationId = candidate.Id,
        Ticker = candidate.Recommendation.Ticker,
        Side = Side,
        Action = candidate.Recommendation.Action,
        InstrumentType = candidate.Recommendation.InstrumentType,
        Qty = Qty,
        EntryPrice = EntryPrice,
        StopLossPrice = StopLossPrice,
        TakeProfitPrice = TakeProfitPrice,
        MaxHoldMinutes = maxHoldMinutes,
        DecisionTs = decisionTs,
        SignalTs = candidate.Recommendation.Ts,
        Confidence = candidate.Recommendation.Confidence,
        ConfigSha = configSha,
        ExecutionMode = executionMode,
    };
}
