namespace Tradewire.Contracts.Signals;

/// <summary>
/// One recommendation of the signal engine. <see cref="SignalKey"/> is deterministic (ticker, minute, rule),
/// so a replay or a redelivery recreates the same key and the dispatcher stores it once.
/// </summary>
/// <remarks>
/// <see cref="Action"/>: <c>BUY_CALL</c>, <c>BUY_PUT</c>, <c>BUY_STOCK</c>, <c>SELL_PREMIUM</c>.
/// <see cref="InstrumentType"/>: <c>CALL</c>, <c>PUT</c>, <c>STOCK</c>. Options actions are priced on the
/// underlying's bar (<see cref="Close"/> at <see cref="BarTs"/>). <see cref="Confidence"/> in [0, 1].
/// <see cref="ReasonsJson"/> is a JSON object: the rule that fired and its inputs.
/// </remarks>
public sealed record Recommendation
{
    public required string SignalKey { get; init; }
    public required DateTimeOffset Ts { get; init; }
    public required string Ticker { get; init; }
    public required TradeAction Action { get; init; }
    public required InstrumentType InstrumentType { get; init; }
    public required decimal Confidence { get; init; }
    public required string ReasonsJson { get; init; }

    /// <summary>Close of the underlying's latest bar and that bar's close time.</summary>
    public required decimal Close { get; init; }
    public required DateTimeOffset BarTs { get; init; }

    /// <summary>Features the rule used: their bar time and the volatility the stop distance uses.</summary>
    public required DateTimeOffset FeatureTs { get; init; }
    public required decimal RecentVol { get; init; }
    public decimal? Atr14 { get; init; }
}
