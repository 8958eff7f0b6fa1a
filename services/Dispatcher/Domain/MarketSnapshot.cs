namespace Tradewire.Dispatcher.Domain;

/// <summary>
/// The bar and features a decision uses for a ticker: the run tick's latest bar when it has the ticker,
/// else the recommendation's own (<see cref="Source"/> says which). Times UTC, <see cref="Close"/> in dollars.
/// </summary>
public sealed record MarketSnapshot(decimal Close, DateTimeOffset BarTs, DateTimeOffset FeatureTs, string Source)
{
    public const string FromTick = "tick";
    public const string FromRecommendation = "recommendation";

    /// <summary>Picks the tick's bar if there is one; a tick bar without features keeps the recommendation's feature time.</summary>
    public static MarketSnapshot For(DispatchCandidate candidate, Tradewire.Contracts.Signals.LatestBar? tickBar) =>
        tickBar is null
            ? new(candidate.Recommendation.Close, candidate.Recommendation.BarTs, candidate.Recommendation.FeatureTs, FromRecommendation)
            : new(tickBar.Close, tickBar.BarTs, tickBar.FeatureTs ?? candidate.Recommendation.FeatureTs, FromTick);
}
