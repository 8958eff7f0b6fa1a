using Tradewire.Contracts.Features;
using Tradewire.Features.Domain;
using Tradewire.Features.Tests.Support;

namespace Tradewire.Features.Tests;

/// <summary>
/// The documented choice for the overnight gap: indicators carry their state from one session into the next (a
/// symbol's bars are its own bars, across sessions), so a symbol warm at yesterday's close is ready at today's
/// first bar, and the gap is part of that bar's returns and true range.
/// </summary>
public sealed class When_a_new_session_opens
{
    static readonly DateTimeOffset NextOpen = BarSeries.Start.AddDays(1); // 09:30 New York the next day

    static (IndicatorState State, List<SymbolFeatures> DayOne) DayOne()
    {
        var state = new IndicatorState("TEST");
        var features = new List<SymbolFeatures>();
        foreach (var bar in BarSeries.RandomWalk(390, 7))
        {
            state.TryApply(bar, out var f);
            features.Add(f);
        }
        return (state, features);
    }

    [Fact]
    public void Should_be_ready_at_the_first_bar_and_span_the_night_in_its_returns_and_true_range()
    {
        var (state, dayOne) = DayOne();
        var closes = BarSeries.RandomWalk(390, 7).Select(b => b.Close).ToList();
        var lastClose = closes[^1];
        var atrBefore = state.Atr!.Value;
        // Today opens 5 % above yesterday's close.
        var open = Math.Round(lastClose * 1.05m, 2);
        var bar = BarSeries.Bar("TEST", NextOpen, open, open + 0.2m, open - 0.1m, open + 0.1m, 20_000);

        Assert.True(state.TryApply(bar, out var first));

        Assert.True(first.Ready);
        Assert.Equal(391, first.BarCount);
        Assert.Equal(FeatureRounding.Fraction(bar.Close / lastClose - 1m), first.Return1);
        Assert.Equal(FeatureRounding.Fraction(bar.Close / closes[^5] - 1m), first.Return5);
        var gapTrueRange = bar.High - lastClose; // the gap, not the bar's own 0.30 range
        Assert.Equal(FeatureRounding.Price((atrBefore * 13 + gapTrueRange) / 14), first.Atr14);
        Assert.Equal(FeatureRounding.Price((closes.TakeLast(19).Sum() + bar.Close) / 20), first.Sma20);
        Assert.True(first.Atr14 > dayOne[^1].Atr14, "the overnight gap widens ATR at the open");
    }

    [Fact]
    public void Should_continue_identically_when_the_state_was_stored_overnight()
    {
        var (carried, _) = DayOne();
        var (stored, _) = DayOne();
        var restored = IndicatorState.FromJson(stored.ToJson());
        var bar = BarSeries.Bar("TEST", NextOpen, 101m, 101.5m, 100.5m, 101.2m, 10_000);

        carried.TryApply(bar, out var a);
        restored.TryApply(bar, out var b);

        Assert.Equal(a, b);
    }
}
