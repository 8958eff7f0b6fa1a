using Tradewire.Contracts.Execution;
using Tradewire.Contracts.Signals;

namespace Tradewire.BrokerGateway.Domain;

/// <summary>
/// One bracket (row of <c>brackets</c>). Invariants: <see cref="FilledQty"/> &lt;= <see cref="Qty"/> &lt;=
/// <see cref="PlannedQty"/>; OCO legs exist only once <see cref="FilledQty"/> &gt; 0 and are sized to it.
/// Quantities in shares, prices in USD, times market time (UTC).
/// </summary>
public sealed class Bracket
{
    public required Guid ExecutionId { get; init; }
    public required long RecommendationId { get; init; }
    public required string Ticker { get; init; }
    public required OrderSide Side { get; init; }
    public required TradeAction Action { get; init; }
    public required InstrumentType InstrumentType { get; init; }
    public required decimal PlannedQty { get; init; }
    /// <summary>The quantity sent after risk reduction (0 until risk ran).</summary>
    public decimal Qty { get; set; }
    public required decimal EntryPrice { get; init; }
    public required decimal StopPrice { get; set; }
    public required decimal TargetPrice { get; init; }
    public required int MaxHoldMinutes { get; init; }
    public required DateTimeOffset DecisionTs { get; init; }
    public required DateTimeOffset SignalTs { get; init; }
    /// <summary>The dispatcher run (market minute) the command belongs to.</summary>
    public required DateTimeOffset DispatchMinute { get; init; }
    public required decimal Confidence { get; init; }
    public required string ConfigSha { get; init; }
    public required ExecutionMode ExecutionMode { get; init; }
    public BracketState State { get; set; } = BracketState.Requested;
    public decimal FilledQty { get; set; }
    public decimal? AvgEntryPrice { get; set; }
    public decimal? ExitPrice { get; set; }
    public string? ExitReason { get; set; }
    public decimal RealizedPnl { get; set; }
    public DateTimeOffset? EntryFilledAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public required DateTimeOffset CreatedAt { get; init; }
    public bool Dirty { get; set; }

    public string OcoGroup => ClientOrderIds.OcoGroup(ExecutionId);
    /// <summary>The order id of <paramref name="role"/>; for an OCO leg, that of the pair placed <paramref name="replacement"/> times again.</summary>
    public string Id(LegRole role, int replacement = 0) => ClientOrderIds.For(ExecutionId, role, replacement);
    /// <summary>The side that closes this bracket's position.</summary>
    public OrderSide ExitSide => Side == OrderSide.Buy ? OrderSide.Sell : OrderSide.Buy;
}
