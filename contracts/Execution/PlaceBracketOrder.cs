using Tradewire.Contracts.Signals;

namespace Tradewire.Contracts.Execution;

/// <summary>
/// Command (dispatcher to broker-gateway): open a bracket: an entry at market and, once it fills, an OCO pair
/// (stop and take-profit) sized to the filled quantity. <see cref="ExecutionId"/> is the ledger's
/// <c>execution_id</c>; the gateway derives every <c>client_order_id</c> from it and the leg role, so a
/// redelivered command never creates a second order.
/// </summary>
public sealed record PlaceBracketOrder
{
    public required Guid ExecutionId { get; init; }
    public required long RecommendationId { get; init; }
    public required string Ticker { get; init; }

    /// <summary><c>BUY</c> (long) or <c>SELL</c> (short).</summary>
    public required OrderSide Side { get; init; }

    /// <summary>The recommendation's action and instrument type (options are traded as the underlying).</summary>
    public required TradeAction Action { get; init; }
    public required InstrumentType InstrumentType { get; init; }

    /// <summary>Whole shares, positive.</summary>
    public required decimal Qty { get; init; }
    public required decimal EntryPrice { get; init; }
    public required decimal StopLossPrice { get; init; }
    public required decimal TakeProfitPrice { get; init; }
    public required int MaxHoldMinutes { get; init; }

    /// <summary>Market time of the decision, and the signal's time (for the stale-signal gate).</summary>
    public required DateTimeOffset DecisionTs { get; init; }
    public required DateTimeOffset SignalTs { get; init; }
    public required decimal Confidence { get; init; }

    /// <summary>SHA-256 of the dispatcher configuration the decision ran under (stored on every order).</summary>
    public required string ConfigSha { get; init; }

    /// <summary><c>PAPER</c> or <c>LIVE</c>.</summary>
    public required ExecutionMode ExecutionMode { get; init; }
}
