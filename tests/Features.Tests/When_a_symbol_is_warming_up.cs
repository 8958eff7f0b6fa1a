using Tradewire.Contracts.Features;
using Tradewire.Features.Domain;
using Tradewire.Features.Tests.Support;

namespace Tradewire.Features.Tests;

public sealed class When_a_symbol_is_warming_up
{
    static List<SymbolFeatures> Run(int bars)
    {
        var state = new IndicatorState("TEST");
        var all = new List<SymbolFeatures>();
        foreach (var bar in BarSeries.RandomWalk(bars, 11))
        {
            state.TryApply(bar, out var features);
            all.Add(features);
        }
        return all;
    }

    public static TheoryData<string, int> FirstValues => new()
    {
        { "sma20", 20 }, { "sma50", 50 }, { "trend", 50 }, { "atr14", 15 }, { "recent_vol", 15 },
        { "realized_vol", 21 }, { "vol_ratio", 21 }, { "return_1", 2 }, { "return_5", 6 }, { "return_15", 16 },
    };

    [Theory]
    [MemberData(nameof(FirstValues))]
    public void Should_be_null_until_its_bar_and_set_from_then_on(string indicator, int firstBar)
    {
        var all = Run(60);
        for (var n = 1; n <= all.Count; n++)
        {
            var value = Value(all[n - 1], indicator);
            Assert.True(value.HasValue == n >= firstBar, $"{indicator} at bar {n}: {(value.HasValue ? value : "null")}");
        }
    }

    [Fact]
    public void Should_be_ready_from_bar_50_exactly_when_every_value_is_set()
    {
        var all = Run(60);
        Assert.Equal(WarmUp.Ready, all.First(f => f.Ready).BarCount);
        Assert.All(all, f => Assert.Equal(FirstValues.All(row => Value(f, (string)row[0]) is not null), f.Ready));
    }

    [Fact]
    public void Should_leave_the_volume_ratio_undefined_and_not_ready_after_20_bars_without_volume()
    {
        var state = new IndicatorState("THIN");
        SymbolFeatures features = null!;
        for (var i = 0; i < 60; i++)
            state.TryApply(BarSeries.Bar("THIN", BarSeries.Start.AddMinutes(i), 10m, 10.01m, 9.99m, 10m + i % 3 * 0.01m, i < 35 ? 100 : 0), out features);
        Assert.Null(features.VolRatio);
        Assert.False(features.Ready);
        Assert.NotNull(features.Sma50);
    }

    static decimal? Value(SymbolFeatures f, string indicator) => indicator switch
    {
        "sma20" => f.Sma20, "sma50" => f.Sma50, "trend" => f.Trend, "atr14" => f.Atr14, "recent_vol" => f.RecentVol,
        "realized_vol" => f.RealizedVol, "vol_ratio" => f.VolRatio, "return_1" => f.Return1, "return_5" => f.Return5,
        "return_15" => f.Return15, _ => throw new ArgumentOutOfRangeException(nameof(indicator), indicator, null),
    };
}
