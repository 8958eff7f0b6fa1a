namespace Tradewire.Contracts.Watchlist;

/// <summary>
/// One ranked symbol. <see cref="Attribution"/> maps each score component (momentum, trend, liquidity,
/// volatility_regime, news_sentiment, reward_risk) to its contribution; the contributions sum to
/// <see cref="Score"/>.
/// </summary>
public sealed record WatchlistEntry
{
    public required int Rank { get; init; }
    public required string Symbol { get; init; }
    public required decimal Score { get; init; }
    public required IReadOnlyDictionary<string, decimal> Attribution { get; init; }
}
