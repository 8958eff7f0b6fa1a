using Tradewire.Contracts.Signals;

namespace Tradewire.Contracts.Execution;

/// <summary>
/// Event (version 1): the dispatcher decided one recommendation. Published through its outbox in the same
/// transaction as the decision, so what the operator sees is exactly what was stored. <see cref="Status"/> is
/// <c>SIMULATED</c> (a bracket was sent: <see cref="ExecutionId"/> and the plan are set) or <c>SKIPPED</c>
/// (<see cref="SkipReason"/> says why: a failed gate, or a pricing rejection with observed and threshold values).
/// </summary>
/// <remarks>
/// <see cref="RiskGateJson"/> is the stored <c>risk_gate_json</c> verbatim: one property per gate key
/// (<c>confidence</c>, <c>action_allowed</c>, <c>bar_freshness</c>, <c>feature_freshness</c>,
/// <c>ticker_daily_limit</c>), each <c>{"passed", "observed", "threshold"}</c>. <see cref="SizingJson"/> is the
/// sizing rationale (risk budget, risk-based quantity, cap, binding constraint) when a bracket was priced.
/// Prices in dollars, quantities in whole shares, times UTC (market time of the run).
/// </remarks>
public sealed record RecommendationDecided
{
    public required long RecommendationId { get; init; }
    /// <summary>The signal's deterministic key: joins this decision to the recommendation in <c>SignalsEvaluated</c>.</summary>
    public required string SignalKey { get; init; }
    public required string Ticker { get; init; }
    public required TradeAction Action { get; init; }
    public required decimal Confidence { get; init; }
    public required string Status { get; init; }
    public string? SkipReason { get; init; }
    public required string RiskGateJson { get; init; }
    /// <summary>SHA-256 of the dispatcher configuration the decision ran under.</summary>
    public required string ConfigSha { get; init; }
    public required Guid RunId { get; init; }
    public required DateTimeOffset DecidedAt { get; init; }
    public required DateTimeOffset SignalTs { get; init; }
    public Guid? ExecutionId { get; init; }
    /// <summary><c>BUY</c> or <c>SELL</c>; null when skipped.</summary>
    public OrderSide? Side { get; init; }
    public decimal? Qty { get; init; }
    public decimal? EntryPrice { get; init; }
    public decimal? StopLossPrice { get; init; }
    public decimal? TakeProfitPrice { get; init; }
    public decimal? Notional { get; init; }
    public string? SizingJson { get; init; }
    /// <summary><c>PAPER</c> or <c>LIVE</c>.</summary>
    public required ExecutionMode ExecutionMode { get; init; }
}
