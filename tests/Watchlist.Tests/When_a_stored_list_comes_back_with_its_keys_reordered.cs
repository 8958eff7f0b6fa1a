using Tradewire.Watchlist.Domain;

namespace Tradewire.Watchlist.Tests;

public sealed class When_a_stored_list_comes_back_with_its_keys_reordered
{
    [Fact]
    public void Should_carry_the_attribution_in_component_order()
    {
        var stored = new WatchlistState
        {
            LastMinute = Features.Open,
            Entries = [new Tradewire.Contracts.Watchlist.WatchlistEntry { Rank = 1, Symbol = "A", Score = 3m,
                Attribution = new Dictionary<string, decimal> { [ScoreComponents.Trend] = 1m, [ScoreComponents.Momentum] = 2m } }],
        };
        var engine = new WatchlistEngine(new WatchlistOptions(), stored);

        Assert.Equal([ScoreComponents.Momentum, ScoreComponents.Trend], engine.State.Entries[0].Attribution.Keys);
    }
}
