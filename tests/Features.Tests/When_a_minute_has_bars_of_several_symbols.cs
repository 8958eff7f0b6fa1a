using Tradewire.Features.Domain;
using Tradewire.Features.Tests.Support;

namespace Tradewire.Features.Tests;

public sealed class When_a_minute_has_bars_of_several_symbols
{
    [Fact]
    public void Should_apply_each_to_its_own_state_and_order_features_by_symbol()
    {
        var minute = BarSeries.Start;
        var states = new Dictionary<string, IndicatorState>(StringComparer.Ordinal);
        var known = new IndicatorState("MSFT");
        known.TryApply(BarSeries.Bar("MSFT", minute.AddMinutes(-1), 400m, 401m, 399m, 400m, 10), out _);
        states["MSFT"] = known;
        var bars = new[]
        {
            BarSeries.Bar("aapl", minute, 1m, 1m, 1m, 1m, 1), BarSeries.Bar("MSFT", minute, 400m, 402m, 400m, 401m, 20),
            BarSeries.Bar("AAPL", minute, 200m, 201m, 199m, 200m, 30),
        };

        var step = MinuteFeatures.Apply(bars, states);

        Assert.Equal(["AAPL", "MSFT", "aapl"], step.Features.Select(f => f.Symbol));
        Assert.Equal([1, 2, 1], step.Features.Select(f => f.BarCount));
        Assert.Equal(401m / 400m - 1, step.Features[1].Return1);
        Assert.Equal(3, states.Count);
        Assert.Same(known, step.ChangedStates.Single(s => s.Symbol == "MSFT"));
    }

    [Fact]
    public void Should_skip_a_bar_its_state_has_already_seen_and_report_no_change_for_it()
    {
        var minute = BarSeries.Start;
        var states = new Dictionary<string, IndicatorState>(StringComparer.Ordinal);
        var bars = new[] { BarSeries.Bar("AAPL", minute, 200m, 201m, 199m, 200m, 30) };
        MinuteFeatures.Apply(bars, states);

        var again = MinuteFeatures.Apply(bars, states);

        Assert.Empty(again.Features);
        Assert.Empty(again.ChangedStates);
        Assert.Equal(1, states["AAPL"].BarCount);
    }
}
