using Tradewire.Features.Domain;
using Tradewire.Features.Tests.Support;

namespace Tradewire.Features.Tests;

public sealed class When_a_bar_is_not_newer_than_the_state
{
    [Fact]
    public void Should_ignore_a_repeated_or_older_bar_and_change_nothing()
    {
        var bars = BarSeries.RandomWalk(40, 4);
        var state = new IndicatorState("TEST");
        foreach (var bar in bars)
            state.TryApply(bar, out _);
        var before = state.ToJson();

        Assert.False(state.TryApply(bars[^1], out _));
        Assert.False(state.TryApply(bars[10] with { Close = 1m }, out _));

        Assert.Equal(before, state.ToJson());
    }

    [Fact]
    public void Should_refuse_another_symbols_bar()
    {
        var state = new IndicatorState("AAA");
        var bar = BarSeries.RandomWalk(1, 1, symbol: "BBB")[0];
        Assert.Throws<ArgumentException>(() => state.TryApply(bar, out _));
    }
}
