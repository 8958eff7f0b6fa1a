using Tradewire.Contracts.Features;
using Tradewire.Features.Domain;
using Tradewire.Features.Tests.Support;
using Tradewire.Tests.Shared;

namespace Tradewire.Features.Tests;

/// <summary>
/// Real SPY bars of 2011-03-15, two days after the 2011-03-13 DST change (New York on UTC-4): the regular session
/// is 13:30-20:00 UTC. The file has every one of its 390 minutes (bar ends 09:31 ... 16:00 local), so the count
/// asserted is the full session; a lost DST shift would move the window by an hour and break the first and last
/// bar checks. Only this session's bars feed the engine (a fresh state), driven directly: the product's calendar
/// covers 2024-2027 only.
/// </summary>
public sealed class When_computing_features_on_real_spy_minute_bars
{
    static readonly DateOnly Date = new(2011, 3, 15);
    readonly List<Tradewire.Contracts.Market.Bar> bars = NinjaTraderBars.RegularSession(SharedData.SpyMarch2011Csv, "SPY", Date);

    [Fact]
    public void Should_find_the_complete_regular_session_in_utc_minus_4()
    {
        Assert.Equal(390, bars.Count);
        Assert.Equal(new DateTimeOffset(2011, 3, 15, 13, 30, 0, TimeSpan.Zero), bars[0].Minute);
        Assert.Equal(new DateTimeOffset(2011, 3, 15, 20, 0, 0, TimeSpan.Zero), bars[^1].ClosedAt);
        Assert.Equal(390, bars.Select(b => b.Minute).Distinct().Count());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(21)]
    [InlineData(49)]
    [InlineData(50)]
    [InlineData(51)]
    [InlineData(120)]
    [InlineData(233)]
    [InlineData(390)]
    public void Should_match_the_full_window_formulas_at_bar(int barNumber)
    {
        var features = Run().ToList();
        FeatureAssert.MatchesReference(bars, barNumber - 1, features[barNumber - 1]);
    }

    [Fact]
    public void Should_agree_on_the_last_bar_with_values_computed_outside_dotnet()
    {
        var last = Run().Last();

        // Computed once with a short Python script (decimal SMA/ATR, float log returns) over the same 390 bars,
        // rounded as the engine rounds: a second, independent implementation, not this engine's output.
        Assert.True(last.Ready);
        Assert.Equal(128.63m, last.Close);
        Assert.Equal(128.9775m, last.Sma20);
        Assert.Equal(128.9456m, last.Sma50);
        Assert.Equal(0.10186662m, last.Atr14);
        Assert.Equal(0.0007919351m, last.RecentVol);
        Assert.Equal(0.0006311392m, last.RealizedVol);
        Assert.Equal(3.2211308443m, last.VolRatio);
    }

    IEnumerable<SymbolFeatures> Run()
    {
        var state = new IndicatorState("SPY");
        foreach (var bar in bars)
        {
            Assert.True(state.TryApply(bar, out var features));
            yield return features;
        }
    }
}
