namespace Tradewire.Contracts.Signals;

/// <summary>The latest bar and features the signal engine holds for a symbol (times UTC).</summary>
public sealed record LatestBar
{
    public required string Ticker { get; init; }
    public required decimal Close { get; init; }
    public required DateTimeOffset BarTs { get; init; }
    public required DateTimeOffset? FeatureTs { get; init; }
    public decimal? RecentVol { get; init; }
}
