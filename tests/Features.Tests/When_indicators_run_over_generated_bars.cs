using Tradewire.Contracts.Features;
using Tradewire.Features.Domain;
using Tradewire.Features.Tests.Support;

namespace Tradewire.Features.Tests;

public sealed class When_indicators_run_over_generated_bars
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(2025)]
    public void Should_match_the_full_window_formulas_at_every_bar(int seed)
    {
        var bars = BarSeries.RandomWalk(300, seed);
        var state = new IndicatorState("TEST");
        for (var i = 0; i < bars.Count; i++)
        {
            Assert.True(state.TryApply(bars[i], out var features));
            FeatureAssert.MatchesReference(bars, i, features);
        }
    }

    [Fact]
    public void Should_round_prices_to_8_and_fractions_to_10_decimals()
    {
        var bars = BarSeries.RandomWalk(120, 3);
        var state = new IndicatorState("TEST");
        SymbolFeatures last = null!;
        foreach (var bar in bars)
            state.TryApply(bar, out last);

        foreach (var price in new[] { last.Sma20, last.Sma50, last.Atr14 })
            Assert.Equal(price!.Value, Math.Round(price.Value, 8));
        foreach (var fraction in new[] { last.RecentVol, last.RealizedVol, last.VolRatio, last.Trend, last.Return1, last.Return5, last.Return15 })
            Assert.Equal(fraction!.Value, Math.Round(fraction.Value, 10));
    }

    [Fact]
    public void Should_use_the_previous_close_in_the_true_range_of_a_gap()
    {
        // 15 quiet bars (range 0.10, no gaps), then one gapping up 5.00 above the previous close with a 0.10 range.
        var state = new IndicatorState("GAP");
        SymbolFeatures features = null!;
        for (var i = 0; i < 15; i++)
            state.TryApply(BarSeries.Bar("GAP", BarSeries.Start.AddMinutes(i), 100m, 100.05m, 99.95m, 100m, 1000), out features);
        Assert.Equal(0.1m, features.Atr14); // first ATR: mean of 14 TRs of 0.10

        state.TryApply(BarSeries.Bar("GAP", BarSeries.Start.AddMinutes(15), 105m, 105.05m, 104.95m, 105m, 1000), out features);

        // TR = |high - previous close| = 5.05, not high - low = 0.10: ATR = (0.1 x 13 + 5.05) / 14.
        Assert.Equal(Math.Round((0.1m * 13 + 5.05m) / 14, 8), features.Atr14);
    }
}
