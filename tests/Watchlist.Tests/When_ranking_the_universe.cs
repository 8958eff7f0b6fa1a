using Tradewire.Watchlist.Domain;

namespace Tradewire.Watchlist.Tests;

public sealed class When_ranking_the_universe
{
    static ScoredSymbol S(string symbol, decimal score) =>
        new(symbol, score, new Dictionary<string, decimal> { [ScoreComponents.Momentum] = score });

    [Fact]
    public void Should_order_by_score_and_break_ties_by_symbol_ordinal()
    {
        var ranked = WatchlistRanker.Rank([S("b", 5m), S("MSFT", 7m), S("AAPL", 5m), S("Z", 5m), S("AMZN", 9m)], 10);

        Assert.Equal(["AMZN", "MSFT", "AAPL", "Z", "b"], ranked.Select(e => e.Symbol));
        Assert.Equal([1, 2, 3, 4, 5], ranked.Select(e => e.Rank));
    }

    [Fact]
    public void Should_keep_only_the_top_n()
    {
        var ranked = WatchlistRanker.Rank(Enumerable.Range(0, 40).Select(i => S($"S{i:D2}", i)), 30);

        Assert.Equal(30, ranked.Count);
        Assert.Equal("S39", ranked[0].Symbol);
        Assert.Equal("S10", ranked[^1].Symbol);
    }
}
