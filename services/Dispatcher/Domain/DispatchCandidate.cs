namespace Tradewire.Dispatcher.Domain;

/// <summary>
/// A claimed recommendation, as stored in <c>dispatch_recommendations</c>. Times UTC, prices in dollars,
/// <see cref="RecentVol"/> a fraction of price (0.01 = 1 %), <see cref="Confidence"/> in [0, 1].
/// </summary>
public sealed record DispatchCandidate
{
    public required long Id { get; init; }
    public required string SignalKey { get; init; }
    public required DateTimeOffset Ts { get; init; }
    public required string Ticker { get; init; }
    public required string Action { get; init; }
    public required string InstrumentType { get; init; }
    public required decimal Confidence { get; init; }
    public required string ReasonJson { get; init; }
    public required decimal Close { get; init; }
    public required DateTimeOffset BarTs { get; init; }
    public required DateTimeOffset FeatureTs { get; init; }
    public required decimal RecentVol { get; init; }
    public decimal? Atr14 { get; init; }
}
